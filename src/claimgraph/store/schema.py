"""Ordered, recorded schema migrations.

Each migration is a SQL file ``mNNN_name.sql`` in ``store/migrations/``, applied once, in
name order, inside its own transaction, and recorded in ``_migrations``. ``PRAGMA
user_version`` mirrors the count so plain ``sqlite3`` users can see the schema level. A
database that records a migration this code does not know was made by a newer claimgraph
and is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources
from typing import NamedTuple

from claimgraph.errors import MigrationError

MIGRATIONS_PACKAGE = "claimgraph.store.migrations"


class Migration(NamedTuple):
    name: str
    sql: str


def available() -> list[Migration]:
    files = resources.files(MIGRATIONS_PACKAGE)
    found = [
        Migration(entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in files.iterdir()
        if entry.name.startswith("m") and entry.name.endswith(".sql")
    ]
    return sorted(found)


def applied(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        if conn.execute("PRAGMA query_only").fetchone()[0]:
            return []
        # IF NOT EXISTS: another process may create it between our look and this statement
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY name")]


def pending(conn: sqlite3.Connection) -> list[Migration]:
    done = applied(conn)
    known = {m.name for m in available()}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise MigrationError(
            f"database has migrations this claimgraph does not know ({', '.join(unknown)}); it was made by a newer version"
        )
    return [m for m in available() if m.name not in done]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied.

    What is pending is decided inside the write lock (``BEGIN IMMEDIATE``), so two processes
    opening a new file at once do not both apply the same migration.
    """
    names: list[str] = []
    if not pending(conn):  # the usual case: no need to take the write lock
        return names
    while True:
        step = "checking pending migrations"
        try:
            conn.execute("BEGIN IMMEDIATE")
            todo = pending(conn)
            if not todo:
                conn.execute("COMMIT")
                return names
            migration = todo[0]
            step = f"migration {migration.name}"
            # executescript would COMMIT first; run statement by statement inside our transaction
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations(name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {len(applied(conn))}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(conn)
            raise MigrationError(f"{step} failed: {exc}") from exc
        except MigrationError:
            _rollback(conn)
            raise
        names.append(migration.name)


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite may already have rolled back (e.g. a full disk); a second ROLLBACK would raise
    # and hide the real error.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (trigger bodies contain semicolons)."""
    statements: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
