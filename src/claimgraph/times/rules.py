"""The rules: named, ordered regular expressions built from the lexicon, each with a resolver.

``RULES`` is the cascade. Every rule proposes spans; where spans overlap the longest wins,
and between equally long spans the earlier rule wins (so order encodes specificity). A
rule's ``accept`` may reject a match from its context ("May" the verb, "2000 troops"). The
kept spans are then resolved in reading order, so that "a year earlier" can refer back to
the quarter mentioned before it. docs/times.md lists the rules and their conventions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from claimgraph.times import calendar as cal
from claimgraph.times import model
from claimgraph.times.calendar import Point
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import (
    AMBIGUOUS_MONTHS,
    HOLIDAYS,
    MONTHS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_PHRASES,
    REFERENCE_UNIT_MODIFIERS,
    SEASONS,
    SET_WORDS,
    TEENS,
    TENS,
    TIME_ZONES,
    UNIT_FORMS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
    number_value,
)
from claimgraph.times.tense import FUTURE, PAST

Resolver = Callable[[re.Match[str], Context], Resolved]
Acceptor = Callable[[re.Match[str], str], bool]


class Rule(NamedTuple):
    """A named pattern and how to resolve it.

    The expression's span is ``span(match)`` if given, else group ``t`` if the pattern has
    one, else the whole match: patterns may match context that is not part of the expression.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    accept: Acceptor | None = None
    span: Callable[[re.Match[str]], tuple[int, int]] | None = None
    #: Lower-case words one of which must occur in the text for the rule to be tried; the
    #: cheap test that keeps most rules from scanning most texts. ``None``: always tried.
    triggers: frozenset[str] | None = None


# --- Tuning constants --------------------------------------------------------------------

#: A month named without a year in a past-tense sentence is still read as upcoming when it is
#: at most this many months after the anchor's ("extended to Nov. 6" on Oct. 30).
PAST_LOOKAHEAD_MONTHS = 2
#: Without a tense cue, the nearest occurrence: up to this many months ahead, else behind.
UNKNOWN_LOOKAHEAD_MONTHS = 6
#: "last February" is at least this many months back: said in March it is last year's
#: February (the month just gone would be "last month").
LAST_MONTH_MIN_DISTANCE = 2
#: Earliest and latest four-digit numbers read as years on their own ("in 1995").
MIN_YEAR, MAX_YEAR = 1600, 2099
#: Two-digit decades ("the '90s") are in this century only up to the anchor's decade.
#: A clock time without a day takes the day of a day expression at most this many
#: characters after it ("10:35 a.m. (0735 GMT) Friday"), else the anchor.
CLOCK_DAY_LOOKAHEAD = 30
#: Verbs that make "the past year" a duration ("over the past year"); after "in" it is a date.
DURATION_PREPOSITIONS = frozenset(
    {"for", "over", "during", "within", "throughout", "through", "of", "in"}
)

# --- Pattern fragments ----------------------------------------------------------------------

FLAGS = re.IGNORECASE
_B = r"(?<![\w-])"  # a word starts here
_E = r"(?!\w)"  # and ends here


def _month_names() -> str:
    names = []
    for name in MONTHS:
        if len(name) <= 4 and name not in ("may", "june", "july"):
            names.append(re.escape(name) + r"\.?")
        else:
            names.append(re.escape(name))
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


_MONTH = _month_names()
_WEEKDAY = (
    "(?:"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
    + r")\.)"
)
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_WORDNUM = (
    rf"(?:{alternation(TENS)}(?:[\s-]+{alternation(ONES)})?|{alternation(TEENS)}|{alternation(ONES)})"
    r"(?:[\s-]+(?:hundred|thousand))?"
)
_COUNT = (
    rf"(?:{_DIGITS}(?:\s+1/2|\s*½)?|{_WORDNUM}|a\s+(?:hundred|thousand)|a\s+single|a\s+dozen|a\s+couple(?:\s+of)?|"
    r"couple\s+of|half\s+an?|a\s+half|dozens?|an|a)"
)
_VAGUE = alternation(VAGUE_COUNTS)
_UNIT = alternation(UNIT_FORMS)
_ORDINAL = alternation(k for k, v in ORDINALS.items() if v > 0)
_POD = alternation(PARTS_OF_DAY)
_SEASON = alternation(SEASONS)
_TZ = alternation(TIME_ZONES)
#: Comparatives are part of a duration ("more than two years", "over an hour"); other
#: approximators are not ("for about [two weeks]"), except before "ago" ("about two years ago").
_APPROX = alternation(
    ("more than", "less than", "fewer than", "no more than", "no less than", "over", "under", "just over", "just under", "well over")
)
_APPROX_OFFSET = alternation(
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
#: "early", "the end of"...: they narrow an expression but TimeML keeps its value.
_PRE = (
    r"(?:sometime\s+)?(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle\s+of|end\s+of|"
    r"beginning\s+of|start\s+of|close\s+of|turn\s+of|rest\s+of|remainder\s+of|balance\s+of|"
    r"(?:first|second|latter|early|later)\s+(?:half|part)\s+of)(?:\s+|-)(?:the\s+)?)?"
)
_DEICTIC = (
    r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+coming|"
    r"the\s+current|current|past|coming|the\s+latest|the\s+most\s+recent)"
)
_ANAPHORIC = (
    r"(?:the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|"
    r"the\s+same|that\s+same|that|the\s+very\s+next)"
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


# --- Small helpers -------------------------------------------------------------------------


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return WEEKDAYS.get(key) or WEEKDAY_ABBREVIATIONS[key]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("t") if "t" in m.re.groupindex and m.group("t") is not None else m.span()


def _adjective_span(m: re.Match[str]) -> tuple[int, int]:
    """"the eight-year", "its 52-week": an adjective's span leaves out the determiner."""
    start, end = _span(m)
    if m["det"] and m["sep"] == "-" and not m["noun"]:
        start = m.start("num") if not m["approx"] else m.start("approx")
    return start, end


def _words_before(text: str, start: int, count: int = 1) -> list[str]:
    return re.findall(r"[\w'’.$%-]+", text[max(0, start - 40) : start])[-count:]


def _previous_word(text: str, start: int) -> str:
    words = _words_before(text, start)
    return words[0].lower() if words else ""


def _next_text(text: str, end: int, width: int = 30) -> str:
    return text[end : end + width]


def _tense(m: re.Match[str], ctx: Context) -> str:
    start, end = _span(m)
    return ctx.tense(start, end)


def _infer_year(ctx: Context, m: re.Match[str], month_number: int) -> int:
    """The year of a month named without one (``"October 21"``), from the anchor and tense.

    The anchor's month is always the anchor's year. Otherwise, with ``ahead`` the number of
    months from the anchor's month forward to the named one (1..11):

    - past context: the anchor's year if the month is before the anchor's, else the year
      before, unless it is at most :data:`PAST_LOOKAHEAD_MONTHS` ahead ("the offer was
      extended to Nov. 6", written on Oct. 30, is this year's);
    - future context: the next occurrence (the anchor's year, or the next one);
    - no tense cue: the nearest occurrence (within six months ahead, else behind).
    """
    assert ctx.anchor is not None
    anchor = ctx.anchor
    ahead = (month_number - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    tense = _tense(m, ctx)
    if tense == FUTURE:
        go_ahead = True
    elif tense == PAST:
        go_ahead = ahead <= PAST_LOOKAHEAD_MONTHS
    else:
        go_ahead = ahead <= UNKNOWN_LOOKAHEAD_MONTHS
    if go_ahead:
        return anchor.year if month_number > anchor.month else anchor.year + 1
    return anchor.year if month_number < anchor.month else anchor.year - 1


def _unresolved(granularity: str, kind: str = model.DATE, value: str | None = None) -> Resolved:
    return Resolved(value, granularity, kind)


def _relative(ctx: Context, point: Point, *, kind: str = model.DATE) -> Resolved:
    return ctx.point(point, kind=kind, anchor=ctx.anchor_value)


def _count_unit(count_text: str | None, unit_text: str) -> tuple[float | None, str]:
    """``("three", "months")`` -> ``(3, "month")``; a vague count gives ``None``."""
    unit = UNIT_FORMS[unit_text.lower()]
    count = number_value(count_text) if count_text else 1.0
    return count, unit


def _duration_value(count: float | None, unit_name: str) -> str:
    """``P3M``, ``PT5H``, ``P10Y`` (a decade), ``PXM`` (an unknown count)."""
    unit = UNITS[unit_name]
    if count is None:
        quantity = "X"
    else:
        total = count * unit.factor
        quantity = str(int(total)) if total == int(total) else f"{total:g}"
    return ("PT" if unit.clock else "P") + quantity + unit.designator


def _calendar_unit(unit_name: str) -> tuple[str, int]:
    """The unit calendar arithmetic uses, and the multiplier (a decade moves 10 years)."""
    unit = UNITS[unit_name]
    if unit.designator == "Y":
        return "year", unit.factor
    return unit.name, unit.factor


def _granularity_of_unit(unit_name: str) -> str:
    return {
        "day": cal.DAY,
        "week": cal.WEEK,
        "month": cal.MONTH,
        "quarter": cal.QUARTER,
        "year": cal.YEAR,
        "decade": cal.YEAR,
        "century": cal.YEAR,
        "hour": cal.DAY,
        "minute": cal.DAY,
        "second": cal.DAY,
    }[unit_name]


# --- Absolute dates ------------------------------------------------------------------------

ISO_DATE = _compile(
    _B + r"(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?)?" + _E
)


def resolve_iso_date(m: re.Match[str], ctx: Context) -> Resolved:
    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["h"]:
        return ctx.point(cal.clock(d, int(m["h"]), int(m["mi"])), kind=model.TIME, anchor=None)
    return ctx.point(cal.day(d), kind=model.DATE, anchor=None)


def accept_iso_date(m: re.Match[str], text: str) -> bool:
    return _valid(int(m["y"]), int(m["m"]), int(m["d"]))


NUMERIC_DATE = _compile(
    r"(?<![\w/.-])(?P<a>[01]?\d|3[01])(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[6-9]|20)\d\d)(?![\w/])"
)


def _numeric_parts(m: re.Match[str]) -> tuple[int, int, int] | None:
    """US order (month/day) for slashes, day.month for dots; the other when only it is valid."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    orders = ((a, b), (b, a)) if m["sep"] == "/" else ((b, a), (a, b))
    for month_number, day_number in orders:
        if 1 <= month_number <= 12 and _valid(y, month_number, day_number):
            return y, month_number, day_number
    return None


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Resolved:
    parts = _numeric_parts(m)
    assert parts is not None
    return ctx.point(cal.day(date(*parts)), kind=model.DATE, anchor=None)


def accept_numeric_date(m: re.Match[str], text: str) -> bool:
    return _numeric_parts(m) is not None


_MONTH_DAY = (
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM})"
    rf"|(?:the\s+)?(?P<day2>{_DAYNUM})(?:\s+of)?\s+(?P<mon2>{_MONTH}))"
)
FULL_DATE = _compile(_B + _MONTH_DAY + rf",?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\d,]\d)" + _E)
MONTH_DAY = _compile(_B + _MONTH_DAY + r"(?!\d|:\d|\s*(?:-|to)\s*\d|,\s*\d{4})" + _E)


def _month_day_parts(m: re.Match[str]) -> tuple[int, int]:
    month_word = m["mon"] or m["mon2"]
    return _month_number(month_word), _day_number(m["day"] or m["day2"])


def _month_word_ok(word: str, *, has_number: bool) -> bool:
    """Month names must be capitalised; an abbreviation needs a number or its full stop."""
    if not word[:1].isupper():
        return False
    bare = word.rstrip(".").lower()
    return has_number or word.endswith(".") or bare not in AMBIGUOUS_MONTHS or len(bare) > 3


def accept_full_date(m: re.Match[str], text: str) -> bool:
    month_number, day_number = _month_day_parts(m)
    return _month_word_ok(m["mon"] or m["mon2"], has_number=True) and _valid(
        int(m["y"]), month_number, day_number
    )


def resolve_full_date(m: re.Match[str], ctx: Context) -> Resolved:
    month_number, day_number = _month_day_parts(m)
    return ctx.point(
        cal.day(date(int(m["y"]), month_number, day_number)), kind=model.DATE, anchor=None
    )


def accept_month_day(m: re.Match[str], text: str) -> bool:
    month_number, day_number = _month_day_parts(m)
    word = m["mon"] or m["mon2"]
    if not _month_word_ok(word, has_number=True) or not _valid(2000, month_number, day_number):
        return False
    if m["day2"] and not m["wd"]:
        # "5 May" is a date but "won 2 March primaries" is not: day-first needs no noun after.
        after = _next_text(text, m.end(), 12)
        if re.match(r"\s+[a-z]", after):
            return False
    return True


def resolve_month_day(m: re.Match[str], ctx: Context) -> Resolved:
    month_number, day_number = _month_day_parts(m)
    if m["wd"] and ctx.anchor is not None:
        # "Monday, Oct. 26": the weekday picks the year when the anchor's does not fit.
        weekday = _weekday_number(m["wd"])
        for y in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
            if _valid(y, month_number, day_number) and date(y, month_number, day_number).isoweekday() == weekday:
                return _relative(ctx, cal.day(date(y, month_number, day_number)))
    if ctx.anchor is None:
        return _unresolved(cal.DAY, value=f"XXXX-{month_number:02d}-{day_number:02d}")
    y = _infer_year(ctx, m, month_number)
    if not _valid(y, month_number, day_number):  # 29 February
        return _unresolved(cal.DAY, value=f"XXXX-{month_number:02d}-{day_number:02d}")
    return _relative(ctx, cal.day(date(y, month_number, day_number)))


MONTH_YEAR = _compile(
    _B + _PRE + rf"(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\d,]\d)" + _E
)


def accept_month_year(m: re.Match[str], text: str) -> bool:
    return _month_word_ok(m["mon"], has_number=True)


def resolve_month_year(m: re.Match[str], ctx: Context) -> Resolved:
    return ctx.point(cal.month(int(m["y"]), _month_number(m["mon"])), kind=model.DATE, anchor=None)


MONTH = _compile(
    _B
    + _PRE
    + rf"(?:(?P<det>this\s+past|this\s+coming|this|last|next|the\s+month\s+of|the\s+past|the\s+coming)\s+)?"
    + rf"(?P<mon>{_MONTH})(?!\s*\d)"
    + r"(?:,?\s+(?P<yword>this|last|next)\s+year)?"
    + _E
)
#: Words after which an ambiguous month name ("May", "March") is a month.
MONTH_CUES = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "during",
        "before",
        "after",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "between",
        "the",
        "each",
        "every",
    }
)


def accept_month(m: re.Match[str], text: str) -> bool:
    word = m["mon"]
    if not word[:1].isupper():
        return False
    bare = word.rstrip(".").lower()
    if len(bare) <= 4 and bare not in ("may", "june", "july") and not word.endswith("."):
        return False  # "Jan Kavan": an abbreviation needs its full stop or a day
    if bare in AMBIGUOUS_MONTHS:
        if word.upper() == word and len(word) > 1:
            return False  # "MAY", "MARCH" in a headline
        start = m.start("mon")
        previous = _previous_word(text, start)
        if not (m["det"] or m.group(0) != word or previous in MONTH_CUES or previous.startswith("mid")):
            return False
        if bare == "march" and re.match(r"\s+(?:of|on|to|for|against)\b", text[m.end() : m.end() + 10]):
            return False  # "the March of the Combatant Mothers", "a March on Washington"
        if bare in ("may", "march") and previous not in MONTH_CUES and re.match(r"\s+(?:be|have|not|also|well|still|never|take|make|go|come|on|in)\b", text[m.end() : m.end() + 12], re.IGNORECASE):
            return False
    return True


def resolve_month(m: re.Match[str], ctx: Context) -> Resolved:
    month_number = _month_number(m["mon"])
    if ctx.anchor is None:
        return _unresolved(cal.MONTH, value=f"XXXX-{month_number:02d}")
    anchor = ctx.anchor
    det = (m["det"] or "").lower().split()
    year_word = (m["yword"] or "").lower()
    if year_word:
        # "June last year", "January this year"
        y = anchor.year + {"last": -1, "this": 0, "next": 1}[year_word]
    elif det and det[-1] in ("last", "past"):
        back = (anchor.month - month_number) % 12
        y = anchor.year if month_number < anchor.month else anchor.year - 1
        if back < LAST_MONTH_MIN_DISTANCE:
            y -= 1
    elif det and det[-1] in ("next", "coming"):
        ahead = (month_number - anchor.month) % 12
        y = anchor.year if month_number > anchor.month else anchor.year + 1
        if ahead < LAST_MONTH_MIN_DISTANCE:
            y += 1
    elif det and det[-1] == "this":
        y = anchor.year
    else:
        y = _infer_year(ctx, m, month_number)
    return _relative(ctx, cal.month(y, month_number))


YEAR = _compile(
    r"(?<![\w$£€#.,/:-])"
    + _PRE
    + r"(?:(?P<fiscal>fiscal|calendar|model|financial|the\s+year|fiscal\s+year|FY)\s*)?"
    + rf"(?P<y>{_YEAR})(?![\w%$]|[.,:/-]\d|\s*(?:%|percent|per\s*cent))"
)
#: Words after a four-digit number that show it counts something rather than names a year.
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:people|persons|men|women|children|troops|soldiers|workers|employees|"
    r"jobs|shares|units|cars|homes|tons|tonnes|barrels|acres|feet|meters|metres|miles|km|"
    r"kilometers|votes|points|dollars|yen|marks|francs|pounds|euros|rubles|students|members|"
    r"cases|deaths|times|hours|minutes|pages|words|calories|square|cubic|mph|rpm|lb|kg|"
    r"vehicles|aircraft|planes|ships|rooms|beds|seats|copies|signatures|plants|stores|"
    r"residents|refugees|prisoners|delegates|others|of\s+(?:the|them|its|their|these|those))\b",
    re.IGNORECASE,
)


def accept_year(m: re.Match[str], text: str) -> bool:
    y = int(m["y"])
    if not MIN_YEAR <= y <= MAX_YEAR:
        return False
    if m.group(0) != m["y"]:
        return True  # "fiscal 1989", "mid-2021", "early 1991"
    previous = _previous_word(text, m.start())
    if previous in ("no.", "number", "no", "#", "rule", "resolution", "flight", "room", "route", "section", "article", "paragraph", "model", "item", "code", "page", "about", "some", "nearly", "almost", "over", "than", "to") and previous not in ("to",):
        return False
    return not NOT_YEAR_AFTER.match(text, m.end())


def resolve_year(m: re.Match[str], ctx: Context) -> Resolved:
    return ctx.point(cal.year(int(m["y"])), kind=model.DATE, anchor=None)


#: Years written out, as in broadcast transcripts: "nineteen ninety-four".
SPELLED_YEAR = _compile(
    _B
    + _PRE
    + rf"(?:(?P<mon>{_MONTH})\s+)?(?:(?:the\s+)?(?P<season>{_SEASON})\s+of\s+)?"
    + r"(?P<century>nineteen|twenty)[\s-]+"
    + rf"(?P<rest>{alternation(TENS)}(?:[\s-]+{alternation(ONES)})?|{alternation(TEENS)}|hundred|o[\s-]+{alternation(ONES)})"
    + _E
)


def resolve_spelled_year(m: re.Match[str], ctx: Context) -> Resolved:
    rest = m["rest"].lower()
    if rest == "hundred":
        tail = 0
    else:
        tail = int(number_value(re.sub(r"^o[\s-]+", "", rest)) or 0)
    y = (19 if m["century"].lower() == "nineteen" else 20) * 100 + tail
    if m["mon"]:
        return ctx.point(cal.month(y, _month_number(m["mon"])), kind=model.DATE, anchor=None)
    if m["season"]:
        return ctx.point(cal.season(y, SEASONS[m["season"].lower()]), kind=model.DATE, anchor=None)
    return ctx.point(cal.year(y), kind=model.DATE, anchor=None)


def accept_spelled_year(m: re.Match[str], text: str) -> bool:
    # "nineteen twenty" is a year only where a year fits; "twenty five" alone is a count.
    if m["mon"] or m["season"] or m.group(0) != m.group(0).lstrip():
        return True
    return m["century"].lower() == "nineteen" or _previous_word(text, m.start()) in MONTH_CUES


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
DECADE = _compile(
    _B
    + _PRE
    + r"(?:the\s+)?(?:(?:early|mid|late)(?:\s+|-))?"
    + rf"(?:(?P<full>1[0-9]\d0|20\d0)['’]?s|['’](?P<short>\d0)['’]?s|(?:nineteen[\s-]+)?(?P<word>{alternation(_DECADE_WORDS)}))"
    + _E
)


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved:
    if m["full"]:
        first = int(m["full"])
    else:
        tens = int(m["short"]) if m["short"] else 10 * _DECADE_WORDS[m["word"].lower()]
        first = 1900 + tens
        if ctx.anchor is not None and 2000 + tens <= ctx.anchor.year and tens < 30:
            first = 2000 + tens
    return ctx.point(cal.decade(first), kind=model.DATE, anchor=None)


def accept_decade(m: re.Match[str], text: str) -> bool:
    # "the sixties" may be an age: keep the words only with "the" before them.
    return not m["word"] or "the" in m.group(0).lower().split()


CENTURY = _compile(
    _B
    + _PRE
    + r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)|(?:the\s+)?(?P<w>"
    + alternation(
        (
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "twenty-first",
            "twenty first",
        )
    )
    + r")"
)
CENTURY = _compile(
    _B
    + _PRE
    + r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[\s-]first))[\s-]+century" + _E
)
_CENTURY_WORDS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty first": 21,
}


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved:
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[re.sub(r"[\s-]+", " ", m["w"].lower())]
    return ctx.point(cal.century(max(n - 1, 0) * 100), kind=model.DATE, anchor=None)


# --- Quarters, halves, seasons, holidays ------------------------------------------------------

_QUARTER_MODS = (
    r"(?:fiscal|latest|current|previous|past|last|same|comparable|year-earlier|year-ago|"
    r"year-before|prior-year|year\s+earlier|recent|most\s+recent|just-ended|just\s+ended|"
    r"calendar|preceding|final|first|second|third|fourth|\d{4})"
)
_YEAR_REFERENCE = (
    rf"(?:(?:fiscal\s+)?(?P<qy>{_YEAR})|(?P<qdet>this|last|next|the\s+previous|the\s+current|the)"
    r"\s+(?:fiscal\s+)?year)"
)
QUARTER = _compile(
    _B
    + r"(?:(?P<qposs>this|last|next)\s+year['’]s\s+|(?P<qdetword>the|its|their)\s+)?(?:(?P<mods>(?:"
    + _QUARTER_MODS
    + r"[\s-]+)*))"
    + rf"(?P<ord>{_ORDINAL})[\s-]+(?:fiscal[\s-]+)?(?P<q>quarter)(?P<plural>s)?"
    + rf"(?:\s+of\s+{_YEAR_REFERENCE}|,?\s+(?P<qy2>{_YEAR}))?"
    + _E
    + r"|"
    + _B
    + r"(?P<qn>Q[1-4]|[1-4]Q)(?:\s+(?P<qy3>'?\d{2,4}))?"
    + _E
)


def _quarter_year(ctx: Context, m: re.Match[str], number: int, mods: str) -> int | None:
    explicit = m["qy"] or m["qy2"] or (m["qy3"] if m["qy3"] else None)
    if explicit:
        y = int(explicit.lstrip("'"))
        return y + 1900 if y < 100 else y
    year_in_mods = re.search(r"\d{4}", mods)
    if year_in_mods:
        return int(year_in_mods.group(0))
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    qdet = (m["qdet"] or m["qposs"] or "").lower()
    if "last" in qdet or "previous" in qdet:
        return anchor.year - 1
    if "next" in qdet:
        return anchor.year + 1
    if re.search(r"year[\s-](?:earlier|ago|before)|prior-year", mods):
        base = _reference_year(ctx)
        return base - 1
    # A quarter that has not begun yet is last year's in a past-tense sentence ("the fourth
    # quarter" in February); otherwise the anchor's year, whatever the tense ("expects to
    # report third-quarter results" in October is this year's third quarter).
    current = (anchor.month - 1) // 3 + 1
    if number > current and _tense(m, ctx) == PAST:
        return anchor.year - 1
    return anchor.year


def _reference_year(ctx: Context) -> int:
    quarter_point = ctx.last_by_granularity.get(cal.QUARTER)
    if quarter_point is not None:
        return quarter_point.start.year
    assert ctx.anchor is not None
    return ctx.anchor.year


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved:
    if m["qn"]:
        number = int(m["qn"].upper().strip("Q"))
    else:
        number = ORDINALS[m["ord"].lower()]
    mods = (m["mods"] or "").lower()
    if m["plural"]:
        return Resolved(f"XXXX-Q{number}", cal.QUARTER, model.SET)
    y = _quarter_year(ctx, m, number, mods)
    if y is None:
        return _unresolved(cal.QUARTER, value=f"XXXX-Q{number}")
    anchor = None if (m["qy"] or m["qy2"] or m["qy3"] or re.search(r"\d{4}", mods)) else ctx.anchor_value
    return ctx.point(cal.quarter(y, number), kind=model.DATE, anchor=anchor)


def _quarter_span(m: re.Match[str]) -> tuple[int, int]:
    """"the third-quarter loss": the adjective "third-quarter" without its determiner."""
    start, end = m.span()
    if m["qdetword"] and not m["qn"] and "-" in text_between(m, "ord", "q"):
        start = m.start("mods") if m["mods"] else m.start("ord")
    return start, end


def text_between(m: re.Match[str], first: str, second: str) -> str:
    return m.string[m.end(first) : m.start(second)]


def accept_quarter(m: re.Match[str], text: str) -> bool:
    if m["qn"]:
        return m["qn"][0].isupper() or m["qn"][0].isdigit()
    return True


#: "the quarter", "the latest period", "the year-earlier quarter": the quarter under discussion.
QUARTER_REFERENCE = _compile(
    _B
    + r"(?:(?:the|this|that|its)\s+(?P<mods>(?:"
    + r"(?:fiscal|latest|current|previous|past|last|same|comparable|year-earlier|year-ago|"
    r"year-before|prior-year|year\s+earlier|recent|most\s+recent|just-ended|just\s+ended|"
    r"preceding|\d{4}|corresponding|like)"
    + r"[\s-]+)*)(?P<unit>quarter|period)"
    + r"(?:\s+(?P<suffix>last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+previous\s+year))?"
    + r"|(?P<adj>year-earlier|year-ago|year-before|prior-year|year\s+earlier))"
    + r"(?![\w-])"
)
_LATEST = re.compile(r"latest|most\s+recent|just[\s-]ended|recent")
_YEAR_BEFORE = re.compile(r"year[\s-](?:earlier|ago|before)|prior-year|last\s+year|previous\s+year")


def accept_quarter_reference(m: re.Match[str], text: str) -> bool:
    if m["adj"]:
        # "year-earlier" alone describes a following noun ("year-earlier profit").
        return bool(re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]))
    mods = (m["mods"] or "").strip().lower()
    if m["unit"].lower() == "period":
        # "the period" alone is too common; it is a quarter with "latest", "year-ago", "1988".
        return (bool(mods) and mods not in ("same", "fiscal")) or bool(m["suffix"])
    return True


def _quarter_under_discussion(ctx: Context) -> Point:
    """The quarter last mentioned, else the last one to have ended (a results report's)."""
    assert ctx.anchor is not None
    mentioned = ctx.last_by_granularity.get(cal.QUARTER)
    if mentioned is not None:
        return mentioned
    return _latest_quarter(ctx.anchor)


#: Granularities "a year earlier" keeps from the expression before it.
COMPARABLE = frozenset({cal.DAY, cal.WEEK, cal.MONTH, cal.SEASON, cal.QUARTER, cal.HALF})


def _year_comparison(ctx: Context, years: int) -> Resolved | None:
    """"a year earlier" right after a quarter (or month, or day): that one, a year before."""
    base = ctx.previous
    if base is None or base.granularity not in COMPARABLE:
        return None
    point = cal.shift(base, years, "year")
    return Resolved(cal.value(point), point.granularity, model.DATE, cal.value(base), compared_to=base)


def _one_year_back_or_forth(ctx: Context, years: int, *, deictic: bool) -> Resolved:
    """"a year ago", "a year earlier", "year-earlier": a comparison, not a new reference.

    After a quarter (or month, or day) it is that period a year before; after a year, the
    year before it ("a year earlier" than 1995); otherwise the year before the anchor's.
    """
    compared = _year_comparison(ctx, years)
    if compared is not None:
        return compared
    base = ctx.previous if ctx.previous is not None and ctx.previous.granularity == cal.YEAR else None
    if base is not None and not deictic:
        base_year = base.start.year
    elif ctx.anchor is not None:
        base_year = ctx.anchor.year
    else:
        return _unresolved(cal.YEAR)
    return Resolved(str(base_year + years), cal.YEAR, model.DATE, str(base_year), compared_to=base)


def _latest_quarter(anchor: date) -> Point:
    return cal.shift(cal.containing(cal.QUARTER, anchor), -1, "quarter")


def resolve_quarter_reference(m: re.Match[str], ctx: Context) -> Resolved:
    mods = (m["mods"] or m["adj"] or "").lower() + " " + (m["suffix"] or "").lower()
    year_in_mods = re.search(r"\d{4}", mods)
    if year_in_mods and (m["unit"] or "").lower() == "period":
        # "the 1988 period": that year's quarter when quarters are being discussed.
        discussed = ctx.last_by_granularity.get(cal.QUARTER)
        y = int(year_in_mods.group(0))
        if discussed is None:
            return ctx.point(cal.year(y), kind=model.DATE, anchor=None)
        point = cal.quarter(y, (discussed.start.month - 1) // 3 + 1)
        return Resolved(cal.value(point), point.granularity, model.DATE, cal.value(discussed))
    if ctx.anchor is None:
        return _unresolved(cal.QUARTER)
    if _LATEST.search(mods):
        latest = _latest_quarter(ctx.anchor)
        return ctx.point(latest, kind=model.DATE, anchor=ctx.anchor_value)
    if "current" in mods:
        return _relative(ctx, cal.containing(cal.QUARTER, ctx.anchor))
    if m["adj"]:
        # "year-earlier profit": a year before whatever was just mentioned.
        return _one_year_back_or_forth(ctx, -1, deictic=True)
    current = _quarter_under_discussion(ctx)
    anchor_value = cal.value(current)
    if _YEAR_BEFORE.search(mods):
        point = cal.shift(current, -1, "year")
        # A comparison: the quarter under discussion stays the reference.
        return Resolved(cal.value(point), point.granularity, model.DATE, anchor_value, compared_to=current)
    if year_in_mods:
        point = cal.quarter(int(year_in_mods.group(0)), (current.start.month - 1) // 3 + 1)
        return ctx.point(point, kind=model.DATE, anchor=None)
    if re.search(r"previous|preceding|prior", mods):
        point = cal.shift(current, -1, "quarter")
        return Resolved(cal.value(point), point.granularity, model.DATE, anchor_value)
    return ctx.point(current, kind=model.DATE, anchor=anchor_value)


HALF = _compile(
    _B
    + r"(?:the\s+)?(?:(?:fiscal|latest|current|year-earlier|year-ago)\s+)?"
    + r"(?P<which>first|second|last|latter|1st|2nd)[\s-]+half"
    + rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?P<y>{_YEAR})|(?P<det>this|last|next|the)\s+(?:fiscal\s+)?year|the\s+['’](?P<dec>\d0)s))?"
    + _E
)


def resolve_half(m: re.Match[str], ctx: Context) -> Resolved:
    number = 1 if m["which"].lower() in ("first", "1st") else 2
    if m["dec"]:
        first = 1900 + int(m["dec"]) + (0 if number == 1 else 5)
        return ctx.point(cal.decade(first), kind=model.DATE, anchor=None)
    if m["y"]:
        return ctx.point(cal.half(int(m["y"]), number), kind=model.DATE, anchor=None)
    if ctx.anchor is None:
        return _unresolved(cal.HALF, value=f"XXXX-H{number}")
    y = ctx.anchor.year
    det = (m["det"] or "").lower()
    if det == "last":
        y -= 1
    elif det == "next":
        y += 1
    elif not det:
        y = _reference_year(ctx) if cal.QUARTER in ctx.last_by_granularity else y
    return _relative(ctx, cal.half(y, number))


SEASON = _compile(
    _B
    + _PRE
    + r"(?:(?P<det>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|the|"
    r"early|late|mid)(?:\s+|-))?"
    + rf"(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
    + r"(?![\w-])"
)
#: Words before a bare season name that make it a time ("in summer", "over the summer").
SEASON_CUES = frozenset({"in", "during", "since", "until", "by", "through", "over", "this", "last", "next", "early", "late", "each", "every"})


def accept_season(m: re.Match[str], text: str) -> bool:
    if m["y"] or m["det"] or m.group(0) != m["season"]:
        if m["det"] and m["det"].lower() == "the" and not m["y"]:
            # "the fall of Rome", "the spring": only a time before a preposition or punctuation.
            after = text[m.end() : m.end() + 8]
            if m["season"].lower() in ("fall", "spring") and re.match(r"\s+of\b", after):
                return False
        return True
    return _previous_word(text, m.start()) in SEASON_CUES and m["season"].lower() not in ("fall", "spring")


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved:
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return ctx.point(cal.season(int(m["y"]), code), kind=model.DATE, anchor=None)
    if ctx.anchor is None:
        return _unresolved(cal.SEASON, value=f"XXXX-{code}")
    anchor = ctx.anchor
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    # The season's year is the year it starts in; January and February belong to the winter
    # that began in December.
    current_year = anchor.year - 1 if code == "WI" and anchor.month < 3 else anchor.year
    started = (anchor.year, anchor.month) >= (current_year, start_month) or code == "WI" and anchor.month < 3
    det = (m["det"] or "").lower().split()
    last = det[-1] if det else ""
    if last in ("last", "past"):
        y = current_year if started and _season_over(anchor, current_year, start_month) else current_year - 1
        if not started:
            y = current_year - 1
    elif last in ("next", "coming"):
        y = current_year if not started else current_year + 1
    elif last == "this":
        y = current_year
    else:
        tense = _tense(m, ctx)
        if tense == PAST and not started:
            y = current_year - 1
        elif tense == FUTURE and started and _season_over(anchor, current_year, start_month):
            y = current_year + 1
        else:
            y = current_year
    return _relative(ctx, cal.season(y, code))


def _season_over(anchor: date, y: int, start_month: int) -> bool:
    end = cal.add_months(date(y, start_month, 1), 3)
    return anchor >= end


HOLIDAY = _compile(
    _B
    + r"(?:(?P<det>last|next|this|this\s+past|this\s+coming)\s+)?"
    + rf"(?P<name>{alternation(HOLIDAYS)})(?:\s+(?P<week>week|weekend))?"
    + rf"(?:,?\s+(?P<y>{_YEAR}))?"
    + _E
)


def accept_holiday(m: re.Match[str], text: str) -> bool:
    return m["name"][:1].isupper()


def resolve_holiday(m: re.Match[str], ctx: Context) -> Resolved:
    rule = HOLIDAYS[re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")]

    def point_for(y: int) -> Point:
        d = cal.holiday(rule, y)
        return cal.week(d) if m["week"] else cal.day(d)

    if m["y"]:
        return ctx.point(point_for(int(m["y"])), kind=model.DATE, anchor=None)
    if ctx.anchor is None:
        if rule.nth == 0 and rule.easter_offset is None and not m["week"]:
            return _unresolved(cal.DAY, value=f"XXXX-{rule.month:02d}-{rule.day:02d}")
        return _unresolved(cal.DAY)
    anchor = ctx.anchor
    this_year = cal.holiday(rule, anchor.year)
    det = (m["det"] or "").lower().split()
    last = det[-1] if det else ""
    if last in ("last", "past"):
        y = anchor.year if this_year < anchor else anchor.year - 1
    elif last in ("next", "coming"):
        y = anchor.year if this_year > anchor else anchor.year + 1
    elif last == "this":
        y = anchor.year
    else:
        # The nearest occurrence: holidays are talked about when they are close.
        y = min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda year_: abs((cal.holiday(rule, year_) - anchor).days),
        )
    return _relative(ctx, point_for(y))


YEAR_END = _compile(
    _B + r"(?:(?P<det>this|last|next)\s+)?(?:year[\s-]end|year['’]s\s+end)" + r"(?![\w-])"
)


def resolve_year_end(m: re.Match[str], ctx: Context) -> Resolved:
    """"by year-end": the anchor's year ("since year-end", "last year-end": the one before)."""
    if ctx.anchor is None:
        return _unresolved(cal.YEAR)
    det = (m["det"] or "").lower()
    since = _previous_word(ctx.text, m.start()) == "since"
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(det, -1 if since else 0)
    return _relative(ctx, cal.year(y))


# --- Days of the week, deictic days, parts of the day --------------------------------------

WEEKDAY = _compile(
    _B
    + r"(?:(?P<pre>early|late|earlier|later)\s+)?"
    + r"(?:(?P<det>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|"
    r"the\s+next|that|coming)\s+)?"
    + rf"(?P<wd>{_WEEKDAY})(?P<plural>s)?"
    + rf"(?:,?\s+(?P<pod>{_POD})s?|(?P<nightpl>\s+nights))?"
    + _E
)


def accept_weekday(m: re.Match[str], text: str) -> bool:
    word = m["wd"]
    if not word[:1].isupper():
        return False
    if word.endswith(".") and len(word) <= 4 and word.lower() in ("sun.", "sat.", "wed."):
        # Abbreviations that are also words need a date-like neighbour.
        return bool(re.match(r"\s*,?\s*(?:\d|" + _MONTH + ")", text[m.end() : m.end() + 12]))
    return True


def _weekday_point(ctx: Context, m: re.Match[str], weekday: int, det: str) -> Point | None:
    if det in ("the previous", "the following", "the next", "that"):
        base_point = ctx.reference if ctx.reference is not None else ctx.anchor_point
        if base_point is None:
            return None
        base = base_point.start
        if det == "that":
            return cal.day(base + timedelta(days=(weekday - base.isoweekday())))
        if det == "the previous":
            return cal.day(base - timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1))
        return cal.day(base + timedelta(days=(weekday - base.isoweekday() - 1) % 7 + 1))
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    back = (anchor.isoweekday() - weekday) % 7  # days since the last such weekday (0 = today)
    ahead = (weekday - anchor.isoweekday()) % 7
    if det == "last":
        # "last Friday" said on a Saturday is yesterday's Friday; said on a Friday, a week ago.
        return cal.day(anchor - timedelta(days=back or 7))
    if det == "this past":
        return cal.day(anchor - timedelta(days=back or 7))
    if det in ("next", "this coming", "coming"):
        return cal.day(anchor + timedelta(days=ahead or 7))
    if det == "this":
        return cal.day(anchor + timedelta(days=ahead) if ahead <= 3 else anchor - timedelta(days=back))
    if back == 0:
        return cal.day(anchor)
    possessive = re.match(r"['’]s\b", ctx.text[m.end() : m.end() + 3])
    # "Wednesday's ruling" names something that has happened: the past one.
    if not possessive and _tense(m, ctx) == FUTURE:
        return cal.day(anchor + timedelta(days=ahead))
    return cal.day(anchor - timedelta(days=back))


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved:
    weekday = _weekday_number(m["wd"])
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("TNI" if m["nightpl"] else "")
    if m["plural"] or m["nightpl"]:
        return Resolved(f"XXXX-WXX-{weekday}" + (f"T{pod[1:]}" if pod else ""), cal.DAY, model.SET)
    det = re.sub(r"\s+", " ", (m["det"] or "").lower())
    point = _weekday_point(ctx, m, weekday, det)
    if point is None:
        return _unresolved(cal.DAY, value=f"XXXX-WXX-{weekday}")
    anchor_value = cal.value(ctx.reference) if det in ("the previous", "the following", "the next", "that") and ctx.reference else ctx.anchor_value
    if pod:
        # "Friday morning" is a date narrowed to a part of it (TimeBank: DATE, 22 to 6).
        return ctx.point(cal.part_of_day(point.start, pod), kind=model.DATE, anchor=anchor_value)
    return ctx.point(point, kind=model.DATE, anchor=anchor_value)


_DEICTIC_DAYS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
DEICTIC_DAY = _compile(
    _B
    + r"(?:(?:early|late|earlier|later)\s+)?"
    + r"(?:(?:early\s+|late\s+|mid-?)?(?P<pod0>morning|afternoon|evening)\s+)?"
    + rf"(?P<word>{alternation(_DEICTIC_DAYS)})"
    + rf"(?:(?:\s+|['’]s\s+)(?P<pod>{_POD}))?"
    + _E
)


#: "today's world", "the people of tomorrow": the present or future in general, not a day.
GENERIC_AFTER_DAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|generations|children|kids|young|economy|"
    r"markets?|standards|technology|[a-z]+ers\b|[a-z]+s\b)",
    re.IGNORECASE,
)


def accept_deictic_day(m: re.Match[str], text: str) -> bool:
    word = m["word"].lower()
    if word in ("today", "tomorrow") and not m["pod"] and not m["pod0"]:
        if GENERIC_AFTER_DAY.match(text, m.end()) or _previous_word(text, m.start()) == "of":
            return False
    # "USA Today", "VOA Today": a name, not a day.
    if m["word"].lower() == "today" and m["word"][0].isupper():
        previous = _words_before(text, m.start())
        if previous and previous[0][:1].isupper() and not previous[0].endswith((".", ":")):
            return False
    return True


def resolve_deictic_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if ctx.anchor is None:
        return _unresolved(cal.DAY)
    d = ctx.anchor + timedelta(days=_DEICTIC_DAYS[word])
    pod_word = (m["pod"] or m["pod0"] or "").lower()
    pod = PARTS_OF_DAY.get(pod_word) or ("TNI" if word == "tonight" else "")
    if pod:
        return _relative(ctx, cal.part_of_day(d, pod), kind=model.TIME)
    return _relative(ctx, cal.day(d))


PART_OF_DAY = _compile(
    _B
    + r"(?:(?:early|late|earlier|later)\s+)?"
    + rf"(?P<det>this|last|early\s+this|late\s+this)\s+(?P<pod>{_POD})"
    + _E
)


def resolve_part_of_day(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return _unresolved(cal.PART_OF_DAY, kind=model.TIME)
    pod = PARTS_OF_DAY[m["pod"].lower()]
    d = ctx.anchor - timedelta(days=1) if m["det"].lower() == "last" else ctx.anchor
    return _relative(ctx, cal.part_of_day(d, pod), kind=model.TIME)


# --- Clock times ---------------------------------------------------------------------------

_DAY_AFTER_CLOCK = (
    rf"(?:,?\s+(?:on\s+)?(?:(?P<dayword>today|tonight|yesterday|tomorrow|{_WEEKDAY})"
    rf"|(?P<cmon>{_MONTH})\s+(?P<cday>{_DAYNUM})(?!\d)))?"
)
CLOCK = _compile(
    _B
    + r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m)(?!\w)"
    + r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d|:\d)"
    + r"|(?P<mil>[01]\d|2[0-3])(?P<milmi>[0-5]\d)(?=\s+(?:GMT|UTC|hours|hrs|local))"
    + r"|(?P<named>noon|midnight|midday)"
    + rf"|(?P<oc>{_WORDNUM}|\d{{1,2}})(?:\s+o['’]clock|(?=\s+in\s+the\s+(?:morning|afternoon|evening))))"
    + rf"(?:\s+\(?(?P<tz>{_TZ})\)?)?"
    + r"(?:\s+(?:in\s+the\s+)?(?P<pod>morning|afternoon|evening|at\s+night))?"
    + _DAY_AFTER_CLOCK
    + _E
)
#: Words before "hh:mm" that make it a time rather than a score or a ratio.
CLOCK_CUES = frozenset({"at", "by", "from", "until", "till", "to", "around", "about", "before", "after", "since", "|", "approximately", "-"})


def accept_clock(m: re.Match[str], text: str) -> bool:
    if m["h24"] is not None and not m["tz"]:
        previous = text[max(0, m.start() - 15) : m.start()].strip().lower()
        last_word = previous.split()[-1] if previous.split() else ""
        return last_word in CLOCK_CUES or previous.endswith("|")
    if m["named"]:
        previous = _previous_word(text, m.start())
        if previous == "high":
            return False  # "High Noon"
        if m["named"].lower() == "midday" and not m["dayword"]:
            return previous in CLOCK_CUES
    return True


def _clock_hour_minute(m: re.Match[str]) -> tuple[int, int] | None:
    if m["named"]:
        return (0, 0) if m["named"].lower() == "midnight" else (12, 0)
    if m["h24"] is not None:
        return int(m["h24"]), int(m["mi24"])
    if m["mil"] is not None:
        return int(m["mil"]), int(m["milmi"])
    if m["oc"] is not None:
        hour = int(number_value(m["oc"]) or 0)
        pod = (m["pod"] or "").lower()
        if hour < 12 and pod in ("afternoon", "evening", "at night"):
            hour += 12
        return (hour, 0) if 0 <= hour <= 23 else None
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if hour > 12:
        return None
    if m["ap"].lower().startswith("p") and hour != 12:
        hour += 12
    elif m["ap"].lower().startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolved:
    hm = _clock_hour_minute(m)
    if hm is None:
        return _unresolved(cal.TIME, kind=model.TIME)
    hour, minute = hm
    d: date | None = None
    anchor_value = ctx.anchor_value
    if m["cmon"] and ctx.anchor is not None:
        month_number, day_number = _month_number(m["cmon"]), _day_number(m["cday"])
        y = _infer_year(ctx, m, month_number)
        d = date(y, month_number, day_number) if _valid(y, month_number, day_number) else None
    elif m["dayword"]:
        word = m["dayword"].lower()
        if word in _DEICTIC_DAYS and ctx.anchor is not None:
            d = ctx.anchor + timedelta(days=_DEICTIC_DAYS[word])
        elif ctx.anchor is not None:
            point = _weekday_point(ctx, m, _weekday_number(m["dayword"]), "")
            d = point.start if point else None
    else:
        d = _day_near(ctx, m.end())
    if d is None:
        return _unresolved(cal.TIME, kind=model.TIME, value=f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return ctx.point(cal.clock(d, hour, minute), kind=model.TIME, anchor=anchor_value)


_DAY_AHEAD = _compile(rf"^[^.;!?]*?\b(?P<word>today|tonight|yesterday|tomorrow|{_WEEKDAY})\b")


def _day_near(ctx: Context, end: int) -> date | None:
    """The day a bare clock time is on: a day named just after it, the reference day, the anchor."""
    ahead = _DAY_AHEAD.match(ctx.text[end : end + CLOCK_DAY_LOOKAHEAD])
    if ahead is not None and ctx.anchor is not None:
        word = ahead["word"].lower()
        if word in _DEICTIC_DAYS:
            return ctx.anchor + timedelta(days=_DEICTIC_DAYS[word])
        if word[:1].isalpha() and ahead["word"][0].isupper():
            weekday = _weekday_number(ahead["word"])
            back = (ctx.anchor.isoweekday() - weekday) % 7
            return ctx.anchor - timedelta(days=back)
    if ctx.reference is not None and ctx.reference.granularity in (cal.DAY, cal.TIME, cal.PART_OF_DAY):
        return ctx.reference.start
    return ctx.anchor


# --- Relative units: "last week", "this year", "earlier this month" --------------------------

_RELATIVE_UNITS = {
    "week": cal.WEEK,
    "weekend": cal.WEEKEND,
    "month": cal.MONTH,
    "quarter": cal.QUARTER,
    "year": cal.YEAR,
    "fiscal year": cal.YEAR,
    "decade": cal.DECADE,
    "century": cal.CENTURY,
}
RELATIVE_UNIT = _compile(
    _B
    + _PRE
    + rf"(?P<det>{_DEICTIC})[\s-]+"
    + r"(?P<unit>fiscal\s+year|week|weekend|month|quarter|year|decade|century)(?!\s*-)"
    + r"(?![\w-])"
)


def accept_relative_unit(m: re.Match[str], text: str) -> bool:
    # "ABC's \"This Week\"": a capitalised unit is a title, unless all is in capitals.
    unit = m["unit"]
    return not (unit[:1].isupper() and not unit.isupper())


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved:
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    granularity = _RELATIVE_UNITS[unit]
    det = re.sub(r"\s+", " ", m["det"].lower())
    step = {"this": 0, "current": 0, "the current": 0, "last": -1, "this past": -1, "the last": -1, "past": -1, "the past": -1, "the latest": -1, "the most recent": -1, "next": 1, "this coming": 1, "coming": 1, "the coming": 1}[det]
    if det in ("the past", "the last", "the coming", "past", "coming") and unit not in ("weekend",):
        # "over the past year" is a stretch of time; "in the past year" a date.
        start = m.start()
        previous = _previous_word(ctx.text, start)
        if previous in DURATION_PREPOSITIONS - {"in"} or (det == "the coming" and previous != "in"):
            designator = {"week": "P1W", "month": "P1M", "quarter": "P1Q", "year": "P1Y", "fiscal year": "P1Y", "decade": "P10Y", "century": "P100Y"}[unit]
            return Resolved(designator, cal.DURATION, model.DURATION)
    if ctx.anchor is None:
        return _unresolved(granularity)
    if unit == "weekend":
        # The weekend of the anchor's week if it is a weekend day, else the previous one.
        base = ctx.anchor if ctx.anchor.isoweekday() >= 6 or step > 0 else ctx.anchor - timedelta(days=7)
        point = cal.weekend(base)
        if step > 0 and ctx.anchor.isoweekday() >= 6:
            point = cal.shift(point, 1, "week")
        elif step < 0 and ctx.anchor.isoweekday() >= 6:
            point = cal.shift(point, -1, "week")
        return _relative(ctx, point)
    point = cal.containing(granularity, ctx.anchor)
    if step:
        unit_name = {"week": "week", "month": "month", "quarter": "quarter", "year": "year", "fiscal year": "year"}.get(unit)
        if unit_name:
            point = cal.shift(point, step, unit_name)
        else:
            point = cal.containing(granularity, date(ctx.anchor.year + step * (10 if unit == "decade" else 100), 1, 1))
    return _relative(ctx, point)


#: "the day", "that week", "the same year", "the next day", "the previous month", "the year".
ANAPHORIC_UNIT = _compile(
    _B
    + _PRE
    + rf"(?:(?P<det>{_ANAPHORIC}|the)\s+)(?:full\s+|entire\s+|whole\s+)?"
    + rf"(?P<unit>fiscal\s+year|day|week|weekend|month|year|morning|afternoon|evening|night)"
    + r"(?:\s+or\s+so\b)?(?![\w-])"
)


def accept_anaphoric_unit(m: re.Match[str], text: str) -> bool:
    det = re.sub(r"\s+", " ", m["det"].lower())
    unit = m["unit"].lower()
    narrowed = not m.group(0).lower().startswith(("the", "that"))  # "the end of the month"
    if det == "the" and unit in ("day", "morning", "afternoon", "evening", "night", "month") and not narrowed:
        return False  # "the day" is rarely a date of its own; "the morning" seldom resolvable
    if det == "that" and unit not in ("day", "week", "month", "year", "morning", "night", "evening", "afternoon"):
        return False
    # "the year's best", "the week's most active": still the year; "the year 2000": the year rule.
    return not re.match(r"\s+(?:\d{4}|before|after|of\s+the|in\s+which|when|two\s+thousand)\b", text[m.end() : m.end() + 16])


def resolve_anaphoric_unit(m: re.Match[str], ctx: Context) -> Resolved:
    det = re.sub(r"\s+", " ", m["det"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if det == "the" and unit in ("year", "fiscal year"):
        after = ctx.text[m.end() : m.end() + 12]
        if re.match(r"\s+(?:ended|ending|to|through)\b", after):
            return Resolved("P1Y", cal.DURATION, model.DURATION)
        if ctx.anchor is None:
            return _unresolved(cal.YEAR)
        return _relative(ctx, cal.year(_reference_year(ctx) if unit == "year" else ctx.anchor.year))
    if det == "the" and unit == "weekend":
        if ctx.anchor is None:
            return _unresolved(cal.WEEKEND)
        # The weekend just past, or the coming one in a future-tense sentence; on a Saturday
        # or Sunday, this one.
        point = cal.weekend(ctx.anchor)
        if ctx.anchor.isoweekday() < 6 and _tense(m, ctx) != FUTURE:
            point = cal.shift(point, -1, "week")
        return _relative(ctx, point)
    if det == "the" and unit == "week":
        if ctx.anchor is None:
            return _unresolved(cal.WEEK)
        base = ctx.reference.start if ctx.reference is not None and ctx.reference.granularity in (cal.DAY, cal.WEEK) else ctx.anchor
        return _relative(ctx, cal.week(base))
    reference = ctx.reference if ctx.reference is not None else ctx.anchor_point
    if reference is None:
        return _unresolved(cal.DAY)
    step = 1 if det in ("the next", "the following", "the very next") else -1 if det in ("the previous", "the preceding", "the prior") else 0
    pods = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
    anchor_value = cal.value(reference)
    if unit in pods or unit == "day":
        base = reference.start if reference.granularity in (cal.DAY, cal.TIME, cal.PART_OF_DAY) else ctx.anchor
        if base is None:
            return _unresolved(cal.DAY)
        d = base + timedelta(days=step)
        point = cal.part_of_day(d, pods[unit]) if unit in pods else cal.day(d)
        return ctx.point(point, kind=model.TIME if unit in pods else model.DATE, anchor=anchor_value)
    granularity = _RELATIVE_UNITS[unit]
    point = cal.containing(granularity, reference.start)
    if step:
        point = cal.shift(point, step, "year" if unit == "fiscal year" else unit if unit != "weekend" else "week")
    return ctx.point(point, kind=model.DATE, anchor=anchor_value)


# --- Offsets: "two days ago", "a year earlier", "three weeks from now" ----------------------

_DURATION_CORE = (
    rf"(?:(?P<approx>{_APPROX_OFFSET})\s+)?"
    + rf"(?P<num>{_VAGUE}|{_COUNT})(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?P<unit>{_UNIT})"
    + r"(?P<half2>\s+and\s+a\s+half)?"
)
OFFSET = _compile(
    _B
    + _DURATION_CORE
    + r"\s+(?:(?P<dir>ago|earlier|later|afterwards?|hence|from\s+now)(?![\w-])|"
    + r"(?P<dir2>before|after|back|previously|prior)"
    + r"(?=\s*(?:$|[,.;:!?)\"'”’—–-]|\s(?:and|but|when|while|as|that|in|on|at|to|with|he|she|it|they|I|we)\b)))"
)


def accept_offset(m: re.Match[str], text: str) -> bool:
    unit = UNIT_FORMS[m["unit"].lower()]
    return not (m["num"].lower() in ("a", "an") and unit == "second")


def resolve_offset(m: re.Match[str], ctx: Context) -> Resolved:
    count, unit_name = _count_unit(m["num"], m["unit"])
    direction = (m["dir"] or m["dir2"]).lower()
    backwards = direction in ("ago", "earlier", "previously", "before", "back", "prior")
    deictic = direction in ("ago", "hence", "from now", "back")
    if count is None:
        return Resolved("PAST_REF" if backwards else "FUTURE_REF", cal.REF, model.REF, ctx.anchor_value)
    if m["half"] or m["half2"]:
        count += 0.5
    calendar_unit, factor = _calendar_unit(unit_name)
    steps = count * factor
    if calendar_unit in ("hour", "minute", "second"):
        calendar_unit, steps = "day", 0
    if steps != int(steps):
        return Resolved(None, _granularity_of_unit(unit_name), model.DATE)
    signed = -int(steps) if backwards else int(steps)
    granularity = _granularity_of_unit(unit_name)
    if calendar_unit == "year" and abs(signed) == 1:
        return _one_year_back_or_forth(ctx, signed, deictic=deictic)
    if calendar_unit == "year":
        if not deictic and ctx.reference is not None:
            base_year = ctx.reference.start.year
        elif ctx.anchor is not None:
            base_year = ctx.anchor.year
        else:
            return _unresolved(cal.YEAR)
        if not MIN_YEAR <= base_year + signed <= 9999:
            return _unresolved(cal.YEAR)
        point = cal.year(base_year + signed)
        return Resolved(cal.value(point), cal.YEAR, model.DATE, str(base_year), point)
    reference = ctx.reference
    if not deictic and reference is not None:
        # "two days later" moves the date under discussion, at its own granularity.
        point = cal.shift(reference, signed, calendar_unit)
        return Resolved(cal.value(point), point.granularity, model.DATE, cal.value(reference), point)
    if ctx.anchor is None:
        return _unresolved(granularity)
    point = cal.shift(cal.containing(granularity, ctx.anchor), signed, calendar_unit)
    return _relative(ctx, point)


# --- Durations: "three months", "the past two weeks", "several years", "a five-year plan" ----

_UNIT_QUALIFIER = r"(?:(?:trading|business|working|calendar|straight|consecutive|full|more|additional|further|extra)\s+)?"
DURATION = _compile(
    _B
    + r"(?P<t>(?:(?P<approx>"
    + _APPROX
    + r")\s+(?!the\b|these\b|those\b|its\b|their\b))?"
    + r"(?:(?P<det>the|these|those|this|its|their|his|her|our|my|your"
    + r"|an?(?=\s+[\w.]+-[\w-]+\s+(?:period|term|span|stretch|stint|window)\b))\s+)?"
    + r"(?:(?P<mod>past|last|next|first|coming|previous|following|latest|final|initial|remaining|"
    r"ensuing|intervening|year-earlier|year-ago|prior|same|current|recent|better\s+part\s+of\s+the)\s+)?"
    + rf"(?P<num>{_VAGUE}|{_COUNT})(?:\s*(?:to|-|or)\s*(?P<num2>{_COUNT}))?"
    + rf"(?P<half>\s+and\s+a\s+half)?(?P<sep>\s+|-){_UNIT_QUALIFIER}(?P<unit>{_UNIT})"
    + r"(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so\b)?"
    + r"(?P<noun>\s+(?:period|term|span|stretch|stint|window))?)"
    + r"(?![\w-])"
)
#: After these, "one day" is a vague future ("Islam will one day be..."), not a duration.
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "shall"})


def accept_duration(m: re.Match[str], text: str) -> bool:
    num = m["num"].lower()
    if m["noun"] and m["sep"] != "-":
        return False
    unit = UNIT_FORMS[m["unit"].lower()]
    after = text[m.end() : m.end() + 8]
    if re.match(r"[\s-]+old\b", after):
        return False  # "52 years old", "a 6-year-old boy": an age
    if m["unit"][0].isupper() and not m["num"][0].isupper():
        return False  # "CBS's ''60 Minutes''": a title
    if unit == "quarter" and not (m["det"] or m["mod"]):
        # "three-quarters of its food", "a quarter of the shares": fractions.
        fraction_counts = ("a", "an", "one", "two", "three")
        if num in fraction_counts and (re.match(r"\s+of\b", after) or num in ("a", "an") or "-" in m.group("t")):
            return False
    if num in ("a", "an") and unit == "second":
        return False  # "a second group": an ordinal
    if num in ("a", "an") and not m["det"] and not m["mod"]:
        # "$5 a year", "twice a day" are rates (sets), found by their own rules.
        previous = _previous_word(text, m.start("num"))
        if previous in ("per", "times", "once", "twice", "thrice") or re.search(
            r"[\d%]$|(?:million|billion|cents?|dollars?|percent|shares)$",
            text[max(0, m.start() - 12) : m.start()].rstrip(),
        ):
            return False
    return not (
        m["unit"].lower() in ("sec", "min", "secs", "mins", "hr", "hrs", "yr", "yrs", "mos", "wks")
        and not re.match(r"[\d.,]+$", num)
    )


#: How half of a unit is written: "a year and a half" is P1Y6M, "half an hour" PT30M.
HALF_OF_UNIT: dict[str, str] = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


def _duration_with_half(count: float, unit_name: str) -> str:
    whole = int(count)
    unit = UNITS[unit_name]
    half = HALF_OF_UNIT.get(unit_name)
    if half is None or unit.factor != 1:
        total = count * unit.factor
        return ("PT" if unit.clock else "P") + f"{total:g}" + unit.designator
    head = f"{whole}{unit.designator}" if whole else ""
    if unit.clock:
        return "PT" + head + half
    return "P" + head + half


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved:
    count, unit_name = _count_unit(m["num"], m["unit"])
    if m["num2"]:
        count = None  # "two to three weeks", "12 to 18 months": P2W? PXW keeps what is known
    if count is not None and (m["half"] or m["half2"]):
        count += 0.5
    if (
        unit_name == "day"
        and count == 1
        and m["num"].lower() == "one"
        and _previous_word(ctx.text, m.start()) in MODALS
    ):
        return Resolved("FUTURE_REF", cal.REF, model.REF, ctx.anchor_value)
    if unit_name == "quarter" and count is not None:
        return Resolved(f"P{count:g}Q", cal.DURATION, model.DURATION)
    if count is not None and count != int(count):
        return Resolved(_duration_with_half(count, unit_name), cal.DURATION, model.DURATION)
    return Resolved(_duration_value(count, unit_name), cal.DURATION, model.DURATION)


#: "for years", "in recent weeks", "days after": a plural unit alone is an unknown duration.
BARE_PLURAL = _compile(
    r"(?<![\w-])(?:(?P<the>the)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
    r"(?:(?P<ago>\s+ago)|(?P<ahead>\s+ahead|\s+to\s+come)|(?P<long>-long))?(?![\w-])"
)
BARE_PLURAL_BEFORE = frozenset({"for", "in", "within", "over", "after", "take", "takes", "took", "taken", "taking", "spend", "spent", "lasted", "last", "lasting"})


def accept_bare_plural(m: re.Match[str], text: str) -> bool:
    previous = _previous_word(text, m.start())
    after = text[m.end() : m.end() + 12].lower()
    if m["ago"] or m["long"] or m["ahead"]:
        return previous not in ("many", "several", "few", "two", "three", "some")
    if m["the"]:
        # "in the weeks before the shooting", "in the years that followed"
        return bool(re.match(r"\s+(?:before|after|that\s+followed|following|since)\b", after))
    if previous in ("the", "of", "these", "those", "two", "three", "many", "several", "few", "some"):
        return False
    if previous in BARE_PLURAL_BEFORE:
        return not after.lstrip().startswith(("of ", "ago", "earlier", "later"))
    return bool(re.match(r"\s+(?:after|later|before|earlier|ago)\b", after)) and previous not in ("many", "several", "few")


def resolve_bare_plural(m: re.Match[str], ctx: Context) -> Resolved:
    if m["ago"]:
        return Resolved("PAST_REF", cal.REF, model.REF, ctx.anchor_value)
    unit = UNIT_FORMS[m["unit"].lower()]
    return Resolved(_duration_value(None, unit), cal.DURATION, model.DURATION)


# --- Sets: "daily", "every week", "each July", "$5 a year" ----------------------------------

SET_WORD = _compile(_B + rf"(?P<word>{alternation(SET_WORDS)})" + _E)


#: Set words that are sets also as adjectives ("a daily rally"); the others only as adverbs
#: ("paid annually", not "its quarterly dividend").
ADJECTIVE_SETS = frozenset({"daily", "weekly", "nightly", "hourly"})


def accept_set_word(m: re.Match[str], text: str) -> bool:
    word = m["word"].lower()
    if word not in ADJECTIVE_SETS and re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
        return not re.match(r"\s+(?:and|or|in|on|at|by|for|from|since|until|through|to|as|with|over)\b", text[m.end() : m.end() + 10]) is None
    return True


def resolve_set_word(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(SET_WORDS[m["word"].lower()], cal.SET, model.SET)


EVERY = _compile(
    _B
    + r"(?P<q>every|each|per|once\s+a|twice\s+a|(?:\w+)\s+times\s+a)\s+(?:(?P<other>other)\s+)?"
    + rf"(?:(?P<num>{_COUNT})\s+)?"
    + rf"(?:(?P<unit>{_UNIT})|(?P<wd>{_WEEKDAY})|(?P<mon>{_MONTH})|(?P<pod>morning|afternoon|evening|night))"
    + _E
)


def accept_every(m: re.Match[str], text: str) -> bool:
    if m["unit"]:
        return UNIT_FORMS[m["unit"].lower()] in UNITS and not (m["q"].lower() == "per" and m["num"])
    return bool(m["wd"] or m["pod"] or (m["mon"] and m["mon"][0].isupper()))


def resolve_every(m: re.Match[str], ctx: Context) -> Resolved:
    if m["wd"]:
        return Resolved(f"XXXX-WXX-{_weekday_number(m['wd'])}", cal.SET, model.SET)
    if m["mon"]:
        return Resolved(f"XXXX-{_month_number(m['mon']):02d}", cal.SET, model.SET)
    if m["pod"]:
        return Resolved(f"XXXX-XX-XXT{PARTS_OF_DAY[m['pod'].lower()][1:]}", cal.SET, model.SET)
    count, unit_name = _count_unit(m["num"], m["unit"])
    if m["other"]:
        count = (count or 1) * 2
    if unit_name == "quarter":
        return Resolved("P1Q" if not count or count == 1 else f"P{int(count)}Q", cal.SET, model.SET)
    return Resolved(_duration_value(count or 1, unit_name), cal.SET, model.SET)


RATE = _compile(
    r"(?:\d|\b(?:million|billion|trillion|cents?|dollars?|percent|shares|tons|barrels|units))%?\s+"
    + rf"(?P<t>(?:a|an|per)\s+(?P<unit>{_UNIT}))"
    + _E
)


def resolve_rate(m: re.Match[str], ctx: Context) -> Resolved:
    unit = UNIT_FORMS[m["unit"].lower()]
    return Resolved(_duration_value(1, unit), cal.SET, model.SET)


# --- References: "now", "recently", "the future", "recent years" ------------------------------

REFERENCE = _compile(_B + rf"(?P<phrase>{alternation(REFERENCE_PHRASES)})" + r"(?![\w-])")
#: Nouns after which "current" is an accounting term, not a time ("current account").
NOT_CURRENT_BEFORE = re.compile(
    r"\s+(?:account|accounts|assets|liabilities|dollars|prices|events|affairs|flowing|"
    r"electric|density|source|yield|rate|ratio|model)\b",
    re.IGNORECASE,
)


#: Nouns after which "future" is counted as a time ("future quarters"); before most nouns it
#: is a plain adjective ("future earnings"), which TimeBank leaves unmarked.
FUTURE_NOUNS = re.compile(r"\s+(?:quarters|years|months|weeks|periods|generations)\b", re.IGNORECASE)


def accept_reference(m: re.Match[str], text: str) -> bool:
    phrase = m["phrase"].lower()
    if phrase == "future":
        return bool(FUTURE_NOUNS.match(text, m.end()))
    if phrase == "current":
        return not NOT_CURRENT_BEFORE.match(text, m.end())
    if phrase == "now" and re.match(r"-\w", text[m.end() : m.end() + 2]):
        return False
    return not (phrase == "recent" and re.match(r"\s+(?:history|memory|past)\b", text[m.end() : m.end() + 10]))


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved:
    value = REFERENCE_PHRASES[re.sub(r"\s+", " ", m["phrase"].lower()).replace("’", "'")]
    return Resolved(value, cal.REF, model.REF, ctx.anchor_value)


REFERENCE_UNITS = _compile(
    _B
    + r"(?:(?P<prep>in|over|for|during|within)\s+)?"
    + r"(?P<t>(?:the\s+)?(?:(?:most|more|very)\s+)?"
    + rf"(?P<mod>{alternation(REFERENCE_UNIT_MODIFIERS)})\s+"
    + r"(?:(?:weeks|days|months|years)\s+and\s+)?"
    + r"(?P<unit>days|weeks|months|quarters|years|decades|centuries|times))"
    + _E
)


def resolve_reference_units(m: re.Match[str], ctx: Context) -> Resolved:
    """"recent years" is PAST_REF; "in recent years", "over coming weeks" a stretch: PXY."""
    unit = m["unit"].lower()
    if m["prep"] and unit != "times":
        return Resolved(_duration_value(None, UNIT_FORMS[unit]), cal.DURATION, model.DURATION)
    value = REFERENCE_UNIT_MODIFIERS[m["mod"].lower()]
    return Resolved(value, cal.REF, model.REF, ctx.anchor_value)


# --- The cascade -------------------------------------------------------------------------------

#: The rules, most specific first: between two equally long spans the earlier rule wins.
def _triggers(*phrases: str) -> frozenset[str]:
    """The words of the phrases (lower case, letters and digits), for :attr:`Rule.triggers`."""
    return frozenset(w for p in phrases for w in re.findall(r"[a-z0-9]+", p.lower()))


_MONTH_WORDS = _triggers(*MONTHS)
_UNIT_WORDS = _triggers(*UNIT_FORMS)
_WEEKDAY_WORDS = _triggers(*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)

RULES: tuple[Rule, ...] = (
    Rule("date.iso", ISO_DATE, resolve_iso_date, accept_iso_date),
    Rule("date.numeric", NUMERIC_DATE, resolve_numeric_date, accept_numeric_date),
    Rule("date.month_day_year", FULL_DATE, resolve_full_date, accept_full_date, triggers=_MONTH_WORDS),
    Rule("date.month_day", MONTH_DAY, resolve_month_day, accept_month_day, triggers=_MONTH_WORDS),
    Rule("date.month_year", MONTH_YEAR, resolve_month_year, accept_month_year, triggers=_MONTH_WORDS),
    Rule("date.holiday", HOLIDAY, resolve_holiday, accept_holiday, triggers=_triggers(*HOLIDAYS)),
    Rule("date.half", HALF, resolve_half, triggers=_triggers("half")),
    Rule(
        "date.quarter",
        QUARTER,
        resolve_quarter,
        accept_quarter,
        _quarter_span,
        triggers=_triggers("quarter quarters q1 q2 q3 q4 1q 2q 3q 4q"),
    ),
    Rule(
        "date.quarter_reference",
        QUARTER_REFERENCE,
        resolve_quarter_reference,
        accept_quarter_reference,
        triggers=_triggers("quarter period earlier ago before prior"),
    ),
    Rule("date.season", SEASON, resolve_season, accept_season, triggers=_triggers(*SEASONS)),
    Rule("date.month", MONTH, resolve_month, accept_month, triggers=_MONTH_WORDS),
    Rule("date.year_end", YEAR_END, resolve_year_end, triggers=_triggers("end")),
    Rule("date.century", CENTURY, resolve_century, triggers=_triggers("century")),
    Rule("date.decade", DECADE, resolve_decade, accept_decade),
    Rule(
        "date.spelled_year",
        SPELLED_YEAR,
        resolve_spelled_year,
        accept_spelled_year,
        triggers=_triggers("nineteen twenty"),
    ),
    Rule("date.year", YEAR, resolve_year, accept_year),
    Rule("time.clock", CLOCK, resolve_clock, accept_clock),
    Rule(
        "date.deictic_day",
        DEICTIC_DAY,
        resolve_deictic_day,
        accept_deictic_day,
        triggers=_triggers(*_DEICTIC_DAYS),
    ),
    Rule("time.part_of_day", PART_OF_DAY, resolve_part_of_day, triggers=_triggers(*PARTS_OF_DAY)),
    Rule("date.weekday", WEEKDAY, resolve_weekday, accept_weekday, triggers=_WEEKDAY_WORDS),
    Rule(
        "date.relative_unit",
        RELATIVE_UNIT,
        resolve_relative_unit,
        accept_relative_unit,
        triggers=_triggers(*_RELATIVE_UNITS),
    ),
    Rule("date.offset", OFFSET, resolve_offset, accept_offset, triggers=_UNIT_WORDS),
    Rule(
        "date.anaphoric_unit",
        ANAPHORIC_UNIT,
        resolve_anaphoric_unit,
        accept_anaphoric_unit,
        triggers=_triggers("day week weekend month year morning afternoon evening night"),
    ),
    Rule("set.every", EVERY, resolve_every, accept_every, triggers=_triggers("every each per once twice times")),
    Rule("set.word", SET_WORD, resolve_set_word, accept_set_word, triggers=_triggers(*SET_WORDS)),
    Rule("set.rate", RATE, resolve_rate, triggers=_UNIT_WORDS),
    Rule(
        "ref.units",
        REFERENCE_UNITS,
        resolve_reference_units,
        triggers=_triggers(*REFERENCE_UNIT_MODIFIERS),
    ),
    Rule("duration.count", DURATION, resolve_duration, accept_duration, _adjective_span, triggers=_UNIT_WORDS),
    Rule("duration.bare_plural", BARE_PLURAL, resolve_bare_plural, accept_bare_plural, triggers=_UNIT_WORDS),
    Rule(
        "ref.phrase",
        REFERENCE,
        resolve_reference,
        accept_reference,
        triggers=frozenset(_triggers(p)
        and sorted(_triggers(p.split()[-1]))[0] for p in REFERENCE_PHRASES),
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
