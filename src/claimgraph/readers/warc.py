"""WARC and ``.warc.gz`` web archives (warcio): HTML responses go through the HTML reader.

Each ``response`` (or ``resource``) record with an HTML payload becomes one article, with the
record's ``WARC-Target-URI`` as its URL; text/plain payloads are read as bare text. Other
records (requests, metadata, images) are skipped silently: they are not articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimgraph.decoding import decode_bytes
from claimgraph.errors import BinaryInputError, InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS
from claimgraph.readers.html import article_from_html, decode_html
from claimgraph.readers.options import ReadOptions
from claimgraph.readers.text import article_from_text

ARTICLE_RECORD_TYPES = frozenset({"response", "resource", "conversion"})
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None


def read_warc(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in ARTICLE_RECORD_TYPES:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.http_headers is not None:
                if record.http_headers.get_statuscode() not in {"200", None}:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            mime = content_type.split(";")[0].strip().lower()
            if mime not in HTML_TYPES and mime != "text/plain":
                continue
            payload = record.content_stream().read(MAX_TEXT_CHARS + 1)
            name = f"{path}#{url or number}"
            if len(payload) > MAX_TEXT_CHARS:
                yield Rejection(path, f"record payload larger than {MAX_TEXT_CHARS:,} bytes", record=number, code="E120")
                continue
            result: Article | Rejection
            try:
                if mime == "text/plain":
                    decoded = decode_bytes(payload, name)
                    result = article_from_text(decoded.text, path=path, options=options, encoding=decoded.encoding)
                else:
                    html, encoding = decode_html(payload, name, declared=_charset(content_type))
                    result = article_from_html(html, path=path, options=options, url=url, encoding=encoding)
            except BinaryInputError as exc:
                result = Rejection(path, exc.reason, record=number, code=exc.code)
            if isinstance(result, Article):
                result = _with_record(result, number, url)
            else:
                result = Rejection(result.path, result.reason, record=number, code=result.code, level=result.level)
            yield result
    except ArchiveLoadFailed as exc:
        raise InputError(path, f"not a readable WARC file: {exc}", record=number or None) from exc


def _with_record(article: Article, number: int, url: str | None) -> Article:
    return replace(article, source_record=number, url=article.url or url)
