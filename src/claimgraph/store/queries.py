"""Read-only queries over the store: articles, one article, statistics."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import NotFoundError
from claimgraph.model import Article, Dateline

MIN_ID_PREFIX = 4  # shorter prefixes match too much to be useful
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored, with the store's own bookkeeping."""

    article: Article
    version: int
    supersedes: str | None
    superseded_by: str | None
    ingested_at: str
    extracted_at: str | None

    def to_dict(self) -> dict[str, Any]:
        data = self.article.to_dict()
        data.update(
            version=self.version,
            supersedes=self.supersedes,
            superseded_by=self.superseded_by,
            ingested_at=self.ingested_at,
            extracted_at=self.extracted_at,
        )
        return data


def article_from_row(row: sqlite3.Row) -> Article:
    credits = tuple(json.loads(row["dateline_credits"] or "[]"))
    # "is not None": an empty place or date is still a dateline the reader found
    place, date = row["dateline_place"], row["dateline_date"]
    has_dateline = place is not None or bool(credits) or date is not None
    return Article(
        text=row["text"],
        source_path=row["source_path"],
        body_offset=row["body_offset"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        title=row["title"],
        byline=row["byline"],
        dateline=Dateline(place, credits, date) if has_dateline else None,
        language=row["language"],
        encoding=row["encoding"],
        source_id=row["source_id"],
        source_record=row["source_record"],
    )


def get_article(conn: sqlite3.Connection, id_or_prefix: str) -> StoredArticle:
    """The article with this id, or the only one whose id starts with the prefix."""
    key = id_or_prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]+", key) or len(key) < MIN_ID_PREFIX:
        raise NotFoundError(
            f"{id_or_prefix!r} is not an article id (at least {MIN_ID_PREFIX} hex digits)"
        )
    rows = conn.execute(
        "SELECT * FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", (key, key + "g")
    ).fetchall()
    if not rows:
        raise NotFoundError(f"no article with id {id_or_prefix!r}")
    if len(rows) > 1 and rows[0]["id"] != key:
        raise NotFoundError(
            f"id prefix {id_or_prefix!r} matches several articles; give more digits"
        )
    row = rows[0]
    later = conn.execute("SELECT id FROM articles WHERE supersedes = ?", (row["id"],)).fetchone()
    return StoredArticle(
        article_from_row(row),
        version=row["version"],
        supersedes=row["supersedes"],
        superseded_by=later[0] if later else None,
        ingested_at=row["ingested_at"],
        extracted_at=row["extracted_at"],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFilter:
    outlet: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive (the whole day)
    query: str | None = None  # FTS5 query over title and text
    limit: int = 20
    offset: int = 0


FTS_OPERATORS = ("OR", "AND", "NOT")


def fts_query(query: str) -> str:
    """User text as a valid FTS5 query, never a syntax error.

    Words are ANDed; ``"quoted phrases"``, ``OR``/``AND``/``NOT`` between terms and a trailing
    ``*`` (prefix) keep their meaning; any other punctuation is dropped.
    """
    parts: list[str] = []
    for token in re.findall(r'"[^"]*"?|\S+', query):
        if token in FTS_OPERATORS:
            if parts and parts[-1] not in FTS_OPERATORS:
                parts.append(token)
            continue
        words = re.findall(r"\w+", token)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if token.endswith("*") and not token.startswith('"'):
            term += "*"
        parts.append(term)
    while parts and parts[-1] in FTS_OPERATORS:
        parts.pop()
    return " ".join(parts)


def list_articles(conn: sqlite3.Connection, flt: ArticleFilter) -> list[dict[str, Any]]:
    """Article summaries (no text), newest first, or best match first with a query."""
    limit = max(0, min(flt.limit, MAX_PAGE))
    where: list[str] = []
    params: list[Any] = []
    if flt.outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(flt.outlet)
    if flt.since:
        where.append("a.published >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("a.published < ?")
        params.append(flt.until + "\uffff")  # include every time on the last day
    columns = "a.id, a.published, a.outlet, a.title, a.url, a.source_path, length(a.text) AS chars, a.version"
    if flt.query:
        sql = (
            f"SELECT {columns}, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ?"
            + "".join(f" AND {w}" for w in where)
            + " ORDER BY rank LIMIT ? OFFSET ?"
        )
        match = fts_query(flt.query)
        if not match:
            return []
        rows = conn.execute(sql, [match, *params, limit, flt.offset]).fetchall()
    else:
        sql = (
            f"SELECT {columns} FROM articles a"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published IS NULL, a.published DESC, a.pk DESC LIMIT ? OFFSET ?"
        )
        rows = conn.execute(sql, [*params, limit, flt.offset]).fetchall()
    return [dict(row) for row in rows]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts: articles, outlets, date range, versions, ingest runs and errors."""
    one = conn.execute(
        "SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets, min(published) AS first, "
        "max(published) AS last, sum(version > 1) AS versions, sum(length(text)) AS chars, "
        "sum(extracted_at IS NOT NULL) AS extracted FROM articles"
    ).fetchone()
    by_outlet = conn.execute(
        "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles, min(published) AS first, "
        "max(published) AS last FROM articles GROUP BY outlet ORDER BY articles DESC, outlet"
    ).fetchall()
    runs = conn.execute(
        "SELECT count(*) AS runs, sum(finished_at IS NULL) AS interrupted FROM ingest_runs"
    ).fetchone()
    errors = conn.execute(
        "SELECT sum(level = 'error') AS errors, sum(level = 'skip') AS skipped FROM ingest_errors"
    ).fetchone()
    tables = {
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in ("entities", "times", "attributions", "events", "claims", "threads")
    }
    return {
        "articles": one["articles"],
        "outlets": one["outlets"],
        "first_published": one["first"],
        "last_published": one["last"],
        "later_versions": one["versions"] or 0,
        "characters": one["chars"] or 0,
        "extracted": one["extracted"] or 0,
        "by_outlet": [dict(r) for r in by_outlet],
        "ingest_runs": runs["runs"],
        "interrupted_runs": runs["interrupted"] or 0,
        "ingest_errors": errors["errors"] or 0,
        "ingest_skips": errors["skipped"] or 0,
        "tables": tables,
    }


def ingest_errors(
    conn: sqlite3.Connection, *, run_id: int | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    sql = "SELECT run_id, path, record, code, level, reason, at FROM ingest_errors"
    params: list[Any] = []
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params.append(run_id)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [dict(r) for r in conn.execute(sql, params).fetchall()]
