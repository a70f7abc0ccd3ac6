"""Plain-text files: the seed layout, encodings, binary refusal, --plain and --set."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.decoding import decode_bytes
from claimgraph.errors import FieldMappingError
from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import ReadOptions, read

from ._support import DATA, check_items, read_bytes

# (fixture, encoding, outlet, published, title, body starts with)
FIXTURES = [
    (
        "release-cp1252.txt",
        "cp1252",
        "en.kremlin.ru",
        "2022-05-09",
        "Vladimir Putin took part in the Immortal Regiment march",
        "The President walked through Red Square",
    ),
    (
        "release-utf16.txt",
        "utf-16",
        "president.gov.ua",
        "2022-01-20",
        "Meeting of the Presidents of Ukraine and Poland started",
        "The meeting of President of Ukraine",
    ),
]


@pytest.mark.parametrize(("name", "encoding", "outlet", "published", "title", "start"), FIXTURES)
def test_text_fixtures(
    name: str, encoding: str, outlet: str, published: str, title: str, start: str
) -> None:
    path = DATA / name
    file_text = decode_bytes(path.read_bytes(), name).text
    [article] = check_items(read([str(path)]))
    assert isinstance(article, Article)
    assert (article.encoding, article.outlet, article.published, article.title) == (
        encoding,
        outlet,
        published,
        title,
    )
    assert article.text.startswith(start)
    assert article.text == file_text[article.body_offset : article.body_offset + len(article.text)]
    assert article.source_path == str(path)
    assert article.language == "en"


def test_cp1252_punctuation_is_decoded() -> None:
    [article] = read([str(DATA / "release-cp1252.txt")])
    assert isinstance(article, Article)
    assert "family members\u2013 participants" in article.text


def test_utf16_text_keeps_non_latin1_letters() -> None:
    [article] = read([str(DATA / "release-utf16.txt")])
    assert isinstance(article, Article)
    assert "Wis\u0142a Residence" in article.text


# (bytes, expected code) for files that are no article
NOT_ARTICLES = [
    (b"", "S101"),
    (b" \n\n\t\n", "S101"),
    (b" date 2022-11-22 UrduPoint.com\n", "S101"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E101"),
    (b"%PDF-1.4\n%\xe2\xe3", "E101"),
    (b"words\x00and\x00nuls", "E101"),
    (b"\xff\xfeA", "E101"),  # UTF-16 mark, then half a character
]


@pytest.mark.parametrize(("data", "code"), NOT_ARTICLES)
def test_files_that_are_no_article(data: bytes, code: str) -> None:
    [result] = check_items(read_bytes(data, "folder/item.txt"))
    assert isinstance(result, Rejection)
    assert result.code == code
    assert result.path == "folder/item.txt"
    assert result.is_error is code.startswith("E")


def test_plain_option_keeps_the_header_in_the_body() -> None:
    data = (DATA / "release-cp1252.txt").read_bytes()
    file_text = data.decode("cp1252")
    [article] = read_bytes(data, "r.txt", ReadOptions(plain=True))
    assert isinstance(article, Article)
    assert article.body_offset == 0
    assert article.text == file_text.rstrip()
    assert article.title is None and article.outlet is None and article.published is None


def test_set_defaults_fill_unknown_fields_only() -> None:
    data = (DATA / "release-cp1252.txt").read_bytes()
    options = ReadOptions(
        defaults={"outlet": "Kremlin", "byline": "Press Office", "place": "MOSCOW"}
    )
    [article] = read_bytes(data, "r.txt", options)
    assert isinstance(article, Article)
    assert article.outlet == "en.kremlin.ru"  # the file's own value wins
    assert article.byline == "Press Office"
    assert article.dateline == Dateline("MOSCOW")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("9 May 2022", "2022-05-09"),
        ("2022-05-09T10:00:00Z", "2022-05-09T10:00Z"),
    ],
)
def test_set_published_is_parsed_when_it_can_be(published: str, expected: str) -> None:
    [article] = read_bytes(
        b"The President walked through Red Square.",
        "r.txt",
        ReadOptions(defaults={"published": published}),
    )
    assert isinstance(article, Article)
    assert article.published == expected


@pytest.mark.parametrize("published", ["spring", "2022-02-30", "yesterday"])
def test_set_published_must_be_a_date(published: str) -> None:
    with pytest.raises(FieldMappingError, match="--set published") as info:
        ReadOptions(defaults={"published": published})
    assert info.value.code == "E301"


def test_set_place_keeps_the_parsed_dateline() -> None:
    data = b"TEHRAN \xe2\x80\x93 Negotiations in Vienna are up and running."
    [article] = read_bytes(data, "t.txt", ReadOptions(defaults={"place": "VIENNA"}))
    assert isinstance(article, Article)
    assert article.dateline == Dateline("TEHRAN")


@pytest.mark.shared
def test_tehran_times_datelines(shared_data: Path) -> None:
    folder = shared_data / "corpora" / "tehran_times_2022_2023" / "data"
    files = sorted(folder.glob("*.txt"))[:60]
    with_dateline = 0
    for path in files:
        file_text = decode_bytes(path.read_bytes(), str(path)).text
        [article] = check_items(read([str(path)]))
        if isinstance(article, Rejection):
            continue
        assert (
            article.text == file_text[article.body_offset : article.body_offset + len(article.text)]
        )
        if file_text.lstrip().startswith("TEHRAN \u2013"):
            with_dateline += 1
            assert article.dateline == Dateline("TEHRAN"), path.name
            assert not article.text.startswith("TEHRAN")
            assert article.body_offset > 0
    assert with_dateline >= 10
