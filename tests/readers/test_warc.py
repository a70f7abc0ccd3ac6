"""WARC archives (warcio): HTML responses through the HTML reader, text/plain as text."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.model import Article, Rejection
from claimgraph.readers import read

from ._support import DATA, check_items, read_bytes

PAGE = (DATA / "president-gov-ua-release.html").read_bytes()
PAGE_URL = "https://www.president.gov.ua/en/news/andrij-yermak-i-valerij-zaluzhnij-obgovorili-z-dzhejkobom-sa-75337"
TEXT_URL = "http://en.kremlin.ru/events/president/news/68371.txt"
TEXT = (DATA / "release-cp1252.txt").read_bytes().decode("cp1252").encode("utf-8")


def _response(
    writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    )


def build_warc(*, gzip_records: bool) -> bytes:
    """A small crawl of the release fixtures, with the records a real crawl also holds."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(
        writer.create_warcinfo_record("crawl.warc", {"software": "claimgraph tests"})
    )
    writer.write_record(  # 2: the request for the page: not an article
        writer.create_warc_record(
            PAGE_URL,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                f"GET {PAGE_URL} HTTP/1.1", [("Host", "www.president.gov.ua")], is_http_request=True
            ),
        )
    )
    _response(writer, PAGE_URL, PAGE, "text/html; charset=utf-8")  # 3: the article
    _response(
        writer,
        "https://www.president.gov.ua/missing",
        b"<p>Not found</p>",
        "text/html",
        "404 Not Found",
    )  # 4
    _response(
        writer, "https://www.president.gov.ua/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"
    )  # 5
    writer.write_record(  # 6: a text/plain resource in the seed layout
        writer.create_warc_record(
            TEXT_URL, "resource", payload=io.BytesIO(TEXT), warc_content_type="text/plain"
        )
    )
    _response(
        writer, "https://www.president.gov.ua/empty", b"<html><body></body></html>", "text/html"
    )  # 7
    # 8: the same page in cp1252, declared only in the HTTP header, without a canonical link
    cp1252 = PAGE.decode("utf-8").replace('<meta charset="utf-8">', "")
    cp1252 = "\n".join(line for line in cp1252.splitlines() if 'rel="canonical"' not in line)
    cp1252 = cp1252.replace("Head of the", "Head \u2013 of the", 1).encode("cp1252")
    _response(writer, PAGE_URL + "?cp1252", cp1252, "text/html; charset=windows-1252")
    _response(
        writer, "https://www.president.gov.ua/bin", b"\x7fELF" + bytes(256), "text/plain"
    )  # 9
    return buffer.getvalue()


@pytest.fixture(scope="module", params=[False, True], ids=["warc", "warc-gzip-records"])
def warc_bytes(request: pytest.FixtureRequest) -> bytes:
    return build_warc(gzip_records=request.param)


# (record number, code or "article", url)
EXPECTED = [
    (3, "article", PAGE_URL),
    (6, "article", TEXT_URL),
    (7, "S101", None),
    (8, "article", PAGE_URL + "?cp1252"),
    (9, "E101", None),
]


def _summary(items: list[Article | Rejection]) -> list[tuple[int | None, str, str | None]]:
    return [
        (i.source_record, "article", i.url) if isinstance(i, Article) else (i.record, i.code, None)
        for i in items
    ]


def test_warc_records(warc_bytes: bytes) -> None:
    items = check_items(read_bytes(warc_bytes, "crawl.warc"))
    assert _summary(items) == EXPECTED
    page, text, empty, page_cp1252, binary = items
    assert (
        isinstance(page, Article) and isinstance(text, Article) and isinstance(page_cp1252, Article)
    )
    assert page.title and page.title.startswith("Andriy Yermak and Valerii Zaluzhny")
    assert page.published == "2022-05-24T16:55Z"
    assert page.text.startswith("Head of the President's Office")
    assert page.source_path == "crawl.warc"
    assert text.title == "Vladimir Putin took part in the Immortal Regiment march"
    assert text.outlet == "en.kremlin.ru" and text.body_offset > 0
    assert page_cp1252.encoding == "windows-1252"
    assert page_cp1252.text == page.text.replace("Head of the", "Head \u2013 of the", 1)
    for rejection in (empty, binary):
        assert isinstance(rejection, Rejection) and rejection.path == "crawl.warc"


def test_warc_gz_file_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(build_warc(gzip_records=False)))
    items = check_items(read([str(path)]))
    assert _summary(items) == EXPECTED
    assert all(i.source_path == str(path) for i in items if isinstance(i, Article))


def test_warc_with_gzipped_records_named_warc_gz(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc(gzip_records=True))  # per-record gzip members, as crawlers write
    assert _summary(check_items(read([str(path)]))) == EXPECTED


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"this is no archive", "not a readable WARC"),
        (
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n",
            "not a readable WARC",
        ),
    ],
    ids=["text", "response without target URI"],
)
def test_broken_warc_is_one_rejection(data: bytes, reason: str) -> None:
    items = check_items(read_bytes(data, "broken.warc"))
    [rejection] = items
    assert isinstance(rejection, Rejection)
    assert rejection.path == "broken.warc"
    assert reason in rejection.reason


def test_records_before_a_broken_one_are_kept(warc_bytes: bytes) -> None:
    items = check_items(
        read_bytes(warc_bytes + b"GARBAGE AFTER THE LAST RECORD\r\n\r\n" + b"x" * 100, "tail.warc")
    )
    assert _summary(items[:-1]) == EXPECTED
    assert isinstance(items[-1], Rejection) and items[-1].path == "tail.warc"


# (gzip the whole file?, share of the bytes kept, expected)
TRUNCATED = [
    # a .warc.gz cut short: the records before the cut, then the stream's failure
    (
        True,
        0.9,
        [
            (3, "article", PAGE_URL),
            (6, "article", TEXT_URL),
            (7, "S101", None),
            (None, "E103", None),
        ],
    ),
    # a .warc cut inside a record's payload: that record is reported, not half read
    (
        False,
        0.8,
        [(3, "article", PAGE_URL), (6, "article", TEXT_URL), (7, "S101", None), (8, "E121", None)],
    ),
]


@pytest.mark.parametrize(("compress", "share", "expected"), TRUNCATED)
def test_truncated_warc_keeps_the_records_before_the_cut(
    tmp_path: Path, compress: bool, share: float, expected: list[tuple[int | None, str, str | None]]
) -> None:
    data = build_warc(gzip_records=False)
    if compress:
        data = gzip.compress(data)
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data[: int(len(data) * share)])
    items = check_items(read([str(path)]))
    assert _summary(items) == expected
    assert all((i.source_path if isinstance(i, Article) else i.path) == str(path) for i in items)
