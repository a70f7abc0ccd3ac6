"""Extraction on several processes: ``--workers N``.

Each worker process loads its own pipeline once (in the pool's initializer) and turns
batches of articles into documents; the parent keeps reading, de-duplicating and writing
(the store's one writer). Batches go out with ``apply_async`` and come back in input order.

Two bounds keep memory flat however long the input, without letting one long batch stall the
pool: at most ``IN_FLIGHT_PER_WORKER`` *unfinished* batches per worker (a finished one frees
its slot at once, through the task's callback), and at most ``BUFFERED_PER_WORKER`` batches
held for the parent in all (finished ones wait there for an earlier, slower batch to be
yielded first). Counting only the head of the queue, as before, left the other worker idle
whenever a long speech sat at the head.

Workers start with ``spawn``: forking a process that has loaded numpy and BLAS threads can
deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

from claimgraph.extractor import Document, Extractor, batches
from claimgraph.model import Article

IN_FLIGHT_PER_WORKER = 4
BUFFERED_PER_WORKER = 16
# Smaller batches than one process uses: articles vary from a paragraph to a speech, and many
# small batches keep both workers busy to the end instead of one waiting on a long batch.
POOL_BATCH = 8
# How long wait_ready waits for every worker to load its pipeline (a few seconds each).
READY_TIMEOUT_S = 120.0
# A worker is replaced after this many batches: a long-lived spaCy process still grows slowly
# (caches outside the memory zones), and a fresh one costs about a second.
BATCHES_PER_WORKER = 500

_worker_extractor: Extractor | None = None


def _start_worker(model: str | None, spacy_entities: bool) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model=model, spacy_entities=spacy_entities)


def _ping(pause: float) -> int:
    time.sleep(pause)  # long enough that every worker takes one of the pings
    return os.getpid()


def _extract_in_worker(articles: list[Article]) -> list[Document]:
    if _worker_extractor is None:  # the initializer always runs first; this guards misuse
        raise RuntimeError("worker used before its initializer ran")
    documents = _worker_extractor.extract_batch(articles)
    for document in documents:
        # the parent has the text already: do not send it back through the pipe
        document["article"]["text"] = None
    return documents


def _restore_texts(articles: list[Article], documents: list[Document]) -> list[Document]:
    for article, document in zip(articles, documents, strict=True):
        document["article"]["text"] = article.text
    return documents


Group = TypeVar("Group")


def ordered_results(
    pool: Pool,
    func: Callable[[Group], Any],
    groups: Iterable[Group],
    *,
    in_flight: int,
    buffered: int,
) -> Iterator[tuple[Group, Any]]:
    """``(group, func(group))`` in input order, computed on ``pool``: at most ``in_flight``
    groups unfinished and ``buffered`` held in all (see the module docstring)."""
    window: deque[tuple[Group, AsyncResult[Any]]] = deque()
    slots = threading.BoundedSemaphore(in_flight)

    def release(_: object) -> None:  # runs in the pool's result thread
        slots.release()

    for group in groups:
        # Yield what is finished at the head; wait on the head only when the buffer is full.
        while window and (window[0][1].ready() or len(window) >= buffered):
            done, result = window.popleft()
            yield done, result.get()
        slots.acquire()  # until fewer than in_flight are unfinished
        task = pool.apply_async(func, (group,), callback=release, error_callback=release)
        window.append((group, task))
    while window:
        done, result = window.popleft()
        yield done, result.get()


class ExtractorPool:
    """The :class:`~claimgraph.extractor.Extractor` interface, backed by worker processes."""

    def __init__(
        self, workers: int, *, model: str | None = None, spacy_entities: bool = False
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(
            workers,
            initializer=_start_worker,
            initargs=(model, spacy_entities),
            maxtasksperchild=BATCHES_PER_WORKER,
        )

    def wait_ready(self, *, pause: float = 0.2, timeout: float = READY_TIMEOUT_S) -> int:
        """Block until every worker has loaded its pipeline (the initializer runs before a
        worker's first task), or ``timeout`` seconds; returns how many distinct workers
        answered. Rounds of pings go on until each worker has taken one: a worker still
        loading its pipeline leaves a round's pings to the others."""
        deadline = time.monotonic() + timeout
        pids: set[int] = set()
        while len(pids) < self.workers and time.monotonic() < deadline:
            pids.update(self._pool.map(_ping, [pause] * self.workers * 2, chunksize=1))
        return len(pids)

    def extract_batches(
        self, groups: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[Document]]]:
        for done, documents in ordered_results(
            self._pool,
            _extract_in_worker,
            groups,
            in_flight=self.workers * IN_FLIGHT_PER_WORKER,
            buffered=self.workers * BUFFERED_PER_WORKER,
        ):
            yield done, _restore_texts(done, documents)

    batch_size = POOL_BATCH

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = POOL_BATCH
    ) -> Iterator[Document]:
        for _group, documents in self.extract_batches(batches(articles, batch_size)):
            yield from documents

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.terminate() if exc[0] is not None else self.close()


def make_extractor(
    workers: int = 1, *, model: str | None = None, spacy_entities: bool = False
) -> Extractor | ExtractorPool:
    """One process for ``workers == 1``, else a pool."""
    if workers <= 1:
        return Extractor(model=model, spacy_entities=spacy_entities)
    return ExtractorPool(workers, model=model, spacy_entities=spacy_entities)
