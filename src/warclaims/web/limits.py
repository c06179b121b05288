"""Pure ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware on the hot series route):
a request body limit answered with 413 in the one error shape, and security headers on every response.
"""
from __future__ import annotations

import json
from typing import Any

from .errors import PayloadTooLarge, error_body

MAX_BODY_BYTES = 2 * 1024 * 1024  # a news article is kilobytes; the text limit is checked after decoding

# No inline script or style, nothing from another origin: a claim's text can never run as code.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"), (b"content-security-policy", CSP.encode())]


class _TooLarge(Exception):
    pass


class Limits:
    """Rejects bodies over `max_body` bytes (by Content-Length at once, or while streaming)."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        exceeded = False  # the body went over the limit while the app was reading it

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if exceeded:
                # FastAPI turns any failure while reading the body into its own 400: answer 413 instead.
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._reject(send_headers)
                return
            if message["type"] == "http.response.start":
                started = True
            await send_headers(message)

        async def send_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in _HEADERS if h[0] not in have]
            await send(message)

        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await self._reject(send_headers)
            return
        seen = 0

        async def counting_receive() -> dict:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    exceeded = True
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await self._reject(send_headers)

    async def _reject(self, send: Any) -> None:
        err = PayloadTooLarge(f"request body larger than {self.max_body:,} bytes",
                              hint="send one article at a time, as plain text")
        body = json.dumps(error_body(err)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: dict) -> int | None:
    for k, v in scope.get("headers", ()):
        if k == b"content-length":
            try:
                return int(v)
            except ValueError:
                return None
    return None
