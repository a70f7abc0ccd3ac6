"""Mentions, not duplicates: when two articles report the same event.

Like GDELT's Events and Mentions tables, the same event reported by several articles is one
canonical event with several mentions. Two events are mentions of one event when all of these
hold (the first failing test rejects the pair):

1. both come from different articles;
2. the same PLOVER ``type``;
3. the same five flags: an ``alleged``, ``negated``, ``hypothetical``, ``future`` or
   ``historical`` event never merges with a plain one (an accusation is not the fact);
4. the same set of actor codes and the same set of recipient codes, with at least one code
   between them (events with no coded participant are never merged: nothing anchors them);
5. their matching days (the event's own date, else the article's publication day) at most
   :data:`DATE_WINDOW_DAYS` apart;
6. their sentences' estimated word Jaccard similarity (MinHash) at least
   :data:`SIMILARITY_THRESHOLD`.

This module is pure (no store): :func:`mention_key` turns a contract event into the
:class:`MentionKey` the store indexes, and :func:`same_event` decides on two keys.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

# Reports of one event by different outlets usually date it within a few days of each other
# (a Tuesday meeting reported on Tuesday, Wednesday or in a weekend round-up).
DATE_WINDOW_DAYS = 3
# Estimated Jaccard similarity of the sentences' content words. Two outlets paraphrasing one
# event share its names and key nouns; 0.2 keeps paraphrases together while the type, flag,
# actor and date tests above already exclude nearly every false pair.
SIMILARITY_THRESHOLD = 0.2
# MinHash permutations: the standard error of the estimate is about 1/sqrt(NUM_PERM) (0.09).
NUM_PERM = 128
_PRIME = 4_294_967_291  # largest prime below 2**32: (a * x + b) stays below 2**64 in uint64
_SEED = 20221122  # fixed: signatures stored in a database must stay comparable across runs

_rng = np.random.default_rng(_SEED)
_A = _rng.integers(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=NUM_PERM, dtype=np.uint64)

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "has",
        "had",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "said",
        "says",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "after",
        "also",
        "not",
        "than",
        "over",
        "into",
        "about",
        "against",
    ]
)
FLAG_ORDER = ("negated", "hypothetical", "future", "historical", "alleged")

Signature = npt.NDArray[np.uint64]


class MentionKey(NamedTuple):
    """What one event mention is matched on."""

    type: str
    flags: int  # bit i set when FLAG_ORDER[i] is set
    actors: str  # sorted distinct actor codes, ";"-joined ("" when none)
    recipients: str
    day: date | None  # the event's own day, else the publication day
    signature: Signature


def words(text: str) -> set[str]:
    """Content words of a sentence, lower-cased (the shingles MinHash works on)."""
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and w not in STOPWORDS}


def _hash32(token: str) -> int:
    # blake2b rather than hash(): Python's str hash changes from run to run
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "big")


def minhash(tokens: Iterable[str]) -> Signature:
    """The MinHash signature of a token set (all ``_PRIME`` for an empty set)."""
    hashes = np.fromiter((_hash32(t) % _PRIME for t in tokens), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    result: Signature = permuted.min(axis=0)
    return result


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two token sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def to_blob(signature: Signature) -> bytes:
    return signature.astype("<u4").tobytes()


def from_blob(blob: bytes) -> Signature:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint64)


def _codes(participants: Iterable[Mapping[str, Any]]) -> str:
    return ";".join(sorted({p["code"] for p in participants if p.get("code")}))


def matching_day(event_date: str | None, published: str | None) -> date | None:
    """The event's own day when the text gives one to the day, else the publication day."""
    for value in (event_date, published):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def flag_bits(flags: Mapping[str, Any]) -> int:
    return sum(1 << n for n, name in enumerate(FLAG_ORDER) if flags.get(name))


def mention_key(event: Mapping[str, Any], text: str, *, published: str | None) -> MentionKey:
    """The key of a contract event (``claimgraph.document/1`` ``events[]``) in an article
    whose body is ``text``."""
    sentence = event.get("sentence") or {}
    start, end = sentence.get("start"), sentence.get("end")
    trigger = (event.get("trigger") or {}).get("text") or ""
    sentence_text = text[start:end] if start is not None and end is not None else trigger
    return MentionKey(
        type=event["type"],
        flags=flag_bits(event.get("flags") or {}),
        actors=_codes(event.get("actor") or []),
        recipients=_codes(event.get("recipient") or []),
        day=matching_day(event.get("date"), published),
        signature=minhash(words(sentence_text) | words(trigger)),
    )


def linkable(key: MentionKey) -> bool:
    """Only events with a coded participant and a day can be matched at all."""
    return bool(key.actors or key.recipients) and key.day is not None


def day_window(day: date) -> tuple[str, str]:
    """The ISO day range (inclusive) a mention on ``day`` may match."""
    delta = timedelta(days=DATE_WINDOW_DAYS)
    return ((day - delta).isoformat(), (day + delta).isoformat())


def same_event(a: MentionKey, b: MentionKey) -> bool:
    """Whether two mentions (of different articles) report one event (see the module doc)."""
    if not (linkable(a) and linkable(b)) or a.day is None or b.day is None:
        return False
    if (a.type, a.flags, a.actors, a.recipients) != (b.type, b.flags, b.actors, b.recipients):
        return False
    if abs((a.day - b.day).days) > DATE_WINDOW_DAYS:
        return False
    return similarity(a.signature, b.signature) >= SIMILARITY_THRESHOLD
