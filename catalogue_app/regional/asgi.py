"""What the base's ASGI middlewares share: HTTP requests only (the server's lifespan messages
pass untouched), and a look at each answer's start (its status, its headers) on its way out."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HttpMiddleware:
    """Wraps an ASGI app; `handle` sees the HTTP requests, anything else goes straight on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


def on_response_start(send: Send, seen: Callable[[Message], None]) -> Send:
    """`send`, calling `seen` with the answer's start message before it goes (where a
    middleware reads the status or adds headers)."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            seen(message)
        await send(message)

    return sending
