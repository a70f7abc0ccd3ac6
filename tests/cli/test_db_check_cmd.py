"""``claimgraph db check``: 0 when clean, 1 when a problem is found, 4 when it cannot open."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.store import Store

Run = Callable[..., Any]


def test_clean_database(cg: Run, filled_db: Path) -> None:
    result = cg("db", "check", "--db", filled_db)
    assert (result.code, result.out, result.err) == (0, f"{filled_db}: ok\n", "")


def test_clean_database_json(cg: Run, filled_db: Path) -> None:
    result = cg("db", "check", "--db", filled_db, "--json")
    assert result.code == 0
    assert result.json() == {"ok": True, "findings": []}


def tamper(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET text = 'rewritten behind our back' WHERE rowid = 1")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("as_json", [False, True])
def test_problem_found_is_exit_1(cg: Run, filled_db: Path, as_json: bool) -> None:
    tamper(filled_db)
    result = cg("db", "check", "--db", filled_db, *(["--json"] if as_json else []))
    assert result.code == 1
    if as_json:
        data = result.json()
        assert data["ok"] is False
        assert [(f["check"], f["problem"]) for f in data["findings"]] == [("ids", True)]
    else:
        assert result.out.splitlines()[0].startswith("PROBLEM [ids] 1 articles whose id")
        assert result.out.splitlines()[-1] == f"{filled_db}: 1 problem(s)"


def test_fast_skips_rehashing(cg: Run, filled_db: Path) -> None:
    tamper(filled_db)
    assert cg("db", "check", "--db", filled_db, "--fast").code == 0


def test_interrupted_run_is_a_note(cg: Run, filled_db: Path) -> None:
    with Store(filled_db) as store:
        store.start_run(["never-finished.jsonl"], {})
    result = cg("db", "check", "--db", filled_db)
    assert result.code == 0
    assert result.out.splitlines() == [
        "note [runs] 1 ingest run(s) did not finish; their stored articles are whole, "
        "re-run to add the rest",
        f"{filled_db}: ok",
    ]


def test_database_made_by_a_newer_version(cg: Run, filled_db: Path) -> None:
    conn = sqlite3.connect(filled_db)
    conn.execute("INSERT INTO _migrations VALUES ('m999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    result = cg("db", "check", "--db", filled_db)
    assert result.code == 1
    assert "PROBLEM [migrations]" in result.out


def test_foreign_sqlite_file(cg: Run, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    result = cg("db", "check", "--db", path)
    assert result.code == 1
    assert "PROBLEM [schema] not a claimgraph database" in result.out
    assert "Traceback" not in result.err


def test_malformed_file(cg: Run, filled_db: Path) -> None:
    with Store(filled_db) as store:
        root = store.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()[0]
        page_size = store.conn.execute("PRAGMA page_size").fetchone()[0]
    with filled_db.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x0d" + b"\xff" * (page_size - 1))
    result = cg("db", "check", "--db", filled_db)
    assert result.code == 1
    assert "PROBLEM [integrity]" in result.out
    assert "malformed" in result.out
    # the read commands cannot work around it: a database error, in one line
    stats = cg("stats", "--db", filled_db)
    assert stats.code == 4
    assert stats.err.splitlines() == [
        f"claimgraph: error: [E200] {filled_db}: database error: database disk image is malformed"
    ]


def test_not_sqlite_is_exit_4(cg: Run, not_sqlite: Path) -> None:
    result = cg("db", "check", "--db", not_sqlite)
    assert result.code == 4
    assert result.err.splitlines() == [
        f"claimgraph: error: [E200] {not_sqlite}: cannot open as a claimgraph database: "
        "file is not a database"
    ]
