"""Relative dates: from the anchor ("last week", "this year", "earlier this month", "two days
ago") or from the date under discussion ("the next day", "a year earlier", "that week")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import PARTS_OF_DAY, UNIT_FORMS, UNITS
from claimgraph.times.patterns import (
    ANAPHORIC,
    APPROXIMATOR_OFFSET,
    COUNT,
    DEICTIC,
    NARROWING,
    START,
    UNIT,
    VAGUE_COUNT,
    after,
    compile_pattern,
    previous_word,
    squeeze,
)
from claimgraph.times.resolve import (
    MIN_YEAR,
    UNIT_GRANULARITY,
    count_and_unit,
    from_anchor,
    one_year_apart,
    tense_of,
    unresolved,
    year_under_discussion,
)
from claimgraph.times.tense import FUTURE

#: The units "last", "this", "next" combine with, and the granularity of the result.
RELATIVE_UNITS: dict[str, str] = {
    "week": cal.WEEK,
    "weekend": cal.WEEKEND,
    "month": cal.MONTH,
    "quarter": cal.QUARTER,
    "year": cal.YEAR,
    "fiscal year": cal.YEAR,
    "decade": cal.DECADE,
    "century": cal.CENTURY,
}
#: How many units each deictic determiner moves from the anchor's own unit.
DEICTIC_STEPS: dict[str, int] = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "this past": -1,
    "the last": -1,
    "past": -1,
    "the past": -1,
    "the latest": -1,
    "the most recent": -1,
    "next": 1,
    "this coming": 1,
    "coming": 1,
    "the coming": 1,
}
#: "the next day", "the previous week": steps from the date under discussion.
ANAPHORIC_STEPS: dict[str, int] = {
    "the next": 1,
    "the following": 1,
    "the very next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}
#: "over the past year" is one year long.
ONE_UNIT: dict[str, str] = {
    "week": "P1W",
    "month": "P1M",
    "quarter": "P1Q",
    "year": "P1Y",
    "fiscal year": "P1Y",
    "decade": "P10Y",
    "century": "P100Y",
}
#: After these, "the past year" is a stretch of time ("over the past year": P1Y); after
#: "in" and elsewhere it is the year before the anchor's.
DURATION_PREPOSITIONS = frozenset(
    ["for", "over", "during", "within", "throughout", "through", "of"]
)

# --- From the anchor: "last week", "this year", "the coming month" ---------------------------

RELATIVE_UNIT = compile_pattern(
    START
    + NARROWING
    + rf"(?P<det>{DEICTIC})[\s-]+"
    + r"(?P<unit>fiscal\s+year|week|weekend|month|quarter|year|decade|century)(?!\s*-)(?![\w-])"
)


def accept_relative_unit(m: re.Match[str], text: str) -> bool:
    # ABC's "This Week": a capitalised unit is a title, unless everything is in capitals.
    unit = m["unit"]
    return not (unit[:1].isupper() and not unit.isupper())


def _unit_step(point: cal.Point, step: int, unit: str) -> cal.Point:
    if unit in ("decade", "century"):
        years = step * (10 if unit == "decade" else 100)
        return cal.containing(point.granularity, date(point.start.year + years, 1, 1))
    return cal.shift(point, step, "year" if unit == "fiscal year" else unit)


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved:
    unit = squeeze(m["unit"])
    det = squeeze(m["det"])
    step = DEICTIC_STEPS[det]
    if det in ("the past", "the last", "the coming", "past", "coming") and unit != "weekend":
        previous = previous_word(ctx.text, m.start())
        if previous in DURATION_PREPOSITIONS or (det == "the coming" and previous != "in"):
            return Resolved(ONE_UNIT[unit], cal.DURATION, model.DURATION)
    granularity = RELATIVE_UNITS[unit]
    if ctx.anchor is None:
        return unresolved(granularity)
    anchor = ctx.anchor
    if unit == "weekend":
        # "this weekend" is the one of the anchor's week; "last weekend" the one before it;
        # "next weekend" the coming one (the following week's, said on a weekend).
        point = cal.weekend(anchor)
        if step < 0 or (step > 0 and anchor.isoweekday() >= 6):
            point = cal.shift(point, step, "week")
        return from_anchor(ctx, point)
    point = cal.containing(granularity, anchor)
    return from_anchor(ctx, _unit_step(point, step, unit) if step else point)


# --- From the date under discussion: "the next day", "that week", "the year" -----------------

ANAPHORIC_UNIT = compile_pattern(
    START
    + NARROWING
    + rf"(?P<det>{ANAPHORIC}|the)\s+(?:full\s+|entire\s+|whole\s+)?"
    + r"(?P<unit>fiscal\s+year|day|week|weekend|month|year|morning|afternoon|evening|night)"
    + r"(?:\s+or\s+so\b)?(?![\w-])"
)
_PARTS = frozenset(("morning", "afternoon", "evening", "night"))


def accept_anaphoric_unit(m: re.Match[str], text: str) -> bool:
    det = squeeze(m["det"])
    unit = m["unit"].lower()
    narrowed = m.start("det") > m.start()  # "the end of the month"
    if det == "the" and (unit in _PARTS or unit in ("day", "month")) and not narrowed:
        return False  # "the day", "the morning" alone are seldom dates of their own
    # "the year 2000" belongs to the year rule; "the day before the crash" has no anchor here.
    return not after(
        text, m.end(), r"\s+(?:\d{4}|before|after|of\s+the|in\s+which|when|two\s+thousand)\b"
    )


def resolve_anaphoric_unit(m: re.Match[str], ctx: Context) -> Resolved:
    det = squeeze(m["det"])
    unit = squeeze(m["unit"])
    if det == "the":
        return _the_unit(m, ctx, unit)
    reference = ctx.reference if ctx.reference is not None else ctx.anchor_point
    if reference is None:
        return unresolved(cal.DAY)
    step = ANAPHORIC_STEPS.get(det, 0)
    anchor = cal.value(reference)
    if unit in _PARTS or unit == "day":
        on_day = reference.granularity in (cal.DAY, cal.TIME, cal.PART_OF_DAY)
        base = reference.start if on_day else ctx.anchor
        if base is None:
            return unresolved(cal.DAY)
        d = base + timedelta(days=step)
        if unit == "day":
            return ctx.point(cal.day(d), kind=model.DATE, anchor=anchor)
        return ctx.point(cal.part_of_day(d, PARTS_OF_DAY[unit]), kind=model.TIME, anchor=anchor)
    point = cal.containing(RELATIVE_UNITS[unit], reference.start)
    if step:
        point = cal.shift(point, step, {"fiscal year": "year", "weekend": "week"}.get(unit, unit))
    return ctx.point(point, kind=model.DATE, anchor=anchor)


def _the_unit(m: re.Match[str], ctx: Context, unit: str) -> Resolved:
    """ "the year", "the week", "the weekend": the one under discussion, or the anchor's."""
    if unit in ("year", "fiscal year"):
        if after(ctx.text, m.end(), r"\s+(?:ended|ending|to|through)\b"):
            return Resolved("P1Y", cal.DURATION, model.DURATION)  # "for the year ended June 30"
        if ctx.anchor is None:
            return unresolved(cal.YEAR)
        y = year_under_discussion(ctx) if unit == "year" else ctx.anchor.year
        return from_anchor(ctx, cal.year(y))
    if ctx.anchor is None:
        return unresolved(cal.WEEKEND if unit == "weekend" else cal.WEEK)
    if unit == "weekend":
        # The weekend just past, or the coming one in a future-tense sentence; on a Saturday
        # or Sunday, the current one.
        point = cal.weekend(ctx.anchor)
        if ctx.anchor.isoweekday() < 6 and tense_of(m, ctx) != FUTURE:
            point = cal.shift(point, -1, "week")
        return from_anchor(ctx, point)
    # "the week", "the end of the month" (and "the end of the day", "the end of the night",
    # which only a narrowing lets through): the one of the day under discussion, or the
    # anchor's.
    reference = ctx.reference
    on_day = reference is not None and reference.granularity in (cal.DAY, cal.WEEK)
    day = reference.start if reference is not None and on_day else ctx.anchor
    if unit == "day":
        return from_anchor(ctx, cal.day(day))
    if unit in _PARTS:
        return from_anchor(ctx, cal.part_of_day(day, PARTS_OF_DAY[unit]), kind=model.TIME)
    return from_anchor(ctx, cal.containing(RELATIVE_UNITS[unit], day))


# --- Offsets: "two days ago", "a year earlier", "three weeks from now" -----------------------

OFFSET = compile_pattern(
    START
    + rf"(?:(?P<approx>{APPROXIMATOR_OFFSET})\s+)?"
    + rf"(?P<num>{VAGUE_COUNT}|{COUNT})(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?P<unit>{UNIT})"
    + r"(?P<half2>\s+and\s+a\s+half)?"
    + r"\s+(?:(?P<dir>ago|earlier|later|afterwards?|hence|from\s+now)(?![\w-])|"
    + r"(?P<dir2>before|after|back|previously|prior)"
    # "before" and "after" end an offset only at the end of a phrase ("a day after, ..."),
    # not before their object ("two days after the attack").
    + r"(?=\s*(?:$|[,.;:!?)\"'”’—–-]|\s(?:and|but|when|while|as|that|in|on|at|to|with|"
    + r"he|she|it|they|I|we)\b)))"
)
_BACKWARDS = frozenset(("ago", "earlier", "previously", "before", "back", "prior"))
_FROM_ANCHOR = frozenset(("ago", "hence", "from now", "back"))


def accept_offset(m: re.Match[str], text: str) -> bool:
    # "a second later" is a second; "a second attack" never reaches here.
    return not (m["num"].lower() in ("a", "an") and UNIT_FORMS[m["unit"].lower()] == "second")


# "9999999 weeks ago" is a wire code or a typo, not a date: an offset that spans more years
# than this is left unresolved rather than shifted off the calendar (years 1..9999).
MAX_OFFSET_YEARS = 5_000
UNIT_YEARS = {"day": 1 / 365.25, "week": 7 / 365.25, "month": 1 / 12, "quarter": 1 / 4, "year": 1.0}


def resolve_offset(m: re.Match[str], ctx: Context) -> Resolved:
    count, unit_name = count_and_unit(m["num"], m["unit"])
    direction = squeeze(m["dir"] or m["dir2"])
    backwards = direction in _BACKWARDS
    deictic = direction in _FROM_ANCHOR
    if count is None:  # "several years ago"
        value = "PAST_REF" if backwards else "FUTURE_REF"
        return Resolved(value, cal.REF, model.REF, ctx.anchor_value)
    if m["half"] or m["half2"]:
        count += 0.5
    unit = UNITS[unit_name]
    granularity = UNIT_GRANULARITY[unit.name]
    steps = count * unit.factor
    if unit.clock:
        steps = 0  # "two hours ago": the anchor's day
    if steps != int(steps) or abs(steps) * UNIT_YEARS.get(unit.name, 0) > MAX_OFFSET_YEARS:
        return unresolved(granularity)  # fractions, and spans no calendar holds
    signed = -int(steps) if backwards else int(steps)
    if unit.designator == "Y":
        if signed in (-1, 1):
            return one_year_apart(ctx, signed, deictic=deictic)
        return _years_apart(ctx, signed, deictic=deictic)
    calendar_unit = "day" if unit.clock else unit.name
    reference = ctx.reference
    if not deictic and reference is not None:
        # "two days later" moves the date under discussion, at its own granularity.
        point = cal.shift(reference, signed, calendar_unit)
        return Resolved(
            cal.value(point), point.granularity, model.DATE, cal.value(reference), point
        )
    if ctx.anchor is None:
        return unresolved(granularity)
    point = cal.shift(cal.containing(granularity, ctx.anchor), signed, calendar_unit)
    return from_anchor(ctx, point)


def _years_apart(ctx: Context, years: int, *, deictic: bool) -> Resolved:
    """ "five years ago" (from the anchor), "two years later" (from the date discussed)."""
    if not deictic and ctx.reference is not None:
        base_year = ctx.reference.start.year
    elif ctx.anchor is not None:
        base_year = ctx.anchor.year
    else:
        return unresolved(cal.YEAR)
    if not MIN_YEAR <= base_year + years <= 9999:
        return unresolved(cal.YEAR)
    point = cal.year(base_year + years)
    return Resolved(cal.value(point), cal.YEAR, model.DATE, str(base_year), point)
