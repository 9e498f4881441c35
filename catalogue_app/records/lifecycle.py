"""The legal life of a record (design.md §3): a record with a register date is never deleted,
only deaccessioned; drafts and mistakes go to a trash, and purging leaves a tombstone."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import RecordError
from db.local.models import HistoryEntry, Record, Tombstone


def trash_record(session: Session, record_id: str, user: str) -> None:
    record = _get(session, record_id)
    if record.register_date.strip():
        raise RecordError(
            f"Record {record.inventory_number} is entered in the inventory register "
            f"({record.register_date}) and can never be deleted; deaccession it instead."
        )
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


def deaccession_record(session: Session, record_id: str, date: str, reason: str,
                       user: str) -> None:
    """Radiation: the record stays in the register, marked with its date and reason."""
    record = _get(session, record_id)
    if not date.strip() or not reason.strip():
        raise RecordError("A deaccession needs both a date and a reason.")
    record.status, record.deaccession_date, record.deaccession_reason = \
        "deaccessioned", date, reason
    _log(session, record, user, "deaccession", f"{date} — {reason}")


def _get(session: Session, record_id: str) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise RecordError(f"Record {record_id} does not exist (it may have been purged).")
    return record


def _log(session: Session, record: Record, user: str, action: str,
         detail: str | None = None) -> None:
    record.modified_at, record.modified_by = now_iso(), user
    session.add(HistoryEntry(record_id=record.id, changed_at=record.modified_at, user=user,
                             action=action, field=None, old_value=None, new_value=detail))
