"""The file itself: WAL, ordered recorded migrations, FTS triggers, and other readers of it."""

from __future__ import annotations

import asyncio
import re
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import MigrationError, StoreError
from claimgraph.model import Article
from claimgraph.store import Store, schema
from claimgraph.store.schema import Migration

SQLITE3_BINARY = shutil.which("sqlite3")
MakeArticle = Callable[..., Article]


def test_new_database_is_wal_and_fully_migrated(store: Store) -> None:
    names = [m.name for m in schema.available()]
    rows = store.conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()
    assert [r["name"] for r in rows] == names
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", r["applied_at"]) for r in rows
    )
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(names)
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_are_numbered_in_order() -> None:
    names = [m.name for m in schema.available()]
    assert names, "no migrations packaged"
    numbers = [int(re.fullmatch(r"m(\d{3})_[a-z0-9_]+", n)[1]) for n in names]  # type: ignore[index]
    assert numbers == list(range(1, len(names) + 1))


def test_reopening_applies_nothing(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path) as store:
        assert schema.migrate(store.conn) == []
        assert store.conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(
            schema.available()
        )


def test_pending_migrations_are_applied_in_order(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = schema.available()
    monkeypatch.setattr(schema, "available", lambda: everything[:1])
    with Store(db_path) as old:
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    monkeypatch.setattr(schema, "available", lambda: everything)
    with Store(db_path, migrate=False) as store:
        assert schema.migrate(store.conn) == [m.name for m in everything[1:]]
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(everything)


def test_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(MigrationError, match=r"m999_from_the_future.*newer version"):
            Store(db_path, readonly=readonly)


def test_failed_migration_is_rolled_back_and_not_recorded(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Migration("m900_broken", "CREATE TABLE half_done (x);\nSELECT * FROM no_such_table;\n")
    everything = schema.available()
    monkeypatch.setattr(schema, "available", lambda: [*everything, broken])
    with pytest.raises(MigrationError, match="m900_broken.*no_such_table"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    conn.close()
    assert "half_done" not in tables
    assert applied == [m.name for m in everything]  # the good ones stay, each committed alone


@pytest.mark.parametrize("attempt", range(3))  # a race: a few tries make a regression show
def test_new_file_opened_by_several_writers_at_once(db_path: Path, attempt: int) -> None:
    """Who migrates is decided under the write lock: nobody applies m001 twice."""
    start = threading.Barrier(4)
    errors: list[StoreError] = []

    def open_store() -> None:
        start.wait()
        try:
            Store(db_path).close()
        except StoreError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(db_path, readonly=True) as store:
        rows = store.conn.execute("SELECT name FROM _migrations").fetchall()
    assert [r[0] for r in rows] == [m.name for m in schema.available()]


def test_statements_keep_trigger_bodies_whole() -> None:
    m001 = schema.available()[0]
    statements = schema._statements(m001.sql)
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 2  # FTS delete and update; inserts are indexed in batches
    assert all(s.endswith("END;") for s in triggers)
    assert all(sqlite3.complete_statement(s) for s in statements)


def _fts_ids(store: Store, query: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY a.id",
        (query,),
    )
    return [r[0] for r in rows]


@pytest.mark.parametrize(
    ("column", "old", "new"),
    [("title", "Drones", "Missiles"), ("text", "airfield", "harbour")],
)
def test_fts_index_follows_insert_update_and_delete(
    store: Store, make_article: MakeArticle, column: str, old: str, new: str
) -> None:
    article = make_article("Strikes hit an airfield near the border.", title="Drones over Kyiv")
    added = store.add_article(article)
    assert _fts_ids(store, old.lower()) == [added.id]

    current = store.conn.execute(f"SELECT {column} FROM articles").fetchone()[0]
    store.conn.execute(f"UPDATE articles SET {column} = ?", (current.replace(old, new),))
    assert _fts_ids(store, old.lower()) == []
    assert _fts_ids(store, new.lower()) == [added.id]

    store.conn.execute("DELETE FROM articles")
    assert _fts_ids(store, new.lower()) == []
    assert store.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 0


def test_database_is_one_file_after_close(db_path: Path, make_article: MakeArticle) -> None:
    with Store(db_path) as store:
        store.add_article(make_article())
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_readonly_open_of_missing_file_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no such database"):
        Store(missing, readonly=True)
    assert not missing.exists()


def test_writable_open_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "test.db")


@pytest.mark.parametrize("readonly", [False, True])
def test_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="not a database"):
        Store(path, readonly=readonly)
    assert path.read_text().startswith("these are my notes")


def test_foreign_sqlite_file_is_refused_read_only(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a claimgraph database"):
        Store(path, readonly=True)
    with pytest.raises(MigrationError, match="m001_articles.*already exists"):
        Store(path)


def test_readonly_store_refuses_writes_with_a_store_error(
    db_path: Path, make_article: MakeArticle
) -> None:
    Store(db_path).close()
    with Store(db_path, readonly=True) as store, pytest.raises(StoreError, match="readonly"):
        store.add_article(make_article())


@pytest.fixture
def filled_db(db_path: Path, make_article: MakeArticle) -> Path:
    with Store(db_path) as store:
        store.add_article(make_article("Iran denied supplying drones to Russia.", title="Denial"))
        store.add_article(make_article("Kyiv reported new strikes overnight.", title="Strikes"))
    return db_path


@pytest.mark.skipif(
    SQLITE3_BINARY is None, reason="the sqlite3 command-line shell is not installed"
)
def test_plain_sqlite3_shell_reads_the_file(filled_db: Path) -> None:
    sql = (
        "PRAGMA user_version; SELECT count(*) FROM articles; "
        "SELECT title FROM articles_fts WHERE articles_fts MATCH 'drones';"
    )
    result = subprocess.run(
        [str(SQLITE3_BINARY), "-readonly", str(filled_db), sql],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert result.stdout.split("\n")[:3] == [str(len(schema.available())), "2", "Denial"]


def test_datasette_serves_the_articles_table(filled_db: Path) -> None:
    from datasette.app import Datasette

    async def fetch() -> Any:
        ds = Datasette([str(filled_db)])
        await ds.invoke_startup()
        response = await ds.client.get(f"/{filled_db.stem}/articles.json?_shape=objects")
        assert response.status_code == 200
        return response.json()

    data = asyncio.run(fetch())
    assert sorted(row["title"] for row in data["rows"]) == ["Denial", "Strikes"]
    assert {len(row["id"]) for row in data["rows"]} == {16}
