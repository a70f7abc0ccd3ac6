"""HTML pages: main text and metadata with trafilatura.

The extracted text is the body (``body_offset`` 0: offsets index the extracted text, not the
markup). A leading dateline in the text is parsed like in plain text. trafilatura gives the
publication day; a ``<meta>`` timestamp, when the page has one, adds the time.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import IO

import trafilatura
from trafilatura.settings import Document

from claimgraph.dates import parse_published
from claimgraph.decoding import decode_bytes
from claimgraph.errors import InputError
from claimgraph.header import parse_dateline
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS, empty_body, finish
from claimgraph.readers.options import ReadOptions

# Meta tags carrying a full publication timestamp, in order of trust.
TIMESTAMP_META = (
    "article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w[\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Codecs Python knows that no web page is written in (they are not byte encodings of text).
# (codecs.lookup names: "raw_unicode_escape" is found as "raw-unicode-escape")
NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "idna", "punycode", "raw-unicode-escape", "unicode-escape"}
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _meta_timestamp(html: str) -> str | None:
    found: dict[str, str] = {}
    for tag in _META.findall(html[:200_000]):
        attrs = {m[0].lower(): m[1] or m[2] for m in _ATTR.findall(tag)}
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key and "content" in attrs:
            found.setdefault(key.lower(), attrs["content"])
    for key in TIMESTAMP_META:
        value = parse_published(found.get(key.lower()))
        if value is not None:
            return value
    return None


def _text_codec(name: str) -> str | None:
    """The codec a declared charset names, if it is a real text encoding."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Codecs such as "undefined", "rot13" or "base64" are no character encodings of a page.
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_ENCODINGS:
        return None
    return info.name


def decode_html(data: bytes, path: str, *, declared: str | None = None) -> tuple[str, str]:
    """HTML bytes to text, honouring a declared or ``<meta charset>`` encoding first.

    A ``<meta>`` that could be read as ASCII cannot truthfully say UTF-16 or UTF-32 (the
    HTML standard ignores such a claim); a byte-order mark settles those in ``decode_bytes``.
    """
    candidates: list[str] = [declared] if declared else []
    match = _CHARSET.search(data[:4096])
    if match is not None:
        meta = match.group(1).decode("ascii")
        if not meta.lower().replace("-", "").startswith(("utf16", "utf32")):
            candidates.append(meta)
    for name in candidates:
        codec = _text_codec(name)
        if codec is None:
            continue
        try:
            return data.decode(codec), name.lower()
        except UnicodeError:  # UnicodeDecodeError, or a codec that refuses the bytes outright
            continue
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding


def article_from_html(
    html: str,
    *,
    path: str,
    options: ReadOptions,
    url: str | None = None,
    encoding: str | None = None,
) -> Article | Rejection:
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        return empty_body(path)
    text = (document.text or "").strip()
    title = document.title.strip() if document.title else None
    if title and text.startswith(title):  # trafilatura repeats the headline as the first line
        text = text[len(title) :].lstrip()
    if not text:
        return empty_body(path)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            path, f"extracted text of {len(text):,} characters exceeds {MAX_TEXT_CHARS:,}"
        )
    published = _meta_timestamp(html) or parse_published(document.date)
    dateline = None
    found = parse_dateline(text, 0, year=int(published[:4]) if published else None)
    if found is not None:
        dateline, offset = found
        text = text[offset:]
        if not text:  # the page held a dateline and nothing else
            return empty_body(path)
    article = Article(
        text=text,
        source_path=path,
        url=document.url or url,
        outlet=document.sitename or None,
        published=published,
        title=title,
        byline=document.author or None,
        dateline=dateline,
        encoding=encoding,
    )
    return finish(article, options)


def read_html(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = stream.read(MAX_TEXT_CHARS + 1)
    if len(data) > MAX_TEXT_CHARS:
        raise InputError(path, f"HTML file larger than {MAX_TEXT_CHARS:,} bytes")
    html, encoding = decode_html(data, path)
    result = article_from_html(html, path=path, options=options, encoding=encoding)
    yield result if isinstance(result, Rejection) or result.url else replace(result, url=None)
