"""WARC and ``.warc.gz`` web archives (warcio): HTML responses go through the HTML reader.

Each ``response`` (or ``resource``) record with an HTML payload becomes one article, with the
record's ``WARC-Target-URI`` as its URL; text/plain payloads are read as bare text. Other
records (requests, metadata, images) are skipped silently: they are not articles.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from claimgraph.decoding import decode_bytes
from claimgraph.errors import InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS
from claimgraph.readers.html import article_from_html, decode_html
from claimgraph.readers.options import ReadOptions
from claimgraph.readers.sources import STREAM_ERRORS
from claimgraph.readers.text import article_from_text

ARTICLE_RECORD_TYPES = frozenset({"response", "resource", "conversion"})
HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on a broken archive. Besides its own exceptions: ValueError for numbers
# it cannot parse, and AttributeError (warcio 1.8) for a response record that has no
# WARC-Target-URI header. Broken gzip members raise zlib.error, which read_source handles.
WARC_ERRORS: tuple[type[Exception], ...] = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    ValueError,
    AttributeError,
)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None


# How the stream under the archive fails: a truncated or corrupt compressed file.
_READ_FAILURES: tuple[type[BaseException], ...] = (EOFError, *STREAM_ERRORS, zlib.error)


class _BrokenStream(Exception):
    """The bytes under the archive failed (a truncated gzip, say); carries the cause."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class _LoudStream:
    """A stream whose read errors warcio cannot mistake for the archive's end.

    warcio takes any EOFError as "no more records", so a truncated ``.warc.gz`` would end the
    archive silently, losing the records it still holds. Here the failure is re-raised.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._failure: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        # Read piecewise, so that the bytes before a failure still reach warcio (and the
        # records they hold are read); the failure is raised on the next call.
        if self._failure is not None:
            raise _BrokenStream(self._failure)
        read1 = getattr(self._stream, "read1", None)
        if size is None or size < 0 or read1 is None:
            try:
                return self._stream.read(size)
            except _READ_FAILURES as exc:
                raise _BrokenStream(exc) from exc
        data = b""
        while len(data) < size:
            try:
                piece: bytes = read1(size - len(data))
            except _READ_FAILURES as exc:
                if not data:
                    raise _BrokenStream(exc) from exc
                self._failure = exc
                break
            if not piece:
                break
            data += piece
        return data


def _records(stream: IO[bytes], path: str) -> Iterator[tuple[int, ArcWarcRecord]]:
    """The archive's records, numbered from 1; a broken archive becomes an ``InputError``."""
    records = ArchiveIterator(_LoudStream(stream))
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except _BrokenStream as exc:
            raise exc.cause from None  # read_source reports it as an unreadable stream
        except WARC_ERRORS as exc:
            raise InputError(
                path, f"not a readable WARC file: {exc or type(exc).__name__}", record=number + 1
            ) from exc
        number += 1
        yield number, record


def _article_media_type(record: ArcWarcRecord) -> tuple[str, str] | None:
    """``(mime, content_type)`` for a record that may hold an article, else None."""
    if record.rec_type not in ARTICLE_RECORD_TYPES:
        return None
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() not in {"200", None}:
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in HTML_TYPES and mime != "text/plain":
        return None
    return mime, content_type


def read_warc(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    for number, record in _records(stream, path):
        media = _article_media_type(record)
        if media is None:
            continue
        mime, content_type = media
        url = record.rec_headers.get_header("WARC-Target-URI")
        try:
            payload = record.content_stream().read(MAX_TEXT_CHARS + 1)
        except _BrokenStream as exc:
            raise exc.cause from None
        except WARC_ERRORS as exc:
            raise InputError(path, f"broken record payload: {exc}", record=number) from exc
        if len(payload) > MAX_TEXT_CHARS:
            yield Rejection(
                path,
                f"record payload larger than {MAX_TEXT_CHARS:,} bytes",
                record=number,
                code="E120",
            )
            continue
        missing = getattr(record.raw_stream, "limit", 0)  # bytes the record said it had
        if isinstance(missing, int) and missing > 0:
            yield Rejection(
                path, f"record cut short: {missing:,} bytes missing", record=number, code="E121"
            )
            continue
        name = f"{path}#{url or number}"
        result: Article | Rejection
        try:
            if mime == "text/plain":
                decoded = decode_bytes(payload, name)
                result = article_from_text(
                    decoded.text, path=path, options=options, encoding=decoded.encoding
                )
            else:
                html, encoding = decode_html(payload, name, declared=_charset(content_type))
                result = article_from_html(
                    html, path=path, options=options, url=url, encoding=encoding
                )
        except InputError as exc:  # one bad record does not end the archive
            result = Rejection(path, exc.reason, record=number, code=exc.code)
        if isinstance(result, Article):
            yield _with_record(result, number, url)
        else:
            yield replace(result, record=number)


def _with_record(article: Article, number: int, url: str | None) -> Article:
    return replace(article, source_record=number, url=article.url or url)
