"""Threads: the same claim across articles, outlets and time.

Two claims belong to one thread when all of these hold (the first failing test rejects):

1. they have the same actor signature: subject code and object code, with at least one of
   the two known (a claim naming no coded actor is not threaded: nothing anchors it);
2. the later one is dated at most :data:`THREAD_WINDOW_DAYS` after the thread was last seen;
3. the estimated Jaccard similarity (MinHash) of their canonical predicates and key terms
   (``claim_predicates.tsv``: "sent", "supplied" and "deliveries" are one predicate; words
   about the telling, like "allegations", are left out) is at least :data:`THREAD_SIMILARITY`.

The signature works as an exact blocking key and MinHash makes the comparison cheap, so a
new claim is compared with the few threads of its signature only; on Spark the same test
runs after a join on the signature (``claimgraph.spark``). Pure functions: the store keeps
the threads (``claimgraph.store.claims``).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

import numpy as np

from claimgraph.claims.lexicon import IGNORED, canonical_words
from claimgraph.events.mentions import Signature, minhash, words

# A story is followed for a year after it was last reported (drone supply claims of autumn
# 2022 were still restated, and denied, in 2023).
THREAD_WINDOW_DAYS = 365
# Paraphrases of one claim by different outlets share the actors (already equal by rule 1)
# and most key nouns; 0.25 keeps those together and splits different claims between the same
# two actors ("supplies drones" vs "trains pilots").
THREAD_SIMILARITY = 0.25
# The most recently seen threads of one signature a claim is compared with: a story that
# has not been reported since a thousand newer threads of the same two actors began is cold.
MAX_CANDIDATES = 1000


class ThreadKey(NamedTuple):
    subject: str | None
    object: str | None
    signature: Signature


def canonical(word: str) -> str | None:
    """The word as threading compares it: its canonical predicate ("sent" and "deliveries"
    count as "supply"), itself when it has none, None for words about the telling."""
    found = canonical_words().get(word.lower(), word.lower())
    return None if found == IGNORED else found


def canonical_predicate(claim: Mapping[str, Any]) -> str | None:
    predicate = claim.get("predicate")
    return canonical(str(predicate)) if predicate else None


def shingles(claim: Mapping[str, Any]) -> set[str]:
    """The tokens a claim's MinHash is computed on: its canonical predicate (twice: as a
    predicate, and as a word a nominalization may share) and its canonical key terms; the
    text's content words when it has no terms."""
    tokens = {c for t in claim.get("terms") or () if (c := canonical(str(t)))}
    if not tokens:
        tokens = {c for w in words(claim.get("text") or "") if (c := canonical(w))}
    predicate = canonical_predicate(claim)
    if predicate:
        tokens.update({f"~{predicate}", predicate})
    return tokens


def _code(actor: Any) -> str | None:
    return actor.get("code") if isinstance(actor, Mapping) else None


def thread_key(claim: Mapping[str, Any]) -> ThreadKey | None:
    """The key of a contract claim, or None when it cannot be threaded (rule 1)."""
    subject, obj = _code(claim.get("subject")), _code(claim.get("object"))
    if subject is None and obj is None:
        return None
    return ThreadKey(subject, obj, minhash(shingles(claim)))


def best_match(key: ThreadKey, candidates: Sequence[Signature]) -> tuple[int, float] | None:
    """The candidate (index, similarity) most similar to ``key``, if any reaches
    :data:`THREAD_SIMILARITY`. Candidates already share the signature and window."""
    if not candidates:
        return None
    stacked = np.stack(candidates)
    scores = (stacked == key.signature[None, :]).mean(axis=1)
    best = int(scores.argmax())
    score = float(scores[best])
    return (best, score) if score >= THREAD_SIMILARITY else None


def in_window(last_seen: str | None, day: str | None) -> bool:
    """Rule 2: whether a claim of ``day`` may continue a thread last seen on ``last_seen``
    (undated claims and threads always may)."""
    if not last_seen or not day:
        return True
    try:
        gap = (date.fromisoformat(day[:10]) - date.fromisoformat(last_seen[:10])).days
    except ValueError:
        return True
    return gap <= THREAD_WINDOW_DAYS


class Candidate(NamedTuple):
    """A thread a new claim may join: its id, first claim's signature and last day seen."""

    id: str
    signature: Signature
    last_seen: str | None


def _window_start(day: str | None) -> str | None:
    """The earliest ISO day a thread may have been last seen on to take a claim of ``day``
    (rule 2), or None when every thread may (no day, or one that does not parse)."""
    if not day:
        return None
    try:
        ordinal = date.fromisoformat(day[:10]).toordinal() - THREAD_WINDOW_DAYS
    except ValueError:
        return None
    return date.fromordinal(max(ordinal, 1)).isoformat()  # no day before 0001-01-01


def _is_iso_day(text: str) -> bool:
    return len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit()


def choose(key: ThreadKey, candidates: Sequence[Candidate], day: str | None) -> str | None:
    """The thread a claim of ``day`` joins, among its signature's threads given most recently
    seen first (rules 2 and 3; the first of equally similar ones wins), or None for a new
    thread. The store and the Spark job both decide with this function."""
    start = _window_start(day)
    # ISO days compare as strings: one comparison per candidate instead of parsing two
    # dates (a claim may have a thousand candidates); anything else goes through in_window
    open_ = [
        c
        for c in candidates[:MAX_CANDIDATES]
        if start is None
        or not c.last_seen
        or (c.last_seen[:10] >= start if _is_iso_day(c.last_seen) else in_window(c.last_seen, day))
    ]
    match = best_match(key, [c.signature for c in open_])
    return open_[match[0]].id if match is not None else None


def later(a: str | None, b: str | None) -> str | None:
    """The later of two ISO days (None counts as unknown, not as earliest)."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


class ThreadBook:
    """Threads assigned in memory, in the order claims arrive, exactly as the store assigns
    them when the same claims are stored in the same order into an empty database (the
    Spark job replays each signature's claims through one of these)."""

    def __init__(self) -> None:
        # per signature: thread id -> [id, signature, last_seen, creation number], and the
        # threads' keys in the store's candidate order (ascending: the last is read first)
        self._threads: dict[tuple[str | None, str | None], dict[str, list[Any]]] = {}
        self._order: dict[tuple[str | None, str | None], list[tuple[bool, str, int, str]]] = {}
        self._created = 0

    @staticmethod
    def _rank(thread: list[Any]) -> tuple[bool, str, int, str]:
        # the store's order: last seen first, unknown last, then the newest thread first
        return (thread[2] is not None, thread[2] or "", thread[3], thread[0])

    def assign(self, article_id: str, claim: Mapping[str, Any], day: str | None) -> str | None:
        key = thread_key(claim)
        if key is None:
            return None
        signature = (key.subject, key.object)
        threads = self._threads.setdefault(signature, {})
        order = self._order.setdefault(signature, [])
        # the candidates the store reads: kept in order as threads change, because a
        # signature may hold tens of thousands of threads (sorting them per claim would make
        # a day's replay quadratic)
        ordered = [threads[rank[3]] for rank in reversed(order[-MAX_CANDIDATES:])]
        chosen = choose(key, [Candidate(t[0], t[1], t[2]) for t in ordered], day)
        if chosen is None:
            chosen = thread_id(article_id, claim["id"])
            self._created += 1
            threads[chosen] = [chosen, key.signature, None, self._created]
            bisect.insort(order, self._rank(threads[chosen]))
        thread = threads[chosen]
        seen = later(thread[2], day)
        if seen != thread[2]:
            del order[bisect.bisect_left(order, self._rank(thread))]
            thread[2] = seen
            bisect.insort(order, self._rank(thread))
        return chosen


def thread_id(article_id: str, claim_id: str) -> str:
    """A new thread's id: stable, from the claim that starts it."""
    return hashlib.sha256(f"{article_id}/{claim_id}".encode()).hexdigest()[:16]


def balance(stances: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in stances:
        counts[s] = counts.get(s, 0) + 1
    return counts
