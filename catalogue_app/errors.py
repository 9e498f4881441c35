"""Errors a user can cause: each carries a Message (catalogue_app.messages), a stable code and
parameters that the interface shows in the user's language, saying what and where.

    raise RecordError(NUMBER_TAKEN, number=number)

str(error) is the message in the process's language; error.message.code is what scripts,
tests and the sync protocol compare."""

from __future__ import annotations

from typing import Any

from catalogue_app.messages import Message, MessageKind


class CatalogueError(Exception):
    """Anything the user must be told about; nothing was changed."""

    def __init__(self, message: MessageKind | Message, /, **params: Any) -> None:
        if isinstance(message, MessageKind):
            message = message(**params)
        self.message = message
        super().__init__(message.text("en"))

    @property
    def code(self) -> str:
        return self.message.code

    def __str__(self) -> str:
        return self.message.text()


class CatalogueLocationError(CatalogueError):
    """The catalogue directory cannot hold a catalogue (network share, unwritable, foreign)."""


class RecordError(CatalogueError):
    """A record operation was refused (duplicate number, protected by the register...)."""
