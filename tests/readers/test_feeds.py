"""RSS 2.0 and Atom feeds (feedparser): one article per entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import Article, Rejection
from claimgraph.readers import read
from claimgraph.readers.feeds import html_to_text

from ._support import DATA, articles, check_items, read_bytes

RSS = DATA / "kremlin-news.rss"
ATOM = DATA / "president-gov-ua-news.atom"

# (feed, outlet, [(url suffix, published, title starts with, text starts with, byline)])
FEEDS = [
    (
        RSS,
        "President of Russia",
        [
            (
                "/68038",
                "2022-03-23T16:35Z",
                "Telephone conversation",
                "While discussing the situation",
                None,
            ),
            (
                "/67645",
                "2022-01-27T13:20Z",
                "Vladimir Putin laid a wreath",
                "On the 78th anniversary",
                None,
            ),
            (
                "/68371",
                "2022-05-09T15:10Z",
                "Vladimir Putin took part",
                "The President walked",
                None,
            ),
        ],
    ),
    (
        ATOM,
        "President of Ukraine",
        [
            (
                "-75337",
                "2022-05-24T16:55Z",
                "Andriy Yermak and Valerii",
                "Head of the President's Office",
                "Press Office of the President of Ukraine",
            ),
            (
                "-72461",
                "2022-01-20T15:54Z",
                "Meeting of the Presidents",
                "The meeting of President",
                "Press Office of the President of Ukraine",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("path", "outlet", "entries"), FEEDS, ids=["rss", "atom"])
def test_feed_fixtures(
    path: Path, outlet: str, entries: list[tuple[str, str, str, str, str | None]]
) -> None:
    items = check_items(read([str(path)]))
    assert len(items) == len(entries)
    for number, (article, expected) in enumerate(
        zip(articles(items), entries, strict=True), start=1
    ):
        url_end, published, title, text, byline = expected
        assert article.outlet == outlet
        assert article.url is not None and article.url.endswith(url_end)
        assert article.published == published
        assert article.title is not None and article.title.startswith(title)
        assert article.text.startswith(text)
        assert article.byline == byline
        assert article.source_record == number
        assert article.source_id == article.url
        assert article.encoding == "utf-8"
        assert "<p>" not in article.text and "&#" not in article.text


def test_full_content_is_preferred_to_the_summary() -> None:
    [first, *_] = read([str(RSS)])
    assert isinstance(first, Article)
    assert "principled positions at these talks." in first.text  # body, not the description


def _rss(*items: str) -> bytes:
    body = "".join(f"<item>{item}</item>" for item in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{body}</channel></rss>'.encode()


# (feed bytes, expected: list of (record, code or "article"))
FEED_CASES = [
    (
        _rss("<title>T</title><description>Body one.</description>", "<title>Empty</title>"),
        [(1, "article"), (2, "S101")],
    ),
    (
        _rss("<description>&lt;p&gt;A&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>"),
        [(1, "article")],
    ),
    (_rss(), []),
    (b"this is not a feed at all", [(None, "E100")]),
    # a broken entry is still an entry: reported, not lost
    (b"<?xml version='1.0'?><rss><channel><item><description>unclosed", [(1, "S101")]),
]


@pytest.mark.parametrize(("data", "expected"), FEED_CASES)
def test_feed_entries(data: bytes, expected: list[tuple[int | None, str]]) -> None:
    items = check_items(read_bytes(data, "f.rss"))
    got = [
        (i.source_record, "article") if isinstance(i, Article) else (i.record, i.code)
        for i in items
    ]
    assert got == expected


def test_not_a_feed_is_named() -> None:
    [rejection] = read_bytes(b"plain words", "news.xml")
    assert isinstance(rejection, Rejection)
    assert rejection.path == "news.xml"
    assert "not a readable RSS/Atom feed" in rejection.reason


def test_feed_content_naming_a_file_is_not_opened(tmp_path: Path) -> None:
    """feedparser opens bytes that name a file; the reader must only parse the bytes."""
    real = tmp_path / "real.rss"
    real.write_bytes(RSS.read_bytes())
    pointer = tmp_path / "pointer.rss"
    pointer.write_bytes(str(real).encode())
    items = check_items(read([str(pointer)]))
    assert not articles(items)
    [rejection] = items
    assert isinstance(rejection, Rejection) and rejection.path == str(pointer)


# (html fragment, text)
FRAGMENTS = [
    ("<p>One</p><p>Two</p>", "One\nTwo"),
    ("A<br>B<br/>C", "A\nB\nC"),
    ("<p>caf&eacute; &amp; &#8220;q&#8221;</p>", "caf\u00e9 & \u201cq\u201d"),
    ("<script>alert(1)</script><p>Text</p><style>p {}</style>", "Text"),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
    ("  spaced   out\n\n text ", "spaced out\ntext"),
    ("", ""),
]


@pytest.mark.parametrize(("fragment", "text"), FRAGMENTS)
def test_html_to_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text
