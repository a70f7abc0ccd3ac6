"""Response headers every answer carries, and limits on what a request may send.

A pure ASGI middleware (no request body is ever read into memory): it refuses an oversized
query string or body before routing, and adds the Content-Security-Policy and friends to
every response, error pages included.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.web.errors import RequestTooLargeError, error_body

MAX_BODY_BYTES = 16 * 1024  # the API reads nothing from bodies; this only bounds abuse
MAX_QUERY_STRING_BYTES = 4 * 1024

# No inline script or style anywhere: pages use /static files only and SVG attributes.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name for name, _ in SECURITY_HEADERS}
                ]
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)

        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING_BYTES:
            await _refuse(
                send_with_headers, 414, f"query string over {MAX_QUERY_STRING_BYTES} bytes"
            )
            return
        length = _content_length(scope)
        if length is not None and length > MAX_BODY_BYTES:
            await _refuse(send_with_headers, 413, f"request body over {MAX_BODY_BYTES} bytes")
            return

        received = 0

        async def bounded_receive() -> Message:
            # a chunked body has no Content-Length: count what actually arrives
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    raise RequestTooLargeError(f"request body over {MAX_BODY_BYTES} bytes")
            return message

        await self.app(scope, bounded_receive, send_with_headers)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return MAX_BODY_BYTES + 1  # unreadable: treat as too large
    return None


async def _refuse(send: Any, status: int, message: str) -> None:
    body = json.dumps(error_body(RequestTooLargeError.code, status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
