"""JSON bodies of the API: requests read with orjson and refused when they hold what a database
cannot store faithfully; responses written with orjson (db.regional.json_codec)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Coroutine
from typing import Any

import orjson
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from catalogue_app.regional.errors import LimitExceeded, RegionalError, Unavailable
from catalogue_app.regional.limits import JSON_DEPTH
from db.regional import json_codec

# JSON text can carry a NUL character only as this escape (raw control characters are invalid).
_NUL_ESCAPE = b"\\u0000"


def storable_document(body: bytes) -> Any:
    """The value of a JSON request body; json.JSONDecodeError if it is not JSON, RegionalError
    (4xx) if it is nested deeper than the limit or holds what JSON allows but a database cannot
    store faithfully."""
    document, checked = _parsed(body)
    if _deeper_than(document, JSON_DEPTH):
        raise _too_deep()
    if not checked:
        reject_unstorable(document)
    return document


def _parsed(body: bytes) -> tuple[Any, bool]:
    """The document, and whether it is known to hold nothing unstorable."""
    if json_codec.orjson_reads_exactly(body):
        try:
            document = orjson.loads(body)  # refuses NaN, infinities and lone surrogates itself
        except orjson.JSONDecodeError:
            pass  # the standard library reads it, or says precisely why not
        else:
            return document, _NUL_ESCAPE not in body
    try:
        return json.loads(body), False
    except RecursionError:
        raise _too_deep() from None


def _deeper_than(document: Any, max_depth: int) -> bool:
    """Whether objects and arrays nest deeper than `max_depth` (walked without recursion, and
    only through containers: a long list of numbers costs one step)."""
    if not isinstance(document, (dict, list)):
        return False
    stack = [(document, 1)]
    while stack:
        container, depth = stack.pop()
        if depth > max_depth:
            return True
        for item in container.values() if isinstance(container, dict) else container:
            if isinstance(item, (dict, list)):
                stack.append((item, depth + 1))
    return False


def _too_deep() -> LimitExceeded:
    return LimitExceeded(
        f"the JSON body nests objects and arrays deeper than {JSON_DEPTH} levels", "json_depth",
        JSON_DEPTH, 400,
    )


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
            self._json = storable_document(await self.body())
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


def error_response(error: RegionalError) -> FastJSONResponse:
    """The one shape of every error answer (errors.py), with the headers its status calls for."""
    headers = dict(error.headers or {})
    if error.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, Unavailable):
        headers["Retry-After"] = str(error.RETRY_AFTER_SECONDS)
    return FastJSONResponse(error.body(), status_code=error.status, headers=headers)
