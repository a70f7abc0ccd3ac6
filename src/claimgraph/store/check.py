"""``claimgraph db check``: is the file whole and consistent?

Each check returns problems as values; an empty list means clean. Interrupted ingest runs
are reported as notes, not problems: every article they stored is whole by construction.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from claimgraph.model import article_id
from claimgraph.store import schema


class Finding(NamedTuple):
    check: str
    problem: bool  # False: a note for information
    message: str


def check_database(conn: sqlite3.Connection, *, verify_ids: bool = True) -> list[Finding]:
    findings: list[Finding] = []
    for (result,) in conn.execute("PRAGMA integrity_check").fetchall():
        if result != "ok":
            findings.append(Finding("integrity", True, result))
    for row in conn.execute("PRAGMA foreign_key_check").fetchall():
        findings.append(Finding("foreign_keys", True, f"{row[0]} row {row[1]} points to missing {row[2]}"))
    known = [m.name for m in schema.available()]
    done = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    if done != known:
        findings.append(Finding("migrations", True, f"applied {done}, expected {known}"))
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:  # the FTS5 integrity-check reports by raising
        findings.append(Finding("fts", True, f"full-text index out of step with articles: {exc}"))
    indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if indexed != stored:
        findings.append(Finding("fts", True, f"{indexed} rows indexed for {stored} articles"))
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE a.supersedes IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.supersedes)"
    ).fetchone()[0]
    if orphans:
        findings.append(Finding("versions", True, f"{orphans} articles supersede a missing article"))
    if verify_ids:
        bad = [row[0] for row in conn.execute("SELECT id, text FROM articles") if article_id(row[1]) != row[0]]
        if bad:
            findings.append(Finding("ids", True, f"{len(bad)} articles whose id is not the hash of their text, e.g. {bad[0]}"))
    interrupted = conn.execute("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL").fetchone()[0]
    if interrupted:
        findings.append(Finding("runs", False, f"{interrupted} ingest run(s) did not finish; their stored articles are whole, re-run to add the rest"))
    return findings
