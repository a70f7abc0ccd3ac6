"""Reuters-21578 SGML: one story per <REUTERS> element, read in chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import read
from claimgraph.readers import sgml as sgml_module

from ._support import DATA, articles, check_items, read_bytes, rejections

SGM = DATA / "releases-reuters-layout.sgm"

# (record, title starts with, published, dateline, text starts with, text ends with)
STORIES = [
    (
        1,
        "TELEPHONE CONVERSATION",
        "2022-03-23T16:35",
        Dateline("MOSCOW", (), "2022-03-23"),
        "While discussing",
        "positions at these talks.",
    ),
    (
        2,
        "VLADIMIR PUTIN LAID A WREATH",
        "2022-01-27T13:20",
        Dateline("ST PETERSBURG", (), "2022-01-27"),
        "On the 78th anniversary",
        "the Motherland monument.",
    ),
    (
        4,
        "ANDRIY YERMAK",
        "2022-05-24T16:55",
        Dateline("KYIV", (), "2022-05-24"),
        "Head of the President's Office",
        "strong support for Ukraine.",
    ),
]


def _summary(items: list[Article | Rejection]) -> list[tuple[int | None, str]]:
    return [
        (i.source_record, "article") if isinstance(i, Article) else (i.record, i.code)
        for i in items
    ]


def test_sgml_fixture() -> None:
    items = check_items(read([str(SGM)]))
    assert _summary(items) == [(1, "article"), (2, "article"), (3, "S101"), (4, "article")]
    for article, (record, title, published, dateline, start, end) in zip(
        articles(items), STORIES, strict=True
    ):
        assert article.source_record == record
        assert article.source_id == str(record)  # NEWID
        assert article.title is not None and article.title.startswith(title)
        assert article.published == published
        assert article.dateline == dateline
        assert article.text.startswith(start)
        assert article.text.endswith(end)  # the "Reuter" sign-off and &#3; are gone
        assert (article.outlet, article.encoding, article.body_offset) == ("Reuters", "latin-1", 0)
    assert "Russian Federation's" in articles(items)[0].text  # entities unescaped
    [skip] = rejections(items)
    assert (skip.level, skip.path) == ("skip", str(SGM))


@pytest.mark.parametrize("chunk", [7, 64, 1 << 16])
def test_chunk_boundaries_do_not_matter(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    expected = [a.to_dict() for a in articles(read([str(SGM)]))]
    monkeypatch.setattr(sgml_module, "CHUNK_BYTES", chunk)
    assert [a.to_dict() for a in articles(read([str(SGM)]))] == expected


STORY = (
    '<REUTERS NEWID="{n}"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT>'
    "<TITLE>TALKS &lt;RESUME&gt;</TITLE><AUTHOR>    By Jane Doe, Reuters</AUTHOR>"
    "<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Talks resumed &amp; went on.\n Reuter\n&#3;</BODY>"
    "</TEXT></REUTERS>\n"
)


def test_story_fields() -> None:
    [article] = check_items(read_bytes(STORY.format(n=7).encode(), "r.sgm"))
    assert isinstance(article, Article)
    assert article.title == "TALKS <RESUME>"
    assert article.byline == "Jane Doe, Reuters"
    assert article.dateline == Dateline("NEW YORK", (), "1987-02-26")
    assert article.published == "1987-02-26T15:01:01"
    assert article.text == "Talks resumed & went on."
    assert (article.source_id, article.source_record) == ("7", 1)


# (file bytes, expected summary)
BROKEN = [
    # the file ends inside story 2: story 1 is kept, story 2 reported
    ((STORY.format(n=1) + STORY.format(n=2))[:-30].encode(), [(1, "article"), (2, "E131")]),
    # an end tag without a start tag
    (
        b"<DATE>x</DATE><BODY>text</BODY></REUTERS>" + STORY.format(n=2).encode(),
        [(1, "E130"), (2, "article")],
    ),
    # story 1 never ends before story 2 begins
    ((STORY.format(n=1)[:-12] + STORY.format(n=2)).encode(), [(1, "E131"), (2, "article")]),
    (b"plain text, no stories in it", [(None, "E100")]),
    (b"", [(None, "E100")]),
    (b"\x1f\x8b\x08\x00" + bytes(64), [(None, "E101")]),
]


@pytest.mark.parametrize(("data", "expected"), BROKEN)
def test_broken_sgml(data: bytes, expected: list[tuple[int | None, str]]) -> None:
    items = check_items(read_bytes(data, "broken.sgm"))
    assert _summary(items) == expected
    assert all(i.path == "broken.sgm" for i in rejections(items))


def test_story_without_end_tag_is_dropped_after_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sgml_module, "MAX_STORY_BYTES", 200)
    monkeypatch.setattr(sgml_module, "CHUNK_BYTES", 64)
    data = b'<REUTERS NEWID="1"><BODY>' + b"endless " * 100 + b"\n" + STORY.format(n=2).encode()
    items = check_items(read_bytes(data, "long.sgm"))
    assert _summary(items) == [(1, "E131"), (2, "article")]
    assert isinstance(items[1], Article) and items[1].source_id == "2"


@pytest.mark.shared
def test_reuters_reut2_000_counts(shared_data: Path) -> None:
    path = shared_data / "corpora" / "reuters21578" / "reut2-000.sgm"
    items = check_items(read([str(path)]))
    found, skipped = articles(items), rejections(items)
    assert (len(items), len(found), len(skipped)) == (1000, 925, 75)
    assert all(r.code == "S101" and r.level == "skip" for r in skipped)
    assert [a.source_record for a in found] == sorted(a.source_record or 0 for a in found)
    assert all(a.published and a.published.startswith("1987-") for a in found)
    assert not any(a.text.endswith("Reuter") for a in found)
    assert sum(a.dateline is not None for a in found) >= 0.9 * len(found)
    first = found[0]
    assert first.source_id == "1"
    assert first.dateline == Dateline("SALVADOR", (), "1987-02-26")
