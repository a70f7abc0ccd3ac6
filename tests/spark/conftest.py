"""A local[2] SparkSession for the Spark tests (started here; skipped without pyspark or Java),
and one job run shared by the tests that read its output."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRESS = ROOT / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"
ARTICLES = 24  # a few dozen real articles keep the Spark tests well under three minutes
TOO_LONG = 1_000_001  # one character over spaCy's default nlp.max_length: extraction raises


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install 'claimgraph[spark]')")
    from claimgraph.spark import java_available

    if not java_available():
        pytest.skip("no Java runtime for Spark (Debian: apt-get install default-jre-headless)")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from claimgraph.spark.session import get_session

    session = get_session(
        master="local[2]",
        app_name="claimgraph tests",
        shuffle_partitions=4,
        config={"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"},
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@dataclass(frozen=True)
class Inputs:
    good: list[Path]  # what ingest reads too
    bad: Path  # a broken JSON line and a text extraction refuses: Spark only


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    folder = tmp_path_factory.mktemp("spark-inputs")
    lines = PRESS.read_text(encoding="utf-8").splitlines()[:ARTICLES]
    first = folder / "part-0.jsonl"
    second = folder / "part-1.jsonl"
    first.write_text("\n".join(lines[: ARTICLES // 2]) + "\n", encoding="utf-8")
    # the second part repeats two articles of the first: stored once, by the first file
    second.write_text("\n".join(lines[ARTICLES // 2 :] + lines[:2]) + "\n", encoding="utf-8")
    bad = folder / "bad.jsonl"
    bad.write_text(
        '{"title": "cut short", "text": "Moscow said\n'
        + json.dumps({"title": "too long", "text": "word " * (TOO_LONG // 5 + 1)})
        + "\n",
        encoding="utf-8",
    )
    return Inputs([first, second], bad)


@dataclass(frozen=True)
class JobRun:
    output: Path
    report: Any


@pytest.fixture(scope="session")
def job_run(spark: Any, inputs: Inputs, tmp_path_factory: pytest.TempPathFactory) -> JobRun:
    from claimgraph.spark.job import JobSettings, run

    output = tmp_path_factory.mktemp("spark-out") / "tables"
    paths = [str(p) for p in [*inputs.good, inputs.bad]]
    report = run(spark, paths, str(output), settings=JobSettings(partitions=4))
    return JobRun(output, report)


@pytest.fixture(scope="session")
def ingested_db(inputs: Inputs, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The single-machine path on the same good input: ``claimgraph ingest``."""
    from claimgraph.extractor import Extractor
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    path = tmp_path_factory.mktemp("ingest") / "ingest.db"
    with Store(path) as store:
        ingest([str(p) for p in inputs.good], store, extractor=Extractor())
    return path


def read_table(output: Path, table: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(output / table).to_pylist()
