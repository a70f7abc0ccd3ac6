"""``claimgraph articles``: filters, full-text query, table and JSON output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.model import article_id

Run = Callable[..., Any]


def titles(result: Any) -> list[str]:
    assert result.code == 0, result.err
    return [row["title"] for row in result.json()]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            [],
            [
                "Moscow and Tehran deny drone deal",
                "Iran requests expert meeting",
                "Grain talks resume",
            ],
        ),
        (["--outlet", "reuters"], ["Moscow and Tehran deny drone deal", "Grain talks resume"]),
        (
            ["--since", "2022-11-22"],
            ["Moscow and Tehran deny drone deal", "Iran requests expert meeting"],
        ),
        (["--until", "2022-11-22"], ["Iran requests expert meeting", "Grain talks resume"]),
        (["--since", "2022-11-23", "--until", "2022-11-23"], ["Moscow and Tehran deny drone deal"]),
        (["--since", "2022-11-24"], []),
        (["-q", "drone"], ["Iran requests expert meeting", "Moscow and Tehran deny drone deal"]),
        (["-q", "drone production"], ["Iran requests expert meeting"]),
        (["-q", "drone*", "--outlet", "Reuters"], ["Moscow and Tehran deny drone deal"]),
        (["--query", "grain OR tehran", "--until", "2022-11-21"], ["Grain talks resume"]),
        (["--limit", "1", "--offset", "1"], ["Iran requests expert meeting"]),
    ],
)
def test_filters(cg: Run, filled_db: Path, options: list[str], expected: list[str]) -> None:
    result = cg("articles", "--db", filled_db, "--json", *options)
    if any(o in options for o in ("-q", "--query")):
        assert sorted(titles(result)) == sorted(expected)
    else:
        assert titles(result) == expected


def test_json_rows(cg: Run, filled_db: Path, news_records: list[dict[str, str]]) -> None:
    rows = cg("articles", "--db", filled_db, "--json", "--outlet", "UrduPoint").json()
    record = news_records[0]
    assert rows == [
        {
            "id": article_id(record["text"]),
            "published": "2022-11-22",
            "outlet": "UrduPoint",
            "title": record["title"],
            "url": record["url"],
            "source_path": str(filled_db.parent / "news.jsonl"),
            "chars": len(record["text"]),
            "version": 1,
        }
    ]


def test_table(cg: Run, filled_db: Path, news_records: list[dict[str, str]]) -> None:
    result = cg("articles", "--db", filled_db)
    assert result.code == 0
    header, *rows = result.out.splitlines()
    assert header.split() == ["id", "published", "outlet", "title"]
    assert len(rows) == 3
    assert rows[0].startswith(article_id(news_records[1]["text"]))
    assert "Grain talks resume" in rows[2]


def test_table_with_query_shows_the_match(cg: Run, filled_db: Path) -> None:
    result = cg("articles", "--db", filled_db, "-q", "odesa")
    header, row = result.out.splitlines()
    assert header.split()[-1] == "match"
    assert "[Odesa]" in row


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["yesterday", "22/11/2022", "2022-13-01"])
def test_bad_date_is_a_usage_error(cg: Run, filled_db: Path, option: str, value: str) -> None:
    result = cg("articles", "--db", filled_db, option, value)
    assert result.code == 2
    assert f"Invalid value for '{option}'" in result.err
    assert "YYYY-MM-DD" in result.err


def test_empty_database_prints_only_the_header(cg: Run, db_path: Path, news: Path) -> None:
    cg("ingest", news, "--db", db_path, "--quiet")
    result = cg("articles", "--db", db_path, "-q", "submarine")
    assert (result.code, result.out.splitlines()) == (0, ["id  published  outlet  title  match"])
