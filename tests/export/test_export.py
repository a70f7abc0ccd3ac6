"""Each export format's shape and content, on the database of ``conftest.py``."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.cli.errors import run_cli
from claimgraph.export import FORMATS, ExportPathError, MissingDependencyError, export
from claimgraph.export.documents import SCHEMA, iter_documents
from claimgraph.export.events import CAMEO_COLUMNS, quad_class
from claimgraph.export.output import inside
from claimgraph.export.tables import PARQUET_HINT, TABLES
from claimgraph.extractor import Extractor
from claimgraph.store import Store

PLOVER_KEYS = {"id", "date", "actor", "recipient", "event", "mode", "context", "text", "cite_info"}


def cg(*args: str | Path) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        code = run_cli(cli, [str(a) for a in args])
    return code, out.getvalue().decode(), err.getvalue().decode()


def table_count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def spans(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span object of a document that carries its own text."""
    found = list(document["entities"]) + list(document["times"])
    for a in document["attributions"]:
        found += [s for s in (a["source"], a["cue"], a["content"]) if s]
    for e in document["events"]:
        found += [*e["actor"], *e["recipient"], e["trigger"]]
    return found


# jsonl


def test_document_schema_matches_the_extractor() -> None:
    from claimgraph.document import SCHEMA as EXTRACTOR_SCHEMA

    assert SCHEMA == EXTRACTOR_SCHEMA


def test_jsonl_is_one_document_per_article_with_exact_spans(
    export_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "docs.jsonl"
    code, _, _ = cg("export", "--db", export_db, "--format", "jsonl", "-o", out, "-q")
    assert code == 0
    documents = read_jsonl(out)
    assert len(documents) == table_count(export_db, "articles")
    assert sum(len(d["events"]) for d in documents) == table_count(export_db, "events")
    for d in documents:
        assert d["schema"] == "claimgraph.document/1"
        assert d["claims"] == []
        text = d["article"]["text"]
        for span in spans(d):
            assert span["text"] == text[span["start"] : span["end"]], span
            for start, end in span.get("fragments") or []:
                assert span["start"] <= start <= end <= span["end"]


# the attribution fields of claimgraph.document/1, which the store keeps (the extractor may
# add debugging fields such as ``rule`` that are not stored)
CONTRACT_ATTRIBUTION = ("id", "source", "cue", "content", "kind", "stance", "cites", "time")


STORED_PART_KEYS = {
    "source": ("text", "start", "end", "actor"),
    "cue": ("text", "start", "end"),
    "content": ("text", "start", "end", "fragments"),
    "time": ("text", "value", "granularity"),
}


def contract_attribution(a: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in CONTRACT_ATTRIBUTION:
        value = a[k]
        if k == "cites":
            value = sorted(value)
        elif k in STORED_PART_KEYS and value is not None:
            value = {f: value[f] for f in STORED_PART_KEYS[k] if f in value}
        out[k] = value
    return out


def test_jsonl_attributions_equal_a_fresh_extraction(store: Store, extractor: Extractor) -> None:
    for document in iter_documents(store):
        article = store.get_article(document["article"]["id"]).article
        fresh = extractor.extract(article)
        assert document["attributions"] == [
            contract_attribution(a) for a in fresh["attributions"]
        ], article.id
        assert [e["id"] for e in document["events"]] == [e["id"] for e in fresh["events"]]


def test_jsonl_to_stdout_and_date_range(export_db: Path) -> None:
    code, out, _ = cg(
        "export", "--db", export_db, "--format", "jsonl", "--output", "-",
        "--since", "2022-11-01", "--until", "2022-11-30", "-q",
    )  # fmt: skip
    assert code == 0
    published = [json.loads(line)["article"]["published"][:10] for line in out.splitlines()]
    assert published and all("2022-11-01" <= p <= "2022-11-30" for p in published)
    assert len(published) == 3  # the seed and the two other reports, not the press releases


# plover


def test_plover_records_are_canonical_events(export_db: Path, store: Store) -> None:
    code, out, _ = cg("export", "--db", export_db, "--format", "plover", "-q")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    counts = store.event_counts()
    assert len(records) == counts["events"] < counts["mentions"]
    assert sum(r["mentions"] for r in records) == counts["mentions"]
    assert len({r["id"] for r in records}) == len(records)
    texts = {d["article"]["id"]: d["article"]["text"] for d in iter_documents(store)}
    for r in records:
        assert r.keys() >= PLOVER_KEYS
        assert len(r["date"]) == 10 and r["date"][4] == "-"
        assert isinstance(r["event"], list) and isinstance(r["mode"], list)
        cite = r["cite_info"]
        text = texts[cite["article_id"]]
        assert r["text"] == text[cite["sentence"]["start"] : cite["sentence"]["end"]]
        assert r["event_text"] == [text[cite["trigger"]["start"] : cite["trigger"]["end"]]]
        assert set(r["flags"]) == {"negated", "hypothetical", "future", "historical", "alleged"}
        for entity in r["actor"] + r["recipient"]:
            assert {"code", "sector", "entity_text"} <= entity.keys()


def test_plover_counts_the_seed_event_once_with_two_mentions(export_db: Path) -> None:
    _, out, _ = cg("export", "--db", export_db, "--format", "plover", "-q")
    requests = [
        r
        for r in map(json.loads, out.splitlines())
        if r["event"] == ["REQUEST"]
        and [a["code"] for a in r["actor"]] == ["IRN"]
        and [a["code"] for a in r["recipient"]] == ["UKR"]
    ]
    plain = [r for r in requests if not r["flags"]["alleged"]]
    alleged = [r for r in requests if r["flags"]["alleged"]]
    assert [(r["mentions"], r["articles"], r["date"]) for r in plain] == [(2, 2, "2022-11-22")]
    assert plain[0]["cite_info"]["outlet"] == "UrduPoint.com"  # the first report represents it
    assert [r["mentions"] for r in alleged] == [1]


# cameo-tsv


def test_cameo_tsv_has_gdelt_columns(export_db: Path, tmp_path: Path, store: Store) -> None:
    out = tmp_path / "events.tsv"
    code, _, err = cg("export", "--db", export_db, "--format", "cameo-tsv", "-o", out)
    assert code == 0 and "exported" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == list(CAMEO_COLUMNS)
    for name in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "EventCode"):
        assert name in header
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    assert len(rows) == store.event_counts()["events"]
    assert sum(int(r["NumMentions"]) for r in rows) == store.event_counts()["mentions"]
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    for r in rows:
        assert len(r["SQLDATE"]) == 8 and r["SQLDATE"].isdigit()
        if r["EventCode"]:
            assert r["EventRootCode"] == r["EventCode"][:2]
            assert r["QuadClass"] in {"1", "2", "3", "4"}
        assert int(r["TriggerStart"]) < int(r["TriggerEnd"])


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [("026", 1), ("057", 1), ("073", 2), ("112", 3), ("173", 4), ("190", 4), (None, None)],
)
def test_quad_class(cameo: str | None, quad: int | None) -> None:
    assert quad_class(cameo) == quad


# csv and parquet


def test_csv_has_one_file_per_table_with_all_rows(export_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    code, _, _ = cg("export", "--db", export_db, "--format", "csv", "-o", folder, "-q")
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    for table in TABLES:
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) - 1 == table_count(export_db, table), table
    with (folder / "articles.csv").open(encoding="utf-8", newline="") as f:
        articles = list(csv.DictReader(f))
    conn = sqlite3.connect(export_db)
    stored = dict(conn.execute("SELECT id, text FROM articles").fetchall())
    conn.close()
    assert {a["id"]: a["text"] for a in articles} == stored  # newlines and quotes survive


def test_parquet_round_trips(export_db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "parquet"
    code, _, _ = cg("export", "--db", export_db, "--format", "parquet", "-o", folder, "-q")
    assert code == 0
    conn = sqlite3.connect(export_db)
    try:
        for table in TABLES:
            read = pq.read_table(folder / f"{table}.parquet")
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            names = [d[0] for d in cursor.description]
            assert read.column_names == names
            assert [tuple(r.values()) for r in read.to_pylist()] == cursor.fetchall(), table
    finally:
        conn.close()


def test_parquet_without_pyarrow_names_the_extra(
    export_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with Store(export_db, readonly=True) as store, pytest.raises(MissingDependencyError):
        export(store, "parquet", output=tmp_path / "p")
    code, _, err = cg("export", "--db", export_db, "--format", "parquet", "-o", tmp_path / "p")
    assert code == 1
    assert PARQUET_HINT in err and "pip install 'claimgraph[parquet]'" in err


# paths and usage


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_formats_need_a_directory(export_db: Path, fmt: str) -> None:
    code, _, err = cg("export", "--db", export_db, "--format", fmt)
    assert code == 2 and "--output" in err


def test_single_stream_formats_refuse_a_directory(export_db: Path, tmp_path: Path) -> None:
    code, _, err = cg("export", "--db", export_db, "--format", "plover", "-o", tmp_path)
    assert code == 1 and "is a directory" in err


@pytest.mark.parametrize("name", ["../escape.csv", "/tmp/abs.csv", "sub/x.csv"])
def test_files_stay_inside_the_directory(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportPathError):
        inside(tmp_path, name)


def test_a_symlinked_table_file_is_not_followed_out(export_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    outside = tmp_path / "victim.txt"
    outside.write_text("keep me")
    (folder / "articles.csv").symlink_to(outside)
    with Store(export_db, readonly=True) as store, pytest.raises(ExportPathError):
        export(store, "csv", output=folder)
    assert outside.read_text() == "keep me"


def test_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = cg("export", "--db", tmp_path / "none.db", "--format", "jsonl")
    assert code == 2 and "no database" in err


def test_bad_date_is_a_usage_error(export_db: Path) -> None:
    code, _, _ = cg("export", "--db", export_db, "--format", "plover", "--since", "yesterday")
    assert code == 2


def test_every_format_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text()
    for fmt in FORMATS:
        assert f"`{fmt}`" in docs
