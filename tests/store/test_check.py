"""``check_database``: a clean file has no findings; each kind of damage is named."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph.model import Article
from claimgraph.store import Finding, Store

MakeArticle = Callable[..., Article]


def problems(findings: list[Finding]) -> list[str]:
    return [f.check for f in findings if f.problem]


def damage_fts(conn: sqlite3.Connection) -> None:
    # an article stored below the index watermark without its index entry
    conn.execute(
        "INSERT INTO articles (id, text, ingested_at) VALUES ('00000000000000aa', 'unindexed', 'now')"
    )
    conn.execute("UPDATE _fts_state SET indexed_until = (SELECT max(pk) FROM articles)")


def damage_ids(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE articles SET text = 'tampered with after ingest'")  # FTS follows


def damage_versions(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE articles SET supersedes = 'ffffffffffffffff', version = 2")


def damage_migrations(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM _migrations WHERE name = 'm002_extraction'")


def damage_error_run(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO ingest_errors (run_id, path, code, level, reason, at) "
        "VALUES (42, 'x', 'E100', 'error', 'bad', 'now')"
    )


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (damage_fts, ["fts", "fts", "ids"]),  # integrity-check, row count, and a made-up id
        (damage_ids, ["ids"]),
        (damage_versions, ["foreign_keys", "versions"]),
        (damage_migrations, ["migrations"]),
        (damage_error_run, ["foreign_keys"]),
    ],
)
def test_damage_is_found(
    db_path: Path,
    make_article: MakeArticle,
    damage: Callable[[sqlite3.Connection], None],
    expected: list[str],
) -> None:
    with Store(db_path) as store:
        store.add_article(make_article("Iran denied supplying drones to Russia."))
        assert store.check() == []
        damage(store.conn)
        assert problems(store.check()) == expected


def test_fast_check_skips_ids(store: Store, make_article: MakeArticle) -> None:
    store.add_article(make_article("Iran denied supplying drones to Russia."))
    damage_ids(store.conn)
    assert problems(store.check(verify_ids=False)) == []
    assert problems(store.check(verify_ids=True)) == ["ids"]


def test_interrupted_run_is_a_note_not_a_problem(store: Store) -> None:
    store.start_run(["big.jsonl"], {})
    [finding] = store.check()
    assert (finding.check, finding.problem) == ("runs", False)
    assert "did not finish" in finding.message


def test_foreign_sqlite_file_is_not_a_claimgraph_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with Store(path, migrate=False) as store:
        [finding] = store.check()
    assert finding.check == "schema"
    assert finding.problem
    assert "not a claimgraph database" in finding.message
    assert "_migrations" in finding.message


def make_malformed(path: Path, make_article: MakeArticle) -> None:
    """A claimgraph file whose articles table has a garbage root page."""
    with Store(path) as store:
        for n in range(200):
            store.add_article(
                make_article(f"Report {n}: " + "officials said talks continue. " * 20)
            )
        root = store.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()[0]
        page_size = store.conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x0d" + b"\xff" * (page_size - 1))


def test_malformed_file_is_reported_not_raised(db_path: Path, make_article: MakeArticle) -> None:
    make_malformed(db_path, make_article)
    with Store(db_path, migrate=False) as store:
        findings = store.check()
    assert "integrity" in problems(findings)
    assert any("malformed" in f.message for f in findings)
