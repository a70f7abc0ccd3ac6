"""Ingest: read inputs, store every article, record every rejection, count everything.

``ingest(paths, store, options)`` is the library function behind ``claimgraph ingest``. It
never stops on bad input: each rejection is stored in ``ingest_errors`` and counted, and
the batch goes on. Progress is reported through an optional callback so the CLI can draw
a bar without the library knowing about terminals.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from claimgraph.model import Article, Rejection
from claimgraph.readers import ReadOptions, read
from claimgraph.store import AddStatus, Store
from claimgraph.store.writer import FTS_BATCH, FTS_MAX_LAG_S, CommitGroup

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
# Anything with extract_many(articles) -> documents, such as claimgraph.extractor.Extractor.
Documents = Iterable[Mapping[str, Any]]


class BatchExtractor(Protocol):
    """What ingest needs of an extractor (:class:`~claimgraph.extractor.Extractor` or
    :class:`~claimgraph.parallel.ExtractorPool`): batches in, documents out, in order."""

    batch_size: int

    def extract_batches(
        self, groups: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], Sequence[Mapping[str, Any]]]]: ...


EXTRACT_BATCH = 32  # articles per nlp.pipe batch during ingest


class _Ingest:
    """The loop behind :func:`ingest_items`, with its counters."""

    def __init__(
        self, store: Store, run_id: int, progress: Progress | None, group: CommitGroup
    ) -> None:
        self.store = store
        self.group = group
        self.run_id = run_id
        self.progress = progress
        self.report = IngestReport(run_id)
        self.since_index = 0  # articles stored since the last full-text batch
        self.index_due = 0.0  # monotonic time by which they must be indexed

    def rejection(self, item: Rejection) -> None:
        with self.group.unit():
            self.store.record_rejection(self.run_id, item)
        self.report.counts["errors" if item.is_error else "skipped"] += 1
        if len(self.report.rejections) < MAX_REPORTED_REJECTIONS:
            self.report.rejections.append(item)
        if self.progress is not None:
            self.progress(item)

    def stored(self, item: Article, document: Mapping[str, Any] | None) -> None:
        counts = self.report.counts
        counts["read"] += 1
        with self.group.unit():
            result = self.store.add_article(item, document=document, defer_index=True)
        counts[COUNTER_FOR_STATUS[result.status]] += 1
        if result.status != AddStatus.DUPLICATE:
            if not self.since_index:
                self.index_due = time.monotonic() + FTS_MAX_LAG_S
            self.since_index += 1
        if self.since_index and (
            self.since_index >= FTS_BATCH or time.monotonic() >= self.index_due
        ):
            # In its own transaction, after the articles it indexes are committed, rather
            # than as a savepoint in the group (whose journal would first copy every index
            # page the batch rewrites; no difference was measurable at 20,000 articles).
            self.group.commit()
            self.store.index_pending()
            self.since_index = 0
        if self.progress is not None:
            self.progress(item)

    def to_extract(
        self,
        items: Iterable[Article | Rejection],
        *,
        extracting: bool,
        batch_size: int = EXTRACT_BATCH,
    ) -> Iterator[list[Article]]:
        """Record rejections and store what needs no NLP as it goes; yield batches of the
        articles that need extraction (all of it runs in the caller's thread)."""
        pending: list[Article] = []
        for n, item in enumerate(items, start=1):
            if isinstance(item, Rejection):
                self.rejection(item)
            elif not extracting or self.store.is_extracted(item.id):
                self.stored(item, None)  # no NLP asked for, or stored and extracted already
            else:
                pending.append(item)
                if len(pending) >= batch_size:
                    self.group.commit()  # the consumer may wait on extraction now
                    yield pending
                    pending = []
            if n % RUN_UPDATE_EVERY == 0:
                with self.group.unit():
                    self.store.update_run(self.run_id, self.report.counts, finished=False)
        if pending:
            self.group.commit()
            yield pending


def ingest_items(
    items: Iterable[Article | Rejection],
    store: Store,
    *,
    run_id: int,
    progress: Progress | None = None,
    extractor: BatchExtractor | None = None,
) -> IngestReport:
    """Store a stream of read results (articles and rejections); with an ``extractor``, each
    article is stored together with its extraction, in one transaction."""
    store.index_pending()  # what an interrupted earlier run left unindexed
    store.link_mentions()  # and events it left unlinked
    with store.commit_group() as commits:
        loop = _Ingest(store, run_id, progress, commits)
        batches = loop.to_extract(
            items,
            extracting=extractor is not None,
            batch_size=extractor.batch_size if extractor is not None else EXTRACT_BATCH,
        )
        if extractor is None:
            for _ in batches:  # nothing is yielded without an extractor
                pass
        else:
            for batch, documents in extractor.extract_batches(batches):
                for article, document in zip(batch, documents, strict=True):
                    loop.stored(article, document)
                commits.commit()  # stored with their extraction: visible before the next wait
    store.index_pending()
    store.update_run(run_id, loop.report.counts, finished=True)
    return loop.report


def ingest(
    paths: Sequence[str],
    store: Store,
    options: ReadOptions | None = None,
    *,
    progress: Progress | None = None,
    extractor: BatchExtractor | None = None,
) -> IngestReport:
    """Read ``paths`` (files, folders, globs, archives, ``-``) into ``store``, extracting
    each new article with ``extractor`` when one is given."""
    options = options or ReadOptions()
    run_id = store.start_run(
        list(paths),
        {
            "format": options.format,
            "plain": options.plain,
            "map": dict(options.mapping),
            "set": dict(options.defaults),
            "extract": extractor is not None,
        },
    )
    return ingest_items(
        read(list(paths), options), store, run_id=run_id, progress=progress, extractor=extractor
    )
