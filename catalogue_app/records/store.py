"""Object records: create, read, update, with validation and field-level history.

Callers give and get a record as its fields (catalogue_app.records.record: Record.to_fields,
a dict keyed by the canonical field names plus the derived keys, the register status and who
changed it when). Every record saved is read by Record.from_fields, which checks each key's
type; keys this version does not know are kept verbatim in extra_json (design.md §7)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, true
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import RecordError
from catalogue_app.locations.movements import current_location_id
from catalogue_app.messages import declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.blank import META_KEYS
from catalogue_app.records.derive import derive, sort_key
from catalogue_app.records.fields import ENTRY_TYPES, KEY_TYPES
from catalogue_app.records.reading import COLUMN_KEYS, read_record
from catalogue_app.records.record import ENTRY_DICT_KEYS, Author, Record
from catalogue_app.records.register_rules import RULE_KEYS, check_change, check_new
from catalogue_app.search.index import BULK_THRESHOLD, indexing_for, note_for_indexing
from catalogue_app.storage.triggers import triggers_set_aside
from db.local.models import HistoryEntry, MeasurementRow, RecordTheme, RecordValue
from db.local.models import Record as RecordRow

LIST_FIELDS = tuple(name for name, kind in KEY_TYPES.items() if kind == "list")
# Columns of the records table an edit writes (the meta keys have operations of their own).
_EDITED_COLUMNS = tuple(name for name in COLUMN_KEYS if name not in META_KEYS)

NUMBER_REQUIRED = declare("record.number_required", "The inventory number is required.")
NUMBER_TWICE = declare(
    "record.number_twice",
    "Inventory number {number!r} appears twice (also as {other!r}); nothing was saved.")
NUMBER_TAKEN = declare(
    "record.number_taken",
    "Inventory number {number!r} is already used by record{label}{where}; inventory numbers"
    " must be unique in the museum. Nothing was saved.")
NUMBER_TAKEN_LABEL = declare("record.number_taken_label", " «{designation}»")
NUMBER_TAKEN_TRASH = declare("record.number_taken_in_trash", " (in the trash)")


def create_record(session: Session, data: Mapping[str, Any], user: str) -> str:
    """Insert one record; return its id. Raises RecordError, writing nothing, when refused."""
    return insert_records(session, [data], user)[0]


def insert_records(session: Session, records: Iterable[Mapping[str, Any]], user: str,
                   *, record_history: bool = True, from_base: bool = False) -> list[str]:
    """Insert many records with set-based statements (imports, demo, sync use this path).

    The register's rules are checked unless the records come from the regional base, which
    checked them when they were pushed (what it holds is what the desk must hold)."""
    now = now_iso()
    prepared = [_prepare(r) for r in records]
    for record in prepared if not from_base else ():
        check_new(record)
    _check_numbers_free(session, prepared)
    rows, values, themes, measures, history, row_counts = [], [], [], [], [], []
    for record in prepared:
        record_id = record.id = record.id or str(uuid.uuid4())
        rows.append(_record_row(record, user, now, created=True))
        record_values = _value_rows(record)
        record_measures = _measurement_rows(record)
        values.extend(record_values)
        themes.extend({"record_id": record_id, "theme_id": t} for t in record.themes)
        measures.extend(record_measures)
        row_counts.append((record_id, 1 + len(record_values) + len(record.themes)
                           + len(record_measures)))
        if record_history:
            history.append(dict(record_id=record_id, changed_at=now, user=user, action="create",
                                field=None, old_value=None, new_value=None))
    bulk = len(rows) >= BULK_THRESHOLD
    with indexing_for(session, len(rows)), \
            triggers_set_aside(session, _PER_ROW_INSERT_TRIGGERS if bulk else ()):
        session.flush()  # what the caller added through the ORM goes first (themes, say)
        for table, batch in ((RecordRow, rows), (RecordValue, values), (RecordTheme, themes),
                             (MeasurementRow, measures), (HistoryEntry, history)):
            if batch:
                _insert_rows(session, table.__table__, batch)
        if bulk:
            note_for_indexing(session, [row["id"] for row in rows])
            _queue_for_sync(session, row_counts)
    return [r.id for r in prepared]


def _insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """One DBAPI executemany of rows that all have the same keys, with the model's defaults.

    Not a Core insert: SQLAlchemy's per-row parameter processing cost as much as SQLite's
    own work, and the ORM's bulk insert would split the batch wherever a value is None."""
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in rows[0] and c.default is not None and c.default.is_scalar}
    for row in rows if defaults else ():
        row.update(defaults)
    columns = list(rows[0])
    session.connection().exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})", list(map(itemgetter(*columns), rows)))


# The triggers that a record's insert fires once per row written (the search index's of
# migration 0002, the sync outbox's of 0003): a bulk insert does their work set-based.
_PER_ROW_INSERT_TRIGGERS = ("records_search_insert", *(f"{table}_sync_insert" for table in (
    RecordRow.__tablename__, RecordValue.__tablename__, RecordTheme.__tablename__,
    MeasurementRow.__tablename__)))


def _queue_for_sync(session: Session, row_counts: list[tuple[str, int]]) -> None:
    """What the outbox triggers set aside by a bulk insert would have done, set-based.

    Each of them adds 1 to the record's revision per row written (starting the record at 1),
    unless the sync engine is applying the server's changes: so each record gets its count
    of rows written, in the same transaction."""
    if session.scalar(text("SELECT EXISTS (SELECT 1 FROM sync_applying)")):
        return
    session.connection().exec_driver_sql(
        "INSERT INTO sync_outbox (record_id, revision) VALUES (?, ?) ON CONFLICT (record_id)"
        " DO UPDATE SET revision = revision + excluded.revision", row_counts)


def load_record(session: Session, record_id: str) -> dict[str, Any]:
    """The fields of one record (RecordError when there is none with this id)."""
    return read_record(session, record_id).to_fields()


def update_record(session: Session, record_id: str, data: Mapping[str, Any],
                  user: str, *, from_base: bool = False) -> list[str]:
    """Apply the given fields to a record; return the names of the fields that changed.
    RecordError, nothing written, when the register's rules refuse the change (unless it
    comes from the regional base, see insert_records)."""
    stored = read_record(session, record_id)
    old = stored.to_fields()
    record = _prepare({**old, **{k: v for k, v in data.items() if k not in META_KEYS}}, stored)
    new = record.to_fields()
    changed = [name for name in _comparable_keys(old, new) if old.get(name) != new.get(name)]
    if not changed:
        return []
    if not from_base:
        check_change(old, new)
    if "inventory_number" in changed:
        _check_numbers_free(session, [record], exclude_id=record_id)
    now = now_iso()
    with indexing_for(session, 1):  # the record is re-indexed once, after all its rows
        row = session.get(RecordRow, record_id)
        for name, value in _record_row(record, user, now, created=False).items():
            setattr(row, name, value)
        # Rewrite only the child rows of fields that changed: every row rewritten also runs the
        # search and sync triggers, which dominate the cost of a save on a large catalogue.
        value_fields = [name for name in LIST_FIELDS + ("authors",) if name in changed]
        rewrites = [(RecordValue, RecordValue.field.in_(value_fields),
                     [v for v in _value_rows(record) if v["field"] in value_fields])]
        if "themes" in changed:
            rewrites.append((RecordTheme, true(), [{"record_id": record_id, "theme_id": t}
                                                 for t in record.themes]))
        if "measurement_rows" in changed:
            rewrites.append((MeasurementRow, true(), _measurement_rows(record)))
        for table, which, _rows in rewrites:
            session.execute(delete(table).where(table.record_id == record_id, which))
        session.flush()
        for table, _which, batch in rewrites:
            if batch:
                session.execute(insert(table.__table__), batch)
        session.execute(insert(HistoryEntry.__table__), [
            dict(record_id=record_id, changed_at=now, user=user, action="update", field=name,
                 old_value=history_text(old.get(name)), new_value=history_text(new.get(name)))
            for name in changed
        ])
    return changed


def update_columns(session: Session, changes: Mapping[str, Mapping[str, Any]],
                   user: str) -> list[str]:
    """Set fields held in the records table itself on many records at once, with their
    history, in a few set-based statements (a move of thousands of objects): `changes` maps
    a record id to its new values, as the record holds them (movements as a list). Only for
    fields the register's rules never look at; each value is checked as Record.from_fields
    checks it. Returns the ids of the records whose values changed."""
    names = sorted({name for values in changes.values() for name in values})
    assert all(name in _EDITED_COLUMNS and name not in RULE_KEYS for name in names), names
    ids, now = list(changes), now_iso()
    updates, history = [], []
    for start in range(0, len(ids), 500):  # under SQLite's bound-parameter limit
        for record_id, *stored in session.execute(
                select(RecordRow.id, *(RecordRow.__table__.c[n] for n in names))
                .where(RecordRow.id.in_(ids[start:start + 500]))):
            old = Record.from_fields(dict(zip(names, map(_column_value, names, stored),
                                              strict=True))).to_fields()
            new = Record.from_fields({**old, **changes[record_id]}).to_fields()
            changed = [name for name in names if old[name] != new[name]]
            if not changed:
                continue
            row = {name: _stored(name, new[name]) for name in names}
            if "movements" in names:
                row["current_location_id"] = current_location_id(new["movements"])
            updates.append({**row, "modified_at": now, "modified_by": user, "id": record_id})
            history.extend(dict(record_id=record_id, changed_at=now, user=user,
                                action="update", field=name, old_value=history_text(old[name]),
                                new_value=history_text(new[name])) for name in changed)
    if updates:
        columns = [key for key in updates[0] if key != "id"]
        with indexing_for(session, len(updates)):
            session.connection().exec_driver_sql(
                f"UPDATE records SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                [(*(row[c] for c in columns), row["id"]) for row in updates])
            _insert_rows(session, HistoryEntry.__table__, history)
    return [row["id"] for row in updates]


def _column_value(name: str, stored: Any) -> Any:
    return json.loads(stored or "[]") if name in _JSON_COLUMNS else stored


def _stored(name: str, value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if name in _JSON_COLUMNS else value


_JSON_COLUMNS = tuple(name for name, kind in KEY_TYPES.items() if kind in ENTRY_TYPES)


def history_text(value: Any) -> str | None:
    """How a field value is written in the history table (text as is, structure as JSON)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _comparable_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    keys = [k for k in new if k not in META_KEYS]
    return keys + [k for k in old if k not in new and k not in META_KEYS]


def _prepare(data: Mapping[str, Any], old: Record | None = None) -> Record:
    """The record the fields describe, checked (RecordError says what is wrong), empty values
    of lists dropped, and the years and measurement rows derived from new text."""
    record = Record.from_fields(data)
    if not record.inventory_number.strip():
        raise RecordError(NUMBER_REQUIRED)
    record.images = None  # images are attached and edited by catalogue_app.images, not saved here
    for name in LIST_FIELDS:
        setattr(record, name, [v for v in getattr(record, name) if v.strip()])
    record.authors = [Author(a.name, a.role or None) for a in record.authors if a.name.strip()]
    record.themes = sorted(set(record.themes))
    record.inscribed = record.inscribed or bool(record.register_date.strip())
    derive(record, old)
    return record


def _check_numbers_free(session: Session, records: list[Record],
                        exclude_id: str | None = None) -> None:
    keys: dict[str, str] = {}
    for record in records:
        key = normalise_inventory_number(record.inventory_number)
        if key in keys:
            raise RecordError(NUMBER_TWICE, number=record.inventory_number, other=keys[key])
        keys[key] = record.inventory_number
    found = []
    key_list = list(keys)
    for start in range(0, len(key_list), 500):  # stay under SQLite's bound-parameter limit
        found.extend(session.execute(
            select(RecordRow.id, RecordRow.inventory_number, RecordRow.designation,
                   RecordRow.trashed_at)
            .where(RecordRow.inventory_key.in_(key_list[start:start + 500]))
        ))
    for existing in found:
        if existing.id == exclude_id:
            continue
        where = NUMBER_TAKEN_TRASH() if existing.trashed_at else ""
        label = NUMBER_TAKEN_LABEL(designation=existing.designation) \
            if existing.designation else ""
        raise RecordError(NUMBER_TAKEN, number=existing.inventory_number, label=label,
                          where=where)


def _record_row(record: Record, user: str, now: str, *, created: bool) -> dict[str, Any]:
    row = {name: getattr(record, name) for name in _EDITED_COLUMNS}
    row.update(
        inventory_key=normalise_inventory_number(record.inventory_number),
        inventory_sort=sort_key(record.inventory_number),
        extra_json=json.dumps(record.extra, ensure_ascii=False) if record.extra else "{}",
        rectifications=_stored("rectifications",
                               [r.to_fields() for r in record.rectifications]),
        **{name: _stored(name, getattr(record, name)) for name in ENTRY_DICT_KEYS},
        current_location_id=current_location_id(record.movements),
        modified_at=now, modified_by=user,
    )
    if created:
        row.update(id=record.id, created_at=now, created_by=user)
    return row


def _value_rows(record: Record) -> list[dict[str, Any]]:
    rows = [
        dict(record_id=record.id, field=name, position=i, value=value, role=None)
        for name in LIST_FIELDS for i, value in enumerate(getattr(record, name))
    ]
    rows.extend(
        dict(record_id=record.id, field="authors", position=i, value=a.name, role=a.role)
        for i, a in enumerate(record.authors)
    )
    return rows


def _measurement_rows(record: Record) -> list[dict[str, Any]]:
    return [
        dict(record_id=record.id, position=i, kind=m.kind, value=m.value, unit=m.unit,
             note=m.note)
        for i, m in enumerate(record.measurement_rows)
    ]
