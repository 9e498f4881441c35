"""What the portal's answers get on their way out, and the sync API's never: gzip (not for
the sync API, whose batches and feed pages stay as sent, nor for JPEG derivatives, which do not
compress), a content security policy that lets pages use the portal's own styles, scripts and
images (the base's default forbids everything, right for JSON), and a day's freshness for the
static files. Pages are kept compressed (pages.py): they are sent as kept, not compressed
again."""

from __future__ import annotations

import gzip

from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from catalogue_app.regional.asgi import HttpMiddleware, on_response_start

UNCOMPRESSED = ("/api/v1/", "/images/")
PORTAL_POLICY = (b"default-src 'self'; img-src 'self' data: blob:; object-src 'none';"
                 b" base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
STATIC_FRESHNESS = b"public, max-age=86400"


class PortalCompression(HttpMiddleware):
    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app)
        self.compressed = GZipMiddleware(app, minimum_size=500)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if path.startswith("/api/v1/"):
            await self.app(scope, receive, send)
            return
        static = path.startswith("/static/")

        def add_headers(start: Message) -> None:
            headers = start.get("headers", [])
            present = dict((name.lower(), value) for name, value in headers)
            extra = []
            if present.get(b"content-type", b"").startswith(b"text/html"):
                extra.append((b"content-security-policy", PORTAL_POLICY))
            if static and b"cache-control" not in present:
                extra.append((b"cache-control", STATIC_FRESHNESS))
            start["headers"] = [*headers, *extra]

        target = self.app if path.startswith(UNCOMPRESSED) else self.compressed
        await target(scope, receive, on_response_start(send, add_headers))


def compressed(html: str | None) -> bytes | None:
    return None if html is None else gzip.compress(html.encode(), compresslevel=6, mtime=0)


def html_response(request: Request, body: bytes, headers: dict[str, str]) -> Response:
    """A page kept compressed, sent as it is to a browser that takes gzip (all of them)."""
    headers = {**headers, "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(body)
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)
