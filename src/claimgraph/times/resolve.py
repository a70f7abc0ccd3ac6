"""Resolution steps shared by several rules: years of yearless dates, comparisons, durations.

The tuning constants of the time layer live here, named and commented.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import UNIT_FORMS, UNITS, number_value
from claimgraph.times.points import Point
from claimgraph.times.tense import FUTURE, PAST

#: A month named without a year in a past-tense sentence is still this year's when it is at
#: most this many months after the anchor's ("the offer was extended to Nov. 6", Oct. 30).
PAST_LOOKAHEAD_MONTHS = 2
#: With no tense cue, a yearless month is the nearest one: up to this many months ahead,
#: else behind.
UNKNOWN_LOOKAHEAD_MONTHS = 6
#: "last February" is at least this many months back: said in March it is last year's
#: February (the month just gone is "last month").
LAST_MONTH_MIN_DISTANCE = 2
#: Four-digit numbers read as years on their own ("in 1995").
MIN_YEAR, MAX_YEAR = 1600, 2099
#: Granularities "a year earlier" keeps from the expression just before it.
COMPARABLE = frozenset({cal.DAY, cal.WEEK, cal.MONTH, cal.SEASON, cal.QUARTER, cal.HALF})
#: How half of a unit is written: "a year and a half" is P1Y6M, "half an hour" PT30M.
HALF_OF_UNIT: dict[str, str] = {
    "year": "6M",
    "month": "15D",
    "day": "T12H",
    "hour": "30M",
    "minute": "30S",
}
#: The granularity of a date reached by counting in a unit ("two weeks ago" is a week).
UNIT_GRANULARITY: dict[str, str] = {
    "second": cal.DAY,
    "minute": cal.DAY,
    "hour": cal.DAY,
    "day": cal.DAY,
    "week": cal.WEEK,
    "month": cal.MONTH,
    "quarter": cal.QUARTER,
    "year": cal.YEAR,
}


def unresolved(granularity: str, kind: str = model.DATE, value: str | None = None) -> Resolved:
    """What can be said without an anchor: an underspecified value (``XXXX-10-21``) or None."""
    return Resolved(value, granularity, kind)


def from_anchor(ctx: Context, point: Point, *, kind: str = model.DATE) -> Resolved:
    """A point worked out from the anchor."""
    return ctx.point(point, kind=kind, anchor=ctx.anchor_value)


def absolute(ctx: Context, point: Point, *, kind: str = model.DATE) -> Resolved:
    """A point the text states in full."""
    return ctx.point(point, kind=kind, anchor=None)


def tense_of(m: re.Match[str], ctx: Context) -> str:
    return ctx.tense(*m.span())


def infer_year(ctx: Context, m: re.Match[str], month_number: int) -> int:
    """The year of a month named without one ("October 21"), from the anchor and the tense.

    The anchor's own month is in the anchor's year. Otherwise, with ``ahead`` the number of
    months from the anchor's month forward to the named one (1 to 11):

    - past-tense sentence: the last such month, unless it is at most
      :data:`PAST_LOOKAHEAD_MONTHS` ahead (then the coming one);
    - future-tense sentence: the coming one;
    - no tense cue: the nearest, looking at most :data:`UNKNOWN_LOOKAHEAD_MONTHS` ahead.
    """
    assert ctx.anchor is not None
    anchor = ctx.anchor
    ahead = (month_number - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    tense = tense_of(m, ctx)
    if tense == FUTURE:
        coming = True
    elif tense == PAST:
        coming = ahead <= PAST_LOOKAHEAD_MONTHS
    else:
        coming = ahead <= UNKNOWN_LOOKAHEAD_MONTHS
    if coming:
        return anchor.year if month_number > anchor.month else anchor.year + 1
    return anchor.year if month_number < anchor.month else anchor.year - 1


def weekday_from_anchor(ctx: Context, m: re.Match[str], weekday: int, det: str) -> Point | None:
    """The day a weekday name refers to (``det``: "", "last", "next", "this", "the previous"...).

    News convention: a bare weekday is the nearest one in the past (the anchor itself when
    it is that weekday), or the coming one in a future-tense sentence. "last Friday" is the
    Friday of the week before when said on a Friday; "the previous Friday" counts from the
    date under discussion.
    """
    if det in ("the previous", "the following", "the next", "that"):
        base_point = ctx.reference if ctx.reference is not None else ctx.anchor_point
        if base_point is None:
            return None
        base = base_point.start
        if det == "that":
            return cal.day(base + timedelta(days=weekday - base.isoweekday()))
        if det == "the previous":
            return cal.day(base - timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1))
        return cal.day(base + timedelta(days=(weekday - base.isoweekday() - 1) % 7 + 1))
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    back = (anchor.isoweekday() - weekday) % 7  # days since the last such weekday (0: today)
    ahead = (weekday - anchor.isoweekday()) % 7
    if det in ("last", "this past"):
        return cal.day(anchor - timedelta(days=back or 7))
    if det in ("next", "this coming", "coming"):
        return cal.day(anchor + timedelta(days=ahead or 7))
    if det == "this":
        return cal.day(
            anchor + timedelta(days=ahead) if ahead <= 3 else anchor - timedelta(days=back)
        )
    if back == 0:
        return cal.day(anchor)
    # "Wednesday's ruling" names something that has happened: the past one.
    possessive = re.match(r"['’]s\b", ctx.text[m.end() : m.end() + 3]) is not None
    if not possessive and tense_of(m, ctx) == FUTURE:
        return cal.day(anchor + timedelta(days=ahead))
    return cal.day(anchor - timedelta(days=back))


def latest_quarter(anchor: date) -> Point:
    """The last quarter to have ended: what a results report is about."""
    return cal.shift(cal.containing(cal.QUARTER, anchor), -1, "quarter")


def quarter_under_discussion(ctx: Context) -> Point:
    """The quarter mentioned last, else the latest quarter."""
    assert ctx.anchor is not None
    mentioned = ctx.last_by_granularity.get(cal.QUARTER)
    return mentioned if mentioned is not None else latest_quarter(ctx.anchor)


def year_under_discussion(ctx: Context) -> int:
    """The year of the quarter mentioned last, else the anchor's."""
    mentioned = ctx.last_by_granularity.get(cal.QUARTER)
    if mentioned is not None:
        return mentioned.start.year
    assert ctx.anchor is not None
    return ctx.anchor.year


def year_comparison(ctx: Context, years: int) -> Resolved | None:
    """ "a year earlier" right after a quarter (or month, or day): that one, a year before."""
    base = ctx.previous
    if base is None or base.granularity not in COMPARABLE:
        return None
    point = cal.shift(base, years, "year")
    return Resolved(
        cal.value(point), point.granularity, model.DATE, cal.value(base), compared_to=base
    )


def one_year_apart(ctx: Context, years: int, *, deictic: bool) -> Resolved:
    """ "a year ago", "a year earlier", "year-earlier": a comparison, not a new reference.

    Right after a quarter (or month, or day) it is that period a year before ("net rose in
    the third quarter from $5 million a year earlier": 1988-Q3); after a year, the year
    before that one ("a year earlier" than 1995), unless it counts from the anchor ("ago");
    otherwise the year before the anchor's.
    """
    compared = year_comparison(ctx, years)
    if compared is not None:
        return compared
    previous = ctx.previous
    base = previous if previous is not None and previous.granularity == cal.YEAR else None
    if base is not None and not deictic:
        base_year = base.start.year
    elif ctx.anchor is not None:
        base_year = ctx.anchor.year
    else:
        return unresolved(cal.YEAR)
    return Resolved(str(base_year + years), cal.YEAR, model.DATE, str(base_year), compared_to=base)


def count_and_unit(count_text: str | None, unit_text: str) -> tuple[float | None, str]:
    """``("three", "months")`` -> ``(3.0, "month")``; a vague count ("several") gives None."""
    unit = UNIT_FORMS[unit_text.lower()]
    count = number_value(count_text) if count_text else 1.0
    return count, unit


def duration_value(count: float | None, unit_name: str) -> str:
    """``P3M``, ``PT5H``, ``P10Y`` (a decade), ``PXM`` (an unknown count), ``P1Y6M``."""
    unit = UNITS[unit_name]
    prefix = "PT" if unit.clock else "P"
    if count is None:
        return f"{prefix}X{unit.designator}"
    total = count * unit.factor
    if total == int(total):
        return f"{prefix}{int(total)}{unit.designator}"
    half = HALF_OF_UNIT.get(unit_name)
    if half is not None and unit.factor == 1 and total - int(total) == 0.5:
        whole = f"{int(total)}{unit.designator}" if int(total) else ""
        return prefix + whole + half
    return f"{prefix}{total:g}{unit.designator}"
