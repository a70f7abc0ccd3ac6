"""Calendar dates: "2022-11-22", "October 21, 2022", "October 21", "March 1998", "in 2014",
"the 1990s", "the 20th century", "by year-end", "Thanksgiving"."""

from __future__ import annotations

import re
from datetime import date

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import (
    AMBIGUOUS_MONTHS,
    HOLIDAYS,
    ONES,
    SEASONS,
    TEENS,
    TENS,
    alternation,
    number_value,
)
from claimgraph.times.patterns import (
    DAY_NUMBER,
    END,
    MONTH,
    NARROWING,
    SEASON,
    START,
    WEEKDAY,
    YEAR,
    after,
    compile_pattern,
    day_number,
    month_number,
    previous_word,
    squeeze,
    valid_date,
    weekday_number,
)
from claimgraph.times.points import Point
from claimgraph.times.resolve import (
    LAST_MONTH_MIN_DISTANCE,
    MAX_YEAR,
    MIN_YEAR,
    absolute,
    from_anchor,
    infer_year,
    unresolved,
)

# --- ISO and numeric dates -------------------------------------------------------------------

ISO_DATE = compile_pattern(
    START + r"(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?)?" + END
)


def accept_iso_date(m: re.Match[str], text: str) -> bool:
    return valid_date(int(m["y"]), int(m["m"]), int(m["d"]))


def resolve_iso_date(m: re.Match[str], ctx: Context) -> Resolved:
    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["h"]:
        return absolute(ctx, cal.clock(d, int(m["h"]), int(m["mi"])), kind=model.TIME)
    return absolute(ctx, cal.day(d))


NUMERIC_DATE = compile_pattern(
    r"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<y>(?:1[6-9]|20)\d\d)(?![\w/])"
)


def _numeric_parts(m: re.Match[str]) -> tuple[int, int, int] | None:
    """Month/day for slashes (US), day.month for dots; the other order when only it fits."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    orders = ((a, b), (b, a)) if m["sep"] == "/" else ((b, a), (a, b))
    for month, day in orders:
        if 1 <= month <= 12 and valid_date(y, month, day):
            return y, month, day
    return None


def accept_numeric_date(m: re.Match[str], text: str) -> bool:
    return _numeric_parts(m) is not None


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Resolved:
    parts = _numeric_parts(m)
    assert parts is not None  # accepted
    return absolute(ctx, cal.day(date(*parts)))


# --- Month names -----------------------------------------------------------------------------

_MONTH_DAY = (
    rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<mon>{MONTH})\s+(?P<day>{DAY_NUMBER})"
    rf"|(?:the\s+)?(?P<day2>{DAY_NUMBER})(?:\s+of)?\s+(?P<mon2>{MONTH}))"
)
#: "October 21, 2022", "22nd November, 2022", "Monday, Oct. 26, 1998"
FULL_DATE = compile_pattern(START + _MONTH_DAY + rf",?\s+(?:of\s+)?(?P<y>{YEAR})(?![\d,]\d)" + END)
#: "October 21", "Sept. 30", "the 5th of May"
MONTH_DAY = compile_pattern(START + _MONTH_DAY + r"(?!\d|:\d|\s*(?:-|to)\s*\d|,\s*\d{4})" + END)


def _month_day_parts(m: re.Match[str]) -> tuple[int, int]:
    return month_number(m["mon"] or m["mon2"]), day_number(m["day"] or m["day2"])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def accept_full_date(m: re.Match[str], text: str) -> bool:
    month, day = _month_day_parts(m)
    return _capitalised(m["mon"] or m["mon2"]) and valid_date(int(m["y"]), month, day)


def resolve_full_date(m: re.Match[str], ctx: Context) -> Resolved:
    month, day = _month_day_parts(m)
    return absolute(ctx, cal.day(date(int(m["y"]), month, day)))


def accept_month_day(m: re.Match[str], text: str) -> bool:
    month, day = _month_day_parts(m)
    if not _capitalised(m["mon"] or m["mon2"]) or not valid_date(2000, month, day):
        return False
    # "5 May" is a date, "won 2 March primaries" is not: day first, no noun after.
    return not (m["day2"] and not m["wd"] and after(text, m.end(), r"\s+[a-z]"))


def resolve_month_day(m: re.Match[str], ctx: Context) -> Resolved:
    month, day = _month_day_parts(m)
    unknown = f"XXXX-{month:02d}-{day:02d}"
    if ctx.anchor is None:
        return unresolved(cal.DAY, value=unknown)
    if m["wd"]:
        # "Monday, Oct. 26": the year in which that date is that weekday, nearest first.
        weekday = weekday_number(m["wd"])
        for y in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
            if valid_date(y, month, day) and date(y, month, day).isoweekday() == weekday:
                return from_anchor(ctx, cal.day(date(y, month, day)))
    y = infer_year(ctx, m, month)
    if not valid_date(y, month, day):  # 29 February
        return unresolved(cal.DAY, value=unknown)
    return from_anchor(ctx, cal.day(date(y, month, day)))


#: "March 1998", "June of 2021", "mid-November 1989"
MONTH_YEAR = compile_pattern(
    START + NARROWING + rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})(?![\d,]\d)" + END
)


def accept_month_year(m: re.Match[str], text: str) -> bool:
    return _capitalised(m["mon"])


def resolve_month_year(m: re.Match[str], ctx: Context) -> Resolved:
    return absolute(ctx, cal.month(int(m["y"]), month_number(m["mon"])))


#: "October", "last February", "mid-November", "June last year"
MONTH_ALONE = compile_pattern(
    START
    + NARROWING
    + r"(?:(?P<det>this\s+past|this\s+coming|this|last|next|the\s+month\s+of|the\s+past"
    + r"|the\s+coming)\s+)?"
    + rf"(?P<mon>{MONTH})(?!\s*\d)"
    + r"(?:,?\s+(?P<yword>this|last|next)\s+year)?"
    + END
)
#: Words after which "May" or "March" is a month, not a verb.
MONTH_CUES = frozenset(
    [
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
    ]
)


def accept_month(m: re.Match[str], text: str) -> bool:
    word = m["mon"]
    if not _capitalised(word):
        return False
    bare = word.rstrip(".").lower()
    if len(bare) <= 4 and bare not in ("may", "june", "july") and not word.endswith("."):
        return False  # "Jan Kavan": alone, an abbreviation needs its full stop
    if bare not in AMBIGUOUS_MONTHS:
        return True
    if word.isupper() and len(word) > 1:
        return False  # "MAY" in a headline
    previous = previous_word(text, m.start("mon"))
    if not (m["det"] or m.group(0) != word or previous in MONTH_CUES or previous.startswith("mid")):
        return False
    if bare == "march" and after(text, m.end(), r"\s+(?:of|on|to|for|against)\b"):
        return False  # "the March of the Combatant Mothers", "a March on Washington"
    # "they may be": a verb, unless a preposition says otherwise ("in May in the court").
    return previous in MONTH_CUES or not after(
        text, m.end(), r"\s+(?:be|have|not|also|well|still|never|take|make|go|come|on|in)\b"
    )


def resolve_month(m: re.Match[str], ctx: Context) -> Resolved:
    month = month_number(m["mon"])
    if ctx.anchor is None:
        return unresolved(cal.MONTH, value=f"XXXX-{month:02d}")
    anchor = ctx.anchor
    det = squeeze(m["det"] or "").split()
    last = det[-1] if det else ""
    if m["yword"]:
        y = anchor.year + {"last": -1, "this": 0, "next": 1}[m["yword"].lower()]
    elif last in ("last", "past"):
        # The last such month at least LAST_MONTH_MIN_DISTANCE back.
        y = anchor.year if month < anchor.month else anchor.year - 1
        if (anchor.month - month) % 12 < LAST_MONTH_MIN_DISTANCE:
            y -= 1
    elif last in ("next", "coming"):
        y = anchor.year if month > anchor.month else anchor.year + 1
        if (month - anchor.month) % 12 < LAST_MONTH_MIN_DISTANCE:
            y += 1
    elif last == "this":
        y = anchor.year
    else:
        y = infer_year(ctx, m, month)
    return from_anchor(ctx, cal.month(y, month))


# --- Years, decades, centuries ---------------------------------------------------------------

#: "1995", "fiscal 1989", "mid-2021", "early 1991"
YEAR_ALONE = compile_pattern(
    r"(?<![\w$£€#.,/:-])"
    + NARROWING
    + r"(?:(?P<fiscal>fiscal|calendar|model|financial|the\s+year|fiscal\s+year|FY)\s*)?"
    + rf"(?P<y>{YEAR})(?![\w%$]|[.,:/-]\d|\s*(?:%|percent|per\s*cent))"
)
#: A four-digit number after these is a number, not a year ("No. 1995", "Resolution 2231").
NOT_YEAR_BEFORE = frozenset(
    [
        "no.",
        "number",
        "no",
        "#",
        "rule",
        "resolution",
        "flight",
        "room",
        "route",
        "section",
        "article",
        "paragraph",
        "model",
        "item",
        "code",
        "page",
        "about",
        "some",
        "nearly",
        "almost",
        "over",
        "than",
    ]
)
#: Words after a four-digit number that show it counts something ("2000 troops").
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
    if not MIN_YEAR <= int(m["y"]) <= MAX_YEAR:
        return False
    if m.group(0) != m["y"]:
        return True  # "fiscal 1989", "mid-2021": the words make it a year
    if previous_word(text, m.start()) in NOT_YEAR_BEFORE:
        return False
    return not NOT_YEAR_AFTER.match(text, m.end())


def resolve_year(m: re.Match[str], ctx: Context) -> Resolved:
    return absolute(ctx, cal.year(int(m["y"])))


#: Years written out, as in broadcast transcripts: "nineteen ninety-four".
SPELLED_YEAR = compile_pattern(
    START
    + NARROWING
    + rf"(?:(?P<mon>{MONTH})\s+)?(?:(?:the\s+)?(?P<season>{SEASON})\s+of\s+)?"
    + r"(?P<century>nineteen|twenty)[\s-]+"
    + rf"(?P<rest>{alternation(TENS)}(?:[\s-]+{alternation(ONES)})?|{alternation(TEENS)}"
    + rf"|hundred|o[\s-]+{alternation(ONES)})"
    + END
)


def accept_spelled_year(m: re.Match[str], text: str) -> bool:
    # "nineteen ninety" is a year where a year fits; "twenty five" alone is a count.
    if m["mon"] or m["season"]:
        return True
    return m["century"].lower() == "nineteen" or previous_word(text, m.start()) in MONTH_CUES


def resolve_spelled_year(m: re.Match[str], ctx: Context) -> Resolved:
    rest = m["rest"].lower()
    tail = 0 if rest == "hundred" else int(number_value(re.sub(r"^o[\s-]+", "", rest)) or 0)
    y = (19 if m["century"].lower() == "nineteen" else 20) * 100 + tail
    if m["mon"]:
        return absolute(ctx, cal.month(y, month_number(m["mon"])))
    if m["season"]:
        return absolute(ctx, cal.season(y, SEASONS[m["season"].lower()]))
    return absolute(ctx, cal.year(y))


DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
#: "the 1990s", "the early '80s", "the nineties"
DECADE = compile_pattern(
    START
    + NARROWING
    + r"(?:the\s+)?(?:(?:early|mid|late)(?:\s+|-))?"
    + r"(?:(?P<full>1[0-9]\d0|20\d0)['’]?s|['’](?P<short>\d0)['’]?s"
    + rf"|(?:nineteen[\s-]+)?(?P<word>{alternation(DECADE_WORDS)}))"
    + END
)


def accept_decade(m: re.Match[str], text: str) -> bool:
    # "in his sixties" is an age: decade words need "the" ("the sixties").
    return not m["word"] or "the" in m.group(0).lower().split()


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved:
    if m["full"]:
        first = int(m["full"])
    else:
        tens = int(m["short"]) if m["short"] else 10 * DECADE_WORDS[m["word"].lower()]
        first = 1900 + tens
        # "the '10s" is this century's once the anchor has reached it.
        if ctx.anchor is not None and 2000 + tens <= ctx.anchor.year:
            first = 2000 + tens
    return absolute(ctx, cal.decade(first))


_CENTURY_ORDINALS: dict[str, int] = {
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
    "twenty-first": 21,
}
#: "the 20th century", "the nineteenth century"
CENTURY = compile_pattern(
    START
    + NARROWING
    + rf"(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{alternation(_CENTURY_ORDINALS)}))"
    + r"[\s-]+century"
    + END
)


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved:
    n = int(m["n"]) if m["n"] else _CENTURY_ORDINALS[squeeze(m["w"])]
    return absolute(ctx, cal.century(max(n - 1, 0) * 100))


#: "by year-end", "since year-end", "by year's end"
YEAR_END = compile_pattern(
    START + r"(?:(?P<det>this|last|next)\s+)?(?:year[\s-]end|year['’]s\s+end)(?![\w-])"
)


def resolve_year_end(m: re.Match[str], ctx: Context) -> Resolved:
    """The anchor's year; the one before with "last", or "since" ("up 5% since year-end")."""
    if ctx.anchor is None:
        return unresolved(cal.YEAR)
    det = (m["det"] or "").lower()
    since = previous_word(ctx.text, m.start()) == "since"
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(det, -1 if since else 0)
    return from_anchor(ctx, cal.year(y))


# --- Holidays --------------------------------------------------------------------------------

#: "Thanksgiving Day", "last Christmas", "Easter week", "Election Day 2020"
HOLIDAY = compile_pattern(
    START
    + r"(?:(?P<det>last|next|this|this\s+past|this\s+coming)\s+)?"
    + rf"(?P<name>{alternation(HOLIDAYS)})(?:\s+(?P<week>week|weekend))?"
    + rf"(?:,?\s+(?P<y>{YEAR}))?"
    + END
)


def accept_holiday(m: re.Match[str], text: str) -> bool:
    return _capitalised(m["name"])


def resolve_holiday(m: re.Match[str], ctx: Context) -> Resolved:
    """The named year's, else the nearest one (holidays are talked about when they are near)."""
    rule = HOLIDAYS[squeeze(m["name"])]

    def point_in(y: int) -> Point:
        d = cal.holiday(rule, y)
        return cal.week(d) if m["week"] else cal.day(d)

    if m["y"]:
        return absolute(ctx, point_in(int(m["y"])))
    if ctx.anchor is None:
        fixed = rule.nth == 0 and rule.easter_offset is None and not m["week"]
        return unresolved(cal.DAY, value=f"XXXX-{rule.month:02d}-{rule.day:02d}" if fixed else None)
    anchor = ctx.anchor
    this_year = cal.holiday(rule, anchor.year)
    det = squeeze(m["det"] or "").split()
    last = det[-1] if det else ""
    if last in ("last", "past"):
        y = anchor.year if this_year < anchor else anchor.year - 1
    elif last in ("next", "coming"):
        y = anchor.year if this_year > anchor else anchor.year + 1
    elif last == "this":
        y = anchor.year
    else:
        y = min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda candidate: abs((cal.holiday(rule, candidate) - anchor).days),
        )
    return from_anchor(ctx, point_in(y))
