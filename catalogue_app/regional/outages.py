"""A database that stops answering: the caller gets 503 and Retry-After, never a hang.

A database that is down refuses connections (answered by the handler of DATABASE_DOWN). One
that is up but silent (a hung server, a network that drops packets) leaves a query blocked on
a pooled connection, out of reach of any server-side statement timeout: this deadline answers
503 once a request has waited that long after its body arrived, and lets the blocked work
finish in the background (its answer is dropped; a push is idempotent, so the desk's retry
gets the stored answer). The blocked thread comes back by itself when the database does."""

from __future__ import annotations

import asyncio
import logging
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from catalogue_app.regional.errors import Unavailable
from catalogue_app.regional.json_bodies import error_response

log = logging.getLogger(__name__)
DEADLINE_SECONDS = 5.0
# Blob transfers take as long as the image is large; their database work is a few short
# statements, bounded by the engine's timeouts.
_UNBOUNDED = re.compile(r"^/api/v1/blobs/[^/]+(/chunks/[^/]+|:finish)?$")


class Deadline:
    def __init__(self, app: ASGIApp, seconds: float = DEADLINE_SECONDS) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _UNBOUNDED.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        answering = False  # the app's answer has started: it owns the connection
        gave_up = False
        body_in = asyncio.Event()

        async def receiving() -> Message:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_in.set()
            return message

        async def sending(message: Message) -> None:
            nonlocal answering
            if gave_up:
                return
            answering = True
            await send(message)

        if scope["method"] in ("GET", "HEAD", "DELETE", "OPTIONS"):
            body_in.set()
        work = asyncio.ensure_future(self.app(scope, receiving, sending))
        waiter = asyncio.ensure_future(body_in.wait())
        try:
            await asyncio.wait([work, waiter], return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
        if not work.done():
            await asyncio.wait([work], timeout=self.seconds)
        if work.done() or answering:
            await work
            return
        gave_up = True
        work.add_done_callback(_forget)
        log.warning("no answer within %ss on %s %s: 503", self.seconds, scope["method"],
                    scope["path"])
        await error_response(Unavailable("database"))(scope, receive, send)


def _forget(work: asyncio.Future) -> None:
    """An abandoned request's outcome, logged if it failed (nobody awaits it any more)."""
    if not work.cancelled() and work.exception() is not None:
        log.warning("a request answered 503 then failed: %r", work.exception())
