"""Event mentions on Spark give the store's canonical events, on hand-built reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.model import Article
from claimgraph.spark.linking import Mention, Pair, resolve_block
from claimgraph.spark.tables import MENTIONS, ddl, input_order, mention_rows
from claimgraph.store import Store

SAME = "Iran's mission to the UN requested a joint expert meeting with Ukraine about drones."
PARAPHRASE = (
    "Iran's UN mission requested an expert meeting with Ukraine about the drones on Tuesday."
)
OTHER = "Grain exports from Odesa resumed after talks in Ankara."


def event(
    n: int,
    text: str,
    sentence: str,
    *,
    actor: str | None = "IRN",
    recipient: str | None = "UKR",
    **flags: bool,
) -> dict[str, Any]:
    start = text.index(sentence)
    return {
        "id": f"v{n}",
        "type": "REQUEST",
        "actor": [{"text": "Iran", "start": start, "end": start + 4, "code": actor}]
        if actor
        else [],
        "recipient": [{"text": "Ukraine", "start": start, "end": start + 4, "code": recipient}]
        if recipient
        else [],
        "trigger": {"text": "requested", "start": start, "end": start + 9},
        "sentence": {"start": start, "end": start + len(sentence)},
        "date": None,
        "flags": flags,
    }


def reports() -> list[tuple[Article, dict[str, Any]]]:
    """(article, document) in storage order: repeats, a double in one article, the date
    window, a flag, an unrelated sentence, a paraphrase, an event with no coded actor."""
    specs = [
        ("2022-11-22", [SAME, SAME + " Again."], {}),
        ("2022-11-23", [SAME, SAME + " Again."], {}),
        ("2022-11-30", [SAME], {}),  # eight days after the first: outside the window
        ("2022-11-24", [SAME], {"alleged": True}),
        ("2022-11-22", [OTHER], {}),
        ("2022-11-25", [PARAPHRASE], {}),
        ("2022-11-23", [SAME], {"no_codes": True}),
        ("2022-11-21", [PARAPHRASE, SAME], {}),
    ]
    out = []
    for n, (day, sentences, extra) in enumerate(specs):
        text = f"Report {n}. " + " ".join(sentences)
        article = Article(text=text, published=day, url=f"https://example.org/{n}")
        flags = {"alleged": True} if extra.get("alleged") else {}
        codes: dict[str, Any] = {"actor": None, "recipient": None} if extra.get("no_codes") else {}
        events = [event(i, text, s, **codes, **flags) for i, s in enumerate(sentences)]
        out.append((article, {"article": article.to_dict(), "events": events}))
    return out


def store_canonical(tmp_path: Path) -> dict[tuple[str, str], str]:
    with Store(tmp_path / "m.db") as store:
        for article, document in reports():
            store.add_article(article, document=document)
        return {
            (r[0], r[1]): r[2]
            for r in store.conn.execute("SELECT article_id, id, canonical_event FROM events")
        }


def test_store_links_some_and_not_others(tmp_path: Path) -> None:
    canonical = store_canonical(tmp_path)
    groups = {v for v in canonical.values()}
    assert len(groups) < len(canonical)  # some mentions joined an earlier event
    assert len(groups) > 2  # and several stayed apart


def test_spark_grouping_equals_the_store(spark: Any, tmp_path: Path) -> None:
    from claimgraph.spark.mentions import link_mentions

    rows = []
    for n, (article, document) in enumerate(reports()):
        rows += mention_rows(article.id, document, input_order(0, n))
    frame = spark.createDataFrame(rows, ddl(MENTIONS))
    spark_canonical = {
        (r["article_id"], r["event_id"]): r["canonical_event"]
        for r in link_mentions(frame).collect()
    }
    assert spark_canonical == store_canonical(tmp_path)


def test_resolve_block_keeps_one_mention_per_article_and_event() -> None:
    day = "2022-11-22"
    mentions = [
        Mention("a", "v0", 0, 0, day),
        Mention("a", "v1", 0, 1, day),
        Mention("b", "v0", 1, 0, day),
        Mention("b", "v1", 1, 1, day),
    ]
    pairs = [
        Pair(("a", "v0"), ("b", "v0"), 0.9),
        Pair(("a", "v1"), ("b", "v0"), 0.5),
        Pair(("a", "v0"), ("b", "v1"), 0.9),  # a:v0 is taken by b:v0: falls back to a:v1
        Pair(("a", "v1"), ("b", "v1"), 0.3),
    ]
    assert resolve_block(mentions, pairs) == [
        ("a", "v0", "a:v0"),
        ("a", "v1", "a:v1"),
        ("b", "v0", "a:v0"),
        ("b", "v1", "a:v1"),
    ]


@pytest.mark.parametrize(("first", "second", "expected"), [(0.5, 0.5, "a:v0"), (0.4, 0.5, "c:v0")])
def test_resolve_block_ties_go_to_the_earlier_day(
    first: float, second: float, expected: str
) -> None:
    mentions = [
        Mention("c", "v0", 0, 0, "2022-11-23"),
        Mention("a", "v0", 1, 0, "2022-11-21"),
        Mention("b", "v0", 2, 0, "2022-11-22"),
    ]
    pairs = [Pair(("a", "v0"), ("b", "v0"), first), Pair(("c", "v0"), ("b", "v0"), second)]
    resolved = {(a, e): c for a, e, c in resolve_block(mentions, pairs)}
    assert resolved[("b", "v0")] == expected


def _brute_pairs(signed: list[Any]) -> set[tuple[Any, ...]]:
    from datetime import date

    out = set()
    for a in signed:
        for b in signed:
            days = abs(date.fromisoformat(a.mention.day) - date.fromisoformat(b.mention.day))
            same = sum(x == y for x, y in zip(a.signature, b.signature, strict=True))
            if a.mention.input_order < b.mention.input_order and days.days <= 3 and same >= 26:
                out.add(((a.mention.article_id, a.mention.event_id), b.mention[:2], same))
    return out


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=5),  # article
            st.integers(min_value=0, max_value=10),  # day of November
            st.integers(min_value=0, max_value=3),  # signature family
        ),
        max_size=14,
    )
)
def test_block_pairs_are_the_pairs_same_event_accepts(specs: list[tuple[int, int, int]]) -> None:
    from claimgraph.spark.mentions import Signed, block_pairs

    signed = []
    for n, (article, day, family) in enumerate(specs):
        # signatures of one family share 40 of 128 positions (similarity 0.31), others none
        signature = [family * 1000 + i if i < 40 else n * 1000 + i for i in range(128)]
        mention = Mention(f"a{article}", f"v{n}", article, n, f"2022-11-{day + 1:02d}")
        signed.append(Signed(mention, signature))
    found = {(p.earlier, p.later, round(p.score * 128)) for p in block_pairs(signed)}
    assert found == _brute_pairs(signed)
