"""The header of a plain-text article in the seed's layout, found by pure functions.

The layout (every part optional, each on its own line and separated by blank lines)::

     date 2022-11-22 UrduPoint.com                                   <- site line
    Iran Requests Expert Meeting With Ukraine ... - Reports          <- title
    Fahad Shabbir (@FahadShabbir) Published November 22, 2022 | 03:30 PM   <- byline
    MOSCOW (UrduPoint News / Sputnik - 22nd November, 2022) Iran's ...     <- dateline + body

``parse_header`` never raises: whatever it cannot recognise stays in the body. The body
(``Header.body_offset``) starts right *after* the dateline, which is kept as structured data
(``Dateline``); so NLP never sees the dateline as a sentence subject, and the rule
``text == file_text[body_offset:body_offset + len(text)]`` holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimgraph.dates import parse_partial_date, parse_published
from claimgraph.model import Dateline

# A title is a short one-line paragraph. Without a site line (weaker evidence of a header)
# it must also be shorter and must not end like a sentence of body text.
MAX_TITLE_CHARS_WITH_SITE_LINE = 300
MAX_TITLE_CHARS = 200
MIN_TITLE_WORDS = 2
TITLE_FORBIDDEN_ENDINGS = (".", ",", ":", ";", "!")
# Even after a site line, a paragraph ending like a sentence is body text, not a title
# (an abbreviation such as "U.S." may end a title).
SENTENCE_ENDINGS = (".", ",", ":", ";")
MAX_BYLINE_CHARS = 200
MAX_BYLINE_WORDS = 12
BYLINE_FORBIDDEN_ENDINGS = (".", "!", "?", ":", ";")
MAX_ABBREVIATION_CHARS = 4  # "Jr." or "Sr." may end a byline, a longer word plus "." may not
# Lower-case words a "By ..." byline may hold besides names ("By Ann Lee and Staff in Kyiv").
BYLINE_PARTICLES = frozenset(
    {
        "and",
        "in",
        "for",
        "of",
        "the",
        "de",
        "da",
        "del",
        "der",
        "van",
        "von",
        "al",
        "bin",
        "la",
        "le",
    }
)
MAX_HEADER_LINES = 3  # title, byline and one spare line before the body must begin

_SITE_LINE = re.compile(
    r"[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]+(?P<site>\S[^\n]*?)[ \t]*\r?$"
)
_PUBLISHED_BYLINE = re.compile(
    r"(?P<byline>[^\n]*?)[ \t]*\bPublished[ \t]+(?:on[ \t]+)?(?P<date>[^\n]+?)[ \t]*\r?$"
)
_BY_BYLINE = re.compile(r"By[ \t]+(?P<byline>[^\n]+?)[ \t]*\r?$")

# An all-caps place, optionally followed by a title-case region: "MOSCOW", "KYIV, Ukraine".
_PLACE = (
    r"(?P<place>[A-Z][A-Z.'\-]*[A-Z.](?:[ ][A-Z][A-Z.'\-]*[A-Z.]){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?)"
)
_DASH = r"[-\u2013\u2014]"
_DATELINE_PAREN = re.compile(
    _PLACE + r"[ \t]*\((?P<paren>[^()\n]{1,150})\)[ \t]*(?:" + _DASH + r"[ \t]*)?"
)
_DATELINE_DATED = re.compile(
    _PLACE
    + r",[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)[ \t]*"
    + r"(?:\((?P<paren>[^()\n]{1,80})\)[ \t]*)?"
    + _DASH
    + r"[ \t]*"
)
# Tehran Times writes "TEHRAN \u2013 ", "TEHRAN --", "TEHRAN \u2013\u00a0" and "TEHRAN \u2013Deputy"
# (the dash touching the body's first word).
_DATELINE_DASH = re.compile(
    _PLACE + r"[ \t\u00a0]+(?:--|[\u2013\u2014\-])(?:[ \t\u00a0]+|(?=[A-Z\u201c\"]))"
)
MIN_DASH_PLACE_CHARS = 3  # "US - China talks" is no dateline; "TEHRAN - " is
_CREDIT_DATE_SEPARATOR = re.compile(r"[ \t]+" + _DASH + r"[ \t]+")


class Header(NamedTuple):
    outlet: str | None
    published: str | None
    title: str | None
    byline: str | None
    dateline: Dateline | None
    body_offset: int


class _Line(NamedTuple):
    start: int
    end: int  # exclusive, before the newline
    text: str


def _next_line(text: str, pos: int) -> _Line | None:
    """The next non-blank line at or after ``pos``."""
    length = len(text)
    while pos < length:
        end = text.find("\n", pos)
        end = length if end == -1 else end
        line = text[pos:end]
        if line.strip():
            return _Line(pos, end, line)
        pos = end + 1
    return None


def _is_own_paragraph(text: str, line: _Line) -> bool:
    """True when the line is followed by a blank line (or ends the text)."""
    following = text[line.end + 1 : line.end + 400]
    return (
        line.end >= len(text) or following.lstrip(" \t\r").startswith("\n") or not following.strip()
    )


def _title_like(line: str, *, with_site_line: bool) -> bool:
    stripped = line.strip()
    if len(stripped.split()) < MIN_TITLE_WORDS:
        return False
    last_word = stripped.split()[-1]
    abbreviation = last_word.endswith(".") and "." in last_word[:-1]  # "U.S.", "U.K."
    if with_site_line:
        return len(stripped) <= MAX_TITLE_CHARS_WITH_SITE_LINE and (
            abbreviation or not stripped.endswith(SENTENCE_ENDINGS)
        )
    return len(stripped) <= MAX_TITLE_CHARS and (
        abbreviation or not stripped.endswith(TITLE_FORBIDDEN_ENDINGS)
    )


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """``(byline, published)`` if the line is a byline, else None."""
    stripped = line.strip()
    if len(stripped) > MAX_BYLINE_CHARS:
        return None
    match = _PUBLISHED_BYLINE.fullmatch(stripped)
    if match is not None:
        published = parse_published(match["date"])
        if published is not None:
            name = re.sub(r"^By[ \t]+", "", match["byline"].strip(" \t|,-")) or None
            return name, published
    match = _BY_BYLINE.fullmatch(stripped)
    if match is not None and _names_like(match["byline"]):
        return match["byline"], None
    return None


def _names_like(value: str) -> bool:
    """``Fahad Shabbir and Staff`` is a byline; ``the end of the week, prices rose.`` is body.

    Names are capitalised; only the particles in ``BYLINE_PARTICLES`` may be lower case,
    and a byline does not end like a sentence.
    """
    words = value.split()
    if not 0 < len(words) <= MAX_BYLINE_WORDS:
        return False
    abbreviation = len(words[-1]) <= MAX_ABBREVIATION_CHARS and words[-1].endswith(".")
    if value.endswith(BYLINE_FORBIDDEN_ENDINGS) and not abbreviation:
        return False
    first = words[0].lstrip("(\"'")
    if not (first[:1].isupper() or first.startswith("@")):
        return False
    return all(not word[:1].islower() or word.strip(",;") in BYLINE_PARTICLES for word in words[1:])


def _split_credits(paren: str, *, year: int | None) -> tuple[tuple[str, ...], str | None]:
    """``UrduPoint News / Sputnik - 22nd November, 2022`` -> credits and ISO date."""
    date = None
    parts = _CREDIT_DATE_SEPARATOR.split(paren)
    if len(parts) > 1:
        date = parse_partial_date(parts[-1], year=year)
        if date is not None:
            paren = " - ".join(parts[:-1])
    credits = tuple(c.strip() for c in re.split(r"[/,;]", paren) if c.strip())
    return credits, date


def parse_dateline(
    text: str, pos: int = 0, *, year: int | None = None
) -> tuple[Dateline, int] | None:
    """A dateline starting at ``pos``: the ``Dateline`` and the offset where the body begins."""
    match = _DATELINE_PAREN.match(text, pos)
    if match is not None:
        credits, date = _split_credits(match["paren"], year=year)
        if credits or date:
            return Dateline(match["place"], credits, date), _skip_space(text, match.end())
    match = _DATELINE_DATED.match(text, pos)
    if match is not None:
        credits = tuple(c.strip() for c in re.split(r"[/,;]", match["paren"] or "") if c.strip())
        date = parse_partial_date(match["date"], year=year)
        return Dateline(match["place"], credits, date), _skip_space(text, match.end())
    match = _DATELINE_DASH.match(text, pos)
    if match is not None and len(match["place"]) >= MIN_DASH_PLACE_CHARS:
        return Dateline(match["place"], (), None), _skip_space(text, match.end())
    return None


def _is_bare(dateline: Dateline) -> bool:
    """A place alone ("TEHRAN -"), the weakest evidence of a dateline."""
    return not dateline.credits and dateline.date is None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _year_of(published: str | None) -> int | None:
    return int(published[:4]) if published else None


def parse_header(text: str) -> Header:
    """Split a plain-text article into header fields and the offset of its body."""
    outlet = published = title = byline = None
    line = _next_line(text, 0)
    with_site_line = False
    if line is not None:
        site = _SITE_LINE.fullmatch(line.text)
        if site is not None:
            with_site_line = True
            outlet = site["site"]
            published = parse_published(site["date"])
            line = _next_line(text, line.end + 1)
    for _ in range(MAX_HEADER_LINES):
        if line is None:
            break
        could_be_title = (
            title is None
            and byline is None
            and _is_own_paragraph(text, line)
            and _title_like(line.text, with_site_line=with_site_line)
            and _next_line(text, line.end + 1) is not None
        )
        found = parse_dateline(text, line.start)
        # "EXCLUSIVE - Iran Denies Drone Deal" on a line of its own is a title, not a dash
        # dateline: only a dateline with credits or a date outranks a title-like line.
        if found is not None and not (could_be_title and _is_bare(found[0])):
            break
        parsed_byline = parse_byline(line.text) if byline is None else None
        if parsed_byline is not None:
            byline, byline_published = parsed_byline
            published = byline_published or published
        elif could_be_title:
            title = line.text.strip()
        else:
            break
        line = _next_line(text, line.end + 1)
    if line is None:
        return Header(outlet, published, title, byline, None, len(text))
    body_offset = line.start
    found = parse_dateline(text, body_offset, year=_year_of(published))
    dateline = None
    if found is not None:
        dateline, body_offset = found
    return Header(outlet, published, title, byline, dateline, _skip_space(text, body_offset))
