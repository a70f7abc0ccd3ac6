"""Commit groups: many articles per commit, each still written whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.model import Article
from claimgraph.store import AddStatus, Store
from claimgraph.store.writer import CommitGroup

MakeArticle = Callable[..., Article]


@pytest.fixture
def other(store: Store) -> Iterator[sqlite3.Connection]:
    """A second connection: what another process (the web UI) sees."""
    conn = sqlite3.connect(store.path)
    yield conn
    conn.close()


def visible(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_units_become_visible_together_when_the_group_is_full(
    store: Store, make_article: MakeArticle, other: sqlite3.Connection
) -> None:
    with CommitGroup(store.conn, max_units=3, max_seconds=3600) as group:
        for n in range(1, 3):
            with group.unit():
                store.add_article(make_article(f"Statement {n} from the ministry."))
            assert store.conn.in_transaction
            assert visible(other) == 0
        with group.unit():
            store.add_article(make_article("Statement 3 from the ministry."))
        assert not store.conn.in_transaction  # the third unit filled the group
        assert visible(other) == 3
        with group.unit():
            store.add_article(make_article("Statement 4 from the ministry."))
        assert visible(other) == 3
    assert visible(other) == 4  # leaving the group commits what it holds


def test_a_group_commits_when_its_time_is_up(
    store: Store, make_article: MakeArticle, other: sqlite3.Connection
) -> None:
    with CommitGroup(store.conn, max_units=1000, max_seconds=0.0) as group:
        with group.unit():
            store.add_article(make_article("Statement from the ministry."))
        assert visible(other) == 1


def test_a_failed_article_is_rolled_back_alone(
    store: Store, make_article: MakeArticle, other: sqlite3.Connection
) -> None:
    store.conn.execute(
        "CREATE TEMP TRIGGER boom AFTER INSERT ON articles WHEN new.title = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    with CommitGroup(store.conn, max_units=1000, max_seconds=3600) as group:
        with group.unit():
            kept = store.add_article(make_article("The first statement.", title="fine"))
        with pytest.raises(StoreError, match="disk on fire"), group.unit():
            store.add_article(make_article("This one fails.", title="boom"))
        assert store.conn.in_transaction  # the group goes on
        with group.unit():
            store.add_article(make_article("The third statement.", title="fine"))
    titles = [r[0] for r in other.execute("SELECT title FROM articles ORDER BY pk")]
    assert titles == ["fine", "fine"]
    assert store.get_article(kept.id).article.title == "fine"


def test_an_error_leaving_the_group_keeps_the_finished_articles(
    store: Store, make_article: MakeArticle, other: sqlite3.Connection
) -> None:
    with pytest.raises(KeyboardInterrupt), store.commit_group() as group:
        with group.unit():
            store.add_article(make_article("Finished before the interrupt."))
        raise KeyboardInterrupt
    assert not store.conn.in_transaction
    assert visible(other) == 1


def test_a_duplicate_inside_a_group_is_still_a_duplicate(
    store: Store, make_article: MakeArticle
) -> None:
    with store.commit_group() as group:
        with group.unit():
            first = store.add_article(make_article("Said twice."))
        with group.unit():
            again = store.add_article(make_article("Said twice."))
    assert (first.status, again.status) == (AddStatus.ADDED, AddStatus.DUPLICATE)


def test_a_group_cannot_open_inside_a_transaction(store: Store) -> None:
    store.conn.execute("BEGIN")
    with pytest.raises(StoreError, match="inside an open transaction"), store.commit_group():
        pass
    store.conn.execute("ROLLBACK")


def test_full_text_settings_are_migrated(db_path: Path) -> None:
    with Store(db_path) as store:
        for table in ("articles_fts", "claims_fts", "threads_fts"):
            config = dict(store.conn.execute(f"SELECT k, v FROM {table}_config").fetchall())
            assert config["automerge"] == 16, table
        config = dict(store.conn.execute("SELECT k, v FROM articles_fts_config").fetchall())
        assert config["hashsize"] == 16 << 20
