"""Regular-expression fragments built from the lexicon, and helpers to read matches.

Every rule pattern is assembled from these pieces, compiled once at import with
:data:`FLAGS`. Word lists come from :mod:`claimgraph.times.lexicon`, so a new spelling is
added there, not here.
"""

from __future__ import annotations

import re
from datetime import date

from claimgraph.times.lexicon import (
    MONTHS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TEENS,
    TENS,
    TIME_ZONES,
    UNIT_FORMS,
    VAGUE_COUNTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
)

FLAGS = re.IGNORECASE
START = r"(?<![\w-])"  # a word starts here (not inside "mid-1990s" or "third-quarter")
END = r"(?!\w)"  # and ends here


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


def _month_names() -> str:
    # Abbreviations may carry their full stop ("Sept."); "May", "June", "July" are whole words.
    names = [
        re.escape(name) + (r"\.?" if len(name) <= 4 and name not in ("may", "june", "july") else "")
        for name in sorted(MONTHS, key=len, reverse=True)
    ]
    return "(?:" + "|".join(names) + ")"


MONTH = _month_names()
WEEKDAY = (
    "(?:"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
    + r")\.)"
)
DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
WORD_NUMBER = (
    rf"(?:{alternation(TENS)}(?:[\s-]+{alternation(ONES)})?|{alternation(TEENS)}"
    rf"|{alternation(ONES)})(?:[\s-]+(?:hundred|thousand))?"
)
COUNT = (
    rf"(?:{DIGITS}(?:\s+1/2|\s*½)?|{WORD_NUMBER}|a\s+(?:hundred|thousand)|a\s+single|a\s+dozen"
    r"|a\s+couple(?:\s+of)?|couple\s+of|half\s+an?|a\s+half|dozens?|an|a)"
)
VAGUE_COUNT = alternation(VAGUE_COUNTS)
UNIT = alternation(UNIT_FORMS)
ORDINAL = alternation(ORDINALS)
PART_OF_DAY = alternation(PARTS_OF_DAY)
SEASON = alternation(SEASONS)
TIME_ZONE = alternation(TIME_ZONES)
#: Comparatives belong to a duration ("more than two years", "over an hour"); other
#: approximators do not ("for about [two weeks]")...
APPROXIMATOR = alternation(
    (
        "more than",
        "less than",
        "fewer than",
        "no more than",
        "no less than",
        "over",
        "under",
        "just over",
        "just under",
        "well over",
    )
)
#: ... except before "ago" ("about two years ago", "nearly two weeks ago").
APPROXIMATOR_OFFSET = alternation(
    (
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "more than",
        "less than",
        "at least",
        "over",
        "some",
        "just over",
        "well over",
    )
)
#: "early", "the end of", "mid-": they narrow an expression and stay in its span; the value
#: is the expression's own (TimeML puts the narrowing in a ``mod`` attribute).
NARROWING = (
    r"(?:sometime\s+)?(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle\s+of|"
    r"end\s+of|beginning\s+of|start\s+of|close\s+of|turn\s+of|rest\s+of|remainder\s+of|"
    r"balance\s+of|(?:first|second|latter|early|later)\s+(?:half|part)\s+of)(?:\s+|-)"
    r"(?:the\s+)?)?"
)
#: Determiners that point from the anchor: "last week", "the coming year".
DEICTIC = (
    r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+coming|"
    r"the\s+current|current|past|coming|the\s+latest|the\s+most\s+recent)"
)
#: Determiners that point from the date under discussion: "the next day", "that week".
ANAPHORIC = (
    r"(?:the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|"
    r"the\s+same|that\s+same|that|the\s+very\s+next)"
)


def squeeze(text: str) -> str:
    """Lower case with blank runs as single spaces: ``"this  Past"`` -> ``"this past"``."""
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return WEEKDAYS.get(key) or WEEKDAY_ABBREVIATIONS[key]


def day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


_WORDS_BEFORE = re.compile(r"[\w'’.$%|-]+")


def previous_word(text: str, start: int) -> str:
    """The word before ``start``, lower-cased ("" at the start of the text)."""
    words = _WORDS_BEFORE.findall(text, max(0, start - 40), start)
    return words[-1].lower() if words else ""


def previous_word_raw(text: str, start: int) -> str:
    """The word before ``start`` as written."""
    words = _WORDS_BEFORE.findall(text, max(0, start - 40), start)
    return words[-1] if words else ""


def after(text: str, end: int, pattern: str) -> bool:
    """Whether ``pattern`` matches right after ``end`` (case-insensitive)."""
    return re.match(pattern, text[end : end + 40], FLAGS) is not None
