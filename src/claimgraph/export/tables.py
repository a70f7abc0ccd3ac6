"""``csv`` and ``parquet``: the store's tables, one file each, into a directory.

Rows stream from SQLite in batches of :data:`BATCH_ROWS`; CSV files get a header row,
Parquet files a schema taken from the table's declared column types. ``--since/--until``
keep the articles published in the range and the rows that belong to them.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from claimgraph.export.documents import published_filter
from claimgraph.export.output import MissingDependencyError, atomic, directory, inside, publish
from claimgraph.store import Store
from claimgraph.store.connection import sqlite_errors

TABLES = ("articles", "entities", "times", "attributions", "events", "event_participants")
BATCH_ROWS = 2_000  # rows per fetch (and per Parquet row group slice): bounded memory
PARQUET_HINT = "pip install 'claimgraph[parquet]'"

Progress = Callable[[int], None]


def _select(table: str, since: str | None, until: str | None) -> tuple[str, list[str]]:
    if table == "articles":
        where, params = published_filter(since, until)
        order = "pk"
    else:
        cond, params = published_filter(since, until)
        where = f"article_id IN (SELECT id FROM articles WHERE {cond})" if params else "1"
        order = "rowid"
    return (f'SELECT * FROM "{table}" WHERE {where} ORDER BY {order}', params)


def count(store: Store, *, since: str | None, until: str | None) -> int:
    total = 0
    with sqlite_errors(store.path):
        for table in TABLES:
            sql, params = _select(table, since, until)
            total += int(store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
    return total


def _batches(
    conn: sqlite3.Connection, table: str, since: str | None, until: str | None
) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
    sql, params = _select(table, since, until)
    cursor = conn.execute(sql, params)
    cursor.row_factory = None  # plain tuples: cheaper, and what csv and pyarrow take
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH_ROWS):
        yield names, batch


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(r[1], str(r[2]).upper()) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def write_csv(
    store: Store,
    output: str | Path,
    *,
    since: str | None,
    until: str | None,
    progress: Progress | None,
) -> int:
    folder = directory(output)
    written = 0
    with sqlite_errors(store.path):
        for table in TABLES:
            with atomic(inside(folder, f"{table}.csv")) as stream:
                writer = csv.writer(stream, lineterminator="\n")
                writer.writerow([name for name, _ in _columns(store.conn, table)])
                for _names, batch in _batches(store.conn, table, since, until):
                    writer.writerows(batch)
                    written += len(batch)
                    if progress is not None:
                        progress(len(batch))
    return written


def _arrow_type(declared: str) -> Any:
    import pyarrow as pa

    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    if "BLOB" in declared:
        return pa.binary()
    return pa.string()


def write_parquet(
    store: Store,
    output: str | Path,
    *,
    since: str | None,
    until: str | None,
    progress: Progress | None,
) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            f"the parquet export needs pyarrow, which is not installed: {PARQUET_HINT}"
        ) from None
    folder = directory(output)
    written = 0
    with sqlite_errors(store.path):
        for table in TABLES:
            columns = _columns(store.conn, table)
            schema = pa.schema([(name, _arrow_type(declared)) for name, declared in columns])
            target = inside(folder, f"{table}.parquet")
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
            os.close(fd)
            try:
                with pq.ParquetWriter(tmp, schema) as parquet:
                    for _names, batch in _batches(store.conn, table, since, until):
                        arrays = [
                            pa.array([row[i] for row in batch], type=field.type)
                            for i, field in enumerate(schema)
                        ]
                        parquet.write_batch(pa.record_batch(arrays, schema=schema))
                        written += len(batch)
                        if progress is not None:
                            progress(len(batch))
                publish(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    return written
