"""The read paths chosen for speed on large databases (docs/web.md, "Load") return exactly
what the plain queries return: seeking through an index or walking articles newest first,
outlet names resolved through the cached list, threads merged from two index ranges."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimgraph.store import Store
from claimgraph.web import claims as claim_layer
from claimgraph.web import queries

from .conftest import ARTICLE_A, ARTICLE_B, document_a, document_b, make_client

COPIES = 9  # of each fixture article: enough rows for pages, ties and offsets
DAYS = ("2022-11-20", "2022-11-21", "2022-11-21", None)  # a tie on one day, an undated one
CODES = ("UKR", "RUS", "IRN", "NOPE")
PAGES = (queries.Page(1, 0), queries.Page(2, 1), queries.Page(3, 4), queries.Page(50, 0))
ALWAYS_WALK = 1e12  # seek costs so high that the walk always looks cheaper
ALWAYS_SEEK = 0.0


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two threaded fixture articles, each stored COPIES times with other dates."""
    path = tmp_path_factory.mktemp("paths") / "paths.db"
    with Store(path) as store:
        for n in range(COPIES):
            day = DAYS[n % len(DAYS)]
            for base, document in ((ARTICLE_A, document_a()), (ARTICLE_B, document_b())):
                # text appended after every span keeps the document's offsets valid
                article = dataclasses.replace(base, text=f"{base.text} Copy {n}.", published=day)
                store.add_article(article, document=document)
    return path


@pytest.fixture()
def store(copies_db: Path) -> Iterator[Store]:
    with Store(copies_db, readonly=True) as opened:
        yield opened


def keys(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["article_id"], r["id"]) for r in rows]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", PAGES)
def test_attributions_seek_and_walk_agree(
    store: Store, code: str, page: queries.Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {}
    for name, cost in (("walk", ALWAYS_WALK), ("seek", ALWAYS_SEEK)):
        monkeypatch.setattr(queries, "SEEK_ROW_COST", cost)
        monkeypatch.setattr(queries, "SEEK_KEY_COST", cost)
        found[name] = keys(queries.attributions(store, page=page, actor=code, since="2022-11-20"))
    assert found["walk"] == found["seek"]
    if code in ("UKR", "RUS") and page.limit == 50:
        assert len(found["seek"]) > 1  # the comparison is not between two empty lists


@pytest.mark.parametrize(
    "filters",
    [
        {"actor": "IRN"},
        {"recipient": "RUS"},
        {"type_": "AID"},
        {"actor": "IRN", "type_": "AID"},
        {"actor": "IRN", "recipient": "RUS", "until": "2022-11-21"},
        {"actor": "NOPE"},
    ],
)
@pytest.mark.parametrize("page", PAGES)
def test_events_seek_and_walk_agree(
    store: Store, filters: dict[str, str], page: queries.Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {}
    for name, cost in (("walk", ALWAYS_WALK), ("seek", ALWAYS_SEEK)):
        monkeypatch.setattr(queries, "SEEK_ROW_COST", cost)
        monkeypatch.setattr(queries, "SEEK_KEY_COST", cost)
        found[name] = keys(queries.events(store, page=page, **filters))  # type: ignore[arg-type]
    assert found["walk"] == found["seek"]
    if filters == {"actor": "IRN"} and page.limit == 50:
        assert len(found["seek"]) >= COPIES


def test_walk_or_seek_follows_the_counts() -> None:
    # a rare value: the walk would step over about 20 * 50,000 / 100 articles
    for keys_only in (True, False):
        assert not queries._walk_is_cheaper(
            driver_rows=100, expected_matches=100, depth=21, articles=50_000, keys_only=keys_only
        )
    # a common one: a few articles fill the page; sorting 90,000 rows would not pay
    assert queries._walk_is_cheaper(
        driver_rows=90_000, expected_matches=90_000, depth=21, articles=50_000, keys_only=True
    )
    # in between, sorting keys from an index alone beats the walk; reading rows does not
    middle = {"driver_rows": 3_000, "expected_matches": 3_000, "depth": 21, "articles": 50_000}
    assert not queries._walk_is_cheaper(**middle, keys_only=True)
    assert queries._walk_is_cheaper(**middle, keys_only=False)
    # nothing matches: seek (an empty index range) rather than walk every article
    assert not queries._walk_is_cheaper(
        driver_rows=0, expected_matches=0, depth=21, articles=9, keys_only=False
    )


@pytest.fixture(scope="module")
def client(copies_db: Path) -> Iterator[TestClient]:
    with make_client(copies_db) as c:
        yield c


@pytest.mark.parametrize("outlet", ["TASS", "tass", "tAsS"])
def test_outlet_matches_without_case(client: TestClient, outlet: str) -> None:
    items = client.get("/api/articles", params={"outlet": outlet, "limit": 50}).json()["items"]
    assert len(items) == COPIES
    assert {a["outlet"] for a in items} == {"TASS"}
    published = [a["published"] for a in items]
    dated = [p for p in published if p is not None]
    assert dated == sorted(dated, reverse=True) and published[-1] is None  # undated last


def test_outlet_unknown_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/articles", params={"outlet": "TAS"}).json()
    assert body["items"] == [] and body["next_offset"] is None


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (2, 1), (50, 0)])
def test_actor_threads_match_the_store(store: Store, code: str, limit: int, offset: int) -> None:
    ours = claim_layer.threads(store, actor=code, limit=limit, offset=offset)
    theirs = store.threads(actor=code, limit=limit, offset=offset)
    assert ours == theirs
    if code in ("IRN", "RUS") and offset == 0:
        assert ours  # "Iran supplies drones to Russia": the fixture thread's subject, object


def test_actor_threads_read_the_rank_indexes(store: Store) -> None:
    plan = " ".join(
        r[3]
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN " + claim_layer._ACTOR_THREADS_SQL, ("UKR", 1, 2, "UKR", 1, 2, 2, 0)
        )
    )
    assert "threads_subject_rank" in plan and "threads_object_rank" in plan


def test_stats_follow_a_write_from_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as writer:
        writer.add_article(ARTICLE_A, document=document_a())
    with make_client(path) as c:
        assert c.get("/api/stats").json()["articles"] == 1
        assert c.get("/api/stats").json()["articles"] == 1  # cached: no change seen
        with Store(path) as writer:
            writer.add_article(ARTICLE_B, document=document_b())
        assert c.get("/api/stats").json()["articles"] == 2
        assert c.get("/api/articles", params={"outlet": "tass"}).json()["items"]
