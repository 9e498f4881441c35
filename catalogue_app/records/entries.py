"""Adding, replacing and removing one entry of a record's list of dated entries (loans,
condition reports): the list is rewritten through the store, so the entry is checked by
Record.from_fields, the change kept in the record's history and queued for sync like any edit.
An entry keeps its id for life: two desks' lists merge by id (catalogue_app.sync.merge)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.store import load_record, update_record

NO_SUCH_ENTRY = declare(
    "record.no_such_entry",
    "Record {number} has no such entry in «{label}» (it may have been removed on another"
    " desk). Nothing was changed.")


Entry = dict[str, Any]


def put_entry(session: Session, record_id: str, field: str, values: Mapping[str, Any],
              user: str, prepare: Callable[[Entry, Mapping[str, Any]], Entry]) -> Entry:
    """Change the entry with values' id (the values given over it), or add values as a new
    entry at the end; prepare(entry, record) checks the entry (RecordError) and returns it as
    it is to be kept. Return the entry as stored."""
    record = load_record(session, record_id)
    entries = list(record[field])
    if values.get("id"):
        entry_id = values["id"]
        position = _position(record, field, entry_id)
        entries[position] = prepare({**entries[position], **values}, record)
    else:
        entry_id = str(uuid.uuid4())
        entries.append(prepare({**values, "id": entry_id}, record))
    update_record(session, record_id, {field: entries}, user)
    return find_entry(load_record(session, record_id), field, entry_id)


def drop_entry(session: Session, record_id: str, field: str, entry_id: str, user: str) -> None:
    record = load_record(session, record_id)
    entries = list(record[field])
    del entries[_position(record, field, entry_id)]
    update_record(session, record_id, {field: entries}, user)


def find_entry(record: Mapping[str, Any], field: str, entry_id: str) -> dict[str, Any]:
    """The entry with this id; RecordError when the record has none."""
    return record[field][_position(record, field, entry_id)]


def _position(record: Mapping[str, Any], field: str, entry_id: str) -> int:
    for position, entry in enumerate(record[field]):
        if entry.get("id") == entry_id:
            return position
    raise RecordError(NO_SUCH_ENTRY, number=record["inventory_number"],
                      label=FIELDS_BY_NAME[field].label())
