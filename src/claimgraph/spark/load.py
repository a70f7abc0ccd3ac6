"""``claimgraph load DIR --db FILE``: the Parquet output of ``spark-extract`` into SQLite.

No Spark here (pyarrow only): the ``documents`` table holds each article's whole
``claimgraph.document/1`` object, written in input order, and ``errors`` the rejections.
Both are merged back into one stream in input order and fed to the same loop as
``claimgraph ingest`` (:func:`claimgraph.ingest.ingest_items`), with the stored documents
standing in for the extractor, so the database gets exactly what ``ingest`` would have
written: the same article rows, extraction rows, de-duplication, versions, mention links and
``ingest_errors``.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.export.output import MissingDependencyError
from claimgraph.ingest import IngestReport, Progress, ingest_items
from claimgraph.model import Article, Dateline, Rejection
from claimgraph.store import Store

LOAD_BATCH = 64  # articles per group handed to the ingest loop (documents held meanwhile)
READ_ROWS = 256  # Parquet rows per read: bounded memory however large the output
PARQUET_HINT = "pip install 'claimgraph[parquet]'"

Document = dict[str, Any]


def article_from_contract(obj: Mapping[str, Any]) -> Article:
    """The :class:`Article` whose ``to_dict()`` is ``obj`` (the contract's ``article``)."""
    dateline = obj.get("dateline")
    return Article(
        text=obj["text"],
        source_path=obj.get("source_path"),
        body_offset=obj.get("body_offset") or 0,
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        published=obj.get("published"),
        title=obj.get("title"),
        byline=obj.get("byline"),
        dateline=(
            Dateline(
                place=dateline.get("place"),
                credits=tuple(dateline.get("credits") or ()),
                date=dateline.get("date"),
            )
            if dateline is not None
            else None
        ),
        language=obj.get("language"),
        encoding=obj.get("encoding"),
        source_id=obj.get("source_id"),
        source_record=obj.get("source_record"),
    )


def _parquet_rows(folder: Path, columns: list[str]) -> Iterator[dict[str, Any]]:
    """Rows of one Spark-written table, file by file in name order (Spark numbers the files
    of a sorted write in order)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            f"claimgraph load needs pyarrow, which is not installed: {PARQUET_HINT}"
        ) from None
    if not folder.is_dir():
        raise InputError(str(folder), "not a spark-extract output (table folder missing)")
    for part in sorted(folder.glob("*.parquet")):
        with pq.ParquetFile(part) as parquet:
            for batch in parquet.iter_batches(batch_size=READ_ROWS, columns=columns):
                yield from batch.to_pylist()


def _in_order(rows: Iterable[dict[str, Any]], folder: Path) -> Iterator[dict[str, Any]]:
    last = -1
    for row in rows:
        if row["input_order"] < last:
            raise InputError(
                str(folder), "rows are not in input order (not written by spark-extract?)"
            )
        last = row["input_order"]
        yield row


class _StoredDocuments:
    """The extractor interface ``ingest_items`` needs, answered from the Parquet documents."""

    batch_size = LOAD_BATCH

    def __init__(self) -> None:
        self.pending: dict[str, Document] = {}

    def extract_batches(
        self, groups: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[Document]]]:
        for group in groups:
            yield group, [self.pending.pop(article.id) for article in group]


def _items(
    output: Path, store: Store, documents: _StoredDocuments
) -> Iterator[Article | Rejection]:
    doc_rows = (
        (row["input_order"], 0, row)
        for row in _in_order(
            _parquet_rows(output / "documents", ["input_order", "document"]), output
        )
    )
    error_rows = (
        (row["input_order"], 1, row)
        for row in _in_order(
            _parquet_rows(
                output / "errors", ["file", "record", "message", "code", "level", "input_order"]
            ),
            output,
        )
    )
    for _order, kind, row in heapq.merge(doc_rows, error_rows, key=lambda t: (t[0], t[1])):
        if kind == 1:
            yield Rejection(
                row["file"],
                row["message"],
                record=row["record"],
                code=row["code"],
                level=row["level"],
            )
            continue
        document: Document = json.loads(row["document"])
        article = article_from_contract(document["article"])
        if article.id != document["article"]["id"]:
            raise InputError(
                str(output / "documents"),
                f"article {document['article']['id']}: text does not match its id",
            )
        if not store.is_extracted(article.id):  # else ingest stores nothing for it
            documents.pending[article.id] = document
        yield article


def load(output: str | Path, store: Store, *, progress: Progress | None = None) -> IngestReport:
    """Load a ``spark-extract`` output folder into ``store`` (see the module docstring)."""
    folder = Path(output)
    if not (folder / "documents").is_dir():
        raise InputError(str(folder), "not a spark-extract output (no documents table)")
    run_id = store.start_run([str(folder)], {"load": True, "extract": True})
    documents = _StoredDocuments()
    return ingest_items(
        _items(folder, store, documents),
        store,
        run_id=run_id,
        progress=progress,
        extractor=documents,
    )
