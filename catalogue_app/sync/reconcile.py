"""Bringing what the regional base says about a record into the desk catalogue.

Used by the pull (a record from the feed) and by the push (a conflict answer carries the
server's current record). Callers run inside `outbox.applying()`, so nothing written here is
queued to be sent back unless `outbox.queue()` says so: a merged record whose fields differ
from the server's stays pending and goes out with the next batch."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.sync import outbox
from catalogue_app.sync.merge import merge_records, same_content
from catalogue_app.sync.wire import record_fields, store_fields
from db.local.models import (
    Draft,
    HistoryEntry,
    Record,
    SyncConflict,
    SyncRefusal,
    SyncState,
    Tombstone,
)


@dataclass(frozen=True)
class ServerRecord:
    id: str
    fields: dict[str, Any]
    version: int
    deleted: bool

    @classmethod
    def from_wire(cls, wire: dict[str, Any]) -> ServerRecord:
        return cls(wire["id"], wire.get("fields") or {}, wire["version"],
                   bool(wire.get("deleted")))


# Outcomes, counted in the sync report.
KNOWN, APPLIED, MERGED, DELETED, CONFLICT = "known", "applied", "merged", "deleted", "conflict"


UNAPPLIABLE = declare(
    "sync.unappliable",
    "Record {number!r} ({record_id}) from the regional base cannot be stored here: {reason}")


class Unappliable(RecordError):
    """The server's record cannot be stored here as it is (reported, nothing written)."""


def apply_server_record(session: Session, server: ServerRecord) -> str:
    state = session.get(SyncState, server.id)
    if state is not None and state.version == server.version:
        if not state.seen:
            state.seen = True
        return KNOWN  # our own push coming back, or a page read again after a crash
    local = _local_fields(session, server.id)
    if outbox.is_pending(session, server.id):
        if local is not None or _tombstoned(session, server.id):
            return _reconcile_pending(session, server, outbox.base_fields(state), local)
        outbox.clear(session, server.id)  # its local record was adopted away
    if server.deleted:
        delete_local(session, server.id)
        return DELETED
    if local is None:
        holder = _holder_of_number(session, server)
        if holder is not None:
            return adopt(session, holder, server)
    store_record(session, server.id, server.fields)
    _settle(session, server)
    return APPLIED


def settle_push_conflict(session: Session, record_id: str, current: ServerRecord) -> str:
    """The server refused our version: merge with its current one, or adopt its record when
    it holds the same inventory number under another id (created on two desks)."""
    if current.id != record_id:
        if session.get(Record, record_id) is None:
            outbox.clear(session, record_id)
            return KNOWN
        return adopt(session, record_id, current)
    state = session.get(SyncState, record_id)
    return _reconcile_pending(session, current, outbox.base_fields(state),
                              _local_fields(session, record_id))


def adopt(session: Session, local_id: str, server: ServerRecord) -> str:
    """One object created on two desks: keep the server's id, merge this desk's fields in.

    All or nothing: the local record is deleted before the merge is stored, and the callers
    catch Unappliable and commit, so a merge that cannot be stored must undo the deletion."""
    local = record_fields(session, local_id)
    merge = merge_records({}, local, server.fields)
    with session.begin_nested():
        for table in (HistoryEntry, Draft):
            session.execute(update(table).where(table.record_id == local_id)
                            .values(record_id=server.id))
        session.execute(delete(Record).where(Record.id == local_id))
        for table in (SyncState, SyncRefusal, SyncConflict):
            session.execute(delete(table).where(table.record_id == local_id))
        outbox.clear(session, local_id)
        store_record(session, server.id, merge.fields)
        if merge.conflicts:
            store_conflict(session, server, merge.conflicts, {}, local, local_deleted=False)
            return CONFLICT
        _settle(session, server)
        return MERGED


def store_conflict(session: Session, server: ServerRecord, names: list[str],
                   base: dict[str, Any], local: dict[str, Any] | None, *,
                   local_deleted: bool) -> None:
    session.merge(SyncConflict(
        record_id=server.id, detected_at=now_iso(), fields_json=_json(names),
        base_json=_json(base), local_json=_json(local or {}), server_json=_json(server.fields),
        server_version=server.version, server_deleted=server.deleted,
        local_deleted=local_deleted))
    outbox.queue(session, server.id)  # stays pending until the curator decides


def _reconcile_pending(session: Session, server: ServerRecord, base: dict[str, Any],
                       local: dict[str, Any] | None) -> str:
    """Both sides changed the record since `base`."""
    if local is None and server.deleted:
        outbox.clear(session, server.id)
        outbox.drop_state(session, server.id)
        return DELETED
    if local is None or server.deleted:
        # An edit against a deletion: harmless only if the editing side changed nothing.
        edited = server.fields if local is None else local
        if same_content(base, edited):
            if local is None:
                outbox.set_state(session, server.id, server.version, server.fields)
                return MERGED  # our deletion goes out with the next batch
            delete_local(session, server.id)
            return DELETED
        store_conflict(session, server, [], base, local, local_deleted=local is None)
        return CONFLICT
    merge = merge_records(base, local, server.fields)
    if merge.fields != local:  # for a conflicting field, this desk's value until decided
        store_record(session, server.id, merge.fields)
    if merge.conflicts:
        store_conflict(session, server, merge.conflicts, base, local, local_deleted=False)
        return CONFLICT
    _settle(session, server)
    return MERGED


def _settle(session: Session, server: ServerRecord) -> None:
    """Remember the server's version as the new base; stay pending if we hold more."""
    outbox.set_state(session, server.id, server.version, server.fields)
    session.execute(delete(SyncConflict).where(SyncConflict.record_id == server.id))
    if same_content(record_fields(session, server.id), server.fields):
        outbox.clear(session, server.id)
    else:
        outbox.queue(session, server.id)


def store_record(session: Session, record_id: str, fields: dict[str, Any]) -> None:
    try:
        with session.begin_nested():
            store_fields(session, record_id, fields)
    except RecordError as error:
        number = fields.get("inventory_number")
        raise Unappliable(UNAPPLIABLE, number=number, record_id=record_id,
                          reason=error.message) from None


def delete_local(session: Session, record_id: str) -> None:
    session.execute(delete(Record).where(Record.id == record_id))
    outbox.drop_state(session, record_id)
    outbox.clear(session, record_id)


def _holder_of_number(session: Session, server: ServerRecord) -> str | None:
    """A local record never sent that carries the server record's inventory number."""
    number = server.fields.get("inventory_number")
    if not isinstance(number, str) or not number.strip():
        return None
    holder = session.scalar(select(Record.id).where(
        Record.inventory_key == normalise_inventory_number(number)))
    if holder is None or session.get(SyncState, holder) is not None:
        return None  # a synced record renumbered on both sides: store_fields reports it
    return holder


def _local_fields(session: Session, record_id: str) -> dict[str, Any] | None:
    if session.get(Record, record_id) is None:
        return None
    return record_fields(session, record_id)


def _tombstoned(session: Session, record_id: str) -> bool:
    return session.get(Tombstone, record_id) is not None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
