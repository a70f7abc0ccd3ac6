"""Publication dates from the many ways sources write them, to ISO 8601 strings.

``parse_published`` tries ``PARSERS`` in order; the first that matches wins (dateparser's
ordered-parsers idea, without its cost). Precision is kept: a date stays a date, a time is
kept to the minute (seconds only when the source gives non-zero seconds), and a zone only
when the source states one. Nothing is invented: an unparseable string gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from claimgraph.times.lexicon import MONTHS  # one month table for dates and times

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (
    r"(?:\s*(?:\||,|at|T)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
)

_ISO = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>[Zz]|UTC|GMT|[+-]\d{2}:?\d{2})?)?\s*$"
)
_SLASHED = re.compile(r"^\s*(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})" + _TIME + r"\s*$")
_MONTH_FIRST = re.compile(
    r"^\s*(?:[A-Za-z]{3,9},?\s+)?" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME + r"\s*$",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    r"^\s*(?:[A-Za-z]{3,9},?\s+)?"
    + _DAY
    + r"(?:\s+of)?\s+"
    + _MONTH
    + r",?\s+"
    + _YEAR
    + _TIME
    + r"\s*$",
    re.IGNORECASE,
)
# Reuters-21578: "26-FEB-1987 15:01:01.79"
_REUTERS = re.compile(
    r"^\s*(?P<day>\d{1,2})-(?P<month>[A-Za-z]{3})-(?P<year>\d{4})" + _TIME + r"\s*$"
)


def _format(
    year: int,
    month: int,
    day: int,
    hour: int | None = None,
    minute: int | None = None,
    second: int | None = None,
    tz: str | None = None,
) -> str | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is None or minute is None:
        return out
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and (second is None or 0 <= second <= 59)):
        return out  # a broken time does not spoil a good date
    out += f"T{hour:02d}:{minute:02d}"
    if second:
        out += f":{second:02d}"
    if tz:
        out += _zone(tz)
    return out


def _zone(tz: str) -> str:
    """``Z`` for UTC however written (``UTC``, ``+0000``, ``-00:00``), else ``+HH:MM``."""
    if tz.upper() in {"Z", "UTC", "GMT"}:
        return "Z"
    offset = tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
    return "Z" if offset[1:] == "00:00" else offset


def _month_number(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _from_match(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    parts = match.groupdict()
    month_token = parts["month"]
    month = int(month_token) if month_token.isdigit() else _month_number(month_token)
    if month is None:
        return None
    hour = int(parts["hour"]) if parts.get("hour") else None
    minute = int(parts["minute"]) if parts.get("minute") else None
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if hour is not None and ampm:
        if not 1 <= hour <= 12:
            hour = 99  # "15:30 PM" is no time; _format drops it
        elif ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    second = int(parts["second"]) if parts.get("second") else None
    return _format(
        int(parts["year"]), month, int(parts["day"]), hour, minute, second, parts.get("tz")
    )


def _rfc822(value: str) -> str | None:
    """RSS dates: ``Tue, 22 Nov 2022 15:30:00 GMT``."""
    if not re.match(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", value):
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return _from_datetime(moment)


def _from_datetime(moment: datetime) -> str | None:
    tz = None
    if moment.tzinfo is not None:
        offset = moment.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            tz = (
                "Z"
                if minutes == 0
                else f"{'+' if minutes > 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            )
    return _format(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, tz
    )


PARSERS: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("iso", lambda v: _from_match(_ISO.match(v))),
    ("slashed", lambda v: _from_match(_SLASHED.match(v))),
    ("month-first", lambda v: _from_match(_MONTH_FIRST.match(v))),
    ("day-first", lambda v: _from_match(_DAY_FIRST.match(v))),
    ("reuters", lambda v: _from_match(_REUTERS.match(v))),
    ("rfc822", _rfc822),
)

MAX_DATE_CHARS = 80  # anything longer is not a date field


def parse_published(value: str | None) -> str | None:
    """ISO 8601 for a publication date written in any of the supported forms, else None."""
    if not value or len(value) > MAX_DATE_CHARS:
        return None
    for _name, parser in PARSERS:
        result = parser(value)
        if result is not None:
            return result
    return None


def parse_partial_date(value: str, *, year: int | None) -> str | None:
    """A date that may lack its year ("Feb 26"): completed with ``year`` when it is known."""
    full = parse_published(value)
    if full is not None or year is None:
        return full
    match = re.match(r"^\s*" + _MONTH + r"\s+" + _DAY + r"\s*$", value, re.IGNORECASE) or re.match(
        r"^\s*" + _DAY + r"\s+" + _MONTH + r"\s*$", value, re.IGNORECASE
    )
    if match is None:
        return None
    month = _month_number(match["month"])
    if month is None:
        return None
    return _format(year, month, int(match["day"]))
