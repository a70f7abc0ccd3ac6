"""Contents that refer back to a proposition instead of stating one.

"both Moscow and Tehran denying *the allegations*", "Tehran insists *it is not the case*":
the content names no proposition of its own; the holder takes a stance on one stated before.
:func:`classify` says whether a content is such an anaphor (and of which kind);
:func:`pick_antecedent` chooses the earlier proposition it refers to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from claimgraph.claims.lexicon import anaphor_patterns

# An anaphor reaches back at most this many sentences (its own included): news paragraphs
# restate what they deny within a sentence or two.
ANTECEDENT_WINDOW_SENTENCES = 3
_STRIP = " \t\n\"'“”‘’.,;:!?()"


def classify(content: str) -> str | None:
    """``allegation``, ``statement`` or ``negation`` when ``content`` is anaphoric, else None."""
    cleaned = " ".join(content.strip(_STRIP).split())
    for pattern in anaphor_patterns():
        if pattern.regex.match(cleaned):
            return pattern.label
    return None


class Candidate(NamedTuple):
    """An earlier proposition an anaphor may refer to."""

    position: int  # position in the caller's list of propositions
    start: int  # where it is stated (character offset)
    sentence: int  # sentence number
    contested: bool  # someone is accused of it, or it is reported as alleged


def pick_antecedent(
    candidates: Sequence[Candidate], *, at: int, sentence: int, kind: str
) -> int | None:
    """The index of the proposition an anaphor at offset ``at`` in sentence ``sentence``
    refers to. The cascade, first hit wins:

    1. for an ``allegation`` anaphor, the nearest earlier contested proposition in the window;
    2. the nearest earlier proposition in the window;
    3. none.
    """
    window = [
        c
        for c in candidates
        if c.start < at and 0 <= sentence - c.sentence < ANTECEDENT_WINDOW_SENTENCES
    ]
    window.sort(key=lambda c: c.start, reverse=True)
    if kind == "allegation":
        for c in window:
            if c.contested:
                return c.position
    return window[0].position if window else None
