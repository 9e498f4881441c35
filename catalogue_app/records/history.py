"""A record's history (who changed which field, when, from what to what) and restoring an
earlier value of one field, itself recorded as a change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.derive import SOURCES, derived_fields
from catalogue_app.records.fields import KEY_TYPES
from catalogue_app.records.store import update_record
from db.local.models import HistoryEntry

NOT_A_FIELD_CHANGE = declare(
    "history.not_a_field_change", "This history entry is not a change of a field of this record.")


@dataclass(frozen=True)
class HistoryItem:
    id: int
    changed_at: str
    user: str
    action: str  # create | update | trash | restore | deaccession
    field: str | None
    old_value: str | None
    new_value: str | None

    @property
    def restorable(self) -> bool:
        return self.action == "update" and self.field is not None


def record_history(session: Session, record_id: str) -> list[HistoryItem]:
    """Every change of the record, newest first."""
    return [
        HistoryItem(e.id, e.changed_at, e.user, e.action, e.field, e.old_value, e.new_value)
        for e in session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id)
                                 .order_by(HistoryEntry.id.desc()))
    ]


def restore_value(session: Session, record_id: str, entry_id: int, user: str) -> list[str]:
    """Give the field of a history entry back the value it had before that change."""
    entry = session.get(HistoryEntry, entry_id)
    if entry is None or entry.record_id != record_id or entry.field is None:
        raise RecordError(NOT_A_FIELD_CHANGE)
    value = value_from_history(entry.field, entry.old_value)
    return update_record(session, record_id, field_update(entry.field, value), user)


def value_from_history(field: str, text: str | None) -> Any:
    """Inverse of records.history_text: text fields as they were, structure from JSON."""
    if KEY_TYPES.get(field) == "text":
        return text or ""
    return None if text is None else json.loads(text)


def field_update(field: str, value: Any) -> dict[str, Any]:
    """The update that sets one field, with the structure derived from it derived again."""
    update = {field: value}
    if field in SOURCES:
        update.update(derived_fields(field, value or ""))
    return update
