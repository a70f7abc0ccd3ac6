"""Server-rendered pages (Jinja2, autoescaped). No script runs on any page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from claimgraph.store import ArticleFilter, Store
from claimgraph.web import claims as claim_layer
from claimgraph.web import graphs, highlight, queries
from claimgraph.web.api import (
    EXPORTS,
    RECENT,
    ActorCode,
    ArticleId,
    ThreadId,
    run_search,
)
from claimgraph.web.deps import ActorsDep, Day, PageDep, StoreDep, Text
from claimgraph.web.highlight import KINDS

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

THREAD_GRAPH_ARTICLES = 100  # articles of a thread read for its cites graph
STANCES = graphs.STANCE_ORDER


def templates(request: Request) -> Jinja2Templates:
    found: Jinja2Templates = request.app.state.templates
    return found


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return templates(request).TemplateResponse(
        request, name, {"kinds": KINDS, "stances": STANCES, **context}, status_code=status_code
    )


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    return render(request, "error.html", status, status=status, code=code, message=message)


def _pager(request: Request, page: queries.Page, result: Mapping[str, Any]) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other query parameters."""

    def url(offset: int) -> str:
        return str(request.url.include_query_params(offset=offset, limit=page.limit))

    return {
        "prev": url(max(0, page.offset - page.limit)) if page.offset > 0 else None,
        "next": url(result["next_offset"]) if result.get("next_offset") is not None else None,
    }


@router.get("/")
def home(request: Request, store: StoreDep, index: ActorsDep) -> Response:
    return render(
        request,
        "home.html",
        stats=index.stats(store),
        articles=queries.articles(store, page=queries.Page(10, 0))[:10],
        actors=index.search(store, None, queries.Page(12, 0))[:12],
        threads=claim_layer.threads(store, limit=10),
    )


@router.get("/search")
def search(request: Request, store: StoreDep, index: ActorsDep, q: Text = None) -> Response:
    return render(request, "search.html", q=q or "", results=run_search(store, index, q or ""))


@router.get("/articles")
def articles(
    request: Request,
    store: StoreDep,
    page: PageDep,
    q: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
) -> Response:
    rows = store.articles(
        ArticleFilter(
            outlet=outlet,
            since=since,
            until=until,
            query=q,
            limit=page.limit + 1,
            offset=page.offset,
        )
    )
    result = queries.page_result(rows, page)
    return render(
        request,
        "articles.html",
        result=result,
        paging=_pager(request, page, result),
        q=q or "",
        outlet=outlet or "",
    )


@router.get("/articles/{article_id}")
def article(request: Request, store: StoreDep, article_id: ArticleId) -> Response:
    stored = store.get_article(article_id)
    a = stored.article
    found = store.extraction(a.id)
    events = store.events(a.id)
    credits = list(a.dateline.credits) if a.dateline else []
    return render(
        request,
        "article.html",
        stored=stored,
        a=a,
        segments=highlight.segments(a.text, highlight.marks_for(found, events)),
        attributions=found["attributions"],
        entities=found["entities"],
        times=found["times"],
        events=events,
        claims=claim_layer.article_claims(store, a.id),
        chain=graphs.attribution_chain(
            outlet=a.outlet, credits=credits, attributions=found["attributions"]
        ),
    )


@router.get("/actors")
def actors(
    request: Request, store: StoreDep, index: ActorsDep, page: PageDep, q: Text = None
) -> Response:
    result = queries.page_result(index.search(store, q, page), page)
    return render(
        request, "actors.html", result=result, paging=_pager(request, page, result), q=q or ""
    )


@router.get("/actors/{code}")
def actor(request: Request, store: StoreDep, index: ActorsDep, code: ActorCode) -> Response:
    found = queries.actor(store, index, code, recent=RECENT)
    profile = claim_layer.actor_profile(store, code)
    return render(request, "actor.html", actor=found, profile=profile)


@router.get("/claims")
def claims(
    request: Request, store: StoreDep, page: PageDep, actor: Text = None, about: Text = None
) -> Response:
    rows = claim_layer.claims(
        store, actor=actor, about=about, limit=page.limit + 1, offset=page.offset
    )
    result = queries.page_result(rows, page)
    return render(
        request,
        "claims.html",
        result=result,
        paging=_pager(request, page, result),
        about=about or "",
    )


@router.get("/threads")
def threads(request: Request, store: StoreDep, page: PageDep, about: Text = None) -> Response:
    rows = claim_layer.threads(store, about=about, limit=page.limit + 1, offset=page.offset)
    result = queries.page_result(rows, page)
    return render(
        request,
        "threads.html",
        result=result,
        paging=_pager(request, page, result),
        about=about or "",
    )


def _thread_extractions(store: Store, thread: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for art in thread.get("articles", [])[:THREAD_GRAPH_ARTICLES]:
        stored = store.get_article(art["article_id"])
        credits = list(stored.article.dateline.credits) if stored.article.dateline else []
        attributions = store.extraction(art["article_id"])["attributions"]
        found[art["article_id"]] = {"credits": credits, "attributions": attributions}
    return found


@router.get("/threads/{thread_id}")
def thread(request: Request, store: StoreDep, thread_id: ThreadId) -> Response:
    found = claim_layer.thread(store, thread_id)
    articles = found.get("articles", [])
    return render(
        request,
        "thread.html",
        thread=found,
        timeline=graphs.timeline(found),
        cites=graphs.thread_cites(
            articles[:THREAD_GRAPH_ARTICLES], _thread_extractions(store, found)
        ),
        thread_json=json.dumps(found, ensure_ascii=False, indent=1),
    )


@router.get("/exports")
def exports(request: Request) -> Response:
    return render(request, "exports.html", formats=list(EXPORTS))


ArticlePath = Annotated[str, PathParam()]
