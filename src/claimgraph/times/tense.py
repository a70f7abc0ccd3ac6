"""A light guess at the tense around an expression, without a parser.

"on Tuesday" means last Tuesday in "Iran said on Tuesday" and next Tuesday in "talks will
resume on Tuesday". The guess takes the verb cue nearest to the expression within its
sentence: a future cue ("will", "is to", "scheduled", "next") or a past one ("said", "was",
"-ed" forms). No cue means :data:`UNKNOWN`, which the rules treat as the news default: past.
"""

from __future__ import annotations

import re

PAST = "past"
FUTURE = "future"
UNKNOWN = ""

#: How far (in characters) on each side of the expression cues are looked for; a sentence is
#: usually shorter, and a longer window lets cues from other clauses win.
CUE_WINDOW = 90

_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"'“‘`(]*[A-Z0-9])|\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|wo|shall|'ll|’ll|going\s+to|gonna|(?:is|are|am)\s+to|plans?\s+to|planning\s+to|planned\s+to|as\s+(?:soon|early)\s+as|"
    r"scheduled|expected\s+to|expects?\s+to|due\s+to|set\s+to|intends?\s+to|would|"
    r"upcoming|hopes?\s+to|aims?\s+to|seeks?\s+to|effective|deadline)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|told|was|were|had|did|ago|last|earlier|announced|reported|came|went|began|"
    r"took|made|gave|met|won|lost|fell|rose|left|sent|held|saw|got|found|put|set|paid|"
    r"spent|sold|bought|closed|became|brought|thought|kept|shot|struck|hit|ran|quit|led|"
    r"(?!un)\w{2,}ed)\b",
    re.IGNORECASE,
)
#: A quotation mark: cues outside a quotation do not speak for what is inside, and the
#: reporting verb after a quote ("... on Thursday,'' Castro said") is not its tense.
_QUOTE = re.compile(r"''|``|[\"“”]")
#: "by Dec. 15", "by August": a deadline, which is ahead.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before)\s+(?:the\s+)?$", re.IGNORECASE)

_AUXILIARY_BEFORE = re.compile(r"\b(?:be|been|being|to)\s+$", re.IGNORECASE)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The window around ``text[start:end]``: its sentence, cut to :data:`CUE_WINDOW`."""
    left = max(0, start - CUE_WINDOW)
    right = min(len(text), end + CUE_WINDOW)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, right)
    if m is not None:
        right = m.start() + 1
    for m in _QUOTE.finditer(text, left, start):
        left = m.end()
    m = _QUOTE.search(text, end, right)
    if m is not None:
        right = m.start()
    return left, right


def tense_at(text: str, start: int, end: int) -> str:
    """:data:`PAST`, :data:`FUTURE` or :data:`UNKNOWN` for the expression ``text[start:end]``."""
    left, right = sentence_bounds(text, start, end)
    if _DEADLINE_BEFORE.search(text, max(0, start - 12), start):
        return FUTURE
    best_distance = CUE_WINDOW * 2
    best = UNKNOWN
    for pattern, tense in ((_FUTURE, FUTURE), (_PAST, PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            if tense == PAST and _AUXILIARY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "to be launched", "will be paid": a participle, not a past tense
            distance = start - m.end() if m.end() <= start else m.start() - end
            # On a tie the future cue wins: "will be paid Dec. 14" has "paid" nearer.
            if distance < best_distance:
                best_distance, best = distance, tense
    return best
