"""Structured records: JSON Lines, JSON (an object or a list of objects), CSV and TSV.

Fields are read through ``ReadOptions.mapping`` (``--map title=headline,text=body``); a
record that cannot be read is reported with its line (JSONL) or row (CSV) number and the
rest of the file goes on.

Lines are decoded one at a time through the encoding cascade of :mod:`claimgraph.decoding`
(UTF-8, then cp1252, then latin-1), so one stray cp1252 line in a UTF-8 file costs nothing
but is still recorded on its article (``Article.encoding``). Files with a byte-order mark
are decoded whole in the codec the mark names.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from claimgraph.decoding import (
    ENCODING_CASCADE,
    SNIFF_BYTES,
    binary_reason,
    bom_encoding,
    decode_bytes,
)
from claimgraph.errors import BinaryInputError, InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS, article_from_record, finish
from claimgraph.readers.options import ReadOptions
from claimgraph.readers.sources import strip_compression

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # bodies of 100k+ characters are real

MAX_LINE_BYTES = MAX_TEXT_CHARS * 4
# What json.loads raises on bad input besides JSONDecodeError (a ValueError): ValueError for
# integers beyond Python's digit limit, RecursionError for arrays nested thousands deep.
JSON_ERRORS: tuple[type[Exception], ...] = (ValueError, RecursionError)


def _record(
    obj: Any, options: ReadOptions, path: str, number: int, encoding: str | None = None
) -> Article | Rejection:
    if not isinstance(obj, dict):
        return Rejection(
            path,
            f"record is a JSON {type(obj).__name__}, not an object",
            record=number,
            code="E110",
        )
    try:
        result = article_from_record(obj, options, path, number, encoding)
    except InputError as exc:
        return Rejection(exc.path, exc.reason, record=exc.record, code=exc.code)
    if isinstance(result, Rejection):
        return result
    return finish(result, options)


def _json_error(exc: Exception, *, one_line: bool = False) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = "" if one_line else f"line {exc.lineno} "
        return f"invalid JSON: {exc.msg} at {where}column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {exc}"


class _RawAdapter(io.RawIOBase):
    """Lets ``io.BufferedReader`` wrap any binary stream (gzip, tar member, stdin)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _buffered(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(_RawAdapter(stream), buffer_size=SNIFF_BYTES)


def _sample(buffered: io.BufferedReader) -> bytes:
    """The first bytes of the stream, left in place (``peek`` may return fewer than asked)."""
    return buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]


def _check_binary(buffered: io.BufferedReader, path: str) -> bytes:
    """Refuse binary input early; return the sniffed sample."""
    sample = _sample(buffered)
    reason = binary_reason(sample)
    if reason is not None:
        raise BinaryInputError(path, reason)
    return sample


def decode_line(raw: bytes) -> tuple[str, str]:
    """One line of a file without a byte-order mark: the first codec of the cascade that fits."""
    for name in ENCODING_CASCADE:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"  # unreachable: latin-1 decodes any bytes


class _Lines:
    """Decoded lines of a stream (line ends kept), and the codecs used since the last ``take``.

    With a byte-order mark the whole stream is decoded in its codec; an invalid sequence
    after the mark raises :class:`InputError`, since the rest cannot be trusted either.
    """

    def __init__(self, buffered: io.BufferedReader, path: str, sample: bytes) -> None:
        self._path = path
        self.bom = bom_encoding(sample)
        self._buffered = buffered
        self._used: set[str] = set()
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        if self.bom is not None:
            wrapper = io.TextIOWrapper(self._buffered, encoding=self.bom, newline="")
            try:
                for line in wrapper:
                    self.number += 1
                    self._used.add(self.bom)
                    yield line
            except UnicodeDecodeError as exc:
                raise InputError(
                    self._path, f"invalid {self.bom} text: {exc.reason}", record=self.number + 1
                ) from exc
            finally:
                wrapper.detach()  # the caller owns the stream (it may be stdin): do not close it
            return
        for raw in self._buffered:
            self.number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(
                    self._path, f"line longer than {MAX_LINE_BYTES:,} bytes", record=self.number
                )
            line, name = decode_line(raw)
            self._used.add(name)
            yield line

    def take(self) -> str | None:
        """The codec the lines read since the last call needed (the least strict one)."""
        used, self._used = self._used, set()
        for name in reversed(ENCODING_CASCADE):
            if name in used:
                return name
        return next(iter(used), None)


def read_jsonl(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    buffered = _buffered(stream)
    lines = _Lines(buffered, path, _check_binary(buffered, path))
    for line in lines:
        number = lines.number
        encoding = lines.take()
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except JSON_ERRORS as exc:
            yield Rejection(path, _json_error(exc, one_line=True), record=number, code="E112")
            continue
        yield _record(obj, options, path, number, encoding)


def read_json(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = stream.read(MAX_LINE_BYTES + 1)
    if len(data) > MAX_LINE_BYTES:
        raise InputError(path, f"JSON file larger than {MAX_LINE_BYTES:,} bytes; use JSON Lines")
    decoded = decode_bytes(data, path)
    text, encoding = decoded.text, decoded.encoding
    try:
        obj = json.loads(text)
    except JSON_ERRORS as exc:
        raise InputError(path, _json_error(exc)) from exc
    if isinstance(obj, list):
        for number, item in enumerate(obj, start=1):
            yield _record(item, options, path, number, encoding)
    else:
        yield _record(obj, options, path, 1, encoding)


def _delimiter(path: str, options: ReadOptions) -> str:
    if options.delimiter:
        return options.delimiter
    name, _ = strip_compression(path)
    return "\t" if name.lower().endswith(".tsv") else ","


def read_csv(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    buffered = _buffered(stream)
    lines = _Lines(buffered, path, _check_binary(buffered, path))
    reader = csv.reader(lines, delimiter=_delimiter(path, options))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV header: {exc}", record=1) from exc
    lines.take()
    text_field = options.field_name("text")
    if text_field not in header:
        fields = ", ".join(header[:20])
        raise InputError(
            path, f"no text column {text_field!r} (columns: {fields}); use --map text=COLUMN"
        )
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader resumes at the next line
            number += 1
            lines.take()
            yield Rejection(path, f"malformed CSV row: {exc}", record=number, code="E113")
            continue
        encoding = lines.take()
        if not cells:
            continue  # a blank line is no row
        number += 1
        if len(cells) > len(header):
            yield Rejection(
                path,
                f"row has {len(cells)} cells, header has {len(header)}",
                record=number,
                code="E113",
            )
            continue
        row: dict[str, str | None] = dict.fromkeys(header)
        row.update(zip(header, cells, strict=False))
        yield _record(row, options, path, number, encoding)
