"""``claimgraph db check``: is the file whole and consistent?

Each check returns problems as values; an empty list means clean. Interrupted ingest runs
are reported as notes, not problems: every article they stored is whole by construction.
A check that SQLite cannot even run (a damaged page, a missing table) is itself a problem,
reported under that check's name, and the other checks still run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import NamedTuple

from claimgraph.model import article_id
from claimgraph.store import schema

# Without these the file is not a claimgraph database and the other checks mean nothing.
REQUIRED_TABLES = ("_migrations", "articles", "articles_fts", "ingest_runs", "ingest_errors")


class Finding(NamedTuple):
    check: str
    problem: bool  # False: a note for information
    message: str


def _problem(check: str, message: str) -> Finding:
    return Finding(check, problem=True, message=message)


def _note(check: str, message: str) -> Finding:
    return Finding(check, problem=False, message=message)


def check_integrity(conn: sqlite3.Connection) -> list[Finding]:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return [_problem("integrity", result) for (result,) in rows if result != "ok"]


def check_foreign_keys(conn: sqlite3.Connection) -> list[Finding]:
    return [
        _problem("foreign_keys", f"{row[0]} row {row[1]} points to missing {row[2]}")
        for row in conn.execute("PRAGMA foreign_key_check").fetchall()
    ]


def check_migrations(conn: sqlite3.Connection) -> list[Finding]:
    known = [m.name for m in schema.available()]
    done = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    if done != known:
        return [_problem("migrations", f"applied {done}, expected {known}")]
    return []


def check_fts(conn: sqlite3.Connection) -> list[Finding]:
    """The full-text index holds exactly the articles up to its watermark.

    Articles above the watermark are not yet indexed (an ingest was interrupted between two
    index batches): a note, not a problem; the next writable open indexes them.
    """
    findings = []
    indexed_until = conn.execute("SELECT indexed_until FROM _fts_state WHERE id = 1").fetchone()[0]
    pending = conn.execute(
        "SELECT count(*) FROM articles WHERE pk > ?", (indexed_until,)
    ).fetchone()[0]
    # With rank = 1 FTS5 also compares the index with the content table, which only holds
    # when nothing is pending; otherwise only the index's own structure is checked.
    command = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', ?)"
    try:
        conn.execute(command, (1 if pending == 0 else 0,))
    except sqlite3.DatabaseError as exc:  # the FTS5 integrity-check reports by raising
        findings.append(_problem("fts", f"full-text index out of step with articles: {exc}"))
    indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    expected = conn.execute(
        "SELECT count(*) FROM articles WHERE pk <= ?", (indexed_until,)
    ).fetchone()[0]
    if indexed != expected:
        findings.append(
            _problem(
                "fts", f"{indexed} rows indexed for {expected} articles up to the index watermark"
            )
        )
    if pending:
        findings.append(
            _note(
                "fts",
                f"{pending} article(s) not yet in the full-text index; the next ingest indexes them",
            )
        )
    return findings


def check_versions(conn: sqlite3.Connection) -> list[Finding]:
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE a.supersedes IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.supersedes)"
    ).fetchone()[0]
    return (
        [_problem("versions", f"{orphans} articles supersede a missing article")] if orphans else []
    )


def check_ids(conn: sqlite3.Connection) -> list[Finding]:
    rows = conn.execute("SELECT id, text FROM articles")
    bad = [row[0] for row in rows if article_id(row[1]) != row[0]]
    if bad:
        message = f"{len(bad)} articles whose id is not the hash of their text, e.g. {bad[0]}"
        return [_problem("ids", message)]
    return []


def check_runs(conn: sqlite3.Connection) -> list[Finding]:
    sql = "SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL"
    interrupted = conn.execute(sql).fetchone()[0]
    if interrupted:
        message = (
            f"{interrupted} ingest run(s) did not finish; their stored articles are whole, "
            "re-run to add the rest"
        )
        return [_note("runs", message)]
    return []


Check = Callable[[sqlite3.Connection], list[Finding]]

# In this order; the first needs nothing of the schema, the rest need the claimgraph tables.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("foreign_keys", check_foreign_keys),
    ("migrations", check_migrations),
    ("fts", check_fts),
    ("versions", check_versions),
    ("ids", check_ids),
    ("runs", check_runs),
)


def check_database(conn: sqlite3.Connection, *, verify_ids: bool = True) -> list[Finding]:
    """Every finding; ``verify_ids=False`` skips re-hashing each article's text (slow)."""
    findings = _run("integrity", check_integrity, conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        message = f"not a claimgraph database: no table {', '.join(missing)}"
        return [*findings, _problem("schema", message)]
    for name, check in CHECKS:
        if name != "ids" or verify_ids:
            findings.extend(_run(name, check, conn))
    return findings


def _run(name: str, check: Check, conn: sqlite3.Connection) -> list[Finding]:
    try:
        return check(conn)
    except sqlite3.DatabaseError as exc:  # e.g. "database disk image is malformed"
        return [_problem(name, f"cannot run this check: {exc}")]
