"""The one place that writes articles and ingest bookkeeping.

Every article is written in its own transaction (:func:`transaction`; the full-text index
follows in batches, see :func:`index_pending`), so an interrupted ingest leaves whole
articles or none (nothing half-written), and a re-run resumes cleanly: content-hash
de-duplication makes it skip what is already stored.

On its own an article's transaction is a ``BEGIN IMMEDIATE`` ... ``COMMIT``. Ingest opens a
:class:`CommitGroup`: each article's transaction is then a savepoint (SQLite's nested
transaction), rolled back alone on error, and the group commits the finished articles
together every ``GROUP_MAX_UNITS`` articles or ``GROUP_MAX_S`` seconds. A crash can then
lose the last group's whole articles (the next run adds them again), never part of one.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from claimgraph.errors import StoreError
from claimgraph.model import Article, Rejection
from claimgraph.store.claims import link_claims
from claimgraph.store.extraction import write_extraction
from claimgraph.store.mentions import link_article


class AddStatus(StrEnum):
    ADDED = "added"  # new text, new URL (or none)
    VERSION = "version"  # new text at a URL already stored: linked to the earlier version
    DUPLICATE = "duplicate"  # this exact text (by content hash) is already stored: nothing written


class AddResult(NamedTuple):
    status: AddStatus
    id: str
    supersedes: str | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of writing, rolled back on any error (then re-raised): ``BEGIN
    IMMEDIATE`` ... ``COMMIT``, or, inside an open transaction (a :class:`CommitGroup`), a
    savepoint released into it."""
    with _savepoint(conn) if conn.in_transaction else _immediate(conn):
        yield conn


@contextmanager
def _immediate(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back (e.g. on SQLITE_FULL); a second ROLLBACK would
        # raise "no transaction is active" and hide the real error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT unit")
    try:
        yield
        conn.execute("RELEASE unit")
    except BaseException:
        if conn.in_transaction:  # (not when SQLite has rolled the whole transaction back)
            conn.execute("ROLLBACK TO unit")
            conn.execute("RELEASE unit")
        raise


# A commit group commits after this many units (articles) or this many seconds, whichever
# comes first. Committing each article alone wrote every touched index page to the WAL once
# per article; in groups of 200 the store's CPU time on 20,000 articles fell by a tenth
# (docs/performance.md). The time bound keeps other readers (the web UI) at most about a
# second behind a slow ingest, and the write lock is never held while nothing is written.
GROUP_MAX_UNITS = 200
GROUP_MAX_S = 1.0


class CommitGroup:
    """Commits many atomic units together (see the module docstring).

    Use as a context manager; call :meth:`unit` around each unit of writing, and
    :meth:`commit` before waiting on anything slow (e.g. the next extraction batch). On
    leaving, the finished units are committed, also when an error ends the batch: each of
    them is whole, and an unfinished one has already been rolled back to its savepoint.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        max_units: int = GROUP_MAX_UNITS,
        max_seconds: float = GROUP_MAX_S,
    ) -> None:
        self.conn = conn
        self.max_units = max_units
        self.max_seconds = max_seconds
        self.units = 0
        self.due = 0.0

    def __enter__(self) -> CommitGroup:
        if self.conn.in_transaction:
            raise StoreError("a commit group cannot start inside an open transaction")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.commit()

    @contextmanager
    def unit(self) -> Iterator[None]:
        """One unit of writing in the group; the group commits after it when full or due.
        The writes inside are atomic on their own (each :func:`transaction` is a savepoint
        here), so a unit needs no savepoint of its own."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.units = 0
            self.due = time.monotonic() + self.max_seconds
        yield
        self.units += 1
        if self.units >= self.max_units or time.monotonic() >= self.due:
            self.commit()

    def commit(self) -> None:
        """Commit the units written so far (nothing to do when none are open)."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")


_INSERT_ARTICLE = """
INSERT INTO articles (id, source_path, source_record, source_id, body_offset, url, outlet,
    published, title, byline, dateline_place, dateline_credits, dateline_date, language,
    encoding, text, version, supersedes, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


_EXISTS = "SELECT extracted_at FROM articles WHERE id = ?"
_last_stamp: list[tuple[int, str]] = [(0, "")]


def _now_cached() -> str:
    """``now()`` at one-second resolution, formatted once per second (ingest is hot)."""
    second = int(time.time())
    if _last_stamp[0][0] != second:
        _last_stamp[0] = (second, now())
    return _last_stamp[0][1]


def add_article(
    conn: sqlite3.Connection, article: Article, document: Mapping[str, Any] | None = None
) -> AddResult:
    """Store one article, and its extraction when given, in one transaction (see the module
    docstring). An article already stored gets the extraction only if it has none yet."""
    article_id = article.id
    with transaction(conn):
        row = conn.execute(_EXISTS, (article_id,)).fetchone()
        if row is not None:
            if document is not None and row[0] is None:
                write_extraction(conn, article_id, document, extracted_at=_now_cached())
                link_article(conn, article_id)
                link_claims(conn, article_id, document.get("claims") or [])
            return AddResult(AddStatus.DUPLICATE, article_id)
        previous = None
        version = 1
        if article.url:
            row = conn.execute(
                "SELECT id, version FROM articles WHERE url = ? ORDER BY version DESC LIMIT 1",
                (article.url,),
            ).fetchone()
            if row is not None:
                previous, version = row[0], row[1] + 1
        dateline = article.dateline
        conn.execute(
            _INSERT_ARTICLE,
            (
                article_id,
                article.source_path,
                article.source_record,
                article.source_id,
                article.body_offset,
                article.url,
                article.outlet,
                article.published,
                article.title,
                article.byline,
                dateline.place if dateline else None,
                json.dumps(list(dateline.credits) if dateline else [], ensure_ascii=False),
                dateline.date if dateline else None,
                article.language,
                article.encoding,
                article.text,
                version,
                previous,
                _now_cached(),
            ),
        )
        if document is not None:
            write_extraction(conn, article_id, document, extracted_at=_now_cached())
            link_article(conn, article_id)  # its events join the canonical events they mention
            link_claims(conn, article_id, document.get("claims") or [])  # and claims their threads
    status = AddStatus.VERSION if previous else AddStatus.ADDED
    return AddResult(status, article_id, previous)


def start_run(
    conn: sqlite3.Connection, inputs: Sequence[str], options: Mapping[str, object]
) -> int:
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO ingest_runs(started_at, inputs, options) VALUES (?, ?, ?)",
            (
                now(),
                json.dumps(list(inputs), ensure_ascii=False),
                json.dumps(options, ensure_ascii=False, default=str),
            ),
        )
    if cursor.lastrowid is None:
        raise StoreError("could not record the ingest run")
    return cursor.lastrowid


def record_rejection(conn: sqlite3.Connection, run_id: int | None, rejection: Rejection) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO ingest_errors(run_id, path, record, code, level, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                rejection.path,
                rejection.record,
                rejection.code,
                rejection.level,
                rejection.reason,
                now(),
            ),
        )


def update_run(
    conn: sqlite3.Connection, run_id: int, counts: Mapping[str, int], *, finished: bool
) -> None:
    columns = ("read", "added", "versions", "duplicates", "skipped", "errors")
    values = [int(counts.get(c, 0)) for c in columns]
    with transaction(conn):
        conn.execute(
            f"UPDATE ingest_runs SET {', '.join(f'{c} = ?' for c in columns)}, finished_at = ? WHERE id = ?",
            (*values, now() if finished else None, run_id),
        )


# When ingest indexes what it has stored (whichever comes first): after FTS_BATCH articles,
# so FTS5 writes few, large segments (500 a batch cost 0.3-0.5 s more per 20,000 articles
# than 2,000), or FTS_MAX_LAG_S after the first unindexed one, so that during a slow
# ingest with extraction a search lags by seconds, not minutes.
FTS_BATCH = 2000
FTS_MAX_LAG_S = 10.0


def index_pending(conn: sqlite3.Connection) -> int:
    """Add every article above the index watermark to the full-text index, in one
    transaction with the watermark, so the index never holds half a batch."""
    with transaction(conn):
        until = conn.execute("SELECT indexed_until FROM _fts_state WHERE id = 1").fetchone()[0]
        top = conn.execute("SELECT max(pk) FROM articles").fetchone()[0]
        if top is None or top <= until:
            return 0
        cursor = conn.execute(
            "INSERT INTO articles_fts(rowid, title, text) SELECT pk, title, text FROM articles WHERE pk > ? AND pk <= ?",
            (until, top),
        )
        conn.execute("UPDATE _fts_state SET indexed_until = ? WHERE id = 1", (top,))
    return cursor.rowcount


def is_extracted(conn: sqlite3.Connection, article_id: str) -> bool:
    row = conn.execute(_EXISTS, (article_id,)).fetchone()
    return row is not None and row[0] is not None
