"""Fixtures for the store tests: an open store and a factory of hand-built articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.model import Article, Dateline
from claimgraph.store import Store

MakeArticle = Callable[..., Article]


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def make_article() -> MakeArticle:
    """``make_article("body text", title=...)``: an article with plausible metadata."""

    def make(text: str = "Officials said the talks would resume.", **fields: Any) -> Article:
        values: dict[str, Any] = {
            "source_path": "feed.jsonl",
            "source_record": 1,
            "url": None,
            "outlet": "UrduPoint",
            "published": "2022-11-22",
            "title": "Talks resume",
            "byline": "Fahad Shabbir",
            "dateline": Dateline("MOSCOW", ("UrduPoint News", "Sputnik"), "2022-11-22"),
            "language": "en",
            "encoding": "utf-8",
        }
        values.update(fields)
        return Article(text=text, **values)

    return make


def table_counts(path: Path) -> dict[str, int]:
    """Rows in every table of the file, FTS shadow tables included."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    finally:
        conn.close()


@pytest.fixture
def counts() -> Callable[[Path], dict[str, int]]:
    return table_counts
