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
_NEWID = re.compile(r'NEWID\s*=\s*"(\d+)"', re.IGNORECASE)
_TRAILER = re.compile(r"\s*\bReut(?:er|ers)?\s*$", re.IGNORECASE)  # the wire sign-off "Reuter"


def _tag(story: str, name: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", story, re.IGNORECASE | re.DOTALL)
    return match.group(1) if match else None


def _unescape(value: str) -> str:
    return html.unescape(value)


def article_from_story(story: str, *, path: str, number: int, options: ReadOptions) -> Article | Rejection:
    start = _STORY_START.search(story)
    if start is None:
        return Rejection(path, "no <REUTERS> element", record=number, code="E130")
    newid = _NEWID.search(start.group(1))
    source_id = newid.group(1) if newid else None
    published = parse_published(clean_field(_tag(story, "DATE")))
    body = _tag(story, "BODY")
    if body is None or not clean_body(_unescape(body)):
        return empty_body(path, number)
    text = _TRAILER.sub("", clean_body(_unescape(body)))
    dateline_text = clean_field(_unescape(_tag(story, "DATELINE") or ""))
    dateline = None
    if dateline_text:
        found = parse_dateline(dateline_text + " x", 0, year=int(published[:4]) if published else None)
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
    first = True
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if first:
            first = False
            reason = binary_reason(chunk[:SNIFF_BYTES])
            if reason is not None:
                raise BinaryInputError(path, reason)
        buffer += chunk
        while True:
            match = _STORY_END.search(buffer)
            if match is None:
                break
            raw, buffer = buffer[: match.end()], buffer[match.end() :]
            number += 1
            yield article_from_story(
                raw.decode(ENCODING), path=path, number=number, options=options
            )
        if len(buffer) > MAX_STORY_BYTES:
            yield Rejection(
                path, "story without </REUTERS> end tag", record=number + 1, code="E131"
            )
            number += 1
            buffer = b""
        if not chunk:
            break
    if _STORY_START.search(buffer.decode(ENCODING)):
        yield Rejection(
            path, "file ends inside a story (no </REUTERS>)", record=number + 1, code="E131"
        )
    elif number == 0:
        raise InputError(path, "no <REUTERS> story found: not Reuters-21578 SGML")
