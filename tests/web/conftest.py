"""A small database built by hand (no NLP): two articles that share a claim thread, and one
carrying script and event-handler payloads in every field the UI shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimgraph.model import Article, Dateline
from claimgraph.store import Store
from claimgraph.web import Limits, create_app

XSS_SCRIPT = "<script>window.__xss = 1; alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2; alert(2)">'
XSS_SVG = '"><svg onload="window.__xss = 3; alert(3)">'
XSS_TITLE = f"{XSS_SCRIPT}Evil {XSS_IMG} title"
XSS_OUTLET = f"{XSS_IMG}Evil Outlet"
XSS_TEXT = (
    f"The ministry {XSS_SCRIPT} said that {XSS_IMG} Evilland supplies drones {XSS_SVG} to "
    "Russia on Monday."
)


def span(text: str, part: str, *, after: int = 0) -> dict[str, Any]:
    start = text.index(part, after)
    return {"text": part, "start": start, "end": start + len(part)}


def actor(code: str, name: str, sector: str | None = "GOV") -> dict[str, Any]:
    return {"code": code, "sector": sector, "name": name, "wikidata": None}


def entity(text: str, part: str, nid: str, a: dict[str, Any]) -> dict[str, Any]:
    return {"id": nid, **span(text, part), "label": "GPE", "actor": a}


UKR, IRN, RUS = actor("UKR", "Ukraine"), actor("IRN", "Iran"), actor("RUS", "Russia")

TEXT_A = (
    "Ukraine said on Sunday that Iran supplies combat drones to Russia, citing intelligence "
    "data. The intelligence service reported that the drones were delivered in August."
)
TEXT_B = (
    "Russia denied on Friday that Iran supplies combat drones to Russia. Moscow called the "
    "accusations baseless."
)


def document_a() -> dict[str, Any]:
    t = TEXT_A
    content = span(t, "Iran supplies combat drones to Russia")
    return {
        "entities": [
            entity(t, "Ukraine", "n0", UKR),
            entity(t, "Iran", "n1", IRN),
            entity(t, "Russia", "n2", RUS),
        ],
        "times": [{**span(t, "on Sunday"), "value": "2022-11-20", "granularity": "day"}],
        "attributions": [
            {
                "id": "a0",
                "source": {**span(t, "Ukraine"), "actor": UKR},
                "cue": span(t, "said"),
                "content": content,
                "kind": "indirect",
                "stance": "assert",
                "cites": ["a1"],
                "time": {"text": "on Sunday", "value": "2022-11-20", "granularity": "day"},
            },
            {
                "id": "a1",
                "source": {**span(t, "The intelligence service"), "actor": None},
                "cue": span(t, "reported"),
                "content": span(t, "the drones were delivered in August"),
                "kind": "indirect",
                "stance": "assert",
                "cites": [],
                "time": None,
            },
        ],
        "events": [
            {
                "id": "v0",
                "type": "AID",
                "mode": "military",
                "context": ["military"],
                "cameo": "0713",
                "goldstein": 8.3,
                "actor": [{**span(t, "Iran"), "code": "IRN", "sector": "GOV", "wikidata": None}],
                "recipient": [
                    {**span(t, "Russia"), "code": "RUS", "sector": "GOV", "wikidata": None}
                ],
                "trigger": span(t, "supplies"),
                "sentence": {"start": 0, "end": t.index(".") + 1},
                "date": "2022-11-20",
                "date_granularity": "day",
                "flags": {
                    "negated": False,
                    "hypothetical": False,
                    "future": False,
                    "historical": False,
                    "alleged": True,
                },
                "attribution": "a0",
            }
        ],
        "claims": [
            {
                **span(t, "Iran supplies combat drones to Russia"),
                "id": "c0",
                "subject": {"code": "IRN", "name": "Iran", "sector": "GOV"},
                "predicate": "supply",
                "object": {"code": "RUS", "name": "Russia", "sector": "GOV"},
                "terms": ["drones"],
                "evidence": "presented",
                "holders": [
                    {
                        "actor": {"code": "UKR", "name": "Ukraine"},
                        "stance": "assert",
                        "attribution": "a0",
                        "event": "v0",
                    }
                ],
            }
        ],
    }


def document_b() -> dict[str, Any]:
    t = TEXT_B
    return {
        "entities": [entity(t, "Russia", "n0", RUS), entity(t, "Iran", "n1", IRN)],
        "times": [{**span(t, "on Friday"), "value": "2022-11-25", "granularity": "day"}],
        "attributions": [
            {
                "id": "a0",
                "source": {**span(t, "Russia"), "actor": RUS},
                "cue": span(t, "denied"),
                "content": span(t, "Iran supplies combat drones to Russia"),
                "kind": "indirect",
                "stance": "deny",
                "cites": [],
                "time": None,
            }
        ],
        "events": [],
        "claims": [
            {
                **span(t, "Iran supplies combat drones to Russia"),
                "id": "c0",
                "subject": {"code": "IRN", "name": "Iran", "sector": "GOV"},
                "predicate": "supply",
                "object": {"code": "RUS", "name": "Russia", "sector": "GOV"},
                "terms": ["drones"],
                "evidence": None,
                "holders": [
                    {
                        "actor": {"code": "RUS", "name": "Russia"},
                        "stance": "deny",
                        "attribution": "a0",
                        "event": None,
                    }
                ],
            }
        ],
    }


def document_xss() -> dict[str, Any]:
    t = XSS_TEXT
    evil = {"code": "XSS", "sector": "GOV", "name": f"{XSS_IMG}Evilland", "wikidata": None}
    return {
        "entities": [entity(t, "Evilland", "n0", evil)],
        "times": [],
        "attributions": [
            {
                "id": "a0",
                "source": {**span(t, "The ministry " + XSS_SCRIPT), "actor": evil},
                "cue": span(t, "said"),
                "content": span(t, f"{XSS_IMG} Evilland supplies drones {XSS_SVG}"),
                "kind": "indirect",
                "stance": "assert",
                "cites": [XSS_SCRIPT],
                "time": None,
            }
        ],
        "events": [],
        "claims": [
            {
                **span(t, f"Evilland supplies drones {XSS_SVG}"),
                "id": "c0",
                "subject": {"code": "XSS", "name": evil["name"], "sector": "GOV"},
                "predicate": "supply",
                "object": {"code": "RUS", "name": "Russia", "sector": "GOV"},
                "terms": [XSS_SCRIPT],
                "evidence": None,
                "holders": [
                    {
                        "actor": {"code": "XSS", "name": evil["name"]},
                        "stance": "assert",
                        "attribution": "a0",
                        "event": None,
                    }
                ],
            }
        ],
    }


ARTICLE_A = Article(
    text=TEXT_A,
    outlet="Kyiv Independent",
    published="2022-11-20",
    title="Ukraine: Iran supplies drones to Russia",
    dateline=Dateline("KYIV", ("Reuters",), "2022-11-20"),
    language="en",
)
ARTICLE_B = Article(
    text=TEXT_B,
    outlet="TASS",
    published="2022-11-25",
    title="Moscow denies drone supplies",
    language="en",
)
ARTICLE_XSS = Article(
    text=XSS_TEXT,
    outlet=XSS_OUTLET,
    published="2022-11-23",
    title=XSS_TITLE,
    byline=XSS_SCRIPT,
    url="javascript:alert(9)",
    dateline=Dateline(XSS_IMG, (XSS_SCRIPT,), None),
    language="en",
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        store.add_article(ARTICLE_A, document=document_a())
        store.add_article(ARTICLE_B, document=document_b())
        store.add_article(ARTICLE_XSS, document=document_xss())
    return path


@pytest.fixture(scope="session")
def ids() -> dict[str, str]:
    return {"a": ARTICLE_A.id, "b": ARTICLE_B.id, "xss": ARTICLE_XSS.id}


@pytest.fixture(scope="session")
def thread_id(web_db: Path) -> str:
    with Store(web_db, readonly=True) as store:
        found = store.claims(actor="UKR")
    assert found and found[0]["thread_id"], "fixture claims should be threaded"
    return str(found[0]["thread_id"])


def make_client(db: Path, **limits: Any) -> TestClient:
    return TestClient(create_app(db, limits=Limits(**limits)), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    with make_client(web_db) as c:
        yield c
