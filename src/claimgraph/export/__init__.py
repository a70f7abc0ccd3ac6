"""Exports of a claimgraph database: documents, PLOVER and CAMEO event data, tables.

``export(store, "plover", output="events.jsonl")`` is the library function behind
``claimgraph export``. Every format streams from the store (no whole table in memory).
Formats and their shapes are documented in ``docs/exports.md``.

====================  =====================================================================
 ``jsonl``             one ``claimgraph.document/1`` object per stored article
 ``plover``            PLOVER JSONL, one record per canonical event (with its mention count)
 ``cameo-tsv``         GDELT-like TSV with a header row, one row per canonical event
 ``csv``               one CSV file per table, into a directory
 ``parquet``           one Parquet file per table, into a directory (``claimgraph[parquet]``)
====================  =====================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.export.output import ExportPathError, MissingDependencyError
from claimgraph.store import Store

__all__ = [
    "DIRECTORY_FORMATS",
    "FORMATS",
    "ExportPathError",
    "MissingDependencyError",
    "export",
    "export_total",
]

STREAM_FORMATS = ("jsonl", "plover", "cameo-tsv")  # one stream: a file or stdout
DIRECTORY_FORMATS = ("csv", "parquet")  # one file per table, into a directory
FORMATS = STREAM_FORMATS + DIRECTORY_FORMATS

Progress = Callable[[int], None]


def export_total(store: Store, fmt: str, *, since: str | None, until: str | None) -> int:
    """How many items the export writes (articles, canonical events or table rows), for a
    progress bar."""
    from claimgraph.export import documents, events, tables

    if fmt == "jsonl":
        return documents.count(store, since=since, until=until)
    if fmt in ("plover", "cameo-tsv"):
        return events.count(store, since=since, until=until)
    return tables.count(store, since=since, until=until)


def export(
    store: Store,
    fmt: str,
    *,
    output: str | Path,
    since: str | None = None,
    until: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write ``store`` in format ``fmt`` to ``output`` (a file, ``-`` for stdout, or a
    directory for the table formats); returns the number of items written. ``since`` and
    ``until`` (ISO dates, inclusive) select by publication date (articles, tables) or by the
    canonical event's date (PLOVER, CAMEO)."""
    from claimgraph.export import documents, events, tables

    if fmt == "jsonl":
        return documents.write_jsonl(store, output, since=since, until=until, progress=progress)
    if fmt == "plover":
        return events.write_plover(store, output, since=since, until=until, progress=progress)
    if fmt == "cameo-tsv":
        return events.write_cameo(store, output, since=since, until=until, progress=progress)
    if fmt == "csv":
        return tables.write_csv(store, output, since=since, until=until, progress=progress)
    if fmt == "parquet":
        return tables.write_parquet(store, output, since=since, until=until, progress=progress)
    raise ClaimgraphError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
