"""spark-extract on local[2]: the tables, the errors table, and load == ingest."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from claimgraph.spark.tables import OUTPUT_TABLES
from claimgraph.store import Store

from .conftest import ARTICLES, Inputs, JobRun, read_table


def documents(job_run: JobRun) -> list[dict[str, Any]]:
    return [json.loads(r["document"]) for r in read_table(job_run.output, "documents")]


def test_every_table_is_written(job_run: JobRun) -> None:
    for table in OUTPUT_TABLES:
        assert (job_run.output / table / "_SUCCESS").exists(), table


def test_counts_and_duplicates(job_run: JobRun) -> None:
    counts = job_run.report.counts
    # 24 distinct articles; the second part repeats two of them; the bad file adds one
    # article (too long to extract) and one unreadable line
    assert counts["articles"] == ARTICLES
    assert counts["read"] == ARTICLES + 2 + 1
    assert counts["duplicates"] == 2
    assert counts["errors"] == 2
    docs = documents(job_run)
    assert len({d["article"]["id"] for d in docs}) == len(docs) == ARTICLES
    orders = [r["input_order"] for r in read_table(job_run.output, "documents")]
    assert orders == sorted(orders)


def test_bad_records_go_to_the_errors_table(job_run: JobRun, inputs: Inputs) -> None:
    errors = read_table(job_run.output, "errors")
    by_stage = {e["stage"]: e for e in errors}
    assert set(by_stage) == {"read", "extract"}
    unreadable = by_stage["read"]
    assert unreadable["file"] == str(inputs.bad)
    assert unreadable["record"] == 1
    assert unreadable["level"] == "error"
    too_long = by_stage["extract"]
    assert too_long["file"] == str(inputs.bad)
    assert too_long["record"] == 2
    assert "extraction failed" in too_long["message"]
    assert "E088" in too_long["message"]  # spaCy's "text of length ... exceeds maximum"


def test_tables_flatten_the_documents(job_run: JobRun) -> None:
    docs = {d["article"]["id"]: d for d in documents(job_run)}
    for table, key in (
        ("entities", "entities"),
        ("times", "times"),
        ("attributions", "attributions"),
        ("events", "events"),
        ("claims", "claims"),
    ):
        rows = Counter(r["article_id"] for r in read_table(job_run.output, table))
        expected = Counter({i: len(d[key]) for i, d in docs.items() if d[key]})
        assert rows == expected, table
    assert sum(len(d["events"]) for d in docs.values()) > 0  # the comparison is not vacuous
    entity = next(r for r in read_table(job_run.output, "entities") if r["actor_code"] is not None)
    obj = next(e for e in docs[entity["article_id"]]["entities"] if e["id"] == entity["id"])
    assert (entity["text"], entity["start"], entity["end"]) == (
        obj["text"],
        obj["start"],
        obj["end"],
    )
    assert entity["actor_code"] == obj["actor"]["code"]
    text = docs[entity["article_id"]]["article"]["text"]
    assert text[entity["start"] : entity["end"]] == entity["text"]
    articles = {r["article_id"]: r for r in read_table(job_run.output, "articles")}
    assert set(articles) == set(docs)
    some = next(iter(docs.values()))["article"]
    assert articles[some["id"]]["url"] == some["url"]
    assert articles[some["id"]]["text"] == some["text"]


def _article_rows(db: Path) -> list[tuple[Any, ...]]:
    with Store(db, readonly=True) as store:
        return [
            tuple(r)
            for r in store.conn.execute(
                "SELECT id, source_path, source_record, source_id, body_offset, url, outlet, "
                "published, title, byline, dateline_place, dateline_credits, dateline_date, "
                "language, encoding, text, version, supersedes FROM articles ORDER BY pk"
            )
        ]


def _canonical(db: Path) -> dict[tuple[str, str], str]:
    with Store(db, readonly=True) as store:
        return {
            (r[0], r[1]): r[2]
            for r in store.conn.execute("SELECT article_id, id, canonical_event FROM events")
        }


@pytest.fixture(scope="module")
def loaded_db(job_run: JobRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claimgraph.spark.load import load

    path = tmp_path_factory.mktemp("load") / "load.db"
    with Store(path) as store:
        report = load(job_run.output, store)
    assert report.counts["added"] == ARTICLES
    assert report.counts["errors"] == 2
    return path


def test_load_equals_ingest(loaded_db: Path, ingested_db: Path) -> None:
    assert _article_rows(loaded_db) == _article_rows(ingested_db)
    ids = [row[0] for row in _article_rows(ingested_db)]
    assert len(ids) == ARTICLES
    with Store(loaded_db, readonly=True) as loaded, Store(ingested_db, readonly=True) as ingested:
        for article_id in ids:
            assert loaded.extraction(article_id) == ingested.extraction(article_id), article_id
            assert loaded.events(article_id) == ingested.events(article_id), article_id
        assert loaded.event_counts() == ingested.event_counts()
        assert len(loaded.ingest_errors()) == 2
    assert _canonical(loaded_db) == _canonical(ingested_db)


def test_spark_mentions_equal_the_store(job_run: JobRun, ingested_db: Path) -> None:
    spark_canonical = {
        (r["article_id"], r["id"]): r["canonical_event"]
        for r in read_table(job_run.output, "events")
    }
    assert spark_canonical == _canonical(ingested_db)
    mentions = read_table(job_run.output, "event_mentions")
    assert {(r["article_id"], r["event_id"]) for r in mentions} == set(spark_canonical)


def test_load_twice_adds_nothing(job_run: JobRun, loaded_db: Path, tmp_path: Path) -> None:
    import shutil

    from claimgraph.spark.load import load

    copy = tmp_path / "again.db"
    shutil.copy(loaded_db, copy)
    with Store(copy) as store:
        report = load(job_run.output, store)
    assert report.counts["added"] == 0
    assert report.counts["duplicates"] == ARTICLES
    assert _article_rows(copy) == _article_rows(loaded_db)


def test_load_command(job_run: JobRun, tmp_path: Path) -> None:
    from claimgraph.cli import cli
    from claimgraph.cli.errors import run_cli

    db = tmp_path / "cli.db"
    code = run_cli(cli, ["load", str(job_run.output), "--db", str(db), "-q"])
    assert code == 1  # the two bad records are reported as errors
    with Store(db, readonly=True) as store:
        assert store.stats()["articles"] == ARTICLES
    not_output = tmp_path / "empty"
    not_output.mkdir()
    assert run_cli(cli, ["load", str(not_output), "--db", str(db), "-q"]) == 1


def test_spark_threads_equal_the_store(job_run: JobRun, ingested_db: Path) -> None:
    spark_threads = {
        (r["article_id"], r["id"]): r["thread_id"] for r in read_table(job_run.output, "claims")
    }
    conn = sqlite3.connect(ingested_db)
    try:
        stored = {
            (r[0], r[1]): r[2] for r in conn.execute("SELECT article_id, id, thread_id FROM claims")
        }
    finally:
        conn.close()
    assert spark_threads == stored
    threaded = [t for t in stored.values() if t is not None]
    assert threaded and len(set(threaded)) < len(threaded)  # some claims joined a thread
