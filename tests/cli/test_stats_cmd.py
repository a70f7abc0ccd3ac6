"""``claimgraph stats``: what the database holds, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]


def test_stats_text(cg: Run, filled_db: Path) -> None:
    result = cg("stats", "--db", filled_db)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(
        f"{filled_db}: 3 articles from 2 outlets, published 2022-11-20 .. 2022-11-23T09:15"
    )
    assert "1 ingest runs (0 interrupted), 0 input errors, 0 skipped" in lines[1]
    table = lines[lines.index("") + 1 :]
    assert table[0].split() == ["outlet", "articles", "first", "last"]
    assert table[1].split()[:2] == ["Reuters", "2"]
    assert table[2].split()[:2] == ["UrduPoint", "1"]


def test_stats_json(cg: Run, filled_db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{oops\n")
    cg("ingest", broken, "--db", filled_db)
    data = cg("stats", "--db", filled_db, "--json").json()
    assert data["articles"] == 3
    assert data["outlets"] == 2
    assert (data["ingest_runs"], data["ingest_errors"]) == (2, 1)
    assert [o["outlet"] for o in data["by_outlet"]] == ["Reuters", "UrduPoint"]
    assert data["tables"]["claims"] == 0


def test_stats_of_an_empty_database(cg: Run, db_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    cg("ingest", empty, "--db", db_path)
    result = cg("stats", "--db", db_path)
    assert result.code == 0
    assert result.out.splitlines()[0] == f"{db_path}: 0 articles from 0 outlets"
    assert "None" not in result.out
