"""The application factory: ``create_app(db_path)`` serves a claimgraph database.

``app_from_env`` is the same factory for servers that import the application by name
(``claimgraph serve --workers N``: each uvicorn worker process builds its own app, with
its own connection pool, from the database named in the environment)."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from claimgraph import __version__
from claimgraph.web import api, errors, ui
from claimgraph.web.db import StorePool
from claimgraph.web.queries import ActorIndex
from claimgraph.web.security import SecurityMiddleware

HERE = Path(__file__).parent

# Connections in the pool: enough for the threads that serve requests to rarely wait, few
# enough that SQLite's per-connection page caches stay small.
POOL_SIZE = 16
POOL_WAIT_S = 5.0  # a request waits this long for a free connection before a 503
QUERY_BUDGET_S = 2.0  # any statement running longer is aborted (503, E203)
# Counting actors and rows scans whole tables (seconds at 50,000 articles): done once at
# start, outside the per-request budget, then reused until the database changes.
WARM_BUDGET_S = 600.0


# What app_from_env reads: the database, and "1" to open it writable (read-only otherwise).
DB_ENV = "CLAIMGRAPH_SERVE_DB"
WRITABLE_ENV = "CLAIMGRAPH_SERVE_WRITABLE"
FACTORY = "claimgraph.web.app:app_from_env"  # the import string uvicorn's workers use


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    pool_size: int = POOL_SIZE
    pool_wait_s: float = POOL_WAIT_S
    query_budget_s: float = QUERY_BUDGET_S


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every page: article text and metadata are untrusted
        undefined=jinja2.ChainableUndefined,  # optional fields render empty
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def create_app(
    db_path: str | Path, *, readonly: bool = True, limits: Limits | None = None
) -> FastAPI:
    """A FastAPI app serving ``db_path``: the JSON API under ``/api``, pages elsewhere.

    The database is opened read-only unless ``readonly=False``; a missing or outdated file
    fails here (``StoreError``), not on the first request."""
    limits = limits or Limits()
    pool = StorePool(
        db_path,
        size=limits.pool_size,
        readonly=readonly,
        wait_s=limits.pool_wait_s,
        budget_s=limits.query_budget_s,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Everything loaded so far (spaCy's and the app's modules) lives as long as the
        # server: keep it out of the cyclic collector, whose full passes over it otherwise
        # add 50-80 ms to a request that builds a large thread.
        gc.freeze()
        yield
        pool.close()

    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Who claims what about whom, on whose authority, and when.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads script from a CDN, which the CSP forbids
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.actors = ActorIndex()
    with pool.borrow(budget_s=WARM_BUDGET_S) as store:
        app.state.actors.rows(store)
    app.state.templates = _templates()
    app.state.db_name = Path(db_path).name
    app.state.templates.env.globals["db_name"] = Path(db_path).name
    app.include_router(api.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    errors.install(app, html=ui.error_page)
    errors.install_fallback(app, html=ui.error_page)
    app.add_middleware(SecurityMiddleware)
    return app


def app_from_env() -> FastAPI:
    """``create_app`` for the database named by ``CLAIMGRAPH_SERVE_DB`` (a uvicorn factory)."""
    try:
        db_path = os.environ[DB_ENV]
    except KeyError:
        raise RuntimeError(f"{DB_ENV} must name the database to serve") from None
    return create_app(db_path, readonly=os.environ.get(WRITABLE_ENV) != "1")
