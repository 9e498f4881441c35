"""The empty record a form starts from, and the keys that are bookkeeping rather than fields.
Free of SQLAlchemy: the form is built before the window's first paint."""

from __future__ import annotations

from typing import Any

from catalogue_app.records.record import Record

# The record's own id, trash date and who changed it when: set by the store and the lifecycle
# operations, never by an edit. (The register status is a field: the register rules check it.)
META_KEYS = ("id", "trashed_at", "created_at", "created_by", "modified_at", "modified_by")


def blank_record() -> dict[str, Any]:
    """The fields of a new, empty record."""
    return {k: v for k, v in Record().to_fields().items() if k not in META_KEYS}
