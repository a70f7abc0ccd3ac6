"""What extraction stores (tables of m002) and ``Store.extraction`` gives back.

A hand-made document checks the round trip exactly; ingest with the real extractor (loaded
once for the module) checks that documents are stored with their articles.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import StoreError
from claimgraph.extractor import Extractor
from claimgraph.ingest import ingest
from claimgraph.model import Article
from claimgraph.store import AddStatus, Store

MakeArticle = Callable[..., Article]
Counts = Callable[[Path], dict[str, int]]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = EXAMPLES / "seed" / "urdupoint-2022-11-22-iran-drones.txt"
EXTRACTION_TABLES = ("entities", "times", "attributions", "attribution_cites")

TEXT = "“We will not,” Tehran said on Tuesday, “accept it.” IRNA reported it, citing officials."
ACTOR = {"code": "IRN", "sector": "GOV", "name": "Iran", "wikidata": "Q794"}


def _at(phrase: str, *, after: str = "", **extra: Any) -> dict[str, Any]:
    start = TEXT.index(phrase, TEXT.index(after) + len(after) if after else 0)
    return {"text": phrase, "start": start, "end": start + len(phrase), **extra}


QUOTE = (TEXT.index("“accept"), TEXT.index("IRNA") - 1)
DOCUMENT: dict[str, Any] = {
    "schema": "claimgraph.document/1",
    "entities": [
        {**_at("Tehran"), "id": "n0", "label": "GPE", "actor": ACTOR},
        {**_at("IRNA"), "id": "n1", "label": "ORG", "actor": None},
    ],
    "times": [
        {
            **_at("on Tuesday"),
            "value": "2022-11-22",
            "granularity": "day",
            "kind": "date",
            "anchor": "2022-11-22",
        }
    ],
    "attributions": [
        {
            "id": "a0",
            "source": _at("Tehran", actor=ACTOR),
            "cue": _at("said"),
            "content": {
                "text": TEXT[: QUOTE[1]],
                "start": 0,
                "end": QUOTE[1],
                "fragments": [[0, len("“We will not,”")], list(QUOTE)],
            },
            "kind": "direct",
            "stance": "assert",
            "cites": [],
            "time": {"text": "on Tuesday", "value": "2022-11-22", "granularity": "day"},
        },
        {
            "id": "a1",
            "source": _at("IRNA", actor=None),
            "cue": _at("reported"),
            "content": _at("it", after="reported"),
            "kind": "indirect",
            "stance": "assert",
            "cites": ["a2", "a0"],
            "time": None,
        },
        {
            "id": "a2",
            "source": _at("officials", actor=None),
            "cue": _at("citing"),
            "content": None,
            "kind": "indirect",
            "stance": "assert",
            "cites": [],
            "time": None,
        },
    ],
}


def stored_form(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What the store keeps of a document: the contract's fields (cites as a set, no
    ``sentence``/``rule``/``nested_in``/``actors``, which claimgraph adds on top)."""

    def actor(obj: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if obj is None else {k: obj[k] for k in ("code", "sector", "name", "wikidata")}

    def span(obj: dict[str, Any] | None, *extra: str) -> dict[str, Any] | None:
        if obj is None:
            return None
        keys = ("text", "start", "end", *extra)
        out = {k: obj[k] for k in keys if k in obj}
        if "actor" in extra:
            out["actor"] = actor(obj.get("actor"))
        return out

    return {
        "entities": sorted(
            (
                {**span(e), "id": e["id"], "label": e["label"], "actor": actor(e["actor"])}
                for e in document["entities"]
            ),  # type: ignore[dict-item]
            key=lambda e: e["id"],
        ),
        "times": [
            {
                **span(t),  # type: ignore[dict-item]
                "value": t["value"],
                "granularity": t["granularity"],
                "anchor": t.get("anchor"),
            }
            for t in document["times"]
        ],
        "attributions": [
            {
                "id": a["id"],
                "source": span(a["source"], "actor"),
                "cue": span(a["cue"]),
                "content": span(a["content"], "fragments"),
                "kind": a["kind"],
                "stance": a["stance"],
                "cites": sorted(a["cites"]),
                "time": a["time"],
            }
            for a in document["attributions"]
        ],
    }


def loaded_form(loaded: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {**loaded, "entities": sorted(loaded["entities"], key=lambda e: e["id"])}


def rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_round_trip_of_a_document(store: Store, make_article: MakeArticle) -> None:
    article = make_article(TEXT)
    result = store.add_article(article, document=DOCUMENT)
    assert result.status == AddStatus.ADDED
    assert store.is_extracted(article.id)
    assert loaded_form(store.extraction(article.id)) == stored_form(DOCUMENT)


def test_fragments_and_cites_are_stored_as_rows(
    store: Store, make_article: MakeArticle, db_path: Path
) -> None:
    article = make_article(TEXT)
    store.add_article(article, document=DOCUMENT)
    (fragments,) = rows(db_path, "SELECT content_fragments FROM attributions WHERE id = 'a0'")
    assert json.loads(fragments[0]) == DOCUMENT["attributions"][0]["content"]["fragments"]
    assert sorted(rows(db_path, "SELECT attribution_id, cited FROM attribution_cites")) == [
        ("a1", "a0"),
        ("a1", "a2"),
    ]


def test_article_without_extraction(store: Store, make_article: MakeArticle) -> None:
    article = make_article(TEXT)
    store.add_article(article)
    assert not store.is_extracted(article.id)
    assert store.extraction(article.id) == {"entities": [], "times": [], "attributions": []}


def test_document_and_article_share_one_transaction(
    store: Store, make_article: MakeArticle, counts: Counts, db_path: Path
) -> None:
    """A document the schema refuses takes its article down with it: nothing is written."""
    broken = {
        **DOCUMENT,
        "attributions": [{**DOCUMENT["attributions"][0], "kind": "hearsay"}],  # CHECK fails
    }
    before = counts(db_path)
    with pytest.raises(StoreError):
        store.add_article(make_article(TEXT), document=broken)
    assert counts(db_path) == before
    assert rows(db_path, "SELECT count(*) FROM articles") == [(0,)]


def test_extraction_is_added_to_a_stored_article_once(
    store: Store, make_article: MakeArticle, counts: Counts, db_path: Path
) -> None:
    article = make_article(TEXT)
    store.add_article(article)
    assert store.add_article(article, document=DOCUMENT).status == AddStatus.DUPLICATE
    assert store.is_extracted(article.id)
    after = counts(db_path)
    other = {**DOCUMENT, "entities": [], "times": [], "attributions": []}
    store.add_article(article, document=other)  # already extracted: kept as it was
    assert counts(db_path) == after
    assert loaded_form(store.extraction(article.id)) == stored_form(DOCUMENT)


# ingest with the real extractor


class CountingExtractor(Extractor):
    """The module's extractor, counting the articles it is asked to extract."""

    def __init__(self, inner: Extractor) -> None:
        super().__init__(nlp=inner.nlp, kb=inner.kb)
        self.extracted: list[str] = []

    def extract_batch(self, articles: list[Article]) -> list[dict[str, Any]]:
        self.extracted += [a.id for a in articles]
        return super().extract_batch(articles)


@pytest.fixture(scope="module")
def shared_extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def extractor(shared_extractor: Extractor) -> CountingExtractor:
    return CountingExtractor(shared_extractor)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(
        "Moscow and Tehran denied the allegations on Tuesday, the Post reported, citing "
        "officials.\n“We will not,” the minister said, “accept it.”\n",
        encoding="utf-8",
    )
    return path


def inputs(news: Path) -> list[str]:
    return [str(SEED), str(news)]


def documents_for(paths: Iterable[str], extractor: Extractor) -> dict[str, dict[str, Any]]:
    from claimgraph.readers import ReadOptions, read

    articles = [a for a in read(list(paths), ReadOptions()) if isinstance(a, Article)]
    return {a.id: d for a, d in zip(articles, extractor.extract_many(articles), strict=True)}


def test_ingest_stores_extractions(
    db_path: Path, news: Path, extractor: CountingExtractor, counts: Counts
) -> None:
    with Store(db_path) as store:
        report = ingest(inputs(news), store, extractor=extractor)
        assert report.counts["added"] == 2
        ids = list(extractor.extracted)
        assert len(ids) == 2
        assert all(store.is_extracted(i) for i in ids)
    tables = counts(db_path)
    for table in EXTRACTION_TABLES:
        assert tables[table] > 0, table
    assert rows(db_path, "SELECT count(*) FROM articles WHERE extracted_at IS NULL") == [(0,)]


def test_stored_extraction_is_the_document(
    db_path: Path, news: Path, extractor: CountingExtractor
) -> None:
    expected = documents_for(inputs(news), extractor)
    with Store(db_path) as store:
        ingest(inputs(news), store, extractor=extractor)
        for article_id, document in expected.items():
            assert loaded_form(store.extraction(article_id)) == stored_form(document)
    seed = next(d for d in expected.values() if d["article"]["outlet"] == "UrduPoint.com")
    cited = [(a["id"], c) for a in seed["attributions"] for c in a["cites"]]
    assert cited, "the seed's IRNA report cites the mission"
    codes = {
        a["source"]["actor"]["code"]
        for a in seed["attributions"]
        if a["source"] and a["source"]["actor"]
    }
    assert {"IRN", "USA"} <= codes


def test_reingest_is_a_no_op(
    db_path: Path, news: Path, extractor: CountingExtractor, counts: Counts
) -> None:
    with Store(db_path) as store:
        ingest(inputs(news), store, extractor=extractor)
    before = {t: n for t, n in counts(db_path).items() if t != "ingest_runs"}
    extractor.extracted.clear()
    with Store(db_path) as store:
        report = ingest(inputs(news), store, extractor=extractor)
    assert report.counts["duplicates"] == 2
    assert report.counts["added"] == 0
    assert extractor.extracted == []  # stored and extracted already: no NLP at all
    assert {t: n for t, n in counts(db_path).items() if t != "ingest_runs"} == before


def test_no_extract_then_extract_adds_the_extraction(
    db_path: Path, news: Path, extractor: CountingExtractor, counts: Counts
) -> None:
    with Store(db_path) as store:
        ingest(inputs(news), store)  # what `claimgraph ingest --no-extract` does
    plain = counts(db_path)
    assert all(plain[t] == 0 for t in EXTRACTION_TABLES)
    assert rows(db_path, "SELECT count(*) FROM articles WHERE extracted_at IS NULL") == [(2,)]

    with Store(db_path) as store:
        report = ingest(inputs(news), store, extractor=extractor)
        assert report.counts["duplicates"] == 2
        assert len(extractor.extracted) == 2
        expected = documents_for(inputs(news), extractor)
        for article_id, document in expected.items():
            assert store.is_extracted(article_id)
            assert loaded_form(store.extraction(article_id)) == stored_form(document)
    extracted = counts(db_path)
    assert extracted["articles"] == plain["articles"]
    assert all(extracted[t] > 0 for t in EXTRACTION_TABLES)


def test_event_participants_keep_where_a_context_code_came_from(
    store: Store, make_article: MakeArticle
) -> None:
    text = "Police arrested students in Tehran."
    start = text.index("Tehran")
    named = {"text": "Tehran", "start": start, "end": start + 6, "code": "IRN", "sector": "GOV"}
    police = {"text": "Police", "start": 0, "end": 6, "code": "IRN", "sector": "COP"}
    event = {
        "id": "v0",
        "type": "COERCE",
        "mode": "arrest",
        "context": [],
        "cameo": "173",
        "goldstein": -5.0,
        "actor": [{**police, "wikidata": None, "inferred": "dateline"}],
        "recipient": [{**named, "wikidata": "Q794"}],
        "trigger": {"text": "arrested", "start": 7, "end": 15},
        "sentence": {"start": 0, "end": len(text)},
        "date": None,
        "date_granularity": None,
        "flags": dict.fromkeys(
            ("negated", "hypothetical", "future", "historical", "alleged"), False
        ),
        "attribution": None,
    }
    document = {"entities": [], "times": [], "attributions": [], "events": [event], "claims": []}
    article = make_article(text)
    store.add_article(article, document=document)
    [stored] = store.events(article.id)
    assert stored["actor"] == event["actor"]
    assert "inferred" not in stored["recipient"][0]  # named: the key is absent, as in the contract
    assert stored["recipient"][0]["code"] == "IRN"
