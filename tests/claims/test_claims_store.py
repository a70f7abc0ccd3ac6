"""Claims, holders and threads in the store: written with the article, threaded, queried."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import NotFoundError
from claimgraph.model import Article
from claimgraph.store import Store

SUPPLY = "Iran supplied combat drones to Russia for its war in Ukraine"


def article(text: str, published: str, outlet: str = "Outlet") -> Article:
    return Article(
        source_path="x.jsonl",
        source_record=1,
        url=None,
        outlet=outlet,
        published=published,
        title="t",
        byline=None,
        dateline=None,
        language="en",
        encoding="utf-8",
        body_offset=0,
        text=text,
    )


def claim(text: str, holders: list[tuple[str, str]], **kw: Any) -> dict[str, Any]:
    return {
        "id": kw.get("id", "c0"),
        "text": text,
        "start": 0,
        "end": len(text),
        "subject": {"code": kw.get("subject", "IRN"), "name": "Iran"},
        "predicate": kw.get("predicate", "supply"),
        "object": {"code": kw.get("object", "RUS"), "name": "Russia"},
        "terms": kw.get("terms", ["combat", "drone", "war"]),
        "events": [],
        "contested": kw.get("contested", True),
        "evidence": kw.get("evidence"),
        "evidence_voice": "outlet" if kw.get("evidence") else None,
        "evidence_span": None,
        "holders": [
            {"actor": {"code": c, "name": c}, "stance": s, "attribution": None, "event": None}
            for c, s in holders
        ],
    }


def document(art: Article, *claims: dict[str, Any]) -> dict[str, Any]:
    return {
        "article": art.to_dict(),
        "entities": [],
        "times": [],
        "attributions": [],
        "events": [],
        "claims": list(claims),
    }


def add(store: Store, text: str, published: str, *claims: dict[str, Any], outlet: str = "O") -> str:
    art = article(text, published, outlet)
    store.add_article(art, document=document(art, *claims))
    return art.id


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "c.db")


def test_one_claim_reported_by_three_outlets_is_one_thread(store: Store) -> None:
    add(store, "a " + SUPPLY, "2022-10-01", claim(SUPPLY, [("UKR", "assert")]), outlet="Kyiv")
    add(
        store,
        "b " + SUPPLY,
        "2022-10-05",
        claim("Iran has supplied Russia with combat drones for the war", [("IRN", "deny")]),
        outlet="IRNA",
    )
    add(
        store,
        "c " + SUPPLY,
        "2022-10-09",
        claim("Iran supplies combat drones to Russia", [("USA", "assert"), ("RUS", "deny")]),
        outlet="WaPo",
    )
    add(
        store,
        "d other",
        "2022-10-10",
        claim(
            "Iran trains Russian pilots at a base in Crimea",
            [("UKR", "assert")],
            predicate="train",
            terms=["pilot", "base"],
        ),
    )
    (top, other) = store.threads(limit=10)
    assert [a["outlet"] for a in top["articles"]] == ["Kyiv", "IRNA", "WaPo"]
    assert (top["first_seen"], top["last_seen"]) == ("2022-10-01", "2022-10-09")
    assert top["balance"] == {"assert": 2, "deny": 2}
    assert top["schema"] == "claimgraph.thread/1"
    assert len(other["articles"]) == 1
    assert store.thread(top["id"]) == top
    assert [t["id"] for t in store.threads(min_articles=2)] == [top["id"]]


def test_threads_never_join_different_actor_signatures(store: Store) -> None:
    add(store, "a", "2022-10-01", claim(SUPPLY, [("UKR", "assert")]))
    add(store, "b", "2022-10-02", claim(SUPPLY, [("UKR", "assert")], object="SYR"))
    assert sorted(len(t["articles"]) for t in store.threads()) == [1, 1]


def test_claim_queries(store: Store) -> None:
    first = add(
        store, "a", "2022-10-01", claim(SUPPLY, [("UKR", "assert")], evidence="none_presented")
    )
    add(
        store,
        "b",
        "2022-11-01",
        claim(
            "Russia shelled the Zaporizhzhia plant",
            [("UKR", "assert"), ("RUS", "deny")],
            subject="RUS",
            object="UKR",
            predicate="shell",
            terms=["plant"],
        ),
    )
    assert [c["text"] for c in store.claims(actor="IRN")] == [SUPPLY]
    assert [c["article_id"] for c in store.claims(actor="UKR")][-1] == first
    assert [c["predicate"] for c in store.claims(about="drones")] == ["supply"]
    assert [c["predicate"] for c in store.claims(about="plant", actor="RUS")] == ["shell"]
    assert store.claims(about="plant", actor="IRN") == []
    assert [c["predicate"] for c in store.claims(since="2022-10-15")] == ["shell"]
    assert [c["predicate"] for c in store.claims(actor="UKR", since="2022-10-15")] == ["shell"]
    assert store.claims(about='" OR 1') == []  # quoted: no FTS syntax from the user
    (c,) = store.claims(actor="IRN")
    assert c["evidence"] == "none_presented" and c["thread_id"]
    assert len(store.claims(limit=1)) == 1 and len(store.claims(limit=1, offset=1)) == 1


def test_actor_profile(store: Store) -> None:
    add(store, "a", "2022-10-01", claim(SUPPLY, [("UKR", "assert"), ("IRN", "deny")]))
    profile = store.actor_profile("IRN")
    assert [c["predicate"] for c in profile["denies"]] == ["supply"]
    assert [c["predicate"] for c in profile["accused_of"]] == ["supply"]
    assert profile["asserts"] == []
    assert [c["predicate"] for c in store.actor_profile("UKR")["asserts"]] == ["supply"]
    with pytest.raises(NotFoundError):
        store.actor_profile("XYZ")
    with pytest.raises(NotFoundError):
        store.thread("nope")


def test_re_extraction_replaces_claims_and_repairs_threads(store: Store) -> None:
    art = article("a " + SUPPLY, "2022-10-01")
    store.add_article(art)  # stored without extraction first
    store.add_article(art, document=document(art, claim(SUPPLY, [("UKR", "assert")])))
    add(store, "b", "2022-10-02", claim(SUPPLY, [("USA", "assert")]))
    (thread,) = store.threads()
    assert len(thread["articles"]) == 2
    rows = store.conn.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH 'drones'")
    assert rows.fetchone()[0] == 2


def test_summaries_carry_the_full_threads_counts(store: Store) -> None:
    add(store, "a", "2022-10-01", claim(SUPPLY, [("UKR", "assert"), ("IRN", "deny")]))
    add(store, "b", "2022-10-02", claim(SUPPLY, [("USA", "assert"), ("RUS", "doubt")]))
    (full,) = store.threads()
    (summary,) = store.threads(full=False)
    assert summary["balance"] == full["balance"] == {"assert": 2, "deny": 1, "doubt": 1}
    assert (summary["article_count"], summary["claim_count"]) == (2, 2)
    assert "articles" not in summary
    assert [t["id"] for t in store.threads(about="drones", full=False)] == [full["id"]]
    assert store.threads(about="pilots") == []


def test_both_full_text_plans_give_the_same_page(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.store import claims as stored

    for n in range(12):
        add(store, f"a{n}", f"2022-10-{n + 1:02d}", claim(f"{SUPPLY} {n}", [("UKR", "assert")]))
    add(store, "x", "2022-10-20", claim("Russia shelled the plant", [("UKR", "assert")],
                                        subject="RUS", object="UKR", terms=["plant"]))  # fmt: skip
    rare = store.claims(about="drones", actor="UKR", limit=5, offset=2)
    monkeypatch.setattr(stored, "FTS_DRIVE_MAX", 0)  # every query is now "common"
    common = store.claims(about="drones", actor="UKR", limit=5, offset=2)
    assert [c["article_id"] for c in common] == [c["article_id"] for c in rare]
    assert len(common) == 5 and all("drones" in c["text"] for c in common)


def test_thread_book_assigns_as_the_store_does(tmp_path: Path) -> None:
    """The in-memory replay (used on Spark) gives every claim the store's thread."""
    import random

    from claimgraph.claims.threads import ThreadBook

    rng = random.Random(7)
    actors, verbs = ["IRN", "RUS", "UKR", None], ["supply", "send", "attack", "meet"]
    words = ["drone", "missile", "grain", "talks", "war", "plant", "oil"]
    book = ThreadBook()
    expected: dict[tuple[str, str], str | None] = {}
    with Store(tmp_path / "book.db") as store:
        for n in range(120):
            day = None if n % 17 == 0 else f"2022-{1 + n % 12:02d}-{1 + n % 27:02d}"
            claims = [
                claim(
                    " ".join(rng.sample(words, 3)),
                    [("UKR", rng.choice(["assert", "deny"]))],
                    id=f"c{k}",
                    subject=rng.choice(actors),
                    object=rng.choice(actors),
                    predicate=rng.choice(verbs),
                    terms=rng.sample(words, 2),
                )
                for k in range(3)
            ]
            art = article(f"article {n}", day or "")
            store.add_article(art, document=document(art, *claims))
            for c in claims:
                expected[(art.id, c["id"])] = book.assign(art.id, c, day)
        stored = {
            (r[0], r[1]): r[2]
            for r in store.conn.execute("SELECT article_id, id, thread_id FROM claims")
        }
    assert stored == expected
    assert len(set(stored.values())) < len(stored) - 20  # threads were joined, not all new
