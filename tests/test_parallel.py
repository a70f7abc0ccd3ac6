"""``--workers N``: the worker pool gives the same documents, in the same order, as one
process, and ingest with two workers stores the same extraction."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

import pytest

from claimgraph.extractor import Extractor
from claimgraph.ingest import ingest
from claimgraph.model import Article
from claimgraph.parallel import ExtractorPool, make_extractor, ordered_results
from claimgraph.readers import read
from claimgraph.store import Store

PRESS = (
    Path(__file__).resolve().parent.parent / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"
)
SAMPLE = 12


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in read([str(PRESS)]) if isinstance(a, Article)]
    return found[::17][:SAMPLE]


@pytest.fixture(scope="module")
def pool() -> ExtractorPool:
    with ExtractorPool(2) as workers:
        assert workers.wait_ready() == 2
        yield workers


def test_pool_documents_equal_one_process(articles: list[Article], pool: ExtractorPool) -> None:
    single = list(Extractor().extract_many(articles))
    pooled = list(pool.extract_many(articles))
    assert [d["article"]["id"] for d in pooled] == [a.id for a in articles]
    assert json.dumps(pooled, sort_keys=True) == json.dumps(single, sort_keys=True)
    assert all(d["article"]["text"] == a.text for d, a in zip(pooled, articles, strict=True))


def test_make_extractor_picks_one_process_for_one_worker() -> None:
    assert isinstance(make_extractor(1), Extractor)
    with pytest.raises(ValueError, match="at least 1"):
        ExtractorPool(0)


def test_ingest_with_two_workers_stores_every_extraction(
    tmp_path: Path, articles: list[Article], pool: ExtractorPool
) -> None:
    source = tmp_path / "sample.jsonl"
    source.write_text(
        "".join(
            json.dumps({"text": a.text, "published": a.published, "outlet": a.outlet}) + "\n"
            for a in articles
        ),
        encoding="utf-8",
    )
    with Store(tmp_path / "p.db") as store:
        report = ingest([str(source)], store, extractor=pool)
        assert report.counts["added"] == len(articles)
        missing = store.conn.execute(
            "SELECT count(*) FROM articles WHERE extracted_at IS NULL"
        ).fetchone()[0]
        with_attributions = store.conn.execute(
            "SELECT count(DISTINCT article_id) FROM attributions"
        ).fetchone()[0]
    assert missing == 0
    assert with_attributions > len(articles) // 2


def _timed(seconds: float) -> tuple[float, float]:
    """A task that takes ``seconds``: when it started and ended (wall clock)."""
    started = time.time()
    time.sleep(seconds)
    return started, time.time()


def test_ordered_results_keep_order_and_do_not_stall_behind_a_slow_head() -> None:
    # One slow task at the head, then many quick ones: with 2 workers and room for 2
    # unfinished tasks, the second worker must go on through the quick ones while the head
    # runs (a window that waits on its head would stop after the first few), and the
    # results must still come back in input order.
    slow, quick, n_quick = 2.0, 0.01, 30
    groups = [slow] + [quick] * n_quick
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as workers:
        workers.map(_timed, [0.2, 0.2], chunksize=1)  # both started before the clock runs
        results = list(ordered_results(workers, _timed, groups, in_flight=2, buffered=64))
    assert [g for g, _ in results] == groups
    head_end = results[0][1][1]
    started_during_head = sum(1 for _, (start, _end) in results[1:] if start < head_end)
    assert started_during_head >= n_quick // 2


def test_ordered_results_bound_what_is_held() -> None:
    # With a buffer of 3, the fourth task cannot be submitted before the head is yielded.
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as workers:
        results = ordered_results(workers, _timed, [0.5, 0.01, 0.01, 0.01], in_flight=2, buffered=3)
        first = next(results)
        rest = list(results)
    assert first[0] == 0.5
    assert all(start >= first[1][1] - 0.05 for _, (start, _end) in rest[2:])
