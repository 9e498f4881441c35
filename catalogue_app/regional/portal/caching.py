"""Validators and freshness for what the portal serves (ETag, Last-Modified, Cache-Control).

Pages and JSON take their ETag from the portal's version (catalogue_app.regional.
portal_queries.version), so they change as soon as a push or a new derivative changes what could
be shown, and a museum's web host or a browser can revalidate cheaply (304)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.utils import format_datetime

from starlette.requests import Request
from starlette.responses import Response

PAGE_MAX_AGE = 300
IMAGE_MAX_AGE = 86_400


def etag(*parts: str) -> str:
    return '"' + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32] + '"'


def last_modified(version: str) -> str:
    """The latest of the timestamps a portal version is made of."""
    return max(part for part in version.split("|") if not part.startswith("#"))


def http_date(iso_timestamp: str) -> str | None:
    try:
        return format_datetime(datetime.fromisoformat(iso_timestamp), usegmt=True)
    except (ValueError, TypeError):
        return None


def not_modified(request: Request, tag: str) -> bool:
    given = request.headers.get("if-none-match", "")
    return tag in (t.strip().removeprefix("W/") for t in given.split(","))


def validators(tag: str, last_modified: str | None, max_age: int) -> dict[str, str]:
    headers = {"ETag": tag, "Cache-Control": f"public, max-age={max_age}"}
    modified = http_date(last_modified) if last_modified else None
    if modified:
        headers["Last-Modified"] = modified
    return headers


def answer_304(headers: dict[str, str]) -> Response:
    return Response(status_code=304, headers=headers)
