"""Ingest: read inputs, store every article, record every rejection, count everything.

``ingest(paths, store, options)`` is the library function behind ``claimgraph ingest``. It
never stops on bad input: each rejection is stored in ``ingest_errors`` and counted, and
the batch goes on. Progress is reported through an optional callback so the CLI can draw
a bar without the library knowing about terminals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field

from claimgraph.model import Article, Rejection
from claimgraph.readers import ReadOptions, read
from claimgraph.store import AddStatus, Store
from claimgraph.store.writer import FTS_BATCH

# The run's counters are written to ingest_runs every this many items, so an interrupted
# run still shows roughly how far it got.
RUN_UPDATE_EVERY = 500
MAX_REPORTED_REJECTIONS = 10_000  # kept in memory for the summary; all are stored
COUNTER_FOR_STATUS = {
    AddStatus.ADDED: "added",
    AddStatus.VERSION: "versions",
    AddStatus.DUPLICATE: "duplicates",
}


@dataclass(slots=True)
class IngestReport:
    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.counts["errors"]

    def to_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "counts": {
                k: self.counts[k]
                for k in ("read", "added", "versions", "duplicates", "skipped", "errors")
            },
            "rejections": [asdict(r) for r in self.rejections],
        }


Progress = Callable[[Article | Rejection], None]


def ingest_items(
    items: Iterable[Article | Rejection],
    store: Store,
    *,
    run_id: int,
    progress: Progress | None = None,
) -> IngestReport:
    """Store a stream of read results (articles and rejections)."""
    report = IngestReport(run_id)
    counts = report.counts
    store.index_pending()  # what an interrupted earlier run left unindexed
    since_index = 0
    for n, item in enumerate(items, start=1):
        if isinstance(item, Rejection):
            store.record_rejection(run_id, item)
            counts["errors" if item.is_error else "skipped"] += 1
            if len(report.rejections) < MAX_REPORTED_REJECTIONS:
                report.rejections.append(item)
        else:
            counts["read"] += 1
            result = store.add_article(item, defer_index=True)
            counts[COUNTER_FOR_STATUS[result.status]] += 1
            since_index += result.status != AddStatus.DUPLICATE
            if since_index >= FTS_BATCH:
                store.index_pending()
                since_index = 0
        if progress is not None:
            progress(item)
        if n % RUN_UPDATE_EVERY == 0:
            store.update_run(run_id, counts, finished=False)
    store.index_pending()
    store.update_run(run_id, counts, finished=True)
    return report


def ingest(
    paths: Sequence[str],
    store: Store,
    options: ReadOptions | None = None,
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """Read ``paths`` (files, folders, globs, archives, ``-``) into ``store``."""
    options = options or ReadOptions()
    run_id = store.start_run(
        list(paths),
        {
            "format": options.format,
            "plain": options.plain,
            "map": dict(options.mapping),
            "set": dict(options.defaults),
        },
    )
    return ingest_items(read(list(paths), options), store, run_id=run_id, progress=progress)
