"""Writing articles: content-hash de-duplication, versions, one transaction per article."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import StoreError
from claimgraph.model import Article, Dateline, Rejection, article_id
from claimgraph.store import AddStatus, Store, connection

MakeArticle = Callable[..., Article]
Counts = Callable[[Path], dict[str, int]]

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
optional_text = st.none() | st.text(max_size=40)
datelines = st.none() | st.builds(
    Dateline,
    place=optional_text,
    credits=st.lists(st.text(max_size=20), max_size=3).map(tuple),
    date=optional_text,
).filter(lambda d: d != Dateline())  # an empty Dateline is stored as None (see below)
articles = st.builds(
    Article,
    text=st.text(),
    source_path=optional_text,
    body_offset=st.integers(min_value=0, max_value=2**63 - 1),
    url=optional_text,
    outlet=optional_text,
    published=optional_text,
    title=optional_text,
    byline=optional_text,
    dateline=datelines,
    language=optional_text,
    encoding=optional_text,
    source_id=optional_text,
    source_record=st.none() | INT64,
)


@settings(max_examples=60, deadline=None)
@given(article=articles)
def test_article_round_trips_unchanged(article: Article) -> None:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "rt.db") as store:
        result = store.add_article(article)
        stored = store.get_article(result.id)
    assert result == (AddStatus.ADDED, article.id, None)
    assert stored.article == article
    assert (stored.version, stored.supersedes, stored.superseded_by) == (1, None, None)
    assert stored.to_dict()["id"] == article_id(article.text)


def test_empty_dateline_is_stored_as_none(store: Store, make_article: MakeArticle) -> None:
    result = store.add_article(make_article(dateline=Dateline()))
    assert store.get_article(result.id).article.dateline is None


@pytest.mark.parametrize(
    "dateline",
    [Dateline(place=""), Dateline(date=""), Dateline(credits=("",)), Dateline("KYIV")],
)
def test_dateline_with_any_part_survives(
    store: Store, make_article: MakeArticle, dateline: Dateline
) -> None:
    result = store.add_article(make_article(dateline=dateline))
    assert store.get_article(result.id).article.dateline == dateline


def test_added_article_is_stored_with_bookkeeping(store: Store, make_article: MakeArticle) -> None:
    article = make_article("Tehran rejected the report.", url="https://example.org/a")
    result = store.add_article(article)
    assert (result.status, result.supersedes) == (AddStatus.ADDED, None)
    assert result.id == article_id("Tehran rejected the report.")
    row = store.conn.execute("SELECT * FROM articles").fetchone()
    assert row["id"] == result.id
    assert (row["version"], row["supersedes"], row["extracted_at"]) == (1, None, None)
    assert row["ingested_at"].endswith("+00:00")
    assert json.loads(row["dateline_credits"]) == ["UrduPoint News", "Sputnik"]


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Iran denied the report.", "Iran denied the report."),
        ("Iran denied the report.", "  Iran   denied\nthe report.\n"),  # re-wrapped copy
        ("Cafe\u0301 owners protested.", "Caf\u00e9 owners protested."),  # NFD vs NFC
    ],
)
def test_same_text_again_writes_nothing(
    store: Store, make_article: MakeArticle, counts: Counts, first: str, again: str
) -> None:
    added = store.add_article(make_article(first, title="First", url="https://a.example/1"))
    before = counts(store.path)
    duplicate = store.add_article(make_article(again, title="Other", url="https://b.example/2"))
    assert duplicate == (AddStatus.DUPLICATE, added.id, None)
    assert counts(store.path) == before
    stored = store.get_article(added.id).article
    assert (stored.title, stored.url, stored.text) == ("First", "https://a.example/1", first)


def test_new_text_at_a_stored_url_is_a_linked_version(
    store: Store, make_article: MakeArticle
) -> None:
    url = "https://example.org/story"
    v1 = store.add_article(make_article("First draft of the story.", url=url))
    v2 = store.add_article(make_article("Second draft of the story.", url=url))
    v3 = store.add_article(make_article("Third draft of the story.", url=url))
    assert [(r.status, r.supersedes) for r in (v1, v2, v3)] == [
        (AddStatus.ADDED, None),
        (AddStatus.VERSION, v1.id),
        (AddStatus.VERSION, v2.id),
    ]
    chain = [store.get_article(r.id) for r in (v1, v2, v3)]
    assert [s.version for s in chain] == [1, 2, 3]
    assert [s.supersedes for s in chain] == [None, v1.id, v2.id]
    assert [s.superseded_by for s in chain] == [v2.id, v3.id, None]


def test_articles_without_url_are_never_linked(store: Store, make_article: MakeArticle) -> None:
    results = [store.add_article(make_article(f"Report number {n}.", url=None)) for n in range(3)]
    assert [r.status for r in results] == [AddStatus.ADDED] * 3
    assert {store.get_article(r.id).version for r in results} == {1}


def test_each_article_is_committed_on_its_own(store: Store, make_article: MakeArticle) -> None:
    other = sqlite3.connect(store.path)
    try:
        for n in range(1, 4):
            store.add_article(make_article(f"Statement {n} from the ministry."))
            assert not store.conn.in_transaction
            assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    finally:
        other.close()


def test_failed_article_leaves_nothing_behind(store: Store, make_article: MakeArticle) -> None:
    # Fails after the row and its FTS entry are written, inside the article's transaction.
    store.conn.execute(
        "CREATE TEMP TRIGGER boom AFTER INSERT ON articles WHEN new.title = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    with pytest.raises(StoreError, match="disk on fire"):
        store.add_article(make_article("This one fails.", title="boom"))
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 0
    ok = store.add_article(make_article("This one works.", title="fine"))
    assert ok.status is AddStatus.ADDED


def test_run_bookkeeping(store: Store) -> None:
    run_id = store.start_run(["a.jsonl", "news/"], {"format": None, "map": {"text": "body"}})
    row = store.conn.execute("SELECT * FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
    assert json.loads(row["inputs"]) == ["a.jsonl", "news/"]
    assert json.loads(row["options"]) == {"format": None, "map": {"text": "body"}}
    assert row["finished_at"] is None

    store.update_run(run_id, {"read": 5, "added": 3, "duplicates": 2}, finished=False)
    row = store.conn.execute("SELECT * FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
    assert (row["read"], row["added"], row["duplicates"], row["errors"]) == (5, 3, 2, 0)
    assert row["finished_at"] is None

    store.update_run(run_id, {"read": 6, "added": 4, "duplicates": 2, "errors": 1}, finished=True)
    row = store.conn.execute("SELECT * FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
    assert (row["read"], row["added"], row["errors"]) == (6, 4, 1)
    assert row["finished_at"] is not None


def test_rejections_are_stored_with_path_record_and_reason(store: Store) -> None:
    run_id = store.start_run(["feed.jsonl"], {})
    store.record_rejection(run_id, Rejection("feed.jsonl", "invalid JSON", record=7, code="E112"))
    store.record_rejection(
        run_id, Rejection("empty.txt", "no body text", code="S101", level="skip")
    )
    rows = store.ingest_errors(run_id=run_id)
    assert [(r["path"], r["record"], r["code"], r["level"], r["reason"]) for r in rows] == [
        ("empty.txt", None, "S101", "skip", "no body text"),
        ("feed.jsonl", 7, "E112", "error", "invalid JSON"),
    ]


def test_full_disk_is_a_store_error_and_the_store_stays_usable(
    store: Store, make_article: MakeArticle
) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="full"):
        store.add_article(make_article("word " * 20_000))
    assert not store.conn.in_transaction
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.add_article(make_article("A short one fits.")).status is AddStatus.ADDED


def test_lock_held_too_long_is_a_store_error(
    db_path: Path, make_article: MakeArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    Store(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Store(db_path) as store, pytest.raises(StoreError, match="locked"):
            store.add_article(make_article())
    finally:
        other.execute("ROLLBACK")
        other.close()
