"""JSON Lines, JSON, CSV and TSV: field mapping, per-record rejections, encodings."""

from __future__ import annotations

import codecs
import itertools
import json
from pathlib import Path

import pytest

from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import ReadOptions, read

from ._support import DATA, articles, check_items, read_bytes, rejections

KREMLIN_MAP = {
    "text": "body",
    "title": "headline",
    "url": "link",
    "published": "date",
    "place": "location",
}
JSONL_LINES = (DATA / "releases.jsonl").read_bytes().splitlines(keepends=True)
SCHOLZ = json.loads(JSONL_LINES[0])

# What the three releases in releases.jsonl / releases.tsv read as.
EXPECTED = [
    (
        "Telephone conversation with Federal Chancellor of Germany Olaf Scholz",
        "2022-03-23T16:35Z",
        "President of Russia",
    ),
    (
        "Vladimir Putin laid a wreath at the Motherland monument at the Piskarevskoye Memorial Cemetery in St Petersburg",
        "2022-01-27T13:20Z",
        "President of Russia",
    ),
    (
        "Andriy Yermak and Valerii Zaluzhny discussed support for Ukraine with Jacob Sullivan and Mark Milley",
        "2022-05-24T16:55Z",
        "President of Ukraine",
    ),
]


@pytest.mark.parametrize(("given", "expected"), [({}, "en"), ({"language": "uk"}, "uk")])
def test_a_set_language_wins_over_the_guess(given: dict[str, str], expected: str) -> None:
    items = check_items(read([str(DATA / "releases.jsonl")], ReadOptions(defaults=given)))
    assert {a.language for a in articles(items)} == {expected}


@pytest.mark.parametrize("name", ["releases.jsonl", "releases.tsv"])
def test_record_fixtures(name: str) -> None:
    items = check_items(read([str(DATA / name)]))
    assert [(a.title, a.published, a.outlet) for a in articles(items)] == EXPECTED
    assert len(items) == 3
    for number, article in enumerate(articles(items), start=1):
        assert article.source_record == number
        assert article.source_path == str(DATA / name)
        assert article.body_offset == 0
        assert article.encoding == "utf-8"
        assert article.language == "en"
        assert article.url is not None and article.url.startswith("http")
    first = articles(items)[0]
    assert first.text == SCHOLZ["text"]


def test_jsonl_source_ids() -> None:
    ids = [a.source_id for a in articles(read([str(DATA / "releases.jsonl")]))]
    assert ids == ["68038", "67645", "75337"]


def test_csv_in_the_corpus_columns_needs_a_map() -> None:
    path = str(DATA / "kremlin-releases.csv")
    [rejection] = check_items(read([path]))
    assert isinstance(rejection, Rejection)
    assert rejection.path == path
    assert rejection.record is None  # one message for the file, not one per row
    assert "--map" in rejection.reason and "'text'" in rejection.reason
    assert "body" in rejection.reason  # names the columns there are


def test_csv_with_a_map() -> None:
    items = check_items(
        read([str(DATA / "kremlin-releases.csv")], ReadOptions(mapping=KREMLIN_MAP))
    )
    assert [a.title for a in articles(items)] == [
        "Telephone conversation with Federal Chancellor of Germany Olaf Scholz",
        "Vladimir Putin laid a wreath at the Motherland monument at the Piskarevskoye Memorial Cemetery in St Petersburg",
        "Vladimir Putin took part in the Immortal Regiment march",
    ]
    # "NA" is R's missing value, not a place
    assert [a.dateline for a in articles(items)] == [
        None,
        Dateline("St Petersburg"),
        Dateline("Red Square, Moscow"),
    ]
    assert [a.published for a in articles(items)] == [
        "2022-03-23T16:35Z",
        "2022-01-27T13:20Z",
        "2022-05-09T15:10Z",
    ]


def _jsonl(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records
    )


# Line 1 and 7 are good; each other line is one kind of bad record. (line, code or "article")
BAD_JSONL = _jsonl(
    SCHOLZ,
    b"not json at all",
    [1, 2, 3],
    {"title": "a record without text"},
    {"text": 5},
    {"text": "   \u0003  "},
    SCHOLZ | {"id": "again"},
    b'{"text": "unterminated',
    b"   ",
    b"[" * 5000,
    b'{"text": ' + b"1" * 5000 + b"}",
)
BAD_JSONL_EXPECTED = [
    (1, "article"),
    (2, "E112"),
    (3, "E110"),
    (4, "E100"),
    (5, "E100"),
    (6, "S101"),
    (7, "article"),
    (8, "E112"),
    (10, "E112"),
    (11, "E112"),
]


def test_bad_jsonl_lines_are_rejected_and_the_rest_goes_on() -> None:
    items = check_items(read_bytes(BAD_JSONL, "mixed.jsonl"))
    got = [
        (i.source_record, "article") if isinstance(i, Article) else (i.record, i.code)
        for i in items
    ]
    assert got == BAD_JSONL_EXPECTED
    for item in rejections(items):
        assert item.path == "mixed.jsonl"
    missing = rejections(items)[2]
    assert "--map" in missing.reason and "title" in missing.reason


# (file bytes, expected encoding of each article)
ENCODED_JSONL = [
    (codecs.BOM_UTF8 + _jsonl({"text": "Nause\u0307da"}), ["utf-8-sig"]),
    (
        _jsonl({"text": "Nausėda in Kyiv"}, {"text": "two"}).decode().encode("utf-16"),
        ["utf-16", "utf-16"],
    ),
    (
        _jsonl({"text": "ok"}) + '{"text": "caf\u00e9 \u2013 cp1252"}\n'.encode("cp1252"),
        ["utf-8", "cp1252"],
    ),
    (b'{"text": "undefined in cp1252 \x81"}\n', ["latin-1"]),
]


@pytest.mark.parametrize(("data", "encodings"), ENCODED_JSONL)
def test_jsonl_encodings_are_recorded_per_line(data: bytes, encodings: list[str]) -> None:
    items = check_items(read_bytes(data, "enc.jsonl"))
    assert [a.encoding for a in articles(items)] == encodings
    assert not rejections(items)


def test_jsonl_cp1252_line_is_decoded_not_replaced() -> None:
    data = '{"text": "caf\u00e9 \u2013 \u201cquoted\u201d"}\n'.encode("cp1252")
    [article] = read_bytes(data, "x.jsonl")
    assert isinstance(article, Article)
    assert article.text == "caf\u00e9 \u2013 \u201cquoted\u201d"


# (json file, expected: list of (record, code or "article"))
JSON_FILES = [
    (json.dumps([SCHOLZ, SCHOLZ]).encode(), [(1, "article"), (2, "article")]),
    (json.dumps(SCHOLZ).encode(), [(1, "article")]),
    (
        json.dumps([SCHOLZ, "a string", {"text": ""}]).encode(),
        [(1, "article"), (2, "E110"), (3, "S101")],
    ),
    (json.dumps([]).encode(), []),
    (b'[{"text": "x"},', [(None, "E100")]),
    (b"[" * 10000, [(None, "E100")]),
    (codecs.BOM_UTF8 + json.dumps(SCHOLZ).encode(), [(1, "article")]),
    (json.dumps(SCHOLZ).encode("utf-16"), [(1, "article")]),
    (b"\x89PNG\r\n\x1a\n", [(None, "E101")]),
]


@pytest.mark.parametrize(("data", "expected"), JSON_FILES)
def test_json_files(data: bytes, expected: list[tuple[int | None, str]]) -> None:
    items = check_items(read_bytes(data, "f.json"))
    got = [
        (i.source_record, "article") if isinstance(i, Article) else (i.record, i.code)
        for i in items
    ]
    assert got == expected


def test_invalid_json_message_names_line_and_column() -> None:
    [rejection] = read_bytes(b'[\n{"text": "x"},\n}', "f.json")
    assert isinstance(rejection, Rejection)
    assert "line 3 column 1" in rejection.reason


TSV_HEADER = b"url\toutlet\tpublished\ttitle\ttext\n"
# (tsv rows after the header, expected: list of (record, code or "article"))
TSV_FILES = [
    (
        b"u\to\t2022-01-01\tT\tBody one.\nu\to\t2022-01-01\tT\tBody two.\n",
        [(1, "article"), (2, "article")],
    ),
    (
        b"u\to\t2022-01-01\tT\tBody one.\tEXTRA\tCELLS\nu\to\t\tT\tBody two.\n",
        [(1, "E113"), (2, "article")],
    ),
    (b"u\to\t2022-01-01\tT\t\n", [(1, "S101")]),
    (b"u\to\n", [(1, "S101")]),  # fewer cells: the text is missing
    (b"\n\nu\to\t\tT\tBody.\n\n", [(1, "article")]),  # blank lines are no rows
    (b'u\to\t\tT\t"Body\twith a tab\nand a line break."\n', [(1, "article")]),
    (b"", []),
]


@pytest.mark.parametrize(("rows", "expected"), TSV_FILES)
def test_tsv_rows(rows: bytes, expected: list[tuple[int | None, str]]) -> None:
    data = TSV_HEADER + rows if rows else b""
    items = check_items(read_bytes(data, "rows.tsv"))
    got = [
        (i.source_record, "article") if isinstance(i, Article) else (i.record, i.code)
        for i in items
    ]
    assert got == expected


def test_too_many_cells_message() -> None:
    data = TSV_HEADER + b"u\to\t2022-01-01\tT\tBody\tEXTRA\n"
    [rejection] = read_bytes(data, "rows.tsv")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "row has 6 cells, header has 5"
    assert (rejection.path, rejection.record) == ("rows.tsv", 1)


def test_quoted_cells_keep_their_tabs_and_line_breaks() -> None:
    [article] = read_bytes(
        TSV_HEADER + b'u\to\t\tT\t"Body\twith a tab\nand a line break."\n', "q.tsv"
    )
    assert isinstance(article, Article)
    assert article.text == "Body\twith a tab\nand a line break."


@pytest.mark.parametrize(
    ("name", "options", "delimiter"),
    [
        ("x.csv", ReadOptions(), b","),
        ("x.tsv", ReadOptions(), b"\t"),
        ("x.TSV", ReadOptions(), b"\t"),
        ("x.txt", ReadOptions(format="csv", delimiter=";"), b";"),
        ("x.tsv", ReadOptions(delimiter="|"), b"|"),
    ],
)
def test_delimiter_from_suffix_or_option(name: str, options: ReadOptions, delimiter: str) -> None:
    data = delimiter.join([b"title", b"text"]) + b"\n" + delimiter.join([b"T", b"Body."]) + b"\n"
    [article] = read_bytes(data, name, options)
    assert isinstance(article, Article)
    assert (article.title, article.text) == ("T", "Body.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("NA", None),
        ("N/A", None),
        ("null", None),
        ("  Kyiv \n", "Kyiv"),
        ("", None),
        ("NATO HQ", "NATO HQ"),
    ],
)
def test_missing_value_markers_are_unknown(value: str, expected: str | None) -> None:
    data = json.dumps({"text": "Body.", "place": value, "title": value}).encode()
    [article] = read_bytes(data + b"\n", "m.jsonl")
    assert isinstance(article, Article)
    assert article.title == expected
    assert article.dateline == (Dateline(expected) if expected else None)


# (csv bytes, expected encodings of the articles)
ENCODED_CSV = [
    (b"text\nBody one.\n", ["utf-8"]),
    (codecs.BOM_UTF8 + b"text\nBody one.\n", ["utf-8-sig"]),
    ("text\nNause\u0307da\nBody two\n".encode("utf-16"), ["utf-16", "utf-16"]),
    (
        b"text\nBody one.\n" + "caf\u00e9 \u2013 two\n".encode("cp1252") + b"three\n",
        ["utf-8", "cp1252", "utf-8"],
    ),
]


@pytest.mark.parametrize(("data", "encodings"), ENCODED_CSV)
def test_csv_encodings(data: bytes, encodings: list[str]) -> None:
    items = check_items(read_bytes(data, "e.csv"))
    assert [a.encoding for a in articles(items)] == encodings


def test_csv_mapping_names_a_missing_column() -> None:
    [rejection] = read_bytes(
        b"headline,body\nT,B\n", "m.csv", ReadOptions(mapping={"text": "article"})
    )
    assert isinstance(rejection, Rejection)
    assert "'article'" in rejection.reason and "headline, body" in rejection.reason


@pytest.mark.parametrize("name", ["bin.jsonl", "bin.csv", "bin.tsv", "bin.json"])
def test_binary_record_files_are_refused(name: str) -> None:
    [rejection] = read_bytes(b"PK\x03\x04" + bytes(range(256)), name)
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.path) == ("E101", name)
    assert "binary" in rejection.reason


# ---- real corpora (../shared/data) ----

CORPORA = [
    (
        "kremlin_zelenskyy_press_2021_2022/putin.csv",
        KREMLIN_MAP,
        816,
        "BRICS+ meeting",
        "2022-06-24T17:30Z",
    ),
    (
        "kremlin_zelenskyy_press_2021_2022/zelenskyy.csv",
        {"text": "body", "title": "headline", "url": "link", "published": "date"},
        980,
        "Ukraine has gained the status of a candidate for the EU membership - it did not fall from the sky, so let's be proud of it - address by President Volodymyr Zelenskyy",
        "2022-06-24T23:23Z",
    ),
    (
        "ukraine2022_guardian_nyt/Guardians_Russia_Ukraine.csv",
        {"text": "articles", "title": "headlines"},
        188,
        "Sanctions against Russia are not backfiring | Letters",
        "2022-08-01T16:23:25Z",
    ),
    (
        "ukraine2022_guardian_nyt/NYT_Russia_Ukraine.csv",
        {"text": "articles", "title": "headlines"},
        219,
        "For a Kyiv Techno Collective, \u2018Now Everything Is About Politics\u2019",
        "2022-06-23",
    ),
]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("relative", "mapping", "count", "first_title", "first_published"), CORPORA
)
def test_real_csv_corpora(
    shared_data: Path,
    relative: str,
    mapping: dict[str, str],
    count: int,
    first_title: str,
    first_published: str,
) -> None:
    items = check_items(
        read([str(shared_data / "corpora" / relative)], ReadOptions(mapping=mapping))
    )
    assert not rejections(items)
    assert len(items) == count
    first = articles(items)[0]
    assert (first.title, first.published) == (first_title, first_published)
    assert all(a.encoding == "utf-8" for a in articles(items))
    assert sum(a.language == "en" for a in articles(items)) >= 0.95 * count
    if "place" in mapping:
        assert all(a.dateline is None or a.dateline.place != "NA" for a in articles(items))


@pytest.mark.shared
def test_allsides_json_members_of_a_tar_xz(shared_data: Path) -> None:
    archive = shared_data / "corpora" / "allsides_article_bias" / "data" / "jsons.tar.xz"
    mapping = {
        "text": "content_original",
        "id": "ID",
        "outlet": "source",
        "published": "date",
        "byline": "authors",
    }
    stream = read([str(archive)], ReadOptions(mapping=mapping))
    items = check_items(itertools.islice(stream, 300))
    stream.close()  # type: ignore[attr-defined]
    found = articles(items)
    assert len(found) >= 280
    for article in found:
        assert article.source_path is not None
        assert article.source_path.startswith(f"{archive}!data/jsons/")
        assert article.source_path.endswith(".json")
        assert article.source_id and article.source_id in article.source_path
        assert article.outlet
    assert sum(a.published is not None for a in found) >= 0.85 * len(found)  # some have no date
