"""The UI in real headless Chromium (Debian's ``chromium``, driven by Playwright).

The server runs in a thread on a free loopback port. Screenshots are kept in
``tests/web/artifacts/`` (git-ignored). Skipped, with the reason, when chromium or the
playwright package is missing (``scripts/install_chromium.sh`` installs chromium).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from claimgraph.web import create_app

from .conftest import XSS_SCRIPT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
SERVER_START_S = 10.0

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(
        f"chromium not found at {CHROMIUM} (run scripts/install_chromium.sh)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(SERVER_START_S)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page that records dialogs, script errors and failed requests."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on(
            "response",
            lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        return path


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.context.close()


PAGES = [
    ("home", "/", "h1", "Claim map"),
    ("articles", "/articles", "h1", "Articles"),
    ("search", "/search?q=drones", "h1", "drones"),
    ("actors", "/actors", "h1", "Actors"),
    ("actor", "/actors/IRN", "#actor-name", "Iran"),
    ("claims", "/claims", "h1", "Claims"),
    ("threads", "/threads", "h1", "Claim threads"),
    ("exports", "/exports", "h1", "Exports"),
]


@pytest.mark.parametrize(("name", "url", "selector", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads(
    watched: Watched, base_url: str, name: str, url: str, selector: str, text: str
) -> None:
    response = watched.page.goto(base_url + url)
    assert response is not None and response.status == 200
    assert text in watched.page.locator(selector).first.inner_text()
    watched.shot(f"page-{name}")
    assert watched.errors == [] and watched.failed == []


def test_article_page_highlights_and_draws_the_chain(
    watched: Watched, base_url: str, ids: dict[str, str]
) -> None:
    page = watched.page
    page.goto(f"{base_url}/articles/{ids['a']}")
    text = page.locator("#article-text")
    assert text.locator(".hl-source").first.inner_text() == "Ukraine"
    assert text.locator(".hl-cue").first.inner_text() == "said"
    content = text.locator(".hl-content[data-ref~='a0']").all_inner_texts()
    assert "".join(content) == "Iran supplies combat drones to Russia"  # cut by the actors in it
    assert text.locator(".hl-time").first.inner_text() == "on Sunday"
    assert text.locator(".hl-trigger").count() == 1
    chain = page.locator("#chain svg g.node text").all_text_contents()
    # outlet → dateline credit → named source → the source it cites
    assert chain[:2] == ["Kyiv Independent", "Reuters"]
    assert "Ukraine [UKR]" in chain and "The intelligence service" in chain
    assert page.locator("#chain svg path.edge").count() == 3
    watched.shot("article")
    assert watched.errors == [] and watched.failed == []


def test_click_from_article_to_claim_thread_and_back(
    watched: Watched, base_url: str, ids: dict[str, str], thread_id: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}/articles")
    page.locator("a.article-link", has_text="Iran supplies drones").click()
    page.wait_for_url(f"**/articles/{ids['a']}")
    claim = page.locator("#claims li.claim").first
    assert "Iran supplies combat drones to Russia" in claim.inner_text()
    claim.locator("a.thread-link").click()
    page.wait_for_url(f"**/threads/{thread_id}")
    assert page.locator("#thread-claim").inner_text() == "Iran supplies combat drones to Russia"
    # the timeline: one dot per holder, placed in date order, coloured by stance
    dots = page.locator("#timeline circle.dot")
    assert dots.count() == 2
    assert page.locator("#timeline circle.stance-assert").count() == 1
    assert page.locator("#timeline circle.stance-deny").count() == 1
    x_assert = float(page.locator("#timeline circle.stance-assert").get_attribute("cx") or 0)
    x_deny = float(page.locator("#timeline circle.stance-deny").get_attribute("cx") or 0)
    assert x_assert < x_deny  # Ukraine asserted on the 20th, Russia denied on the 25th
    cites = page.locator("#cites svg g.node text").all_text_contents()
    assert {"Kyiv Independent", "Reuters", "Ukraine [UKR]", "TASS", "Russia [RUS]"} <= set(cites)
    assert "The intelligence service" in cites  # Ukraine's attribution cites it
    watched.shot("thread")
    page.locator("#thread-articles a.article-link", has_text="TASS").click()
    page.wait_for_url(f"**/articles/{ids['b']}")
    assert page.locator("#article-title").inner_text() == "Moscow denies drone supplies"
    assert watched.errors == [] and watched.failed == []


def test_search_form_finds_an_actor(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/")
    page.fill("header form.search input[name=q]", "iran")
    page.click("header form.search button")
    page.wait_for_url("**/search?q=iran")
    page.locator("#results-actors a.actor").first.click()
    page.wait_for_url("**/actors/IRN")
    assert "Iran" in page.locator("#actor-name").inner_text()


def test_export_link_downloads(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/exports")
    with page.expect_download() as info:
        page.locator("a.download", has_text="jsonl").click()
    download = info.value
    assert download.suggested_filename == "claimgraph-documents.jsonl"
    assert Path(download.path()).read_text(encoding="utf-8").count("\n") == 3


XSS_PAGES = [
    ("article", "/articles/{xss}"),
    ("search", "/search?q=Evilland"),
    ("search-echo", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    ("actor", "/actors/XSS"),
    ("articles", "/articles"),
    ("claims", "/claims"),
    ("thread", "/threads/{xss_thread}"),
]


@pytest.mark.parametrize(("name", "url"), XSS_PAGES, ids=[p[0] for p in XSS_PAGES])
def test_untrusted_text_stays_inert(
    watched: Watched, base_url: str, ids: dict[str, str], web_db: Path, name: str, url: str
) -> None:
    from claimgraph.store import Store

    with Store(web_db, readonly=True) as store:
        xss_thread = store.article_claims(ids["xss"])[0]["thread_id"]
    page = watched.page
    page.goto(base_url + url.format(xss=ids["xss"], xss_thread=xss_thread))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # give an injected handler (onerror, onload) time to fire
    assert watched.dialogs == []
    assert page.evaluate("window.__xss") is None
    # the pages carry no script or image of their own: any such element would be injected
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    watched.shot(f"xss-{name}")
    if name == "article":
        assert page.locator("#article-title").inner_text().startswith(XSS_SCRIPT)
        assert "<img src=x onerror=" in page.locator("#article-outlet").inner_text()
        assert XSS_SCRIPT in page.locator("#article-text").inner_text()
