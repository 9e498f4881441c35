"""Errors a caller can cause, carrying the HTTP status the API answers with.

Every error answer has one shape, `{"error": message, "code": stable code}`, plus `"limit"` and
`"max"` when a published limit (limits.py) was passed: desks translate by code, not by text."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException

# The code of an error raised without one: one per status, stable.
_STATUS_CODES = {
    400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 410: "gone", 413: "too_large",
    416: "range_not_satisfiable",
    422: "invalid", 426: "protocol_version", 431: "headers_too_large", 500: "internal",
    503: "unavailable", 507: "storage_full",
}


def status_code_name(status: int) -> str:
    return _STATUS_CODES.get(status, "bad_request" if status < 500 else "internal")


class RegionalError(HTTPException):
    """A refusal with a clear English message; nothing was changed.

    An HTTPException, so FastAPI passes it through when it is raised while a body is read
    (the body size limit, a JSON document the database cannot store) instead of answering 400
    without the message."""

    def __init__(self, message: str, status: int = 400, code: str | None = None) -> None:
        super().__init__(status, message)
        self.message = message
        self.status = status
        self.code = code or status_code_name(status)

    def body(self) -> dict[str, Any]:
        return {"error": self.message, "code": self.code}


class NotFound(RegionalError):
    def __init__(self, message: str) -> None:
        super().__init__(message, 404)


class LimitExceeded(RegionalError):
    """A published limit (`whoami` lists them) was passed."""

    def __init__(self, message: str, limit: str, maximum: int, status: int = 413) -> None:
        super().__init__(message, status, "limit_exceeded")
        self.limit = limit
        self.maximum = maximum

    def body(self) -> dict[str, Any]:
        return {**super().body(), "limit": self.limit, "max": self.maximum}


class Unavailable(RegionalError):
    """The database or the blob store cannot be reached now; the caller retries later."""

    RETRY_AFTER_SECONDS = 10

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the regional base's {what} is unavailable; nothing was changed, try again later",
            503,
        )
