"""Read-only store, headers, escaping, downloads that cannot reach outside their set."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.web.security import CONTENT_SECURITY_POLICY

from .conftest import XSS_IMG, XSS_SCRIPT, XSS_SVG


@pytest.mark.parametrize(
    "url", ["/", "/api/stats", "/static/style.css", "/api/nothing", "/articles/ffffffffffff"]
)
def test_every_response_has_the_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_the_store_is_opened_read_only(client: TestClient) -> None:
    pool = client.app.state.pool  # type: ignore[attr-defined]
    with (
        pool.borrow() as store,
        pytest.raises(sqlite3.OperationalError, match="readonly|read-only"),
    ):
        store.conn.execute("DELETE FROM articles")
    assert client.get("/api/stats").json()["articles"] == 3


def test_pages_use_no_inline_script(client: TestClient, ids: dict[str, str]) -> None:
    for url in ("/", f"/articles/{ids['a']}", "/search?q=drones", "/actors/IRN"):
        html = client.get(url).text
        assert "<script" not in html, url
        assert " style=" not in html, url  # inline styles would need 'unsafe-inline'


@pytest.mark.parametrize("payload", [XSS_SCRIPT, XSS_IMG, XSS_SVG])
def test_article_page_escapes_untrusted_text(
    client: TestClient, ids: dict[str, str], payload: str
) -> None:
    html = client.get(f"/articles/{ids['xss']}").text
    assert payload not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html and "<svg onload" not in html


def test_javascript_urls_are_not_linked(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/articles/{ids['xss']}").text
    assert 'href="javascript:' not in html


def test_search_echo_is_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": XSS_SCRIPT}).text
    assert XSS_SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_api_json_is_not_html(client: TestClient, ids: dict[str, str]) -> None:
    response = client.get(f"/api/articles/{ids['xss']}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["title"].startswith(XSS_SCRIPT)  # data kept, served as JSON


@pytest.mark.parametrize(
    "url",
    [
        "/api/export/..%2f..%2f..%2fetc%2fpasswd",
        "/api/export/..%2fweb.db",
        "/api/export/%2e%2e%2fweb.db",
        "/api/export/..",
        "/api/export/jsonl%2f..%2f..%2fweb.db",
        "/static/..%2f..%2fapp.py",
        "/static/../app.py",
    ],
)
def test_no_path_traversal(client: TestClient, web_db: Path, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text
    assert not response.content.startswith(b"SQLite format 3")
    assert "create_app" not in response.text


def test_export_writes_nothing_beside_the_database(client: TestClient, web_db: Path) -> None:
    before = set(web_db.parent.iterdir())
    assert client.get("/api/export/cameo-tsv").status_code == 200
    assert set(web_db.parent.iterdir()) == before
