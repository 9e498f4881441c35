"""Gzip for the portal (pages, public JSON, scripts and styles), never for the sync API (a
desk's batches and feed pages stay as they are sent, without the server's compression cost)
nor for JPEG derivatives, which do not compress."""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

UNCOMPRESSED = ("/api/v1/", "/images/")


class PortalCompression:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.compressed = GZipMiddleware(app, minimum_size=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(UNCOMPRESSED):
            await self.compressed(scope, receive, send)
        else:
            await self.app(scope, receive, send)
