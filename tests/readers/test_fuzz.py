"""Fuzzing: no input, however broken, makes a reader or a header parser raise.

Every reader gets arbitrary bytes, and bytes that start like its own format (so the fuzzer
gets past the first check), through ``read_source``; only ``Article`` and ``Rejection``
values may come out.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimgraph.dates import parse_partial_date, parse_published
from claimgraph.header import parse_byline, parse_dateline, parse_header
from claimgraph.readers import READERS, ReadOptions, read

from ._support import check_items, read_bytes

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real headers, datelines and formats, so generated strings reach deep branches.
TEXT_PIECES = [
    " date 2022-11-22 UrduPoint.com",
    "Iran Requests Expert Meeting - Reports",
    "Fahad Shabbir (@FahadShabbir) Published November 22, 2022 | 03:30 PM",
    "By Jane Doe",
    "Published on",
    "MOSCOW (UrduPoint News / Sputnik - 22nd November, 2022) ",
    "TEHRAN \u2013 ",
    "KYIV, Ukraine (AP) \u2014 ",
    "NEW YORK, Feb 26 - ",
    "(Reuters) - ",
    "2022-11-22T15:30:00Z",
    "26-FEB-1987 15:01:01.79",
    "Tue, 22 Nov 2022 15:30:00 GMT",
    "12:75 PM",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "(",
    ")",
    "-",
    "/",
    ",",
    "\ufeff",
    "\x00",
    "\u2028",
]
header_like = st.lists(
    st.one_of(st.sampled_from(TEXT_PIECES), st.text(max_size=12)), max_size=14
).map("".join)
any_text = st.one_of(st.text(), header_like)


@FUZZ
@given(any_text)
def test_parse_header_never_raises_and_offset_is_in_range(text: str) -> None:
    header = parse_header(text)
    assert 0 <= header.body_offset <= len(text)
    assert header.published is None or parse_published(header.published) == header.published


@FUZZ
@given(any_text, st.integers(min_value=0, max_value=40), st.none() | st.integers(1, 9999))
def test_parse_dateline_never_raises(text: str, pos: int, year: int | None) -> None:
    found = parse_dateline(text, min(pos, len(text)), year=year)
    if found is not None:
        dateline, offset = found
        assert min(pos, len(text)) < offset <= len(text)
        assert dateline.place and dateline.place in text


@FUZZ
@given(any_text)
def test_parse_byline_never_raises(text: str) -> None:
    found = parse_byline(text)
    if found is not None:
        name, published = found
        assert name is None or name in text
        assert name is not None or published is not None


@FUZZ
@given(any_text, st.none() | st.integers(1, 9999))
def test_date_parsers_never_raise(text: str, year: int | None) -> None:
    for value in (parse_published(text), parse_partial_date(text, year=year)):
        assert value is None or parse_published(value) == value  # ISO output reads back as itself


# Starts of each format, so the fuzzer gets past each reader's first check.
PREFIXES: dict[str, list[bytes]] = {
    "text": [b"", b" date 2022-11-22 X\n\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"],
    "jsonl": [b"", b'{"text": "', b'{"text": "a"}\n{', b"\xef\xbb\xbf{", b"\xff\xfe{\x00"],
    "json": [b"", b"[", b'[{"text": ', b'{"text": '],
    "csv": [b"", b"text\n", b"text,title\n", b'text\n"', b"\xff\xfet\x00e\x00"],
    "html": [b"", b"<html><body><p>", b'<meta charset="', b"<!DOCTYPE html>"],
    "feed": [b"", b"<?xml version='1.0'?><rss><channel><item><description>", b"<feed><entry>"],
    "warc": [b"", b"WARC/1.0\r\n", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\n"],
    "sgml": [b"", b'<REUTERS NEWID="1"><BODY>', b"<REUTERS><DATE>", b"</REUTERS>"],
}


@pytest.mark.parametrize("fmt", sorted(READERS))
@FUZZ
@given(data=st.data())
def test_reader_yields_only_articles_and_rejections(fmt: str, data: st.DataObject) -> None:
    prefix = data.draw(st.sampled_from(PREFIXES[fmt]), label="prefix")
    tail = data.draw(st.binary(max_size=600) | header_like.map(str.encode), label="tail")
    items = read_bytes(prefix + tail, f"fuzz.{fmt}", ReadOptions(format=fmt))
    check_items(items)


@pytest.mark.parametrize("suffix", [".txt.gz", ".jsonl.xz", ".csv.bz2", ".tar", ".tar.gz", ".tgz"])
@settings(max_examples=60, deadline=None)
@given(payload=st.binary(max_size=400))
def test_broken_archives_and_compressed_files_are_rejections(suffix: str, payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(payload)
        check_items(read([str(path)]))


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000))
@example(cut=3)  # inside the gzip header: CPython's tarfile raised TypeError here
@example(cut=10)
@example(cut=0)
def test_truncated_tar_gz_never_raises(cut: int) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for n in range(3):
            body = (f"Article {n} says the talks went on for hours in Vienna. " * 20).encode()
            info = tarfile.TarInfo(f"news/{n}.txt")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    data = buffer.getvalue()[:cut]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cut.tar.gz"
        path.write_bytes(data)
        items = check_items(read([str(path)]))
    assert len(items) <= 4


@FUZZ
@given(st.binary(max_size=300))
def test_gzip_of_random_bytes_reads_as_text_or_rejection(payload: bytes) -> None:
    items = check_items(read_bytes_through_gzip(payload))
    assert len(items) == 1


def read_bytes_through_gzip(payload: bytes) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt.gz"
        path.write_bytes(gzip.compress(payload))
        return list(read([str(path)]))
