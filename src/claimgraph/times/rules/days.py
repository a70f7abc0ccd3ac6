"""Days and times of day: "Tuesday", "last Friday", "yesterday", "this morning", "tonight",
"10:35 a.m.", "4 a.m. EDT Thursday", "noon"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import PARTS_OF_DAY, number_value
from claimgraph.times.patterns import (
    DAY_NUMBER,
    END,
    MONTH,
    PART_OF_DAY,
    START,
    TIME_ZONE,
    WEEKDAY,
    WORD_NUMBER,
    after,
    compile_pattern,
    day_number,
    month_number,
    previous_word,
    previous_word_raw,
    squeeze,
    valid_date,
    weekday_number,
)
from claimgraph.times.resolve import (
    from_anchor,
    infer_year,
    unresolved,
    weekday_from_anchor,
)

#: A clock time without a day takes the day named at most this many characters after it
#: ("10:35 a.m. (0735 GMT) Friday"), else the day under discussion, else the anchor.
CLOCK_DAY_LOOKAHEAD = 30
#: Days counted from the anchor.
DEICTIC_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}

# --- Weekdays --------------------------------------------------------------------------------

#: "Tuesday", "last Friday", "Friday morning", "Mondays" (a set), "the following Monday"
WEEKDAY_NAMED = compile_pattern(
    START
    + r"(?:(?:early|late|earlier|later)\s+)?"
    + r"(?:(?P<det>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|"
    + r"the\s+next|that|coming)\s+)?"
    + rf"(?P<wd>{WEEKDAY})(?P<plural>s)?"
    + rf"(?:,?\s+(?P<pod>{PART_OF_DAY})s?|(?P<nights>\s+nights))?"
    + END
)
_ANAPHORIC_WEEKDAY = ("the previous", "the following", "the next", "that")


def accept_weekday(m: re.Match[str], text: str) -> bool:
    word = m["wd"]
    if not word[:1].isupper():
        return False
    if word.lower() in ("sun.", "sat.", "wed."):
        # Abbreviations that are also words need a date beside them ("Sat., Oct. 3").
        return after(text, m.end(), rf"\s*,?\s*(?:\d|{MONTH})")
    return True


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved:
    weekday = weekday_number(m["wd"])
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("TNI" if m["nights"] else "")
    if m["plural"] or m["nights"]:
        return Resolved(f"XXXX-WXX-{weekday}{pod}", cal.SET, model.SET)
    det = squeeze(m["det"] or "")
    point = weekday_from_anchor(ctx, m, weekday, det)
    if point is None:
        return unresolved(cal.DAY, value=f"XXXX-WXX-{weekday}")
    anaphoric = det in _ANAPHORIC_WEEKDAY and ctx.reference is not None
    anchor = cal.value(ctx.reference) if anaphoric and ctx.reference else ctx.anchor_value
    if pod:
        # "Friday morning" is a date narrowed to a part of the day (TimeBank: DATE).
        point = cal.part_of_day(point.start, pod)
    return ctx.point(point, kind=model.DATE, anchor=anchor)


# --- Today, yesterday, tonight, this morning --------------------------------------------------

#: "yesterday", "late yesterday", "tomorrow morning", "mid-afternoon yesterday", "tonight"
DEICTIC_DAY = compile_pattern(
    START
    + r"(?:(?:early|late|earlier|later)\s+)?"
    + r"(?:(?:early\s+|late\s+|mid-?)?(?P<pod0>morning|afternoon|evening)\s+)?"
    + r"(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
    + r"|the\s+day\s+after\s+tomorrow)"
    + rf"(?:(?:\s+|['’]s\s+)(?P<pod>{PART_OF_DAY}))?"
    + END
)
#: "today's world", "tomorrow's leaders": the present or future at large, not a day.
GENERIC_AFTER_DAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|generations|children|kids|young|economy|"
    r"markets?|standards|technology|[a-z]+ers\b|[a-z]+s\b)",
    re.IGNORECASE,
)


def accept_deictic_day(m: re.Match[str], text: str) -> bool:
    word = m["word"].lower()
    generic = GENERIC_AFTER_DAY.match(text, m.end()) or previous_word(text, m.start()) == "of"
    if word in ("today", "tomorrow") and not (m["pod"] or m["pod0"]) and generic:
        return False  # "today's youth", "the people of tomorrow"
    if m["word"] == "Today":
        # "USA Today", "VOA Today": a name after a capitalised word, not after a full stop.
        previous = previous_word_raw(text, m.start())
        return not (previous[:1].isupper() and not previous.endswith((".", ":")))
    return True


def resolve_deictic_day(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return unresolved(cal.DAY)
    word = squeeze(m["word"])
    d = ctx.anchor + timedelta(days=DEICTIC_DAYS[word])
    pod = PARTS_OF_DAY.get((m["pod"] or m["pod0"] or "").lower()) or (
        "TNI" if word == "tonight" else ""
    )
    if pod:
        return from_anchor(ctx, cal.part_of_day(d, pod), kind=model.TIME)
    return from_anchor(ctx, cal.day(d))


#: "this morning", "last night", "later this afternoon"
PART_OF_DAY_DEICTIC = compile_pattern(
    START
    + r"(?:(?:early|late|earlier|later)\s+)?"
    + rf"(?P<det>this|last|early\s+this|late\s+this)\s+(?P<pod>{PART_OF_DAY})"
    + END
)


def resolve_part_of_day(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return unresolved(cal.PART_OF_DAY, kind=model.TIME)
    d = ctx.anchor - timedelta(days=1) if m["det"].lower() == "last" else ctx.anchor
    return from_anchor(ctx, cal.part_of_day(d, PARTS_OF_DAY[m["pod"].lower()]), kind=model.TIME)


# --- Clock times -----------------------------------------------------------------------------

#: "10:35 a.m.", "4 a.m. EDT Thursday", "5 p.m. EST, Nov. 9", "0735 GMT", "noon Saturday",
#: "four o'clock", "4 in the morning", "at 14:30"
CLOCK = compile_pattern(
    START
    + r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m)(?!\w)"
    + r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d|:\d)"
    + r"|(?P<mil>[01]\d|2[0-3])(?P<milmi>[0-5]\d)(?=\s+(?:GMT|UTC|hours|hrs|local))"
    + r"|(?P<named>noon|midnight|midday)"
    + rf"|(?P<oc>{WORD_NUMBER}|\d{{1,2}})"
    + r"(?:\s+o['’]clock|(?=\s+in\s+the\s+(?:morning|afternoon|evening))))"
    + rf"(?:\s+\(?(?P<tz>{TIME_ZONE})\)?)?"
    + r"(?:\s+(?:in\s+the\s+)?(?P<pod>morning|afternoon|evening|at\s+night))?"
    + rf"(?:,?\s+(?:on\s+)?(?:(?P<dayword>today|tonight|yesterday|tomorrow|{WEEKDAY})"
    + rf"|(?P<cmon>{MONTH})\s+(?P<cday>{DAY_NUMBER})(?!\d)))?"
    + END
)
#: Words before "hh:mm" that make it a time rather than a score or a ratio.
CLOCK_CUES = frozenset(
    [
        "at",
        "by",
        "from",
        "until",
        "till",
        "to",
        "around",
        "about",
        "before",
        "after",
        "since",
        "|",
        "approximately",
        "-",
    ]
)
#: Before a deadline a weekday is ahead: "until 9 a.m. Tuesday".
DEADLINE_WORDS = frozenset({"until", "till", "by", "before"})


def accept_clock(m: re.Match[str], text: str) -> bool:
    previous = previous_word(text, m.start())
    if m["h24"] is not None and not m["tz"]:
        return previous in CLOCK_CUES
    if m["named"]:
        if previous == "high":
            return False  # "High Noon"
        if m["named"].lower() == "midday" and not m["dayword"]:
            return previous in CLOCK_CUES
    return True


def _hour_minute(m: re.Match[str]) -> tuple[int, int] | None:
    if m["named"]:
        return (0, 0) if m["named"].lower() == "midnight" else (12, 0)
    if m["h24"] is not None:
        return int(m["h24"]), int(m["mi24"])
    if m["mil"] is not None:
        return int(m["mil"]), int(m["milmi"])
    if m["oc"] is not None:
        hour = int(number_value(m["oc"]) or 0)
        if hour < 12 and (m["pod"] or "").lower() in ("afternoon", "evening", "at night"):
            hour += 12
        return (hour, 0) if 0 <= hour <= 23 else None
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if hour > 12:
        return None
    meridiem = m["ap"].lower()[0]
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return hour, minute


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolved:
    hour_minute = _hour_minute(m)
    if hour_minute is None:
        return unresolved(cal.TIME, kind=model.TIME)
    hour, minute = hour_minute
    d = _clock_day(m, ctx)
    if d is None:
        return unresolved(cal.TIME, kind=model.TIME, value=f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return ctx.point(cal.clock(d, hour, minute), kind=model.TIME, anchor=ctx.anchor_value)


def _clock_day(m: re.Match[str], ctx: Context) -> date | None:
    """The day of a clock time: the one written with it, one named just after, the day under
    discussion, or the anchor."""
    if ctx.anchor is None:
        return None
    if m["cmon"]:
        month, day = month_number(m["cmon"]), day_number(m["cday"])
        y = infer_year(ctx, m, month)
        return date(y, month, day) if valid_date(y, month, day) else None
    if m["dayword"]:
        word = m["dayword"].lower()
        if word in DEICTIC_DAYS:
            return ctx.anchor + timedelta(days=DEICTIC_DAYS[word])
        det = "next" if previous_word(ctx.text, m.start()) in DEADLINE_WORDS else ""
        point = weekday_from_anchor(ctx, m, weekday_number(m["dayword"]), det)
        if det and point is not None and point.start - ctx.anchor == timedelta(days=7):
            point = cal.day(ctx.anchor)  # "until 9 a.m. Tuesday", said on a Tuesday: today
        return point.start if point is not None else None
    return _day_near(ctx, m.end())


_DAY_AHEAD = compile_pattern(rf"[^.;!?]*?\b(?P<word>today|tonight|yesterday|tomorrow|{WEEKDAY})\b")


def _day_near(ctx: Context, end: int) -> date | None:
    assert ctx.anchor is not None
    ahead = _DAY_AHEAD.match(ctx.text, end, min(len(ctx.text), end + CLOCK_DAY_LOOKAHEAD))
    if ahead is not None:
        word = ahead["word"].lower()
        if word in DEICTIC_DAYS:
            return ctx.anchor + timedelta(days=DEICTIC_DAYS[word])
        if ahead["word"][0].isupper():
            back = (ctx.anchor.isoweekday() - weekday_number(word)) % 7
            return ctx.anchor - timedelta(days=back)
    reference = ctx.reference
    if reference is not None and reference.granularity in (cal.DAY, cal.TIME, cal.PART_OF_DAY):
        return reference.start
    return ctx.anchor
