"""Batch edit: set, append to or clear one field over a selection of records, previewed first,
applied in one transaction (with field-level history) and revertible as one operation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.fields import ENTRY_TYPES, FIELDS_BY_NAME
from catalogue_app.records.history import field_update
from catalogue_app.records.multivalue import split_authors, split_values
from catalogue_app.records.store import load_record, update_record

OPERATIONS = ("set", "append", "clear")
# One number per record (design.md §3), the theme tree's own editor and dated entries, written
# one at a time by their own verbs (a move, a rectification, a loan): never in a batch.
NOT_BATCH_EDITABLE = ("inventory_number", "themes",
                      *(f.name for f in FIELDS_BY_NAME.values() if f.type in ENTRY_TYPES))


@dataclass(frozen=True)
class BatchChange:
    record_id: str
    inventory_number: str
    before: Any
    after: Any


@dataclass(frozen=True)
class BatchEdit:
    """What a batch did, enough to take it back."""

    field: str
    changes: tuple[BatchChange, ...]


def batch_editable_fields() -> list[str]:
    return [name for name in FIELDS_BY_NAME if name not in NOT_BATCH_EDITABLE]


def preview(session: Session, record_ids: Sequence[str], field: str, operation: str,
            value: str | bool = "") -> list[BatchChange]:
    """The records the operation would change, with their value before and after."""
    _check(field, operation, value)
    changes = []
    for record_id in record_ids:
        record = load_record(session, record_id)
        after = _apply(field, operation, record[field], value)
        if after != record[field]:
            changes.append(BatchChange(record_id, record["inventory_number"], record[field], after))
    return changes


def apply_batch(session: Session, record_ids: Sequence[str], field: str, operation: str,
                value: str | bool, user: str) -> BatchEdit:
    changes = preview(session, record_ids, field, operation, value)
    for change in changes:
        update_record(session, change.record_id, field_update(field, change.after), user)
    return BatchEdit(field, tuple(changes))


def revert_batch(session: Session, batch: BatchEdit, user: str) -> list[str]:
    """Put back the values the batch replaced, except where a record was edited since.

    Returns the inventory numbers left as they are because their field changed after the batch
    (their later edit is kept rather than silently overwritten)."""
    kept = []
    for change in batch.changes:
        try:
            current = load_record(session, change.record_id)[batch.field]
        except RecordError:  # purged from the trash since
            current = None
        if current != change.after:
            kept.append(change.inventory_number)
        else:
            update_record(session, change.record_id, field_update(batch.field, change.before),
                          user)
    return kept


NO_SUCH_FIELD = declare("batch.no_such_field", "There is no field '{field}'.")
NOT_BATCH_EDITABLE_FIELD = declare("batch.not_editable",
                                   "The field {field} cannot be batch edited.")
NO_SUCH_OPERATION = declare(
    "batch.no_such_operation", "Unknown batch operation '{operation}'; use set, append or clear.")
CANNOT_APPEND = declare("batch.cannot_append", "Nothing can be appended to {field}.")
VALUE_REQUIRED = declare(
    "batch.value_required", "Give the value to set or append (or choose Clear).")


def _check(field: str, operation: str, value: str | bool) -> None:
    if field not in FIELDS_BY_NAME:
        raise RecordError(NO_SUCH_FIELD, field=field)
    if field in NOT_BATCH_EDITABLE:
        raise RecordError(NOT_BATCH_EDITABLE_FIELD, field=FIELDS_BY_NAME[field].label())
    if operation not in OPERATIONS:
        raise RecordError(NO_SUCH_OPERATION, operation=operation)
    kind = FIELDS_BY_NAME[field].type
    if kind == "boolean" and operation == "append":
        raise RecordError(CANNOT_APPEND, field=FIELDS_BY_NAME[field].label())
    if operation != "clear" and kind != "boolean" and not str(value).strip():
        raise RecordError(VALUE_REQUIRED)


def _apply(field: str, operation: str, current: Any, value: str | bool) -> Any:
    kind = FIELDS_BY_NAME[field].type
    if kind == "boolean":
        return False if operation == "clear" else bool(value)
    if kind in ("list", "authors"):
        if operation == "clear":
            return []
        new = split_authors(value) if kind == "authors" else split_values(value)
        return new if operation == "set" else current + [v for v in new if v not in current]
    if operation == "clear":
        return ""
    if operation == "set" or not current:
        return value
    return current + ("\n" if kind == "longtext" else " ") + value
