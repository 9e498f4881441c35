"""Errors a user can cause; their message says what and where, in words a curator reads."""


class CatalogueError(Exception):
    """Anything the user must be told about; nothing was changed."""


class CatalogueLocationError(CatalogueError):
    """The catalogue directory cannot hold a catalogue (network share, unwritable, foreign)."""


class RecordError(CatalogueError):
    """A record operation was refused (duplicate number, protected by the register...)."""
