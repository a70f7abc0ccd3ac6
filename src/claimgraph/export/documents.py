"""``jsonl``: one ``claimgraph.document/1`` object per stored article, rebuilt from the store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from claimgraph.export.output import text_stream
from claimgraph.store import Store
from claimgraph.store.connection import sqlite_errors
from claimgraph.store.extraction import load_events, load_extraction
from claimgraph.store.queries import article_from_row

# claimgraph.document.SCHEMA, repeated so that exporting never imports spaCy (a test pins it)
SCHEMA = "claimgraph.document/1"


def published_filter(
    since: str | None, until: str | None, *, column: str = "published"
) -> tuple[str, list[str]]:
    """A SQL condition on a publication date column (``until`` includes the whole day)."""
    where, params = [], []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} < ?")
        params.append(until + "\uffff")
    return (" AND ".join(where) or "1", params)


def count(store: Store, *, since: str | None, until: str | None) -> int:
    where, params = published_filter(since, until)
    with sqlite_errors(store.path):
        return int(
            store.conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
        )


def iter_documents(
    store: Store, *, since: str | None = None, until: str | None = None
) -> Iterator[dict[str, Any]]:
    """Stored articles as contract documents, in storage order, one at a time."""
    where, params = published_filter(since, until)
    conn = store.conn
    with sqlite_errors(store.path):
        for row in conn.execute(f"SELECT * FROM articles WHERE {where} ORDER BY pk", params):
            extraction = load_extraction(conn, row["id"])
            yield {
                "schema": SCHEMA,
                "article": article_from_row(row).to_dict(),
                "entities": extraction["entities"],
                "times": extraction["times"],
                "attributions": extraction["attributions"],
                "events": load_events(conn, row["id"]),
                "claims": [],
            }


def write_jsonl(
    store: Store,
    output: str | Path,
    *,
    since: str | None,
    until: str | None,
    progress: Callable[[int], None] | None,
) -> int:
    written = 0
    with text_stream(output) as stream:
        for document in iter_documents(store, since=since, until=until):
            stream.write(json.dumps(document, ensure_ascii=False) + "\n")
            written += 1
            if progress is not None:
                progress(1)
    return written
