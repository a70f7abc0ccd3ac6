"""Parts of a year: quarters ("the third quarter", "the year-earlier quarter"), halves ("the
first half of 1989") and seasons ("last fall", "the summer of 1994")."""

from __future__ import annotations

import re
from datetime import date

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import ORDINALS, SEASON_START_MONTH, SEASONS
from claimgraph.times.patterns import (
    END,
    NARROWING,
    ORDINAL,
    SEASON,
    START,
    YEAR,
    after,
    compile_pattern,
    previous_word,
    squeeze,
)
from claimgraph.times.resolve import (
    absolute,
    from_anchor,
    latest_quarter,
    one_year_apart,
    quarter_under_discussion,
    tense_of,
    unresolved,
    year_under_discussion,
)
from claimgraph.times.tense import FUTURE, PAST

# --- Quarters --------------------------------------------------------------------------------

_QUARTER_MODIFIERS = (
    r"(?:fiscal|latest|current|previous|past|last|same|comparable|year-earlier|year-ago|"
    r"year-before|prior-year|year\s+earlier|recent|most\s+recent|just-ended|just\s+ended|"
    r"calendar|preceding|final|first|second|third|fourth|\d{4})"
)
#: "the third quarter", "third-quarter", "this year's third quarter", "the fourth quarter
#: of 1984", "Q3 2022", "fourth quarters" (a set)
QUARTER = compile_pattern(
    START
    + r"(?:(?P<qposs>this|last|next)\s+year['’]s\s+|(?P<qdet>the|its|their)\s+)?"
    + rf"(?P<mods>(?:{_QUARTER_MODIFIERS}[\s-]+)*)"
    + rf"(?P<ord>{ORDINAL})(?P<sep>[\s-]+)(?:fiscal[\s-]+)?quarter(?P<plural>s)?"
    + rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<qy>{YEAR})|(?P<qyear>this|last|next|the\s+previous"
    + rf"|the\s+current|the)\s+(?:fiscal\s+)?year)|,?\s+(?P<qy2>{YEAR}))?"
    + END
    + r"|"
    + START
    + r"(?P<qn>Q[1-4]|[1-4]Q)(?:\s+(?P<qy3>'?\d{2,4}))?"
    + END
)


def quarter_span(m: re.Match[str]) -> tuple[int, int]:
    """ "the third-quarter loss": the adjective "third-quarter" leaves out the determiner."""
    start, end = m.span()
    if m["qdet"] and not m["qn"] and "-" in m["sep"]:
        start = m.start("mods") if m["mods"] else m.start("ord")
    return start, end


def accept_quarter(m: re.Match[str], text: str) -> bool:
    return not m["qn"] or not m["qn"][0].islower()  # "Q3", not "q3"


def _quarter_year(ctx: Context, m: re.Match[str], number: int, mods: str) -> int | None:
    explicit = m["qy"] or m["qy2"] or m["qy3"]
    if explicit:
        y = int(explicit.lstrip("'"))
        return y + 1900 if y < 100 else y
    year_in_mods = re.search(r"\d{4}", mods)
    if year_in_mods:
        return int(year_in_mods.group(0))
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    year_word = squeeze(m["qyear"] or m["qposs"] or "")
    if "last" in year_word or "previous" in year_word:
        return anchor.year - 1
    if "next" in year_word:
        return anchor.year + 1
    if re.search(r"year[\s-](?:earlier|ago|before)|prior-year", mods):
        return year_under_discussion(ctx) - 1
    # A quarter that has not begun is last year's in a past-tense sentence ("the fourth
    # quarter" in February); otherwise the anchor's year whatever the tense ("expects to
    # report third-quarter results", in October, is about this year's third quarter).
    current = (anchor.month - 1) // 3 + 1
    if number > current and tense_of(m, ctx) == PAST:
        return anchor.year - 1
    return anchor.year


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved:
    number = int(m["qn"].upper().strip("Q")) if m["qn"] else ORDINALS[m["ord"].lower()]
    if m["plural"]:
        return Resolved(f"XXXX-Q{number}", cal.SET, model.SET)
    mods = squeeze(m["mods"] or "")
    y = _quarter_year(ctx, m, number, mods)
    if y is None:
        return unresolved(cal.QUARTER, value=f"XXXX-Q{number}")
    stated = m["qy"] or m["qy2"] or m["qy3"] or re.search(r"\d{4}", mods)
    point = cal.quarter(y, number)
    return absolute(ctx, point) if stated else from_anchor(ctx, point)


#: "the quarter", "the latest period", "the year-earlier quarter", "the 1988 period",
#: "the corresponding period last year", "year-earlier" (profit)
QUARTER_REFERENCE = compile_pattern(
    START
    + r"(?:(?:the|this|that|its)\s+(?P<mods>(?:"
    + r"(?:fiscal|latest|current|previous|past|last|same|comparable|year-earlier|year-ago|"
    + r"year-before|prior-year|year\s+earlier|recent|most\s+recent|just-ended|just\s+ended|"
    + r"preceding|\d{4}|corresponding|like)[\s-]+)*)(?P<unit>quarter|period)"
    + r"(?:\s+(?P<suffix>last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+previous\s+year))?"
    + r"|(?P<adj>year-earlier|year-ago|year-before|prior-year|year\s+earlier))"
    + r"(?![\w-])"
)
_LATEST = re.compile(r"latest|most recent|just[\s-]ended|recent")
_YEAR_BEFORE = re.compile(r"year[\s-](?:earlier|ago|before)|prior-year|last year|previous year")


def accept_quarter_reference(m: re.Match[str], text: str) -> bool:
    if m["adj"]:
        return after(text, m.end(), r"\s+[a-z]")  # "year-earlier profit": an adjective
    mods = squeeze(m["mods"] or "").strip()
    if m["unit"].lower() == "period":
        # "the period" alone is too common to be a quarter; "the latest period" is one.
        return (bool(mods) and mods not in ("same", "fiscal")) or bool(m["suffix"])
    return True


def resolve_quarter_reference(m: re.Match[str], ctx: Context) -> Resolved:
    mods = squeeze((m["mods"] or m["adj"] or "") + " " + (m["suffix"] or ""))
    year_in_mods = re.search(r"\d{4}", mods)
    if year_in_mods and (m["unit"] or "").lower() == "period":
        # "the 1988 period": that year's quarter when quarters are discussed, else the year.
        y = int(year_in_mods.group(0))
        discussed = ctx.last_by_granularity.get(cal.QUARTER)
        if discussed is None:
            return absolute(ctx, cal.year(y))
        point = cal.quarter(y, (discussed.start.month - 1) // 3 + 1)
        return Resolved(cal.value(point), point.granularity, model.DATE, cal.value(discussed))
    if ctx.anchor is None:
        return unresolved(cal.QUARTER)
    if _LATEST.search(mods):
        return from_anchor(ctx, latest_quarter(ctx.anchor))
    if "current" in mods:
        return from_anchor(ctx, cal.containing(cal.QUARTER, ctx.anchor))
    if m["adj"]:
        return one_year_apart(ctx, -1, deictic=True)
    discussed = quarter_under_discussion(ctx)
    if year_in_mods:
        point = cal.quarter(int(year_in_mods.group(0)), (discussed.start.month - 1) // 3 + 1)
        return absolute(ctx, point)
    if _YEAR_BEFORE.search(mods):
        # A comparison: the quarter under discussion stays the reference.
        point = cal.shift(discussed, -1, "year")
        return Resolved(
            cal.value(point), cal.QUARTER, model.DATE, cal.value(discussed), compared_to=discussed
        )
    if re.search(r"previous|preceding|prior", mods):
        point = cal.shift(discussed, -1, "quarter")
        return Resolved(cal.value(point), cal.QUARTER, model.DATE, cal.value(discussed))
    return ctx.point(discussed, kind=model.DATE, anchor=cal.value(discussed))


# --- Halves ----------------------------------------------------------------------------------

#: "the first half", "the second half of 1989", "the last half of the '80s"
HALF = compile_pattern(
    START
    + r"(?:the\s+)?(?:(?:fiscal|latest|current|year-earlier|year-ago)\s+)?"
    + r"(?P<which>first|second|last|latter|1st|2nd)[\s-]+half"
    + rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?P<y>{YEAR})"
    + r"|(?P<det>this|last|next|the)\s+(?:fiscal\s+)?year|the\s+['’](?P<dec>\d0)s))?"
    + END
)


def resolve_half(m: re.Match[str], ctx: Context) -> Resolved:
    number = 1 if m["which"].lower() in ("first", "1st") else 2
    if m["dec"]:
        # TimeML has no half-decade: the decade.
        return absolute(ctx, cal.decade(1900 + int(m["dec"])))
    if m["y"]:
        return absolute(ctx, cal.half(int(m["y"]), number))
    if ctx.anchor is None:
        return unresolved(cal.HALF, value=f"XXXX-H{number}")
    det = (m["det"] or "").lower()
    if det == "last":
        y = ctx.anchor.year - 1
    elif det == "next":
        y = ctx.anchor.year + 1
    elif det:
        y = ctx.anchor.year
    else:
        y = year_under_discussion(ctx)
    return from_anchor(ctx, cal.half(y, number))


# --- Seasons ---------------------------------------------------------------------------------

#: "last fall", "this summer", "the spring", "winter 1994", "in summer"
SEASON_NAMED = compile_pattern(
    START
    + NARROWING
    + r"(?:(?P<det>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|the|"
    + r"early|late|mid)(?:\s+|-))?"
    + rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"
    + r"(?![\w-])"
)
#: Words before a bare "summer" or "winter" that make it a time ("in summer").
SEASON_CUES = frozenset(
    [
        "in",
        "during",
        "since",
        "until",
        "by",
        "through",
        "over",
        "this",
        "last",
        "next",
        "early",
        "late",
        "each",
        "every",
    ]
)


def accept_season(m: re.Match[str], text: str) -> bool:
    season = m["season"].lower()
    if m["y"] or m["det"] or m.group(0) != m["season"]:
        # "the fall of Rome", "the spring of discontent": a fall, a spring.
        det = (m["det"] or "").lower()
        return not (
            det == "the"
            and not m["y"]
            and season in ("fall", "spring")
            and after(text, m.end(), r"\s+of\b")
        )
    # Bare "fall" and "spring" are verbs and nouns far more often than seasons.
    return season not in ("fall", "spring") and previous_word(text, m.start()) in SEASON_CUES


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved:
    """The season's year is the year it starts in (January belongs to last year's winter).

    "last <season>" is the last one to have ended, "next" the next to begin, "this" the
    current year's; without a determiner, the current one unless the tense says otherwise.
    """
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return absolute(ctx, cal.season(int(m["y"]), code))
    if ctx.anchor is None:
        return unresolved(cal.SEASON, value=f"XXXX-{code}")
    anchor = ctx.anchor
    start_month = SEASON_START_MONTH[code]
    year = anchor.year - 1 if code == "WI" and anchor.month < 3 else anchor.year
    started = code == "WI" and anchor.month < 3 or anchor.month >= start_month
    over = anchor >= cal.add_months(date(year, start_month, 1), 3)
    det = squeeze(m["det"] or "").split()
    last = det[-1] if det else ""
    if last in ("last", "past"):
        y = year if started and over else year - 1
    elif last in ("next", "coming"):
        y = year + 1 if started else year
    elif last == "this":
        y = year
    else:
        tense = tense_of(m, ctx)
        if tense == PAST and not started:
            y = year - 1
        elif tense == FUTURE and over:
            y = year + 1
        else:
            y = year
    return from_anchor(ctx, cal.season(y, code))
