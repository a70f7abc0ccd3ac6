"""A light guess at the tense around an expression, without a parser.

"on Tuesday" is last Tuesday in "Iran said on Tuesday" and next Tuesday in "talks will
resume on Tuesday". The guess is the tense of the verb cue nearest to the expression in its
sentence (and its side of any quotation mark): a future cue ("will", "is to", "scheduled",
"expected to") or a past one ("said", "was", "-ed" forms). "by" or "before" right in front
("by Dec. 15") marks a deadline: future; "since" ("since Russia's February invasion") a
starting point: past. No cue gives :data:`UNKNOWN`; each rule says what it
does then (a weekday takes the past one, the news convention).
"""

from __future__ import annotations

import re

PAST = "past"
FUTURE = "future"
UNKNOWN = ""

#: How far (in characters) on each side of an expression cues are looked for, at most: its
#: sentence usually ends sooner. A longer reach lets the cues of other clauses win.
CUE_WINDOW = 90
#: How far back (in characters) "since" is looked for before an expression.
SINCE_REACH = 30

_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"'“‘`(]*[A-Z0-9])|\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|’ll|going\s+to|gonna|(?:is|are|am)\s+to|plans?\s+to|"
    r"planning\s+to|planned\s+to|as\s+(?:soon|early)\s+as|scheduled|expected\s+to|"
    r"expects?\s+to|due\s+to|set\s+to|intends?\s+to|would|upcoming|hopes?\s+to|aims?\s+to|"
    r"seeks?\s+to|effective|deadline)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|told|was|were|had|did|ago|last|earlier|announced|reported|came|went|began|"
    r"took|made|gave|met|won|lost|fell|rose|left|sent|held|saw|got|found|put|set|paid|"
    r"spent|sold|bought|closed|became|brought|thought|kept|shot|struck|hit|ran|quit|led|"
    r"(?!un)\w{2,}ed)\b",  # "-ed", but not adjectives like "unspecified"
    re.IGNORECASE,
)
#: A participle after these is not a past tense: "expected to be launched", "will be paid".
_AUXILIARY_BEFORE = re.compile(r"\b(?:be|been|being|to)\s+$", re.IGNORECASE)
#: Cues outside a quotation do not speak for what is inside it, and the reporting verb
#: after a quote ("... on Thursday,'' Castro said") is not its tense.
_QUOTE = re.compile(r"''|``|[\"“”]")
#: "by Dec. 15", "before Friday": a deadline, which is ahead.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before)\s+(?:the\s+)?$", re.IGNORECASE)
#: "since February", "since Russia's February invasion": a starting point, which is behind.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:\w+['’]s\s+)?$", re.IGNORECASE)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where cues for ``text[start:end]`` are looked for: its sentence and side of quotes."""
    left = max(0, start - CUE_WINDOW)
    right = min(len(text), end + CUE_WINDOW)
    for boundary in (_SENTENCE_END, _QUOTE):
        for m in boundary.finditer(text, left, start):
            left = m.end()
        after = boundary.search(text, end, right)
        if after is not None:
            right = after.start() + (1 if boundary is _SENTENCE_END else 0)
    return left, right


def tense_at(text: str, start: int, end: int) -> str:
    """:data:`PAST`, :data:`FUTURE` or :data:`UNKNOWN` for the expression ``text[start:end]``."""
    if _DEADLINE_BEFORE.search(text, max(0, start - 12), start):
        return FUTURE
    if _SINCE_BEFORE.search(text, max(0, start - SINCE_REACH), start):
        return PAST
    left, right = sentence_bounds(text, start, end)
    best_distance = CUE_WINDOW * 2
    best = UNKNOWN
    for pattern, tense in ((_FUTURE, FUTURE), (_PAST, PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            if tense == PAST and _AUXILIARY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if distance < best_distance:  # a tie goes to the future cue, looked at first
                best_distance, best = distance, tense
    return best
