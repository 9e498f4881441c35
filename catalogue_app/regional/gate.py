"""What an API request must pass before its body is read: its declared size and its token.

FastAPI reads and parses a body before it resolves an endpoint's dependencies, so a token
checked there lets anyone make the server read, parse and validate 16 MB. Here the token is
checked first: an unauthenticated request costs one indexed lookup whatever its size, and its
body is never read (http_protocol.py drops what still arrives, then closes the connection)."""

from __future__ import annotations

from collections.abc import Callable

import anyio
import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from catalogue_app.regional.admin import Caller
from catalogue_app.regional.errors import RegionalError, Unavailable
from catalogue_app.regional.json_bodies import error_response
from catalogue_app.regional.limits import Limits, body_too_large
from catalogue_app.regional.outages import DEADLINE_SECONDS
from db.regional.engine import DATABASE_DOWN

# The authenticated API; the public one (/api/public/v1/) takes no token and no body.
API_PREFIX = "/api/v1/"
CALLER_STATE = "caller"


def bearer_token(scope: Scope) -> str:
    """The token of `Authorization: Bearer <token>`; 401 without one."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            break
    raise RegionalError("a bearer token is required (Authorization: Bearer <token>)", 401)


class RequestGate:
    def __init__(
        self, app: ASGIApp, authenticate: Callable[[str], Caller], limits: Limits
    ) -> None:
        self.app = app
        self.authenticate = authenticate
        self.max_body = limits.body_bytes
        self.too_large = body_too_large(limits)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        try:
            if declared.isdigit() and int(declared) > self.max_body:
                raise self.too_large
            token = bearer_token(scope)
            # A silent database must not hold the caller: the lookup is abandoned (its thread
            # comes back when the database does) and the caller told to retry (outages.py).
            with anyio.fail_after(DEADLINE_SECONDS):
                caller = await anyio.to_thread.run_sync(
                    self.authenticate, token, abandon_on_cancel=True
                )
        except (*DATABASE_DOWN, TimeoutError):
            await error_response(Unavailable("database"))(scope, receive, send)
            return
        except RegionalError as refusal:
            await error_response(refusal)(scope, receive, send)
            return
        scope.setdefault("state", {})[CALLER_STATE] = caller
        await self.app(scope, self._limited(receive), send)

    def _limited(self, receive: Receive) -> Receive:
        """`receive`, refusing a body streamed past the limit (Content-Length may be absent)."""
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise self.too_large
            return message

        return limited_receive
