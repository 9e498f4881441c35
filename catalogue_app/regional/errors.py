"""Errors a caller can cause, carrying the HTTP status the API answers with."""

from __future__ import annotations


class RegionalError(Exception):
    """A refusal with a clear English message; nothing was changed."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NotFound(RegionalError):
    def __init__(self, message: str) -> None:
        super().__init__(message, 404)
