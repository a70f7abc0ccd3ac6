"""RSS and Atom feeds (feedparser): one article per entry.

The body is the entry's full content when the feed carries it, else its summary, turned
from HTML into text. The feed's own title is the outlet unless ``--set outlet=`` says more.
"""

from __future__ import annotations

import html as html_lib
import io
import re
from collections.abc import Iterator
from typing import IO, Any

import feedparser

from claimgraph.dates import parse_published
from claimgraph.errors import InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS, clean_field, empty_body, finish
from claimgraph.readers.options import ReadOptions

_BLOCK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(fragment: str) -> str:
    """Feed HTML fragments to paragraphs of text (blocks become line breaks)."""
    text = _SCRIPT.sub(" ", fragment)
    text = _BLOCK.sub("\n", text)
    text = html_lib.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value:
            return html_to_text(value)
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def read_feed(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = stream.read(MAX_TEXT_CHARS + 1)
    if len(data) > MAX_TEXT_CHARS:
        raise InputError(path, f"feed larger than {MAX_TEXT_CHARS:,} bytes")
    # A stream, never bytes: feedparser treats bytes or str that name a file or URL as a
    # location to open, so a feed whose content is "/etc/passwd" would read that file.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(path, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    outlet = clean_field(parsed.feed.get("title"))
    encoding = parsed.get("encoding")
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not body:
            yield empty_body(path, number)
            continue
        published = parse_published(entry.get("published") or entry.get("updated"))
        article = Article(
            text=body,
            source_path=path,
            url=clean_field(entry.get("link")),
            outlet=outlet,
            published=published,
            title=clean_field(html_to_text(entry.get("title") or "")),
            byline=clean_field(entry.get("author")),
            encoding=str(encoding) if encoding else None,
            source_id=clean_field(entry.get("id")),
            source_record=number,
        )
        yield finish(article, options)
