"""Reuters-21578 SGML (``reut2-NNN.sgm``): a legacy newswire format, latin-1, one
``<REUTERS>`` element per story with ``DATE``, ``TITLE``, ``DATELINE``, ``AUTHOR`` and ``BODY``.

Read in chunks, one story at a time. Stories without a ``<BODY>`` (briefs that are only a
headline) are reported as skips, not errors.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import IO

from claimgraph.dates import parse_published
from claimgraph.decoding import SNIFF_BYTES, binary_reason
from claimgraph.errors import BinaryInputError, InputError
from claimgraph.header import parse_dateline
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import clean_body, clean_field, empty_body, finish
from claimgraph.readers.options import ReadOptions

OUTLET = "Reuters"
ENCODING = "latin-1"  # the distribution's documented encoding
CHUNK_BYTES = 1 << 16
MAX_STORY_BYTES = 4 << 20  # a story without its closing tag for this long is broken input

_STORY_END = re.compile(rb"</REUTERS\s*>", re.IGNORECASE)
_STORY_START = re.compile(r"<REUTERS\b([^>]*)>", re.IGNORECASE)
_STORY_START_BYTES = re.compile(rb"<REUTERS\b", re.IGNORECASE)
MAX_TAG_BYTES = 16  # longer than "</REUTERS>" or "<REUTERS": a tag cut by a chunk boundary
_NEWID = re.compile(r'NEWID\s*=\s*"(\d+)"', re.IGNORECASE)
_TRAILER = re.compile(r"\s*\bReut(?:er|ers)?\s*$", re.IGNORECASE)  # the wire sign-off "Reuter"


def _tag(story: str, name: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", story, re.IGNORECASE | re.DOTALL)
    return match.group(1) if match else None


def _unescape(value: str) -> str:
    return html.unescape(value)


_REUTERS_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def _reuters_date(raw: str | None) -> str | None:
    """The date of a ``<DATE>`` element without the wire codes some carry after it
    ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM")."""
    if raw is None:
        return None
    match = _REUTERS_DATE.search(_unescape(raw))
    return match.group(0) if match else clean_field(raw)


def article_from_story(
    story: str, *, path: str, number: int, options: ReadOptions
) -> Article | Rejection:
    start = _STORY_START.search(story)
    if start is None:
        return Rejection(path, "no <REUTERS> element", record=number, code="E130")
    story = story[start.start() :]  # what came before (junk, a broken story's tail) is no part
    newid = _NEWID.search(start.group(1))
    source_id = newid.group(1) if newid else None
    published = parse_published(_reuters_date(_tag(story, "DATE")))
    body = _tag(story, "BODY")
    if body is None or not clean_body(_unescape(body)):
        return empty_body(path, number)
    text = _TRAILER.sub("", clean_body(_unescape(body)))
    dateline_text = clean_field(_unescape(_tag(story, "DATELINE") or ""))
    dateline = None
    if dateline_text:
        found = parse_dateline(
            dateline_text + " x", 0, year=int(published[:4]) if published else None
        )
        dateline = found[0] if found else None
    author = clean_field(_unescape(_tag(story, "AUTHOR") or ""))
    article = Article(
        text=text,
        source_path=path,
        outlet=OUTLET,
        published=published,
        title=clean_field(_unescape(_tag(story, "TITLE") or "")),
        byline=re.sub(r"^By\s+", "", author, flags=re.IGNORECASE).strip(", ") if author else None,
        dateline=dateline,
        encoding=ENCODING,
        source_id=source_id,
        source_record=number,
    )
    return finish(article, options)


def read_sgml(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    buffer = b""
    number = 0
    scan_from = 0  # the end tag cannot lie wholly before this offset of the buffer
    in_broken_story = False  # reading the rest of a story already reported as broken
    first = True
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if first:
            first = False
            reason = binary_reason(chunk[:SNIFF_BYTES])
            if reason is not None:
                raise BinaryInputError(path, reason)
        buffer += chunk
        while (match := _STORY_END.search(buffer, scan_from)) is not None:
            raw, buffer = buffer[: match.end()], buffer[match.end() :]
            scan_from = 0
            if in_broken_story and not _STORY_START_BYTES.search(raw):
                in_broken_story = False
                continue  # the tail of the story reported below
            in_broken_story = False
            begins = [m.start() for m in _STORY_START_BYTES.finditer(raw)]
            for _unended in begins[:-1]:  # a story that began, then another one began
                number += 1
                yield Rejection(
                    path, "story without </REUTERS> end tag", record=number, code="E131"
                )
            if len(begins) > 1:
                raw = raw[begins[-1] :]
            number += 1
            yield article_from_story(
                raw.decode(ENCODING), path=path, number=number, options=options
            )
        scan_from = max(0, len(buffer) - MAX_TAG_BYTES)
        if len(buffer) > MAX_STORY_BYTES:
            # The story at the head never ended: report it once, and keep whatever
            # later story has begun in the buffer.
            starts = [m.start() for m in _STORY_START_BYTES.finditer(buffer)]
            if starts and not in_broken_story:
                number += 1
                yield Rejection(
                    path, "story without </REUTERS> end tag", record=number, code="E131"
                )
            later = [start for start in starts if start > 0]
            in_broken_story = not later
            buffer = buffer[later[-1] :] if later else buffer[-MAX_TAG_BYTES:]
            scan_from = 0
        if not chunk:
            break
    if _STORY_START_BYTES.search(buffer):
        yield Rejection(
            path, "file ends inside a story (no </REUTERS>)", record=number + 1, code="E131"
        )
    elif number == 0 and not in_broken_story:
        raise InputError(path, "no <REUTERS> story found: not Reuters-21578 SGML")
