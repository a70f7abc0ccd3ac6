"""``claimgraph.ingest``: every input read, every rejection recorded, the batch goes on."""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from claimgraph.ingest import ingest, ingest_items
from claimgraph.model import Article, Rejection, article_id
from claimgraph.readers import ReadOptions
from claimgraph.store import Store

# ``claimgraph.ingest`` the attribute is the function; the module is needed for its settings.
ingest_module = importlib.import_module("claimgraph.ingest")


def write_jsonl(path: Path, records: Sequence[Mapping[str, object] | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


GOOD = [
    {
        "url": "https://example.org/1",
        "outlet": "UrduPoint",
        "published": "2022-11-22",
        "title": "Iran asks for meeting",
        "text": "Iran's mission to the UN requested a joint expert meeting with Ukraine.",
    },
    {
        "url": "https://example.org/2",
        "outlet": "Reuters",
        "published": "2022-11-23",
        "title": "Denial",
        "text": "Both Moscow and Tehran denied the allegations as false.",
    },
]


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


def test_good_file(tmp_path: Path, store: Store) -> None:
    path = write_jsonl(tmp_path / "good.jsonl", list(GOOD))
    report = ingest([str(path)], store)
    assert dict(report.counts) == {"read": 2, "added": 2}
    assert report.errors == 0
    assert report.rejections == []
    assert {row["title"] for row in store.articles()} == {"Iran asks for meeting", "Denial"}
    stored = store.get_article(article_id(str(GOOD[0]["text"]))).article
    assert (stored.source_path, stored.source_record) == (str(path), 1)


def test_bad_records_and_files_are_reported_and_the_batch_goes_on(
    tmp_path: Path, store: Store
) -> None:
    mixed = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            GOOD[0],
            "{not json",
            {"title": "no body field"},
            {"text": ""},
            '["a", "list"]',
            GOOD[1],
        ],
    )
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.jsonl"
    after = write_jsonl(
        tmp_path / "after.jsonl", [{"text": "Kyiv reported strikes after the bad files."}]
    )

    report = ingest([str(mixed), str(binary), str(missing), str(after)], store)

    assert report.counts["read"] == 3
    assert report.counts["added"] == 3
    assert report.counts["skipped"] == 1
    assert report.counts["errors"] == 5
    where = [(r.path, r.record) for r in report.rejections if r.is_error]
    assert where == [
        (str(mixed), 2),
        (str(mixed), 3),
        (str(mixed), 5),
        (str(binary), None),
        (str(missing), None),
    ]
    reasons = [r.reason for r in report.rejections if r.is_error]
    assert "invalid JSON" in reasons[0]
    assert "text" in reasons[1]
    assert "not an object" in reasons[2]
    assert "no such file" in reasons[4]
    assert all(r.reason for r in report.rejections)
    stored = {
        (e["path"], e["record"], e["code"], e["level"], e["reason"])
        for e in store.ingest_errors(run_id=report.run_id)
    }
    assert stored == {(r.path, r.record, r.code, r.level, r.reason) for r in report.rejections}
    assert len(store.articles()) == 3


def test_reingest_is_a_no_op_except_the_run_row(tmp_path: Path, store: Store) -> None:
    path = write_jsonl(tmp_path / "good.jsonl", list(GOOD))
    ingest([str(path)], store)
    before = table_counts(store.path)
    articles_before = store.conn.execute("SELECT * FROM articles ORDER BY pk").fetchall()

    report = ingest([str(path)], store)

    assert dict(report.counts) == {"read": 2, "duplicates": 2}
    after = table_counts(store.path)
    assert after.pop("ingest_runs") == before.pop("ingest_runs") + 1
    assert after == before
    assert store.conn.execute("SELECT * FROM articles ORDER BY pk").fetchall() == articles_before


def test_new_text_at_same_url_becomes_a_version(tmp_path: Path, store: Store) -> None:
    first = write_jsonl(tmp_path / "monday.jsonl", [GOOD[0]])
    corrected = dict(GOOD[0], text=str(GOOD[0]["text"]) + " The mission later corrected this.")
    second = write_jsonl(tmp_path / "tuesday.jsonl", [corrected])
    ingest([str(first)], store)
    report = ingest([str(second)], store)
    assert dict(report.counts) == {"read": 1, "versions": 1}
    newer = store.get_article(article_id(str(corrected["text"])))
    assert (newer.version, newer.supersedes) == (2, article_id(str(GOOD[0]["text"])))


def test_run_row_records_inputs_options_and_counts(tmp_path: Path, store: Store) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl", [{"body": "Officials said the talks would resume.", "head": "T"}]
    )
    options = ReadOptions(mapping={"text": "body", "title": "head"}, defaults={"outlet": "TASS"})
    report = ingest([str(path)], store, options)
    run = store.conn.execute("SELECT * FROM ingest_runs WHERE id = ?", (report.run_id,)).fetchone()
    assert json.loads(run["inputs"]) == [str(path)]
    assert json.loads(run["options"]) == {
        "format": None,
        "plain": False,
        "map": {"text": "body", "title": "head"},
        "set": {"outlet": "TASS"},
        "extract": False,
    }
    assert (run["read"], run["added"], run["errors"]) == (1, 1, 0)
    assert run["finished_at"] is not None
    [row] = store.articles()
    assert (row["title"], row["outlet"]) == ("T", "TASS")


def test_progress_sees_every_item_in_order(store: Store) -> None:
    items: list[Article | Rejection] = [
        Article("First statement."),
        Rejection("bad.jsonl", "invalid JSON", record=2),
        Article("Second statement."),
    ]
    seen: list[Article | Rejection] = []
    run_id = store.start_run(["x"], {})
    ingest_items(items, store, run_id=run_id, progress=seen.append)
    assert seen == items


def test_interrupted_run_keeps_whole_articles_and_partial_counts(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "RUN_UPDATE_EVERY", 2)

    def items() -> Iterator[Article]:
        for n in range(5):
            yield Article(f"Statement number {n}.")
        raise KeyboardInterrupt

    run_id = store.start_run(["x"], {})
    with pytest.raises(KeyboardInterrupt):
        ingest_items(items(), store, run_id=run_id)
    run = store.conn.execute("SELECT * FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
    assert (run["read"], run["added"], run["finished_at"]) == (4, 4, None)  # last update at 4
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert "runs" in {f.check for f in store.check()}
    assert [f for f in store.check() if f.problem] == []


@pytest.mark.parametrize(
    ("max_lag_s", "indexed_during_run"), [(0.0, [1, 2, 3]), (3600.0, [0, 0, 0])]
)
def test_full_text_index_follows_within_its_time_bound(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    max_lag_s: float,
    indexed_during_run: list[int],
) -> None:
    """Batches of FTS_BATCH articles, or sooner when FTS_MAX_LAG_S has passed: a search
    during a slow ingest (with extraction) is seconds behind, not a whole batch."""
    monkeypatch.setattr(ingest_module, "FTS_MAX_LAG_S", max_lag_s)
    watermarks: list[int] = []

    def seen(_: Article | Rejection) -> None:
        row = store.conn.execute("SELECT indexed_until FROM _fts_state").fetchone()
        watermarks.append(row[0])

    items = [Article(f"Statement number {n}.") for n in range(3)]
    ingest_items(items, store, run_id=store.start_run(["x"], {}), progress=seen)
    assert watermarks == indexed_during_run
    assert store.conn.execute("SELECT indexed_until FROM _fts_state").fetchone()[0] == 3


def test_skips_are_not_errors(tmp_path: Path, store: Store) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    report = ingest([str(empty)], store)
    assert (report.counts["skipped"], report.errors) == (1, 0)
    [row] = store.ingest_errors()
    assert (row["level"], row["path"]) == ("skip", str(empty))
