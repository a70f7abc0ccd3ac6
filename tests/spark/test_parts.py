"""The part files extraction tasks write themselves (pyarrow only, no Spark)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.spark import parts
from claimgraph.spark.tables import EVENTS, STAGED_TABLES, TASK_TABLES, Columns

pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (claimgraph[spark])")

PAIRS: Columns = (("article_id", "STRING"), ("n", "BIGINT"), ("tags", "ARRAY<STRING>"))
COLUMNS = {"pairs": PAIRS, "flags": (("article_id", "STRING"), ("on", "BOOLEAN"))}


def _rows(article: int) -> dict[str, list[tuple[object, ...]]]:
    pairs = [(f"a{article}", i, [f"t{i}"] * i) for i in range(article % 3)]
    return {"pairs": pairs, "flags": [(f"a{article}", article % 2 == 0)]}


def test_every_part_table_has_an_arrow_schema() -> None:
    for table, columns in {**TASK_TABLES, **STAGED_TABLES}.items():
        assert parts.arrow_schema(columns).names == [name for name, _ in columns], table
    actor = parts.arrow_schema(EVENTS).field("actor").type
    assert str(actor.value_type.field("inferred").type) == "string"
    with pytest.raises(ValueError, match="MAP<STRING, STRING>"):
        parts.arrow_type("MAP<STRING, STRING>")


def test_rows_come_back_in_order_over_several_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parts, "ROW_GROUP_ARTICLES", 4)
    parts.prepare(str(tmp_path), list(COLUMNS))
    writer = parts.PartWriter(str(tmp_path), 3, COLUMNS)
    expected: dict[str, list[tuple[object, ...]]] = {"pairs": [], "flags": []}
    for article in range(10):
        rows = _rows(article)
        writer.add(rows)
        for table, table_rows in rows.items():
            expected[table].extend(table_rows)
    writer.close()
    pairs = pq.ParquetFile(tmp_path / "pairs" / "part-00003.parquet")
    assert pairs.metadata.num_row_groups == 3  # 4 + 4 + 2 articles
    assert [tuple(r.values()) for r in pairs.read().to_pylist()] == expected["pairs"]
    flags = pq.read_table(tmp_path / "flags" / "part-00003.parquet").to_pylist()
    assert [tuple(r.values()) for r in flags] == expected["flags"]
    assert sorted(p.name for p in (tmp_path / "pairs").iterdir()) == ["part-00003.parquet"]


def test_an_empty_partition_still_writes_each_schema(tmp_path: Path) -> None:
    parts.prepare(str(tmp_path), list(COLUMNS))
    parts.PartWriter(str(tmp_path), 0, COLUMNS).close()
    table = pq.read_table(tmp_path / "pairs" / "part-00000.parquet")
    assert table.num_rows == 0
    assert table.schema.names == ["article_id", "n", "tags"]


def test_an_aborted_task_leaves_nothing(tmp_path: Path) -> None:
    parts.prepare(str(tmp_path), list(COLUMNS))
    writer = parts.PartWriter(str(tmp_path), 1, COLUMNS)
    writer.add(_rows(2))
    writer._flush()  # a temporary part is on disk
    assert any((tmp_path / "pairs").iterdir())
    writer.abort()
    assert not any((tmp_path / "pairs").iterdir())
    assert not any((tmp_path / "flags").iterdir())


def test_prepare_empties_a_previous_output_and_mark_done_marks_it(tmp_path: Path) -> None:
    (tmp_path / "pairs").mkdir()
    (tmp_path / "pairs" / "part-00009.parquet").write_bytes(b"old")
    parts.prepare(str(tmp_path), ["pairs", "flags"])
    assert not any((tmp_path / "pairs").iterdir())
    assert (tmp_path / "flags").is_dir()
    parts.mark_done(str(tmp_path), ["pairs", "flags"])
    assert (tmp_path / "pairs" / "_SUCCESS").exists()


def test_bare_paths_become_file_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert parts.resolve_output("out") == (tmp_path / "out").as_uri()
    assert parts.resolve_output("hdfs://nn/out") == "hdfs://nn/out"


def test_an_output_pyarrow_cannot_open_is_refused() -> None:
    with pytest.raises(InputError, match="s3a://bucket/out.*cannot write the tables there"):
        parts.output_filesystem("s3a://bucket/out")
