"""Headers every answer carries: nothing the base sends may be sniffed into a page, framed,
cached by a shared proxy or followed by a Referer. The base serves no page of its own (no
/docs: FastAPI's loads its scripts from a CDN), so the strictest policy costs nothing."""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send

from catalogue_app.regional.asgi import HttpMiddleware, on_response_start

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"cache-control", b"no-store"),
]


class SecurityHeaders(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, on_response_start(send, _add_headers))


def _add_headers(start: Message) -> None:
    present = {name.lower() for name, _ in start.get("headers", [])}
    start["headers"] = [
        *start.get("headers", []),
        *((name, value) for name, value in HEADERS if name not in present),
    ]
