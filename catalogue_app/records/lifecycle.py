"""The legal life of a record (design.md §3): an inscribed record is never deleted, only
radiated, and its locked columns change only by a rectification
(catalogue_app.records.register_rules); drafts and mistakes go to a trash, and purging leaves a
tombstone."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso, today_iso
from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.fields import FieldLabel
from catalogue_app.records.reading import NO_SUCH_RECORD
from catalogue_app.records.register_rules import (
    NEVER_DELETED,
    RECTIFIABLE_FIELDS,
    RECTIFICATION_FIELD,
    RECTIFICATION_REASON,
)
from catalogue_app.records.store import load_record, update_record
from db.local.models import HistoryEntry, Record, Tombstone

NOT_INSCRIBED = declare(
    "register.not_inscribed",
    "Record {number} is not inscribed in the register: edit «{label}» directly, no"
    " rectification is needed. Nothing was changed.")
SAME_VALUE = declare(
    "register.same_value",
    "«{label}» of record {number} already reads {value!r}: nothing to rectify.")


def trash_record(session: Session, record_id: str, user: str) -> None:
    record = _get(session, record_id)
    if record.inscribed or record.register_date.strip():
        raise RecordError(NEVER_DELETED, number=record.inventory_number)
    if record.trashed_at is None:
        record.trashed_at = now_iso()
        _log(session, record, user, "trash")


def restore_record(session: Session, record_id: str, user: str) -> None:
    record = _get(session, record_id)
    if record.trashed_at is not None:
        record.trashed_at = None
        _log(session, record, user, "restore")


def trashed_records(session: Session) -> list[dict[str, str]]:
    """What the trash holds, most recently trashed first."""
    rows = session.execute(
        select(Record.id, Record.inventory_number, Record.designation, Record.trashed_at)
        .where(Record.trashed_at.is_not(None)).order_by(Record.trashed_at.desc())
    )
    return [row._asdict() for row in rows]


def empty_trash(session: Session, user: str) -> int:
    """Purge every trashed record, leaving tombstones so that sync deletes them elsewhere."""
    now = now_iso()
    trashed = session.execute(
        select(Record.id, Record.inventory_number).where(Record.trashed_at.is_not(None))
    ).all()
    if trashed:
        session.execute(insert(Tombstone), [
            dict(record_id=r.id, inventory_number=r.inventory_number, deleted_at=now, user=user)
            for r in trashed
        ])
        session.execute(delete(Record).where(Record.id.in_([r.id for r in trashed])))
    return len(trashed)


def radiate_record(session: Session, record_id: str, case: str, date: str, decision: str,
                   user: str) -> None:
    """Radiation: the record stays in the register, marked with its legal case, date and
    decision (the register's rules refuse one without them, and a deposit's)."""
    update_record(session, record_id, {"status": "deaccessioned", "deaccession_case": case,
                                       "deaccession_date": date,
                                       "deaccession_decision": decision}, user)


def rectify_record(session: Session, record_id: str, field: str, value: str, reason: str,
                   user: str) -> None:
    """Change a locked column of an inscribed record, the rectification kept with it: date,
    field, old and new value, reason, user."""
    record = load_record(session, record_id)
    number = record["inventory_number"]
    if field not in RECTIFIABLE_FIELDS:
        raise RecordError(RECTIFICATION_FIELD, label=field)
    if not record["inscribed"]:
        raise RecordError(NOT_INSCRIBED, number=number, label=FieldLabel(field))
    if not reason.strip():
        raise RecordError(RECTIFICATION_REASON, number=number, label=FieldLabel(field))
    if record[field] == value:
        raise RecordError(SAME_VALUE, number=number, label=FieldLabel(field), value=value)
    rectification = {"date": today_iso(), "field": field, "old": record[field],
                     "new": value, "reason": reason.strip(), "user": user}
    update_record(session, record_id, {
        field: value, "rectifications": [*record["rectifications"], rectification]}, user)


def _get(session: Session, record_id: str) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise RecordError(NO_SUCH_RECORD, record_id=record_id)
    return record


def _log(session: Session, record: Record, user: str, action: str,
         detail: str | None = None) -> None:
    record.modified_at, record.modified_by = now_iso(), user
    session.add(HistoryEntry(record_id=record.id, changed_at=record.modified_at, user=user,
                             action=action, field=None, old_value=None, new_value=detail))
