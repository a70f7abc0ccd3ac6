"""The JSON API under ``/api``. Lists are pages: ``{items, limit, offset, next_offset}``."""

from __future__ import annotations

import functools
import inspect
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from starlette.background import BackgroundTask

from claimgraph.export import export
from claimgraph.store import ArticleFilter, Store
from claimgraph.web import claims as claim_layer
from claimgraph.web import queries
from claimgraph.web.deps import (
    MAX_CODE_CHARS,
    ActorsDep,
    Code,
    Day,
    PageDep,
    StoreDep,
    Text,
    pool,
)
from claimgraph.web.errors import ERROR_RESPONSES, ExportFormatError


class PlainJSONRoute(APIRoute):
    """A route whose endpoint returns plain JSON data (dicts and lists of strings, numbers,
    booleans and None, as SQLite gives them): the data is sent with ``JSONResponse`` as it
    is. FastAPI would otherwise validate it against the return annotation and re-encode
    every value in Python (``jsonable_encoder``): about 1.5 ms a request on the load
    benchmark's mix, six times what ``json.dumps`` takes. The annotation still documents
    the response in the OpenAPI schema."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            plain = endpoint

            @functools.wraps(plain)
            def send(*args: Any, **kwargs: Any) -> Any:
                found = plain(*args, **kwargs)
                return found if isinstance(found, Response) else JSONResponse(found)

            endpoint = send
        super().__init__(path, endpoint, **kwargs)


router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, route_class=PlainJSONRoute)

SEARCH_EACH = 10  # results per kind on /api/search

# Downloads: a fixed set of formats, each with a fixed file name (nothing from the request
# reaches a path). csv is a directory of tables, sent as one zip file.
EXPORTS: dict[str, tuple[str, str]] = {
    "jsonl": ("claimgraph-documents.jsonl", "application/x-ndjson"),
    "plover": ("claimgraph-plover.jsonl", "application/x-ndjson"),
    "cameo-tsv": ("claimgraph-cameo.tsv", "text/tab-separated-values"),
    "csv": ("claimgraph-tables.zip", "application/zip"),
}
EXPORT_BUDGET_S = 300.0  # an export reads the whole database: a longer query budget


def article_document(store: Store, article_id: str) -> dict[str, Any]:
    """A stored article with everything extracted from it, in the contract's field names."""
    stored = store.get_article(article_id)
    found = store.extraction(stored.article.id)
    return {
        **stored.to_dict(),
        "id": stored.article.id,
        **found,
        "events": store.events(stored.article.id),
        "claims": claim_layer.article_claims(store, stored.article.id),
    }


@router.get("/stats", summary="Counts of articles, outlets, extraction tables")
def stats(store: StoreDep, index: ActorsDep) -> dict[str, Any]:
    return index.stats(store)


@router.get("/articles", summary="Articles, newest first, or best match first with q")
def articles(
    store: StoreDep,
    index: ActorsDep,
    page: PageDep,
    q: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    return queries.page_result(
        list_articles(store, page, q=q, outlet=outlet, since=since, until=until, index=index),
        page,
    )


def list_articles(
    store: Store,
    page: queries.Page,
    *,
    q: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    index: queries.ActorIndex | None = None,
) -> list[dict[str, Any]]:
    """Full-text matches through the store; plain lists through the index-ordered query."""
    if q:
        return store.articles(
            ArticleFilter(
                outlet=outlet,
                since=since,
                until=until,
                query=q,
                limit=page.limit + 1,
                offset=page.offset,
            )
        )
    return queries.articles(
        store,
        page=page,
        outlet=outlet,
        since=since,
        until=until,
        outlets=index.outlets(store) if index is not None and outlet is not None else None,
    )


ArticleId = Annotated[str, PathParam(max_length=64, description="Article id or a unique prefix")]


@router.get("/articles/{article_id}", summary="One article with its extraction")
def article(store: StoreDep, article_id: ArticleId) -> dict[str, Any]:
    return article_document(store, article_id)


@router.get("/search", summary="Articles, actors, claims and threads matching q")
def search(store: StoreDep, actors: ActorsDep, q: Text = None) -> dict[str, Any]:
    return run_search(store, actors, q or "")


def run_search(store: Store, actors: queries.ActorIndex, q: str) -> dict[str, Any]:
    q = q.strip()
    if not q:
        return {"query": q, "articles": [], "actors": [], "claims": [], "threads": []}
    page = queries.Page(SEARCH_EACH, 0)
    return {
        "query": q,
        "articles": store.articles(ArticleFilter(query=q, limit=SEARCH_EACH)),
        "actors": actors.search(store, q, page)[:SEARCH_EACH],
        "claims": claim_layer.claims(store, about=q, limit=SEARCH_EACH),
        "threads": claim_layer.threads(store, about=q, limit=SEARCH_EACH),
    }


@router.get("/actors", summary="Actors seen in entities, most articles first")
def actors(store: StoreDep, index: ActorsDep, page: PageDep, q: Text = None) -> dict[str, Any]:
    return queries.page_result(index.search(store, q, page), page)


ActorCode = Annotated[str, PathParam(max_length=MAX_CODE_CHARS, pattern=r"^[A-Za-z0-9_.:-]+$")]
RECENT = 20  # attributions and events listed on an actor


@router.get("/actors/{code}", summary="One actor: counts, recent attributions and events, claims")
def actor(store: StoreDep, index: ActorsDep, code: ActorCode) -> dict[str, Any]:
    found = queries.actor(store, index, code, recent=RECENT)
    found["claims"] = claim_layer.actor_profile(store, code)
    return found


@router.get("/attributions", summary="Who said what: attributions across articles")
def attributions(
    store: StoreDep,
    page: PageDep,
    actor: Code = None,
    stance: Code = None,
    kind: Code = None,
    article: Text = None,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    rows = queries.attributions(
        store,
        page=page,
        actor=actor,
        stance=stance,
        kind=kind,
        article=article,
        since=since,
        until=until,
    )
    return queries.page_result(rows, page)


@router.get("/events", summary="Coded events (mentions), newest article first")
def events(
    store: StoreDep,
    page: PageDep,
    type: Code = None,  # the public parameter name shadows the builtin on purpose
    actor: Code = None,
    recipient: Code = None,
    article: Text = None,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    rows = queries.events(
        store,
        page=page,
        type_=type,
        actor=actor,
        recipient=recipient,
        article=article,
        since=since,
        until=until,
    )
    return queries.page_result(rows, page)


@router.get("/claims", summary="Claims with their holders, newest first")
def claims(
    store: StoreDep,
    page: PageDep,
    actor: Code = None,
    about: Text = None,
    since: Day = None,
) -> dict[str, Any]:
    rows = claim_layer.claims(
        store, actor=actor, about=about, since=since, limit=page.limit + 1, offset=page.offset
    )
    return queries.page_result(rows, page)


@router.get("/threads", summary="Claim threads (claimgraph.thread/1 summaries)")
def threads(
    store: StoreDep, page: PageDep, actor: Code = None, about: Text = None
) -> dict[str, Any]:
    rows = claim_layer.threads(
        store, actor=actor, about=about, limit=page.limit + 1, offset=page.offset
    )
    return queries.page_result(rows, page)


ThreadId = Annotated[str, PathParam(max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


@router.get("/threads/{thread_id}", summary="One claimgraph.thread/1 object")
def thread(store: StoreDep, thread_id: ThreadId) -> dict[str, Any]:
    return claim_layer.thread(store, thread_id)


ExportFormat = Annotated[str, PathParam(max_length=16, description=f"One of {', '.join(EXPORTS)}")]


@router.get(
    "/export/{fmt}",
    summary="Download an export (jsonl, plover, cameo-tsv, csv as zip)",
    response_class=FileResponse,
)
def download(
    request: Request, fmt: ExportFormat, since: Day = None, until: Day = None
) -> FileResponse:
    if fmt not in EXPORTS:
        raise ExportFormatError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORTS)}")
    name, media_type = EXPORTS[fmt]
    folder = Path(tempfile.mkdtemp(prefix="claimgraph-export-"))
    try:
        with pool(request).borrow(budget_s=EXPORT_BUDGET_S) as store:
            if fmt == "csv":
                export(store, fmt, output=folder / "tables", since=since, until=until)
                path = Path(
                    shutil.make_archive(str(folder / "claimgraph-tables"), "zip", folder / "tables")
                )
            else:
                path = folder / name
                export(store, fmt, output=path, since=since, until=until)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=media_type,
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
