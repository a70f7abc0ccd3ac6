"""The embedded SQLite store: one file, WAL, ordered migrations, one writer.

``Store`` is the library's handle on a database file. Writes go through
:mod:`claimgraph.store.writer` (one transaction per article, see there for commit groups); reads through
:mod:`claimgraph.store.queries`. The schema is documented in ``docs/schema.md``.

``Store`` is the boundary: every method raises :class:`~claimgraph.errors.StoreError`
(or a subclass), never a raw ``sqlite3.Error``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from claimgraph.model import Article, Rejection
from claimgraph.store import claims, mentions, queries, writer
from claimgraph.store.check import Finding, check_database
from claimgraph.store.connection import connect, sqlite_errors
from claimgraph.store.extraction import load_events, load_extraction
from claimgraph.store.queries import ArticleFilter, StoredArticle
from claimgraph.store.writer import AddResult, AddStatus

__all__ = ["AddResult", "AddStatus", "ArticleFilter", "Finding", "Store", "StoredArticle"]


class Store:
    """A claimgraph database. Open it writable (creating and migrating it) or read-only."""

    def __init__(self, path: str | Path, *, readonly: bool = False, migrate: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.conn: sqlite3.Connection = connect(self.path, readonly=readonly, migrate=migrate)

    def close(self) -> None:
        with sqlite_errors(self.path):
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # writes
    def add_article(
        self,
        article: Article,
        *,
        document: Mapping[str, Any] | None = None,
        defer_index: bool = False,
    ) -> AddResult:
        """Store one article, with its extraction ``document`` when given, in one transaction.
        Its full-text entry follows at once, unless ``defer_index``: bulk loaders then call
        :meth:`index_pending` per batch."""
        with sqlite_errors(self.path):
            result = writer.add_article(self.conn, article, document)
            if not defer_index and result.status != AddStatus.DUPLICATE:
                writer.index_pending(self.conn)
            return result

    def is_extracted(self, article_id: str) -> bool:
        with sqlite_errors(self.path):
            return writer.is_extracted(self.conn, article_id)

    def extraction(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """What extraction stored for an article (entities, times, attributions)."""
        with sqlite_errors(self.path):
            return load_extraction(self.conn, article_id)

    def events(self, article_id: str) -> list[dict[str, Any]]:
        """The events stored for an article, in the contract's shape."""
        with sqlite_errors(self.path):
            return load_events(self.conn, article_id)

    def link_mentions(self, article_id: str | None = None) -> int:
        """Link the events of one article (or of every article with unlinked events) to the
        canonical events they mention (``docs/exports.md``, Mentions), one transaction per
        article; returns how many events joined an earlier canonical event."""
        with sqlite_errors(self.path):
            ids = [article_id] if article_id is not None else mentions.unlinked_articles(self.conn)
            joined = 0
            for one in ids:
                with writer.transaction(self.conn):
                    joined += mentions.link_article(self.conn, one)
            return joined

    @contextmanager
    def commit_group(self) -> Iterator[writer.CommitGroup]:
        """Commit many articles together, each still atomic (``store.writer.CommitGroup``):
        ``with store.commit_group() as group: with group.unit(): store.add_article(...)``."""
        with sqlite_errors(self.path), writer.CommitGroup(self.conn) as group:
            yield group

    def index_pending(self) -> int:
        """Bring the full-text index up to date; returns the number of articles indexed."""
        with sqlite_errors(self.path):
            return writer.index_pending(self.conn)

    def start_run(self, inputs: Sequence[str], options: Mapping[str, object]) -> int:
        with sqlite_errors(self.path):
            return writer.start_run(self.conn, inputs, options)

    def record_rejection(self, run_id: int | None, rejection: Rejection) -> None:
        with sqlite_errors(self.path):
            writer.record_rejection(self.conn, run_id, rejection)

    def update_run(self, run_id: int, counts: Mapping[str, int], *, finished: bool) -> None:
        with sqlite_errors(self.path):
            writer.update_run(self.conn, run_id, counts, finished=finished)

    # reads
    def get_article(self, id_or_prefix: str) -> StoredArticle:
        with sqlite_errors(self.path):
            return queries.get_article(self.conn, id_or_prefix)

    def articles(self, flt: ArticleFilter | None = None) -> list[dict[str, Any]]:
        with sqlite_errors(self.path):
            return queries.list_articles(self.conn, flt or ArticleFilter())

    def stats(self) -> dict[str, Any]:
        with sqlite_errors(self.path):
            return queries.stats(self.conn)

    def event_counts(self) -> dict[str, Any]:
        """``events``: canonical events (each counted once however many articles report it);
        ``mentions``: event rows."""
        with sqlite_errors(self.path):
            return mentions.event_counts(self.conn)

    def article_claims(self, article_id: str) -> list[dict[str, Any]]:
        """The claims stored for an article, with holders and thread ids."""
        with sqlite_errors(self.path):
            return claims.article_claims(self.conn, article_id)

    def claims(
        self,
        *,
        actor: str | None = None,
        about: str | None = None,
        since: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Claims, newest first: ``actor`` as subject, object or holder; ``about`` words in
        the claim; ``since`` an ISO publication date."""
        with sqlite_errors(self.path):
            return claims.find_claims(
                self.conn, actor=actor, about=about, since=since, limit=limit, offset=offset
            )

    def threads(
        self,
        *,
        actor: str | None = None,
        about: str | None = None,
        min_articles: int = 1,
        limit: int = 100,
        offset: int = 0,
        full: bool = True,
    ) -> list[dict[str, Any]]:
        """Threads, most reported first: ``claimgraph.thread/1`` objects, or summaries with
        counts instead of article lists when not ``full`` (fast on large threads)."""
        with sqlite_errors(self.path):
            return claims.list_threads(
                self.conn,
                actor=actor,
                about=about,
                min_articles=min_articles,
                limit=limit,
                offset=offset,
                full=full,
            )

    def thread(self, thread_id: str) -> dict[str, Any]:
        """One ``claimgraph.thread/1`` object; :class:`NotFoundError` for an unknown id."""
        with sqlite_errors(self.path):
            return claims.thread(self.conn, thread_id)

    def actor_profile(self, code: str, *, limit: int = 50) -> dict[str, Any]:
        """What an actor asserts, denies, doubts and requests, what it is accused of, and its
        event counts; :class:`NotFoundError` when nothing involves it."""
        with sqlite_errors(self.path):
            return claims.actor_profile(self.conn, code, limit=limit)

    def ingest_errors(self, *, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        with sqlite_errors(self.path):
            return queries.ingest_errors(self.conn, run_id=run_id, limit=limit)

    def check(self, *, verify_ids: bool = True) -> list[Finding]:
        with sqlite_errors(self.path):
            return check_database(self.conn, verify_ids=verify_ids)
