"""What the user is told when a catalogue file cannot be opened as it is (db/local/schema.py
says which case; the words live here, in the core, with their French)."""

from __future__ import annotations

from catalogue_app.messages import Message, declare
from db.local.schema import SchemaError

UNREADABLE = declare(
    "catalogue.file_unreadable",
    "{path} cannot be read as a catalogue database ({reason}). It was left untouched; "
    "restore it from a backup or choose another catalogue.")
FOREIGN = declare(
    "catalogue.file_foreign",
    "{path} is an SQLite database but not a catalogue (it has no catalogue version). It was "
    "left untouched.")
NEWER = declare(
    "catalogue.file_newer",
    "{path} was written by a newer version of the application (schema {revision}). Install "
    "the latest version to open it; the file was left untouched.")
UPGRADE_FAILED = declare(
    "catalogue.upgrade_failed",
    "Upgrading {path} failed ({reason}); the catalogue was left as it was.")
UPGRADE_FAILED_WITH_COPY = declare(
    "catalogue.upgrade_failed_with_copy",
    "Upgrading {path} failed ({reason}); the catalogue was left as it was. A copy taken "
    "before the upgrade is at {backup}.")

_KINDS = {"unreadable": UNREADABLE, "foreign": FOREIGN, "newer": NEWER}


def schema_message(error: SchemaError) -> Message:
    if error.kind == "upgrade_failed":
        kind = UPGRADE_FAILED_WITH_COPY if error.params.get("backup") else UPGRADE_FAILED
        return kind(**error.params)
    return _KINDS[error.kind](**error.params)
