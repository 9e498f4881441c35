"""JSON bodies of the API: requests read with orjson and refused when they hold what a database
cannot store faithfully; responses written with orjson (db.regional.json_codec)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Coroutine
from typing import Any

import orjson
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from catalogue_app.regional.errors import RegionalError
from db.regional import json_codec

# JSON text can carry a NUL character only as this escape (raw control characters are invalid).
_NUL_ESCAPE = b"\\u0000"


def storable_document(body: bytes) -> Any:
    """The value of a JSON request body; json.JSONDecodeError if it is not JSON, RegionalError
    (422) if it holds what JSON allows but a database cannot store faithfully."""
    if json_codec.orjson_reads_exactly(body):
        try:
            document = orjson.loads(body)  # refuses NaN, infinities and lone surrogates itself
        except orjson.JSONDecodeError:
            pass  # the standard library reads it, or says precisely why not
        else:
            if _NUL_ESCAPE in body:
                reject_unstorable(document)
            return document
    document = json.loads(body)
    reject_unstorable(document)
    return document


def reject_unstorable(value: Any, where: str = "") -> None:
    """Refuse what JSON allows but a database cannot store faithfully, saying where it is."""
    if isinstance(value, str):
        if "\x00" in value:
            raise _unstorable(where, "text contains a NUL character, which cannot be stored")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _unstorable(where, "text contains an unpaired UTF-16 surrogate") from None
    elif isinstance(value, float) and not math.isfinite(value):
        raise _unstorable(where, f"{value} is not a number JSON can carry")
    elif isinstance(value, dict):
        for key, item in value.items():
            reject_unstorable(key, where)
            reject_unstorable(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            reject_unstorable(item, f"{where}[{position}]")


def _unstorable(where: str, problem: str) -> RegionalError:
    return RegionalError(f"{where or 'the body'}: {problem}", 422)


class StorableJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = storable_document(await self.body())
            except RegionalError as refusal:
                # An HTTPException, so FastAPI's body parsing passes it on instead of answering
                # 400 without the message.
                raise HTTPException(refusal.status, refusal.message) from None
        return self._json


class StorableJSONRoute(APIRoute):
    """A route whose JSON body is read by `storable_document`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def reading_storable_json(request: Request) -> Response:
            return await handler(StorableJSONRequest(request.scope, request.receive))

        return reading_storable_json


class FastJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json_codec.dumps(content)
