"""The Spark-free parts: flattening, restoring an Article, the missing-extra error."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from claimgraph.model import Article, Dateline
from claimgraph.spark import SparkUnavailableError, require_pyspark
from claimgraph.spark.load import article_from_contract
from claimgraph.spark.tables import (
    ATTRIBUTIONS,
    ENTITIES,
    EVENTS,
    STAGED_TABLES,
    TASK_TABLES,
    ddl,
    task_rows,
)


@pytest.mark.parametrize(
    "article",
    [
        Article(text="Tehran denied it."),
        Article(
            text="Tehran denied the report on Tuesday.",
            source_path="a.txt",
            body_offset=40,
            url="https://example.org/x",
            outlet="UrduPoint.com",
            published="2022-11-22T15:30",
            title="Iran denies",
            byline="Staff",
            dateline=Dateline("MOSCOW", ("UrduPoint News", "Sputnik"), "2022-11-22"),
            language="en",
            encoding="utf-8",
            source_id="x1",
            source_record=3,
        ),
    ],
)
def test_article_round_trips_through_the_contract(article: Article) -> None:
    assert article_from_contract(article.to_dict()) == article


def test_rows_have_one_value_per_column() -> None:
    from claimgraph.extractor import extract

    document = extract(
        "Iran's foreign ministry spokesman said on Tuesday that Tehran had not sent drones "
        "to Russia, denying a report by the Washington Post.",
        published="2022-11-22",
    )
    rows = task_rows(document, 7)
    columns = {**TASK_TABLES, **{t: c for t, c in STAGED_TABLES.items() if t != "errors"}}
    assert set(rows) == set(columns)
    for table, table_columns in columns.items():
        assert all(len(r) == len(table_columns) for r in rows[table]), table
    article_id = document["article"]["id"]
    assert rows["articles"][0][:2] == (article_id, 7)
    assert len(rows["attributions"]) == len(document["attributions"]) > 0
    assert all(len(r) == len(ATTRIBUTIONS) for r in rows["attributions"])
    assert len(rows["mentions"]) == len(rows["events"]) == len(document["events"]) > 0
    assert all(len(r) == len(EVENTS) for r in rows["events"])
    assert "`end` BIGINT" in ddl(ENTITIES)


def test_missing_pyspark_is_a_named_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def no_pyspark(name: str, *args: Any) -> Any:
        return None if name == "pyspark" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", no_pyspark)
    with pytest.raises(SparkUnavailableError, match=r"\[E411\].*claimgraph\[spark\]"):
        require_pyspark()


def test_cli_reports_missing_pyspark(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from claimgraph.cli import cli
    from claimgraph.cli.errors import run_cli

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a)
    )
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    code = run_cli(
        cli, ["spark-extract", str(tmp_path / "a.jsonl"), "--output", str(tmp_path / "o")]
    )
    assert code == 1


def test_claim_signatures_sort_with_missing_codes() -> None:
    # PySpark sorts the keys of a group it spills to disk; None must not meet a code there
    from claimgraph.spark.threads import signature_key

    signatures = [(None, "IRN"), ("RUS", None), ("RUS", "IRN"), (None, None), ("", "IRN")]
    keys = [signature_key(s, o) for s, o in signatures]
    assert len(set(keys)) == len(signatures)
    assert sorted(keys)[0] == signature_key(None, None)
