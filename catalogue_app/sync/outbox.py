"""The desk's sync bookkeeping (tables of revision 0003): what is pending, what the server last
said about each record, the feed cursor and the batches on the wire."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from db.local.models import SyncConflict, SyncOutbox, SyncState


@contextmanager
def applying(session: Session) -> Iterator[None]:
    """Write what came from the server without queueing it to be sent back (the outbox
    triggers are silent while sync_applying has a row; the row never outlives the block)."""
    session.execute(text("INSERT INTO sync_applying (since) VALUES (:now)"), {"now": now_iso()})
    yield
    session.execute(text("DELETE FROM sync_applying"))


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncOutbox)) or 0


def sendable(session: Session) -> list[str]:
    """Pending records that may be pushed now: not awaiting a curator's decision."""
    return list(session.scalars(
        select(SyncOutbox.record_id)
        .where(SyncOutbox.record_id.not_in(select(SyncConflict.record_id)))
        .order_by(SyncOutbox.record_id)
    ))


def revisions(session: Session, record_ids: list[str]) -> dict[str, int]:
    return dict(session.execute(select(SyncOutbox.record_id, SyncOutbox.revision)
                                .where(SyncOutbox.record_id.in_(record_ids))).all())


def queue(session: Session, record_id: str) -> None:
    session.execute(text(
        "INSERT INTO sync_outbox (record_id, revision) VALUES (:id, 1)"
        " ON CONFLICT (record_id) DO UPDATE SET revision = revision + 1"), {"id": record_id})


def clear(session: Session, record_id: str, revision: int | None = None) -> None:
    """Forget that the record is pending, unless it changed again since `revision` was read."""
    condition = SyncOutbox.record_id == record_id
    if revision is not None:
        condition &= SyncOutbox.revision == revision
    session.execute(delete(SyncOutbox).where(condition))


def is_pending(session: Session, record_id: str) -> bool:
    return session.get(SyncOutbox, record_id) is not None


def states(session: Session, record_ids: list[str]) -> dict[str, SyncState]:
    found: dict[str, SyncState] = {}
    for start in range(0, len(record_ids), 500):
        found.update((s.record_id, s) for s in session.scalars(
            select(SyncState).where(SyncState.record_id.in_(record_ids[start:start + 500]))))
    return found


def versions(session: Session, record_ids: list[str]) -> dict[str, int]:
    """The server version each record was last in step with (records never synced absent)."""
    found: dict[str, int] = {}
    for start in range(0, len(record_ids), 500):
        found.update(session.execute(
            select(SyncState.record_id, SyncState.version)
            .where(SyncState.record_id.in_(record_ids[start:start + 500]))).all())
    return found


def mark_seen(session: Session, record_ids: list[str]) -> None:
    """The feed still holds these records (what a full resync looks for)."""
    for start in range(0, len(record_ids), 500):
        session.execute(update(SyncState).where(
            SyncState.record_id.in_(record_ids[start:start + 500]), ~SyncState.seen)
            .values(seen=True))


def canonical_json(fields: dict[str, Any]) -> str:
    """A record's fields as the desk keeps the server's version of them (sync_state)."""
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def set_state(session: Session, record_id: str, version: int, fields: dict[str, Any]) -> None:
    base = canonical_json(fields)
    state = session.get(SyncState, record_id)
    if state is None:
        session.add(SyncState(record_id=record_id, version=version, base_json=base, seen=True))
    else:
        state.version, state.base_json, state.seen = version, base, True


def settle_accepted(session: Session,
                    accepted: list[tuple[str, int | None, str, bool, int | None]]) -> None:
    """Records the server took (id, version, fields sent as canonical JSON, deleted, outbox
    revision sent): their new base, and the outbox cleared unless they changed again
    meanwhile. A few statements for a whole group of batches, run by the driver directly
    (SQLAlchemy's per-row parameter handling cost more than SQLite's work here)."""
    run = session.connection().exec_driver_sql
    live = [(i, v, base) for i, v, base, deleted, _r in accepted if not deleted and v is not None]
    if live:
        run("INSERT INTO sync_state (record_id, version, base_json, seen) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (record_id) DO UPDATE SET version = excluded.version,"
            " base_json = excluded.base_json, seen = 1", live)
    gone = [(i,) for i, _v, _b, deleted, _r in accepted if deleted]
    if gone:
        run("DELETE FROM sync_state WHERE record_id = ?", gone)
    if accepted:
        run("DELETE FROM sync_outbox WHERE record_id = ? AND (? IS NULL OR revision = ?)",
            [(i, r, r) for i, _v, _b, _d, r in accepted])
        run("DELETE FROM sync_refusals WHERE record_id = ?", [(i,) for i, *_rest in accepted])


def drop_state(session: Session, record_id: str) -> None:
    session.execute(delete(SyncState).where(SyncState.record_id == record_id))


def base_fields(state: SyncState | None) -> dict[str, Any]:
    return json.loads(state.base_json) if state is not None else {}
