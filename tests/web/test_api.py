"""The JSON API over the hand-built database (tests/web/conftest.py)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from fastapi.testclient import TestClient

from .conftest import ARTICLE_A, TEXT_A


def test_stats_counts_the_fixture(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["articles"] == 3
    assert body["tables"]["attributions"] == 4


def test_articles_page_newest_first_with_next_offset(
    client: TestClient, ids: dict[str, str]
) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert [a["id"] for a in first["items"]] == [ids["b"]]  # 2022-11-25 is the newest
    assert first["next_offset"] == 1
    rest = client.get("/api/articles", params={"limit": 5, "offset": 1}).json()
    assert [a["id"] for a in rest["items"]] == [ids["xss"], ids["a"]]
    assert rest["next_offset"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "TASS"}, ["b"]),
        ({"since": "2022-11-21", "until": "2022-11-24"}, ["xss"]),
        ({"q": "intelligence"}, ["a"]),
        ({"q": "' OR 1=1 --"}, []),  # user text never reaches SQL as SQL
    ],
)
def test_article_filters(
    client: TestClient, ids: dict[str, str], params: dict[str, str], expected: list[str]
) -> None:
    body = client.get("/api/articles", params=params).json()
    assert [a["id"] for a in body["items"]] == [ids[k] for k in expected]


def test_article_by_prefix_has_its_extraction(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/articles/{ids['a'][:8]}").json()
    assert body["id"] == ids["a"]
    assert body["text"] == TEXT_A
    assert [a["id"] for a in body["attributions"]] == ["a0", "a1"]
    assert body["attributions"][0]["cites"] == ["a1"]
    assert body["events"][0]["type"] == "AID"
    assert body["claims"][0]["holders"][0]["stance"] == "assert"
    assert body["dateline"]["credits"] == list(ARTICLE_A.dateline.credits)  # type: ignore[union-attr]


def test_search_finds_articles_actors_and_claims(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/search", params={"q": "drones"}).json()
    assert {a["id"] for a in body["articles"]} >= {ids["a"], ids["b"]}
    assert {c["article_id"] for c in body["claims"]} >= {ids["a"], ids["b"]}
    actors = client.get("/api/search", params={"q": "iran"}).json()["actors"]
    assert [a["code"] for a in actors] == ["IRN"]


def test_actors_list_and_filter(client: TestClient) -> None:
    body = client.get("/api/actors", params={"limit": 200}).json()
    codes = [a["code"] for a in body["items"]]
    assert set(codes) == {"UKR", "IRN", "RUS", "XSS"}
    assert codes.index("IRN") < codes.index("UKR")  # in two articles, UKR in one
    assert [a["code"] for a in client.get("/api/actors", params={"q": "ukr"}).json()["items"]] == [
        "UKR"
    ]


def test_actor_profile(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/actors/RUS").json()
    assert body["as_source"] == 1
    assert body["events_as_recipient"] == 1
    assert [c["article_id"] for c in body["claims"]["denies"]] == [ids["b"]]
    assert [t["article_id"] for t in body["attributions"]] == [ids["b"]]


def test_actor_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/actors/NOPE")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E201"


def test_attributions_filters(client: TestClient, ids: dict[str, str]) -> None:
    denies = client.get("/api/attributions", params={"stance": "deny"}).json()["items"]
    assert [(t["article_id"], t["id"]) for t in denies] == [(ids["b"], "a0")]
    by_actor = client.get("/api/attributions", params={"actor": "UKR"}).json()["items"]
    assert by_actor[0]["cites"] == ["a1"]
    assert by_actor[0]["source"]["actor"]["code"] == "UKR"


def test_events_filters(client: TestClient, ids: dict[str, str]) -> None:
    found = client.get("/api/events", params={"actor": "IRN", "type": "AID"}).json()["items"]
    assert [(e["article_id"], e["id"]) for e in found] == [(ids["a"], "v0")]
    assert found[0]["flags"]["alleged"] is True
    assert client.get("/api/events", params={"actor": "RUS"}).json()["items"] == []


def test_claims_and_threads(client: TestClient, ids: dict[str, str], thread_id: str) -> None:
    claims = client.get("/api/claims", params={"actor": "RUS", "about": "drones"}).json()["items"]
    assert {c["article_id"] for c in claims} >= {ids["a"], ids["b"]}
    threads = client.get("/api/threads", params={"actor": "IRN"}).json()["items"]
    assert thread_id in [t["id"] for t in threads]
    thread = client.get(f"/api/threads/{thread_id}").json()
    assert thread["schema"] == "claimgraph.thread/1"
    assert [a["article_id"] for a in thread["articles"]] == [ids["a"], ids["b"]]
    assert thread["balance"] == {"assert": 1, "deny": 1}


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/actors",
        "/api/actors/{code}",
        "/api/attributions",
        "/api/events",
        "/api/claims",
        "/api/threads",
        "/api/threads/{thread_id}",
        "/api/export/{fmt}",
    }
    limit = next(
        p for p in spec["paths"]["/api/articles"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 200
    assert "ErrorBody" in spec["components"]["schemas"]


def test_export_jsonl_documents(client: TestClient, ids: dict[str, str]) -> None:
    response = client.get("/api/export/jsonl")
    assert response.status_code == 200
    assert "claimgraph-documents.jsonl" in response.headers["content-disposition"]
    docs = [json.loads(line) for line in response.text.splitlines()]
    assert {d["article"]["id"] for d in docs} == set(ids.values())
    assert all(d["schema"] == "claimgraph.document/1" for d in docs)


def test_export_date_range(client: TestClient, ids: dict[str, str]) -> None:
    response = client.get("/api/export/jsonl", params={"since": "2022-11-24"})
    assert [json.loads(line)["article"]["id"] for line in response.text.splitlines()] == [ids["b"]]


def test_export_plover_and_cameo(client: TestClient) -> None:
    plover = client.get("/api/export/plover").text.splitlines()
    assert len(plover) == 1 and json.loads(plover[0])["event"] == ["AID"]
    cameo = client.get("/api/export/cameo-tsv").text.splitlines()
    assert cameo[0].startswith("GLOBALEVENTID\t") and len(cameo) == 2


def test_export_csv_is_a_zip_of_tables(client: TestClient) -> None:
    response = client.get("/api/export/csv")
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
        assert {"articles.csv", "attributions.csv", "events.csv"} <= names
        assert archive.read("articles.csv").decode().count("\n") == 4  # header + 3
