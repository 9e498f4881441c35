"""Requests that name something with a NUL character (%00) in their path or query are refused
before any route sees them. No stored text can hold one (PostgreSQL's text refuses it, and
json_bodies.py refuses it in bodies), so such a request names nothing, but a route comparing
it with a column would have PostgreSQL fail the whole statement."""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from catalogue_app.regional.asgi import HttpMiddleware
from catalogue_app.regional.errors import NotFound, RegionalError
from catalogue_app.regional.json_bodies import error_response


class RefuseNulCharacters(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if "\x00" in scope["path"]:
            refusal: RegionalError = NotFound("nothing here is named with a NUL character (%00)")
        elif b"%00" in scope["query_string"]:
            refusal = RegionalError(
                "a query parameter contains a NUL character (%00), which no search or filter"
                " can match", 422)
        else:
            await self.app(scope, receive, send)
            return
        await error_response(refusal)(scope, receive, send)
