"""Reading the store: listing with filters and full-text search, one article, statistics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import NotFoundError
from claimgraph.model import Article, Rejection, article_id
from claimgraph.store import ArticleFilter, Store
from claimgraph.store.queries import MAX_PAGE, fts_query

MakeArticle = Callable[..., Article]

# (title, outlet, published, text)
CORPUS = [
    (
        "Drone deal",
        "UrduPoint",
        "2022-11-22T15:30:00+05:00",
        "Iran denied supplying drones to Russia.",
    ),
    ("Drone plant", "Reuters", "2022-11-23", "Officials said a drone plant would open in Russia."),
    ("Grain talks", "Reuters", "2022-11-20", "Ankara hosted talks on grain exports from Odesa."),
    (
        "Zelensky speech",
        "Kyiv Independent",
        "2022-11-24",
        "Zelenský addressed parliament on energy.",
    ),
    ("Undated note", "TASS", None, "The ministry issued a note without a date."),
    ("Early report", "UrduPoint", "2022-10-01", "Early reports mentioned drones over Kyiv."),
]


@pytest.fixture
def filled(store: Store, make_article: MakeArticle) -> Store:
    for n, (title, outlet, published, text) in enumerate(CORPUS, start=1):
        store.add_article(
            make_article(text, title=title, outlet=outlet, published=published, source_record=n)
        )
    return store


def titles(rows: list[dict[str, object]]) -> list[str]:
    return [str(row["title"]) for row in rows]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (
            ArticleFilter(),
            [
                "Zelensky speech",
                "Drone plant",
                "Drone deal",
                "Grain talks",
                "Early report",
                "Undated note",
            ],
        ),
        (ArticleFilter(outlet="reuters"), ["Drone plant", "Grain talks"]),
        (ArticleFilter(outlet="Nobody"), []),
        (ArticleFilter(since="2022-11-22"), ["Zelensky speech", "Drone plant", "Drone deal"]),
        (ArticleFilter(until="2022-11-22"), ["Drone deal", "Grain talks", "Early report"]),
        (ArticleFilter(since="2022-11-21", until="2022-11-23"), ["Drone plant", "Drone deal"]),
        (ArticleFilter(since="2022-11-22", until="2022-11-22"), ["Drone deal"]),  # whole day
        (ArticleFilter(outlet="UrduPoint", since="2022-11-01"), ["Drone deal"]),
        (ArticleFilter(limit=2), ["Zelensky speech", "Drone plant"]),
        (ArticleFilter(limit=2, offset=2), ["Drone deal", "Grain talks"]),
        (ArticleFilter(limit=0), []),
    ],
)
def test_list_filters(filled: Store, flt: ArticleFilter, expected: list[str]) -> None:
    assert titles(filled.articles(flt)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("grain", ["Grain talks"]),
        ("drones russia", ["Drone deal"]),
        ("drone*", ["Drone deal", "Drone plant", "Early report"]),
        ('"drone plant"', ["Drone plant"]),
        ("grain OR parliament", ["Grain talks", "Zelensky speech"]),
        ("drones NOT kyiv", ["Drone deal"]),
        ("zelensky", ["Zelensky speech"]),
        ("Zelenský", ["Zelensky speech"]),  # diacritics are folded
        ("odesa.", ["Grain talks"]),  # punctuation is dropped, not a syntax error
        ("submarine", []),
        ("AND OR NOT", []),
    ],
)
def test_full_text_query(filled: Store, query: str, expected: list[str]) -> None:
    assert sorted(titles(filled.articles(ArticleFilter(query=query)))) == expected


def test_query_combines_with_filters_and_marks_the_match(filled: Store) -> None:
    rows = filled.articles(ArticleFilter(query="drones", outlet="UrduPoint", since="2022-11-01"))
    assert titles(rows) == ["Drone deal"]
    assert "[drones]" in str(rows[0]["snippet"])


def test_best_match_comes_first(store: Store, make_article: MakeArticle) -> None:
    store.add_article(make_article("A long piece on trade that mentions drones once. " * 5))
    store.add_article(make_article("Drones, drones, drones.", title="Drones"))
    assert titles(store.articles(ArticleFilter(query="drones")))[0] == "Drones"


def test_summaries_carry_no_text(filled: Store) -> None:
    row = filled.articles(ArticleFilter(outlet="TASS"))[0]
    assert "text" not in row
    assert row["chars"] == len(CORPUS[4][3])
    assert row["id"] == article_id(CORPUS[4][3])


def test_page_size_is_capped(filled: Store) -> None:
    assert len(filled.articles(ArticleFilter(limit=MAX_PAGE * 10))) == len(CORPUS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("iran drones", '"iran" "drones"'),
        ('"drone plant" russia', '"drone plant" "russia"'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("drone*", '"drone"*'),
        ("a OR b", '"a" OR "b"'),
        ("OR a", '"a"'),
        ("a OR", '"a"'),
        ("a OR OR b", '"a" OR "b"'),
        ("a NOT b", '"a" NOT "b"'),
        ("(foo) -bar: baz^", '"foo" "bar" "baz"'),
        ("U.S.", '"U S"'),
        ("*", ""),
        ("", ""),
    ],
)
def test_fts_query_translation(query: str, expected: str) -> None:
    assert fts_query(query) == expected


# The store is only read, so sharing it between examples is safe.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_user_query_runs(filled: Store, query: str) -> None:
    rows = filled.articles(ArticleFilter(query=query))  # never an FTS5 syntax error
    assert len(rows) <= len(CORPUS)


def test_get_article_by_id_and_prefix(filled: Store) -> None:
    full = article_id(CORPUS[0][3])
    for key in (full, full[:4], full[:10].upper(), f"  {full[:8]}  "):
        assert filled.get_article(key).article.title == "Drone deal"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("abc", "at least 4 hex digits"),
        ("zzzz", "not an article id"),
        ("", "not an article id"),
        ("0000000000000000", "no article with id"),
        ("ffffffffffffffffff", "no article with id"),
    ],
)
def test_get_article_not_found(filled: Store, key: str, message: str) -> None:
    with pytest.raises(NotFoundError, match=message):
        filled.get_article(key)


def _two_texts_sharing_a_prefix() -> tuple[str, str, str]:
    seen: dict[str, str] = {}
    n = 0
    while True:
        text = f"Statement number {n} from the foreign ministry."
        prefix = article_id(text)[:4]
        if prefix in seen:
            return seen[prefix], text, prefix
        seen[prefix] = text
        n += 1


def test_ambiguous_prefix_asks_for_more_digits(store: Store, make_article: MakeArticle) -> None:
    first, second, prefix = _two_texts_sharing_a_prefix()
    store.add_article(make_article(first))
    store.add_article(make_article(second))
    with pytest.raises(NotFoundError, match="several articles"):
        store.get_article(prefix)
    assert store.get_article(article_id(second)).article.text == second


def test_stats(filled: Store, make_article: MakeArticle) -> None:
    filled.add_article(make_article("A corrected note.", url="https://t.example/n"))
    filled.add_article(make_article("A corrected note, corrected.", url="https://t.example/n"))
    run_id = filled.start_run(["x"], {})
    filled.record_rejection(run_id, Rejection("x", "bad", record=1))
    filled.record_rejection(run_id, Rejection("y", "empty", level="skip"))
    data = filled.stats()
    assert data["articles"] == len(CORPUS) + 2
    assert data["outlets"] == 4
    assert (data["first_published"], data["last_published"]) == ("2022-10-01", "2022-11-24")
    assert data["later_versions"] == 1
    assert data["characters"] == sum(len(c[3]) for c in CORPUS) + 17 + 28
    assert (data["ingest_runs"], data["interrupted_runs"]) == (1, 1)
    assert (data["ingest_errors"], data["ingest_skips"]) == (1, 1)
    assert data["by_outlet"][0] == {
        "outlet": "UrduPoint",
        "articles": 4,
        "first": "2022-10-01",
        "last": "2022-11-22T15:30:00+05:00",
    }
    assert set(data["tables"]) == {
        "entities",
        "times",
        "attributions",
        "events",
        "claims",
        "threads",
    }
    assert set(data["tables"].values()) == {0}


def test_stats_of_an_empty_store(store: Store) -> None:
    data = store.stats()
    assert (data["articles"], data["later_versions"], data["characters"]) == (0, 0, 0)
    assert data["first_published"] is None
    assert data["by_outlet"] == []


def test_ingest_errors_newest_first_and_by_run(store: Store) -> None:
    first = store.start_run(["a"], {})
    store.record_rejection(first, Rejection("a", "one", record=1))
    second = store.start_run(["b"], {})
    store.record_rejection(second, Rejection("b", "two", record=2))
    store.record_rejection(second, Rejection("b", "three", record=3))
    assert [r["reason"] for r in store.ingest_errors()] == ["three", "two", "one"]
    assert [r["reason"] for r in store.ingest_errors(run_id=first)] == ["one"]
    assert [r["reason"] for r in store.ingest_errors(limit=1)] == ["three"]


def test_readonly_store_reads(filled: Store) -> None:
    path: Path = filled.path
    filled.close()
    with Store(path, readonly=True) as ro:
        assert len(ro.articles()) == len(CORPUS)
        assert ro.stats()["articles"] == len(CORPUS)
