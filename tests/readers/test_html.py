"""HTML pages through trafilatura: main text, metadata, charsets, datelines."""

from __future__ import annotations

import pytest

from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import read
from claimgraph.readers.html import decode_html

from ._support import DATA, check_items, read_bytes

PAGE_PATH = DATA / "president-gov-ua-release.html"
PAGE = PAGE_PATH.read_text(encoding="utf-8")
HEADLINE = "Andriy Yermak and Valerii Zaluzhny discussed support for Ukraine with Jacob Sullivan and Mark Milley"
URL = "https://www.president.gov.ua/en/news/andrij-yermak-i-valerij-zaluzhnij-obgovorili-z-dzhejkobom-sa-75337"


def _page(html: str) -> Article:
    [result] = check_items(read_bytes(html.encode("utf-8"), "page.html"))
    assert isinstance(result, Article), result
    return result


def test_release_page() -> None:
    [article] = check_items(read([str(PAGE_PATH)]))
    assert isinstance(article, Article)
    assert article.title == HEADLINE
    assert article.url == URL
    assert article.outlet == "Official website of the President of Ukraine"
    assert article.published == "2022-05-24T16:55Z"  # the meta timestamp adds the time
    assert article.text.startswith("Head of the President's Office Andriy Yermak")
    assert article.text.endswith("strong support for Ukraine.")
    assert article.body_offset == 0
    assert (article.encoding, article.language) == ("utf-8", "en")


@pytest.mark.parametrize("chrome", ["Contacts", "All content of the site", HEADLINE])
def test_page_chrome_and_repeated_headline_are_not_body(chrome: str) -> None:
    assert chrome not in _page(PAGE).text


# (first words put before the first paragraph, expected dateline, body starts with)
DATELINES = [
    ("KYIV (Reuters) - ", Dateline("KYIV", ("Reuters",)), "Head of the President"),
    ("KYIV \u2013 ", Dateline("KYIV"), "Head of the President"),
    ("", None, "Head of the President"),
]


@pytest.mark.parametrize(("lead", "dateline", "start"), DATELINES)
def test_leading_dateline_is_parsed_off_the_text(
    lead: str, dateline: Dateline | None, start: str
) -> None:
    html = PAGE.replace("<p>Head of", f"<p>{lead}Head of", 1)
    article = _page(html)
    assert article.dateline == dateline
    assert article.text.startswith(start)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
        "<html><body><p>MOSCOW (Sputnik)</p></body></html>",
    ],
    ids=["empty", "empty body", "title and script only", "dateline only"],
)
def test_pages_without_text_are_skips(html: str) -> None:
    [result] = check_items(read_bytes(html.encode(), "empty.html"))
    assert isinstance(result, Rejection)
    assert (result.code, result.path) == ("S101", "empty.html")


def test_binary_html_is_refused() -> None:
    [result] = read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image.html")
    assert isinstance(result, Rejection)
    assert result.code == "E101"


# (meta timestamps, expected published)
TIMESTAMPS = [
    (
        '<meta property="article:published_time" content="2022-05-24T16:55:00+03:00">',
        "2022-05-24T16:55+03:00",
    ),
    ('<meta itemprop="datePublished" content="2022-05-24T16:55:00Z">', "2022-05-24T16:55Z"),
    ('<meta name="pubdate" content="2022-05-24 16:55">', "2022-05-24T16:55"),
    (
        '<meta name="pubdate" content="2021-01-01"><meta property="article:published_time" content="2022-05-24T16:55:00Z">',
        "2022-05-24T16:55Z",
    ),
]


@pytest.mark.parametrize(("meta", "expected"), TIMESTAMPS)
def test_meta_timestamp(meta: str, expected: str) -> None:
    html = PAGE.replace(
        '<meta property="article:published_time" content="2022-05-24T16:55:00Z">', meta
    )
    assert _page(html).published == expected


# (bytes, declared charset, expected text, expected encoding)
CHARSETS = [
    (b"<p>caf\xc3\xa9</p>", None, "<p>caf\u00e9</p>", "utf-8"),
    (b"<p>caf\xe9 \x93q\x94</p>", None, "<p>caf\u00e9 \u201cq\u201d</p>", "cp1252"),
    (
        b'<meta charset="windows-1251"><p>\xcc\xee\xf1\xea\xe2\xe0</p>',
        None,
        '<meta charset="windows-1251"><p>\u041c\u043e\u0441\u043a\u0432\u0430</p>',
        "windows-1251",
    ),
    (
        b"<p>\xcc\xee\xf1\xea\xe2\xe0</p>",
        "windows-1251",
        "<p>\u041c\u043e\u0441\u043a\u0432\u0430</p>",
        "windows-1251",
    ),
    (b'<meta charset="undefined"><p>x</p>', None, '<meta charset="undefined"><p>x</p>', "utf-8"),
    (b'<meta charset="rot13"><p>x</p>', None, '<meta charset="rot13"><p>x</p>', "utf-8"),
    (
        b'<meta charset="unicode_escape"><p>\\u0041</p>',
        None,
        '<meta charset="unicode_escape"><p>\\u0041</p>',
        "utf-8",
    ),
    (b'<meta charset="idna"><p>x</p>', None, '<meta charset="idna"><p>x</p>', "utf-8"),
    (
        b'<meta charset="no-such-codec"><p>x</p>',
        None,
        '<meta charset="no-such-codec"><p>x</p>',
        "utf-8",
    ),
    (b'<meta charset="utf-16"><p>ok</p>', None, '<meta charset="utf-16"><p>ok</p>', "utf-8"),
    (b'<meta charset="utf-8"><p>\xe9</p>', None, '<meta charset="utf-8"><p>\u00e9</p>', "cp1252"),
]


@pytest.mark.parametrize(("data", "declared", "text", "encoding"), CHARSETS)
def test_decode_html(data: bytes, declared: str | None, text: str, encoding: str) -> None:
    assert decode_html(data, "p.html", declared=declared) == (text, encoding)


def test_page_declaring_an_unusable_charset_is_still_read() -> None:
    html = PAGE.replace('<meta charset="utf-8">', '<meta charset="undefined">')
    article = _page(html)
    assert article.title == HEADLINE
