"""What API and UI routes share: the borrowed store, paging and parameter limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request

from claimgraph.store import Store
from claimgraph.web.db import StorePool
from claimgraph.web.queries import ActorIndex, Page

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 200
# Deep OFFSETs make SQLite step over every skipped row; past this, narrow with filters.
MAX_OFFSET = 10_000
MAX_QUERY_CHARS = 200  # search text
MAX_CODE_CHARS = 32  # actor codes, event types, stances
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
CODE = r"^[A-Za-z0-9_.:-]+$"

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
Day = Annotated[str | None, Query(pattern=ISO_DAY, description="ISO date, YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Code = Annotated[str | None, Query(max_length=MAX_CODE_CHARS, pattern=CODE)]


def pool(request: Request) -> StorePool:
    found: StorePool = request.app.state.pool
    return found


def store(request: Request) -> Iterator[Store]:
    """A store borrowed from the pool for this request, under the query time budget."""
    with pool(request).borrow() as borrowed:
        yield borrowed


def actor_index(request: Request) -> ActorIndex:
    found: ActorIndex = request.app.state.actors
    return found


def page(limit: Limit = DEFAULT_PAGE_SIZE, offset: Offset = 0) -> Page:
    return Page(limit, offset)


StoreDep = Annotated[Store, Depends(store)]
PageDep = Annotated[Page, Depends(page)]
ActorsDep = Annotated[ActorIndex, Depends(actor_index)]
