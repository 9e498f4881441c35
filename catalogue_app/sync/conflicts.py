"""The conflict list: records changed here and on the regional base in the same field, or
edited on one side and deleted on the other. The curator picks, per field or for the whole
record, this desk's value or the server's; the result goes out with the next sync."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from catalogue_app.sync import outbox
from catalogue_app.sync.merge import same_content
from catalogue_app.sync.reconcile import ServerRecord, delete_local, store_record
from catalogue_app.sync.wire import record_fields
from db.local.models import SyncConflict

NO_CONFLICT = declare("sync.no_conflict",
                      "Record {record} has no conflict to resolve (already settled?).")
BAD_CHOICE = declare(
    "sync.bad_conflict_choice", "Cannot choose {side} for field {field} of record {record}; "
    "choose 'local' or 'server' for one of {fields}.")

Side = Literal["local", "server"]
SIDES = ("local", "server")


@dataclass(frozen=True)
class FieldConflict:
    name: str
    base: Any
    local: Any
    server: Any


@dataclass(frozen=True)
class Conflict:
    record_id: str
    inventory_number: str
    fields: list[FieldConflict]
    local_deleted: bool  # deleted here, edited on the regional base
    server_deleted: bool  # deleted on the regional base, edited here
    detected_at: str


def list_conflicts(session: Session) -> list[Conflict]:
    return [_conflict(row) for row in
            session.scalars(select(SyncConflict).order_by(SyncConflict.detected_at))]


def conflict_count(session: Session) -> int:
    return len(session.scalars(select(SyncConflict.record_id)).all())


def resolve(session: Session, record_id: str, choice: Side | Mapping[str, Side]) -> None:
    """Settle a conflict: `choice` is one side for the whole record, or a side per field
    (fields not named keep this desk's value)."""
    row = session.get(SyncConflict, record_id)
    if row is None:
        raise CatalogueError(NO_CONFLICT, record=record_id)
    names = json.loads(row.fields_json)
    per_field = {name: choice for name in names} if isinstance(choice, str) else dict(choice)
    for name, side in per_field.items():
        if side not in SIDES or name not in names:
            raise CatalogueError(BAD_CHOICE, side=side, field=name, record=record_id,
                                 fields=names)
    server = ServerRecord(record_id, json.loads(row.server_json), row.server_version,
                          row.server_deleted)
    whole = choice if isinstance(choice, str) else "local"
    with outbox.applying(session):
        session.execute(delete(SyncConflict).where(SyncConflict.record_id == record_id))
        outbox.set_state(session, record_id, server.version, server.fields)
        if row.local_deleted or row.server_deleted:
            _settle_deletion(session, server, keep_local=whole == "local",
                             local_deleted=row.local_deleted)
            return
        final = record_fields(session, record_id)
        for name, side in per_field.items():
            if side == "server":
                final.pop(name, None)
                if name in server.fields:
                    final[name] = server.fields[name]
        store_record(session, record_id, final)
        if same_content(record_fields(session, record_id), server.fields):
            outbox.clear(session, record_id)
        else:
            outbox.queue(session, record_id)


def _settle_deletion(session: Session, server: ServerRecord, *, keep_local: bool,
                     local_deleted: bool) -> None:
    if keep_local:
        outbox.queue(session, server.id)  # our edit, or our deletion, goes out next
    elif server.deleted:
        delete_local(session, server.id)
    else:
        store_record(session, server.id, server.fields)  # the record comes back from the server
        outbox.clear(session, server.id)


def _conflict(row: SyncConflict) -> Conflict:
    base, local, server = (json.loads(t) for t in (row.base_json, row.local_json,
                                                    row.server_json))
    number = local.get("inventory_number") or server.get("inventory_number") or ""
    return Conflict(
        row.record_id, number,
        [FieldConflict(name, base.get(name), local.get(name), server.get(name))
         for name in json.loads(row.fields_json)],
        row.local_deleted, row.server_deleted, row.detected_at)

