"""``--workers N``: the worker pool gives the same documents, in the same order, as one
process, and ingest with two workers stores the same extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.extractor import Extractor
from claimgraph.ingest import ingest
from claimgraph.model import Article
from claimgraph.parallel import ExtractorPool, make_extractor
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
