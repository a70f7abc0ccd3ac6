"""Word tables the time rules are built from: months, weekdays, numbers, units, seasons...

Every rule pattern is generated from these tables, so supporting a new spelling is a one-line
change here. Keys are lower case; lookups lower-case the matched text first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: Month names that are also common English words: they need a date-like neighbour.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "jun", "aug", "sep"})

#: ISO weekday numbers (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
#: Abbreviations, accepted only capitalised and with their full stop ("Tues.", "Fri.").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Single words that stand for a count ("a week", "a dozen years", "half an hour").
COUNT_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "a single": 1,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
}
#: Counts that are known to be more than one but not how many: their value is ``X``.
VAGUE_COUNTS = (
    "a few",
    "few",
    "several",
    "some",
    "many",
    "a number of",
    "numerous",
    "dozens of",
    "hundreds of",
    "a matter of",
    "countless",
)

#: Ordinals of quarters ("the third quarter", "3rd-quarter").
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


class Unit(NamedTuple):
    """A calendar unit: its ISO 8601 duration designator and how it counts."""

    name: str
    designator: str  # ISO 8601: "D", "W", "M" (month, or minute after "T"), "Q", "Y", "H", "S"
    clock: bool  # an hour, minute or second: written after "T" ("PT5H")
    factor: int  # multiplies the count (a decade is 10 years)


UNITS: dict[str, Unit] = {
    "second": Unit("second", "S", clock=True, factor=1),
    "minute": Unit("minute", "M", clock=True, factor=1),
    "hour": Unit("hour", "H", clock=True, factor=1),
    "day": Unit("day", "D", clock=False, factor=1),
    "night": Unit("day", "D", clock=False, factor=1),
    "week": Unit("week", "W", clock=False, factor=1),
    "fortnight": Unit("week", "W", clock=False, factor=2),
    "month": Unit("month", "M", clock=False, factor=1),
    "quarter": Unit("quarter", "Q", clock=False, factor=1),
    "year": Unit("year", "Y", clock=False, factor=1),
    "decade": Unit("year", "Y", clock=False, factor=10),
    "century": Unit("year", "Y", clock=False, factor=100),
}
#: Plural and alternative spellings of the units.
UNIT_FORMS: dict[str, str] = {
    **{u: u for u in UNITS},
    **{u + "s": u for u in UNITS if u != "century"},
    "centuries": "century",
    "secs": "second",
    "sec": "second",
    "mins": "minute",
    "min": "minute",
    "hrs": "hour",
    "hr": "hour",
    "yrs": "year",
    "yr": "year",
    "mos": "month",
    "wks": "week",
}

#: TimeML season codes and the months they start in (meteorological, northern hemisphere).
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

#: TimeML parts of the day (the code carries its "T": "2022-11-22TMO").
PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "overnight": "TNI",
    "midday": "TMD",
}

#: Adverbs and adjectives for sets, with their period ("daily" -> every P1D).
SET_WORDS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "biannually": "P6M",
    "semiannually": "P6M",
}

#: Fixed words and phrases with a reference value. Longest phrases win over the words in them.
REFERENCE_PHRASES: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "at this moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}
#: "recent years", "coming months": a plural unit after one of these is a reference.
REFERENCE_UNIT_MODIFIERS: dict[str, str] = {
    "recent": "PAST_REF",
    "past": "PAST_REF",
    "coming": "FUTURE_REF",
    "future": "FUTURE_REF",
    "upcoming": "FUTURE_REF",
}


class Holiday(NamedTuple):
    """A named day: a fixed month-day, the n-th weekday of a month (counted from ``day``, or
    the 1st), or days after Easter."""

    month: int = 0
    day: int = 0
    weekday: int = 0  # ISO weekday, with nth
    nth: int = 0  # 1..4, or -1 for the last
    easter_offset: int | None = None


HOLIDAYS: dict[str, Holiday] = {
    "new year's day": Holiday(1, 1),
    "new year's eve": Holiday(12, 31),
    "new year's": Holiday(1, 1),
    "valentine's day": Holiday(2, 14),
    "st. patrick's day": Holiday(3, 17),
    "april fools' day": Holiday(4, 1),
    "may day": Holiday(5, 1),
    "independence day": Holiday(7, 4),
    "the fourth of july": Holiday(7, 4),
    "fourth of july": Holiday(7, 4),
    "bastille day": Holiday(7, 14),
    "halloween": Holiday(10, 31),
    "veterans day": Holiday(11, 11),
    "armistice day": Holiday(11, 11),
    "christmas eve": Holiday(12, 24),
    "christmas day": Holiday(12, 25),
    "christmas": Holiday(12, 25),
    "boxing day": Holiday(12, 26),
    "martin luther king day": Holiday(1, weekday=1, nth=3),
    "presidents' day": Holiday(2, weekday=1, nth=3),
    "memorial day": Holiday(5, weekday=1, nth=-1),
    "labor day": Holiday(9, weekday=1, nth=1),
    "columbus day": Holiday(10, weekday=1, nth=2),
    "election day": Holiday(11, 2, weekday=2, nth=1),
    "thanksgiving day": Holiday(11, weekday=4, nth=4),
    "thanksgiving": Holiday(11, weekday=4, nth=4),
    "good friday": Holiday(easter_offset=-2),
    "easter sunday": Holiday(easter_offset=0),
    "easter": Holiday(easter_offset=0),
    "easter monday": Holiday(easter_offset=1),
}

#: Time zones written after a clock time; they stay part of the expression.
TIME_ZONES = (
    "GMT",
    "UTC",
    "EDT",
    "EST",
    "CDT",
    "CST",
    "MDT",
    "MST",
    "PDT",
    "PST",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "IST",
    "JST",
    "local time",
)


def number_value(words: str) -> float | None:
    """``"twenty-four"`` -> 24, ``"3"`` -> 3, ``"a"`` -> 1; ``None`` for a vague count."""
    text = re.sub(r"[\s-]+", " ", words.strip().lower())
    if not text:
        return None
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", digits)
    if half:
        return int(half.group(1)) + 0.5
    if text in COUNT_WORDS:
        return COUNT_WORDS[text]
    total = 0
    text = re.sub(r"^an?\s+(?=hundred|thousand)", "one ", text)
    for word in text.split(" "):
        if word in ONES:
            total += ONES[word]
        elif word in TEENS:
            total += TEENS[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "thousand":
            total = max(total, 1) * 1000
        elif word == "and":
            continue
        else:
            return None
    return float(total)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank run."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        for w in sorted(set(words), key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"
