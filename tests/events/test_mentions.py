"""Mentions, not duplicates: matching rules (pure), linking in the store, and real reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimgraph.events.mentions import (
    DATE_WINDOW_DAYS,
    MentionKey,
    matching_day,
    mention_key,
    minhash,
    same_event,
    similarity,
    words,
)
from claimgraph.extractor import Extractor
from claimgraph.ingest import ingest
from claimgraph.model import Article
from claimgraph.store import Store

SEED = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "seed"
    / "urdupoint-2022-11-22-iran-drones.txt"
)
SENTENCE = "Iran's mission to the UN requested a joint expert meeting with Ukraine about drones."


def key(**changes: Any) -> MentionKey:
    base = MentionKey(
        type="REQUEST",
        flags=0,
        actors="IRN",
        recipients="UKR",
        day=date(2022, 11, 22),
        signature=minhash(words(SENTENCE)),
    )
    return base._replace(**changes)


# pure rules


def test_minhash_estimates_jaccard() -> None:
    a = {f"w{i}" for i in range(100)}
    b = {f"w{i}" for i in range(50, 150)}  # true Jaccard 50/150
    assert similarity(minhash(a), minhash(a)) == 1.0
    assert abs(similarity(minhash(a), minhash(b)) - 1 / 3) < 0.15
    assert similarity(minhash(a), minhash({"x", "y", "z"})) < 0.1


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({}, True),
        ({"day": date(2022, 11, 22 + DATE_WINDOW_DAYS)}, True),
        ({"day": date(2022, 11, 23 + DATE_WINDOW_DAYS)}, False),
        ({"day": None}, False),
        ({"type": "CONSULT"}, False),
        ({"actors": "TUR"}, False),
        ({"actors": "IRN;RUS"}, False),
        ({"recipients": ""}, False),
        ({"flags": 16}, False),  # alleged
        ({"flags": 1}, False),  # negated
        (
            {
                "signature": minhash(
                    words("Grain exports from Odesa resumed after talks in Ankara.")
                )
            },
            False,
        ),
    ],
)
def test_same_event(changes: dict[str, Any], same: bool) -> None:
    assert same_event(key(), key(**changes)) is same


def test_events_without_codes_never_merge() -> None:
    bare = key(actors="", recipients="")
    assert not same_event(bare, bare)


@pytest.mark.parametrize(
    ("event_date", "published", "day"),
    [
        ("2022-11-21", "2022-11-23T10:00", date(2022, 11, 21)),
        (None, "2022-11-23T10:00", date(2022, 11, 23)),
        ("2022-11", "2022-11-23", date(2022, 11, 23)),  # a month is not a day: publication day
        (None, None, None),
    ],
)
def test_matching_day(event_date: str | None, published: str | None, day: date | None) -> None:
    assert matching_day(event_date, published) == day


def test_mention_key_of_a_contract_event() -> None:
    event = {
        "type": "ACCUSE",
        "actor": [{"code": "USA"}, {"code": "GBR"}, {"code": "USA"}, {"code": None}],
        "recipient": [{"code": "IRN"}],
        "sentence": {"start": 0, "end": len(SENTENCE)},
        "trigger": {"text": "requested"},
        "date": None,
        "flags": {"alleged": True, "negated": True},
    }
    found = mention_key(event, SENTENCE, published="2022-11-22T15:30")
    assert (found.actors, found.recipients, found.flags) == ("GBR;USA", "IRN", 1 | 16)
    assert found.day == date(2022, 11, 22)
    assert similarity(found.signature, key().signature) == 1.0


# linking in the store, with hand-made documents (no pipeline)


def document(text: str, *, alleged: bool = False, actor: str = "IRN") -> dict[str, Any]:
    start = text.index("requested")
    return {
        "events": [
            {
                "id": "v0",
                "type": "REQUEST",
                "mode": "meet",
                "context": [],
                "cameo": "036",
                "goldstein": 4.0,
                "actor": [{"text": "x", "start": 0, "end": 1, "code": actor, "sector": "GOV"}],
                "recipient": [{"text": "y", "start": 0, "end": 1, "code": "UKR"}],
                "trigger": {"text": "requested", "start": start, "end": start + 9},
                "sentence": {"start": 0, "end": len(text)},
                "date": None,
                "date_granularity": None,
                "flags": {"alleged": alleged},
                "attribution": None,
            }
        ]
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "m.db") as opened:
        yield opened


def add(store: Store, text: str, published: str, **kwargs: Any) -> str:
    result = store.add_article(
        Article(text=text, published=published), document=document(text, **kwargs)
    )
    store.link_mentions(result.id)
    return result.id


def canonical(store: Store, article_id: str) -> str:
    row = store.conn.execute(
        "SELECT canonical_event FROM events WHERE article_id = ?", (article_id,)
    ).fetchone()
    return str(row[0])


def test_two_reports_become_one_event_with_two_mentions(store: Store) -> None:
    first = add(store, SENTENCE, "2022-11-22")
    second = add(store, "On Tuesday " + SENTENCE, "2022-11-23")
    assert canonical(store, first) == canonical(store, second) == f"{first}:v0"
    assert store.event_counts() == {"events": 1, "mentions": 2}
    assert store.link_mentions() == 0 and store.link_mentions(second) == 0  # idempotent
    assert store.event_counts() == {"events": 1, "mentions": 2}


@pytest.mark.parametrize(
    ("published", "kwargs"),
    [
        ("2022-12-20", {}),  # another day
        ("2022-11-22", {"actor": "TUR"}),  # another actor
        ("2022-11-22", {"alleged": True}),  # an allegation is not the fact
    ],
)
def test_other_events_stay_apart(store: Store, published: str, kwargs: dict[str, Any]) -> None:
    first = add(store, SENTENCE, "2022-11-22")
    other = add(store, "Meanwhile " + SENTENCE, published, **kwargs)
    assert canonical(store, first) != canonical(store, other)
    assert store.event_counts() == {"events": 2, "mentions": 2}


def test_unlinked_events_are_linked_later(store: Store) -> None:
    """Events stored without linking (before m003, or an interrupted run) count on their own
    and are linked by ``link_mentions()``."""
    for text, day in ((SENTENCE, "2022-11-22"), ("Also " + SENTENCE, "2022-11-22")):
        store.add_article(Article(text=text, published=day), document=document(text))
    assert store.event_counts() == {"events": 1, "mentions": 2}  # linked as they were stored
    store.conn.execute("DELETE FROM event_mentions")  # as a database from before m003 has it
    store.conn.execute("UPDATE events SET canonical_event = NULL")
    assert store.event_counts() == {"events": 2, "mentions": 2}
    assert store.link_mentions() == 1
    assert store.event_counts() == {"events": 1, "mentions": 2}


def test_re_extraction_relinks(store: Store) -> None:
    first = add(store, SENTENCE, "2022-11-22")
    add(store, "On Tuesday " + SENTENCE, "2022-11-22")
    rows = store.conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    assert rows == 2
    store.conn.execute("DELETE FROM events WHERE article_id = ?", (first,))
    assert store.conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 1


# the real pipeline


REPORTS = [
    {
        "outlet": "Example Wire",
        "published": "2022-11-23",
        "text": "Iran's permanent mission to the UN requested on Tuesday a joint expert meeting "
        "with Ukraine to clear up media reports about Iranian drones being produced in Russia, "
        "IRNA reported.",
    },
    {  # a month later: another request
        "outlet": "Example Wire",
        "published": "2022-12-20",
        "text": "Iran's permanent mission to the UN requested on Tuesday a joint expert meeting "
        "with Ukraine about Iranian drones being produced in Russia, IRNA reported again.",
    },
    {  # another actor
        "outlet": "Example Wire",
        "published": "2022-11-23",
        "text": "Turkey's permanent mission to the UN requested on Tuesday a joint expert meeting "
        "with Ukraine to clear up media reports about drones being produced in Russia.",
    },
]


def irn_ukr_requests(store: Store) -> list[tuple[str, int]]:
    rows = store.conn.execute(
        """SELECT coalesce(e.canonical_event, e.article_id || ':' || e.id) AS c, count(*) AS n
        FROM events e WHERE e.type = 'REQUEST' AND e.alleged = 0
        AND EXISTS (SELECT 1 FROM event_participants p WHERE p.article_id = e.article_id
                    AND p.event_id = e.id AND p.role = 'recipient' AND p.code = 'UKR')
        GROUP BY c ORDER BY c"""
    ).fetchall()
    return [(r["c"], r["n"]) for r in rows]


def test_real_reports(tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    extractor = Extractor()
    with Store(tmp_path / "real.db") as store:
        ingest([str(SEED), str(reports)], store, extractor=extractor)
        groups = irn_ukr_requests(store)
        counts = store.event_counts()
        # the seed and the first report: one event, two mentions; the December request and
        # Turkey's request stay apart
        assert sorted(n for _, n in groups) == [1, 1, 2]
        ingest([str(SEED), str(reports)], store, extractor=extractor)  # re-ingest
        assert irn_ukr_requests(store) == groups
        assert store.event_counts() == counts
