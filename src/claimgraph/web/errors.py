"""One error shape for every failure of the HTTP API and UI.

``{"error": {"code": "E201", "status": 404, "message": "..."}}``: the code is the project's
coded exception (``claimgraph.errors``), or one of the web codes below for failures that
happen before any library call (a bad parameter, an unknown route, a body too large).
``tests/web/test_error_shape.py`` pins the shape.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.errors import (
    ClaimgraphError,
    ExportFormatError,
    InvalidRequestError,
    NotFoundError,
    QueryTimeoutError,
    RequestTooLargeError,
    ServerBusyError,
    StoreError,
)

# The web's coded errors live in the one catalogue (claimgraph.errors); re-exported here.
__all__ = [
    "ExportFormatError",
    "InvalidRequestError",
    "QueryTimeoutError",
    "RequestTooLargeError",
    "ServerBusyError",
]


# Codes for failures raised by the HTTP layer itself (routing, methods).
HTTP_CODES = {404: "E330", 405: "E331", 413: "E321"}
HTTP_DEFAULT_CODE = "E332"

# Exception class to HTTP status; the first match wins, so subclasses come first.
STATUS: tuple[tuple[type[ClaimgraphError], int], ...] = (
    (NotFoundError, 404),
    (QueryTimeoutError, 503),
    (ServerBusyError, 503),
    (ExportFormatError, 404),
    (InvalidRequestError, 422),
    (RequestTooLargeError, 413),
    (StoreError, 500),
    (ClaimgraphError, 500),
)
RETRY_AFTER_S = "1"  # for 503: a busy or slow moment, worth one retry


class ErrorDetail(BaseModel):
    code: str
    status: int
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (404, "Not found (E201 no such row, E330 no such route)"),
        (413, "Request too large (E321)"),
        (422, "Invalid parameter (E320)"),
        (503, "Query over the time budget (E203) or no free connection (E204)"),
    )
}


def status_for(exc: ClaimgraphError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 500


def message_of(exc: ClaimgraphError) -> str:
    """The message without the ``[E201]`` prefix ``ClaimgraphError.__str__`` adds (the code
    has its own field)."""
    return Exception.__str__(exc)


def error_body(code: str, status: int, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "status": status, "message": message}}


def timed_out(exc: StoreError) -> bool:
    """The store wraps every ``sqlite3.Error``; an abort by the progress handler (the query
    time budget) surfaces as an ``OperationalError: interrupted``."""
    cause = exc.__cause__
    return isinstance(cause, sqlite3.OperationalError) and "interrupted" in str(cause)


def as_claimgraph_error(exc: ClaimgraphError) -> ClaimgraphError:
    if isinstance(exc, StoreError) and not isinstance(exc, QueryTimeoutError) and timed_out(exc):
        return QueryTimeoutError("the query took longer than the server allows; narrow it")
    return exc


def public_message(exc: ClaimgraphError, status: int) -> str:
    """Database errors can name server paths: a 500 says only what kind of error it was."""
    if status >= 500 and not isinstance(exc, QueryTimeoutError | ServerBusyError):
        return "internal database error"
    return message_of(exc)


def error_response(exc: ClaimgraphError) -> JSONResponse:
    exc = as_claimgraph_error(exc)
    status = status_for(exc)
    headers = {"Retry-After": RETRY_AFTER_S} if status == 503 else None
    return JSONResponse(
        error_body(exc.code, status, public_message(exc, status)), status, headers=headers
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", ""))
    return "; ".join(parts) or "invalid request"


HtmlRenderer = Any  # (request, status, code, message) -> Response; set by the UI


def install(app: FastAPI, *, html: HtmlRenderer | None = None) -> None:
    """Register the handlers. Requests for pages (not under ``/api``) get the same error as an
    HTML page when ``html`` is given; API requests always get JSON."""

    def respond(request: Request, code: str, status: int, message: str) -> Response:
        if html is not None and not request.url.path.startswith("/api"):
            response: Response = html(request, status, code, message)
            return response
        headers = {"Retry-After": RETRY_AFTER_S} if status == 503 else None
        return JSONResponse(error_body(code, status, message), status, headers=headers)

    @app.exception_handler(ClaimgraphError)
    async def _claimgraph(request: Request, exc: ClaimgraphError) -> Response:
        exc = as_claimgraph_error(exc)
        status = status_for(exc)
        return respond(request, exc.code, status, public_message(exc, status))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, InvalidRequestError.code, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, HTTP_DEFAULT_CODE)
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = "no such page or endpoint"
        return respond(request, code, exc.status_code, message)


INTERNAL_CODE = "E500"


def install_fallback(app: FastAPI, *, html: HtmlRenderer | None = None) -> None:
    """The last boundary: a bug still answers in the error shape (no traceback leaks out)."""

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        message = "internal server error"
        if html is not None and not request.url.path.startswith("/api"):
            response: Response = html(request, 500, INTERNAL_CODE, message)
            return response
        return JSONResponse(error_body(INTERNAL_CODE, 500, message), 500)
