"""Every failure answers ``{"error": {"code", "status", "message"}}`` and nothing else."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from claimgraph.web import db as web_db_module
from claimgraph.web import queries

from .conftest import make_client

ERROR_KEYS = {"code", "status", "message"}


def assert_error(response: Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["message"])


Request = Callable[[TestClient], Response]

CASES: list[tuple[str, Request, int, str]] = [
    ("unknown route", lambda c: c.get("/api/nothing-here"), 404, "E330"),
    ("unknown article", lambda c: c.get("/api/articles/ffffffffffff"), 404, "E201"),
    ("not an article id", lambda c: c.get("/api/articles/xyz"), 404, "E201"),
    ("unknown thread", lambda c: c.get("/api/threads/nope"), 404, "E201"),
    ("page too large", lambda c: c.get("/api/articles?limit=201"), 422, "E320"),
    ("negative offset", lambda c: c.get("/api/events?offset=-1"), 422, "E320"),
    ("bad date", lambda c: c.get("/api/articles?since=yesterday"), 422, "E320"),
    ("bad actor code", lambda c: c.get("/api/attributions?actor=IRN' OR '1'='1"), 422, "E320"),
    ("search text too long", lambda c: c.get("/api/search", params={"q": "x" * 201}), 422, "E320"),
    ("unknown export", lambda c: c.get("/api/export/parquet"), 404, "E322"),
    ("write method", lambda c: c.post("/api/articles", json={}), 405, "E331"),
    ("body too large", lambda c: c.post("/api/articles", content=b"x" * 20_000), 413, "E321"),
    ("query string too long", lambda c: c.get("/api/articles?q=" + "a" * 5000), 414, "E321"),
]


@pytest.mark.parametrize(("name", "request_", "status", "code"), CASES, ids=[c[0] for c in CASES])
def test_error_shape(
    client: TestClient, name: str, request_: Request, status: int, code: str
) -> None:
    assert_error(request_(client), status, code)


def test_unknown_article_message_names_it(client: TestClient) -> None:
    message = assert_error(client.get("/api/articles/ffffffffffff"), 404, "E201")
    assert "ffffffffffff" in message


def test_pages_answer_errors_as_html_with_the_code(client: TestClient) -> None:
    response = client.get("/articles/ffffffffffff")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert 'data-code="E201"' in response.text


def test_query_over_budget_is_503(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # check the clock at every VM step and give no time at all: any query is aborted
    monkeypatch.setattr(web_db_module, "PROGRESS_STEPS", 1)
    with make_client(web_db, query_budget_s=1e-9) as client:
        response = client.get("/api/stats")
    assert_error(response, 503, "E203")
    assert response.headers["retry-after"] == "1"


def test_no_free_connection_is_503(web_db: Path) -> None:
    with make_client(web_db, pool_size=1, pool_wait_s=0.05) as client:
        held = threading.Event()
        release = threading.Event()
        pool = client.app.state.pool  # type: ignore[attr-defined]

        def hold() -> None:
            with pool.borrow():
                held.set()
                release.wait(5)

        holder = threading.Thread(target=hold)
        holder.start()
        held.wait(5)
        try:
            response = client.get("/api/stats")
        finally:
            release.set()
            holder.join()
        assert_error(response, 503, "E204")
        assert client.get("/api/stats").status_code == 200  # the connection came back


def test_internal_error_hides_details(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret /etc/path detail")

    monkeypatch.setattr(queries.ActorIndex, "search", broken)
    message = assert_error(client.get("/api/actors"), 500, "E500")
    assert "secret" not in message
