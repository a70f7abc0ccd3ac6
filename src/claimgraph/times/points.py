"""Calendar arithmetic on :class:`Point`, a period of time at a stated granularity.

A point keeps its granularity: "last week" stays a week (``2022-W46``) and is never turned
into an invented day. ``value`` writes a point as a TimeML value.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from claimgraph.times.lexicon import SEASON_START_MONTH, Holiday

# Granularities a point can have, finest first (documented in docs/times.md).
TIME = "time"
PART_OF_DAY = "part_of_day"
DAY = "day"
WEEKEND = "weekend"
WEEK = "week"
MONTH = "month"
SEASON = "season"
QUARTER = "quarter"
HALF = "half"
YEAR = "year"
DECADE = "decade"
CENTURY = "century"
# Granularities of what is not a point.
DURATION = "duration"
SET = "set"
REF = "ref"

#: Order of the point granularities, used to pick the finer of two.
FINENESS = (
    TIME,
    PART_OF_DAY,
    DAY,
    WEEKEND,
    WEEK,
    MONTH,
    SEASON,
    QUARTER,
    HALF,
    YEAR,
    DECADE,
    CENTURY,
)


class Point(NamedTuple):
    """A period: its granularity, its first day, and a detail (season, part of day, HH:MM)."""

    granularity: str
    start: date
    detail: str = ""


def day(d: date) -> Point:
    return Point(DAY, d)


def week(d: date) -> Point:
    return Point(WEEK, d - timedelta(days=d.isoweekday() - 1))


def weekend(d: date) -> Point:
    return Point(WEEKEND, d - timedelta(days=d.isoweekday() - 1))


def month(year: int, month_number: int) -> Point:
    return Point(MONTH, date(year, month_number, 1))


def quarter(year: int, number: int) -> Point:
    return Point(QUARTER, date(year, 3 * number - 2, 1))


def half(year: int, number: int) -> Point:
    return Point(HALF, date(year, 6 * number - 5, 1))


def season(year: int, code: str) -> Point:
    return Point(SEASON, date(year, SEASON_START_MONTH[code], 1), code)


def year(number: int) -> Point:
    return Point(YEAR, date(number, 1, 1))


def decade(first_year: int) -> Point:
    return Point(DECADE, date(first_year - first_year % 10, 1, 1))


def century(first_year: int) -> Point:
    return Point(CENTURY, date(max(first_year - first_year % 100, 1), 1, 1))


def clock(d: date, hour: int, minute: int) -> Point:
    return Point(TIME, d, f"{hour:02d}:{minute:02d}")


def part_of_day(d: date, code: str) -> Point:
    return Point(PART_OF_DAY, d, code)


def containing(granularity: str, d: date) -> Point:
    """The period of the given granularity that contains day ``d``."""
    if granularity == DAY:
        return day(d)
    if granularity == WEEK:
        return week(d)
    if granularity == WEEKEND:
        return weekend(d)
    if granularity == MONTH:
        return month(d.year, d.month)
    if granularity == QUARTER:
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == HALF:
        return half(d.year, 1 if d.month <= 6 else 2)
    if granularity == DECADE:
        return decade(d.year)
    if granularity == CENTURY:
        return century(d.year)
    return year(d.year)


def value(point: Point) -> str:
    """The TimeML value of a point (``2022-11-22``, ``2022-W46``, ``2022-Q3``, ``199X``...)."""
    g, d = point.granularity, point.start
    if g == DAY:
        return d.isoformat()
    if g in (WEEK, WEEKEND):
        iso_year, iso_week, _ = d.isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}" + ("-WE" if g == WEEKEND else "")
    if g == MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if g == QUARTER:
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if g == HALF:
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if g == SEASON:
        return f"{d.year:04d}-{point.detail}"
    if g == DECADE:
        return f"{d.year // 10:03d}X"
    if g == CENTURY:
        return f"{d.year // 100:02d}"
    if g == TIME:
        return f"{d.isoformat()}T{point.detail}"
    if g == PART_OF_DAY:
        return f"{d.isoformat()}{point.detail}"  # the code carries its "T": "TMO"
    return f"{d.year:04d}"


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months (day clipped to the month's length); ``d`` itself when the
    result would fall outside years 1..9999."""
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    if not 1 <= y <= 9999:
        return d
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(point: Point, count: int, unit: str) -> Point:
    """Move a point by ``count`` units (day, week, month, quarter, year), keeping its granularity."""
    d = point.start
    if unit in {"day", "week"}:
        ordinal = d.toordinal() + count * (7 if unit == "week" else 1)
        if not 1 <= ordinal <= date.max.toordinal():  # "a million weeks ago": no such date
            return point
        moved = date.fromordinal(ordinal)
    elif not -12 * 9999 <= count * {"month": 1, "quarter": 3, "half": 6}.get(unit, 12) <= 12 * 9999:
        return point
    elif unit == "month":
        moved = add_months(d, count)
    elif unit == "quarter":
        moved = add_months(d, 3 * count)
    elif unit == "half":
        moved = add_months(d, 6 * count)
    else:  # years
        moved = add_months(d, 12 * count)
    if moved.year < 1 or moved.year > 9999:
        return point
    if point.granularity in (TIME, PART_OF_DAY, DAY, SEASON):
        return point._replace(start=moved)
    return containing(point.granularity, moved)


def finest(a: str, b: str) -> str:
    """The finer of two point granularities."""
    return a if FINENESS.index(a) <= FINENESS.index(b) else b


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_number, day_number = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month_number, day_number + 1)


def holiday(rule: Holiday, y: int) -> date:
    """The date of a holiday in year ``y``."""
    if rule.easter_offset is not None:
        return easter(y) + timedelta(days=rule.easter_offset)
    if rule.nth == 0:
        return date(y, rule.month, rule.day)
    if rule.nth > 0:
        first = date(y, rule.month, rule.day or 1)  # counting from a day: Election Day
        offset = (rule.weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (rule.nth - 1))
    last = date(y, rule.month, calendar.monthrange(y, rule.month)[1])
    return last - timedelta(days=(last.isoweekday() - rule.weekday) % 7)
