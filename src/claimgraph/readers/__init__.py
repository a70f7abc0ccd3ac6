"""Readers: every supported input as a stream of :class:`~claimgraph.model.Article`.

``read(paths, options)`` yields articles and :class:`~claimgraph.model.Rejection` values in
input order. A reader is a function ``(stream, path, options) -> Iterator[Article |
Rejection]``, listed in :data:`READERS` with the suffixes it claims; add one there (and a
test with a real sample) to support a new format. A reader raises only
:class:`~claimgraph.errors.InputError` (for a whole file); ``read`` turns that, and broken
compressed streams, into rejections, so one bad file never stops a batch.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import IO, NamedTuple

from claimgraph.errors import InputError, UnknownFormatError
from claimgraph.model import Article, Rejection
from claimgraph.readers.feeds import read_feed
from claimgraph.readers.html import read_html
from claimgraph.readers.options import ReadOptions
from claimgraph.readers.records import read_csv, read_json, read_jsonl
from claimgraph.readers.sgml import read_sgml
from claimgraph.readers.sources import STDIN, STREAM_ERRORS, Source, iter_sources
from claimgraph.readers.text import read_text
from claimgraph.readers.warc import read_warc

Reader = Callable[[IO[bytes], str, ReadOptions], Iterator[Article | Rejection]]

__all__ = ["READERS", "ReadOptions", "ReaderSpec", "detect_format", "read", "read_source"]


class ReaderSpec(NamedTuple):
    name: str
    suffixes: tuple[str, ...]
    read: Reader
    description: str


READERS: dict[str, ReaderSpec] = {
    spec.name: spec
    for spec in (
        ReaderSpec(
            "text", (".txt", ".text"), read_text, "plain text in the seed layout, or bare text"
        ),
        ReaderSpec("jsonl", (".jsonl", ".ndjson"), read_jsonl, "JSON Lines, one record per line"),
        ReaderSpec("json", (".json",), read_json, "a JSON object or a list of objects"),
        ReaderSpec("csv", (".csv", ".tsv"), read_csv, "CSV or TSV with a header row"),
        ReaderSpec("html", (".html", ".htm", ".xhtml"), read_html, "an HTML page (trafilatura)"),
        ReaderSpec(
            "feed", (".rss", ".atom", ".xml"), read_feed, "an RSS or Atom feed (feedparser)"
        ),
        ReaderSpec("warc", (".warc", ".arc"), read_warc, "a WARC web archive (warcio)"),
        ReaderSpec("sgml", (".sgm", ".sgml"), read_sgml, "Reuters-21578 SGML"),
    )
}

# With no suffix to go by (stdin, odd names), the first bytes decide, in this order.
SNIFFERS: tuple[tuple[bytes, str], ...] = (
    (b"WARC/", "warc"),
    (b"<!DOCTYPE lewis", "sgml"),
    (b"<REUTERS", "sgml"),
    (b"<?xml", "feed"),
    (b"<rss", "feed"),
    (b"<feed", "feed"),
    (b"<!doctype html", "html"),
    (b"<html", "html"),
    (b"{", "jsonl"),
    (b"[", "json"),
)
DEFAULT_FORMAT = "text"
# Failures of a stream (broken archive or compression) that reject the stream, not the batch.
READ_ERRORS: tuple[type[BaseException], ...] = (*STREAM_ERRORS, zlib.error)


def detect_format(name: str) -> str | None:
    """The reader for a file name's suffix, or None."""
    lower = name.lower()
    for spec in READERS.values():
        if lower.endswith(spec.suffixes):
            return spec.name
    return None


def sniff_format(sample: bytes) -> str:
    head = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, name in SNIFFERS:
        if head.startswith(magic.lower()):
            return name
    return DEFAULT_FORMAT


def is_known(name: str) -> bool:
    return detect_format(name) is not None


class _Peeked:
    """A stream with its first bytes read for sniffing and given back on read."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            data, self._head = self._head + self._stream.read(), b""
            return data
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            if len(data) < size:
                data += self._stream.read(size - len(data))
            return data
        return self._stream.read(size)


def read_source(source: Source, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Every article in one stream; failures become rejections naming the stream."""
    fmt = options.format or detect_format(source.format_name)
    try:
        with source.open() as stream:
            if fmt is None:
                if source.name != STDIN:
                    raise UnknownFormatError(
                        source.name,
                        f"no reader for this suffix; use --format ({', '.join(READERS)})",
                    )
                head = stream.read(512)
                fmt = sniff_format(head)
                stream = _Peeked(head, stream)  # type: ignore[assignment]
            yield from READERS[fmt].read(stream, source.name, options)
    except InputError as exc:
        yield Rejection(exc.path, exc.reason, record=exc.record, code=exc.code)
    except READ_ERRORS as exc:
        yield Rejection(source.name, f"cannot read: {exc}", code="E103")


def read(paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Article | Rejection]:
    """Articles from files, folders, globs, archives or stdin (``-``), in input order."""
    options = options or ReadOptions()
    if options.format is not None and options.format not in READERS:
        raise UnknownFormatError(
            "--format", f"unknown format {options.format!r}; known: {', '.join(READERS)}"
        )
    for item in iter_sources(paths, is_known=is_known):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_source(item, options)
