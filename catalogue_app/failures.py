"""What to tell a user when an action failed for a reason outside the application's own rules
(CatalogueError): the disk is full, the catalogue is locked by another program, the file is
read-only... in the user's language, saying that nothing was lost. Anything else is an
unexpected error: the user is told so and where the details are."""

from __future__ import annotations

import errno
import sqlite3

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import Message, declare

DATABASE_BUSY = declare(
    "failure.database_busy",
    "The catalogue is busy: another program or window is writing to it. Nothing was lost; "
    "try again in a moment.")
DISK_FULL = declare(
    "failure.disk_full",
    "The disk is full. Nothing was lost, but nothing more can be saved until some space is "
    "freed.")
READ_ONLY = declare(
    "failure.read_only",
    "The catalogue cannot be written to: its file or its disk is read-only. Nothing was "
    "lost.")
NO_PERMISSION = declare(
    "failure.no_permission",
    "Permission denied for {path}. Nothing was lost; ask whoever manages this computer for "
    "access.")
FILE_ERROR = declare(
    "failure.file_error",
    "The system refused to read or write {path}: {reason}. Nothing was lost.")
UNEXPECTED = declare(
    "failure.unexpected",
    "Something went wrong that the application did not expect ({kind}). What you were "
    "doing was not completed; your other work is safe. The details are in the log: {log}")


def explain(error: BaseException) -> Message:
    """The message for the user about why an action failed."""
    if isinstance(error, CatalogueError):
        return error.message
    database = _database_error(error)
    if database is not None:
        text = str(database).lower()
        if "locked" in text or "busy" in text:
            return DATABASE_BUSY()
        if "disk is full" in text or "database or disk is full" in text:
            return DISK_FULL()
        if "readonly" in text or "read-only" in text:
            return READ_ONLY()
    if isinstance(error, OSError):
        path = error.filename or ""
        if error.errno == errno.ENOSPC:
            return DISK_FULL()
        if error.errno == errno.EROFS:
            return READ_ONLY()
        if error.errno in (errno.EACCES, errno.EPERM):
            return NO_PERMISSION(path=path)
        return FILE_ERROR(path=path, reason=error.strerror or str(error))
    from catalogue_app.logs import log_file

    return UNEXPECTED(kind=type(error).__name__, log=log_file())


def _database_error(error: BaseException) -> sqlite3.Error | None:
    """The SQLite error behind a SQLAlchemy error, or the error itself."""
    for candidate in (error, getattr(error, "orig", None), error.__cause__):
        if isinstance(candidate, sqlite3.Error):
            return candidate
    return None
