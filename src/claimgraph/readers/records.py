"""Structured records: JSON Lines, JSON (an object or a list of objects), CSV and TSV.

Fields are read through ``ReadOptions.mapping`` (``--map title=headline,text=body``); a
record that cannot be read is reported with its line (JSONL) or row (CSV) number and the
rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import IO, Any

from claimgraph.decoding import SNIFF_BYTES, binary_reason, decode_bytes, sniff_encoding
from claimgraph.errors import InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS, article_from_record, finish
from claimgraph.readers.options import ReadOptions

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # bodies of 100k+ characters are real


def _record(obj: Any, options: ReadOptions, path: str, number: int, encoding: str | None = None) -> Article | Rejection:
    if not isinstance(obj, dict):
        return Rejection(path, f"record is a JSON {type(obj).__name__}, not an object", record=number, code="E110")
    try:
        result = article_from_record(obj, options, path, number)
    except InputError as exc:
        return Rejection(exc.path, exc.reason, record=exc.record, code=exc.code)
    if isinstance(result, Rejection):
        return result
    return finish(replace(result, encoding=encoding) if encoding else result, options)


def _check_binary(stream: IO[bytes], path: str) -> IO[bytes]:
    """Refuse binary input early; return a stream that still yields the sniffed bytes."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_RawAdapter(stream))
    sample = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    reason = binary_reason(sample)
    if reason is not None:
        raise InputError(path, reason)
    return buffered


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


def read_jsonl(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    buffered = _check_binary(stream, path)
    encoding = sniff_encoding(buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    for number, raw in enumerate(buffered, start=1):
        if number == 1 and encoding == "utf-8-sig":
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        if len(raw) > MAX_TEXT_CHARS * 4:
            yield Rejection(path, "line too long", record=number, code="E111")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(path, f"invalid JSON: {exc.msg} at column {exc.colno}", record=number, code="E112")
            continue
        yield _record(obj, options, path, number, encoding)


def read_json(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = stream.read(MAX_TEXT_CHARS * 4 + 1)
    if len(data) > MAX_TEXT_CHARS * 4:
        raise InputError(path, f"JSON file larger than {MAX_TEXT_CHARS * 4:,} bytes; use JSON Lines")
    decoded = decode_bytes(data, path)
    text, encoding = decoded.text, decoded.encoding
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(obj, list):
        for number, item in enumerate(obj, start=1):
            yield _record(item, options, path, number, encoding)
    else:
        yield _record(obj, options, path, 1, encoding)


def read_csv(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    buffered = _check_binary(stream, path)
    sample = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    encoding = sniff_encoding(sample)
    delimiter = options.delimiter or ("\t" if path.lower().rstrip(".gzxzb2").endswith(".tsv") else ",")
    text = io.TextIOWrapper(buffered, encoding=encoding, newline="", errors="strict")
    reader = csv.DictReader(text, delimiter=delimiter)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(path, f"malformed CSV: {exc}", record=number + 1) from exc
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} near byte {exc.start}", record=number + 1) from exc
        number += 1
        if None in row:  # more cells than header columns
            yield Rejection(path, f"row has {len(row) - 1 + len(row[None])} cells, header has {len(row) - 1}", record=number, code="E113")  # type: ignore[index]
            continue
        yield _record(row, options, path, number, encoding)
