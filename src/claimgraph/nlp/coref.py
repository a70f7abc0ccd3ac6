"""Light coreference for attribution sources: pronouns and definite descriptions.

``antecedent(doc, token, mentions)`` finds, for "he", "they", "the ministry", "the latter"
and the like, the nearest earlier actor mention of a compatible kind. It is deliberately
small: only sources are resolved, only backwards, and only within ``MAX_SENTENCES_BACK``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Token

MAX_SENTENCES_BACK = 3
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})
# Definite descriptions and the kinds (and office words) they may refer back to.
DESCRIPTIONS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "mission": (frozenset({"role"}), ("mission",)),
    "ministry": (frozenset({"role"}), ("ministry",)),
    "agency": (frozenset({"outlet", "igo", "role"}), ()),
    "newspaper": (frozenset({"outlet"}), ()),
    "paper": (frozenset({"outlet"}), ()),
    "outlet": (frozenset({"outlet"}), ()),
    "government": (frozenset({"state", "role"}), ()),
    "country": (frozenset({"state"}), ()),
    "president": (frozenset({"person", "role"}), ("president",)),
    "minister": (frozenset({"person", "role"}), ("minister",)),
    "organization": (frozenset({"igo", "org"}), ()),
    "alliance": (frozenset({"igo", "group"}), ()),
}
KINDS_FOR_PRONOUN = {
    **dict.fromkeys(PERSON_PRONOUNS, frozenset({"person"})),
    **dict.fromkeys(GROUP_PRONOUNS, frozenset({"state", "group", "igo", "org", "role", "outlet"})),
    **dict.fromkeys(THING_PRONOUNS, frozenset({"state", "igo", "org", "role", "outlet"})),
}


class ActorLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def office(self) -> str | None: ...


class MentionLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def actor(self) -> ActorLike: ...


def needs_antecedent(tokens: Sequence[Token]) -> bool:
    """A pronoun, "the latter/former", or "the <description>" with nothing more."""
    words = [t.lower_ for t in tokens if not t.is_punct]
    if len(words) == 1 and words[0] in KINDS_FOR_PRONOUN:
        return True
    return (
        len(words) == 2
        and words[0] == "the"
        and (words[1] in DESCRIPTIONS or words[1] in {"latter", "former"})
    )


def antecedent(
    doc: Doc,
    tokens: Sequence[Token],
    mentions: Sequence[MentionLike],
    starts: Sequence[int] | None = None,
) -> MentionLike | None:
    """The mention a pronominal or descriptive source refers back to, or None.

    ``mentions`` are in reading order (by start). Only the sentences in the window are
    visited, so a long document costs no more per source than a short one."""
    words = [t.lower_ for t in tokens if not t.is_punct]
    start_char = tokens[0].idx
    sentence = tokens[0].sent
    for _ in range(MAX_SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    window_start = sentence.start_char if sentence.start > 0 else 0
    if starts is None:  # callers resolving many sources pass the offsets once
        starts = [m.start for m in mentions]
    lo, hi = bisect_left(starts, window_start), bisect_right(starts, start_char)
    earlier = [m for m in mentions[lo:hi] if m.end <= start_char]
    if not earlier:
        return None
    if words[-1] in {"latter", "former"}:
        distinct: list[MentionLike] = []
        for m in reversed(earlier):
            if all(m.actor.name != d.actor.name for d in distinct):
                distinct.append(m)
        index = 0 if words[-1] == "latter" else 1
        return distinct[index] if len(distinct) > index else None
    if len(words) == 1:
        kinds = KINDS_FOR_PRONOUN[words[0]]
        return next((m for m in reversed(earlier) if m.actor.kind in kinds), None)
    kinds, office_words = DESCRIPTIONS[words[1]]
    for m in reversed(earlier):
        if m.actor.kind not in kinds:
            continue
        label = f"{m.actor.name} {m.actor.office or ''}".lower()
        if not office_words or any(w in label for w in office_words):
            return m
    return None
