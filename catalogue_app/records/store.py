"""Object records: create, read, update, trash, with validation and field-level history.

A record travels as a plain dict keyed by the canonical field names (catalogue_app.records.fields):
text fields are str (kept exactly as entered), materials/techniques/subjects are lists of str,
authors a list of {"name", "role"}, themes a list of theme ids, public a bool, plus "id" and the
derived keys (date_earliest, date_latest, measurement_rows). Keys this version does not know
are kept verbatim in extra_json (design.md §7, compatibility)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, true
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import RecordError
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.dating_years import parse_dating
from catalogue_app.records.fields import FIELDS, FIELDS_BY_NAME
from catalogue_app.records.measurements import parse_measurements
from catalogue_app.search.index import BULK_THRESHOLD, indexing_for, note_for_indexing
from catalogue_app.storage.triggers import triggers_set_aside
from db.local.models import HistoryEntry, MeasurementRow, Record, RecordTheme, RecordValue

COLUMN_FIELDS = tuple(
    f.name for f in FIELDS if f.type not in ("list", "authors", "themes", "boolean")
)
LIST_FIELDS = tuple(f.name for f in FIELDS if f.type == "list")
META_KEYS = ("id", "status", "deaccession_date", "deaccession_reason", "trashed_at",
             "created_at", "created_by", "modified_at", "modified_by")
KNOWN_KEYS = frozenset(FIELDS_BY_NAME) | {"date_earliest", "date_latest", "measurement_rows"} \
    | frozenset(META_KEYS)


def blank_record() -> dict[str, Any]:
    record: dict[str, Any] = {name: "" for name in COLUMN_FIELDS}
    record.update({name: [] for name in LIST_FIELDS})
    record.update(authors=[], themes=[], public=False, date_earliest=None, date_latest=None,
                  measurement_rows=[])
    return record


def natural_sort_key(inventory_number: str) -> str:
    """Sort key that puts 1978.3.2 before 1978.3.12."""
    key = normalise_inventory_number(inventory_number)
    return re.sub(r"\d+", lambda m: m.group().zfill(12), key)


def create_record(session: Session, data: Mapping[str, Any], user: str) -> str:
    """Insert one record; return its id. Raises RecordError, writing nothing, when refused."""
    return insert_records(session, [data], user)[0]


def insert_records(session: Session, records: Iterable[Mapping[str, Any]], user: str,
                   *, record_history: bool = True) -> list[str]:
    """Insert many records with set-based statements (imports, demo, sync use this path)."""
    now = now_iso()
    prepared = [_prepare(r) for r in records]
    _check_numbers_free(session, prepared)
    rows, values, themes, measures, history, row_counts = [], [], [], [], [], []
    for record in prepared:
        record_id = record.get("id") or str(uuid.uuid4())
        record["id"] = record_id
        rows.append(_record_row(record, record_id, user, now, created=True))
        record_values = _value_rows(record, record_id)
        record_measures = _measurement_rows(record, record_id)
        values.extend(record_values)
        themes.extend({"record_id": record_id, "theme_id": t} for t in record["themes"])
        measures.extend(record_measures)
        row_counts.append((record_id, 1 + len(record_values) + len(record["themes"])
                           + len(record_measures)))
        if record_history:
            history.append(dict(record_id=record_id, changed_at=now, user=user, action="create",
                                field=None, old_value=None, new_value=None))
    bulk = len(rows) >= BULK_THRESHOLD
    with indexing_for(session, len(rows)), \
            triggers_set_aside(session, _PER_ROW_INSERT_TRIGGERS if bulk else ()):
        session.flush()  # what the caller added through the ORM goes first (themes, say)
        for table, batch in ((Record, rows), (RecordValue, values), (RecordTheme, themes),
                             (MeasurementRow, measures), (HistoryEntry, history)):
            if batch:
                _insert_rows(session, table.__table__, batch)
        if bulk:
            note_for_indexing(session, [row["id"] for row in rows])
            _queue_for_sync(session, row_counts)
    return [r["id"] for r in prepared]


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
    Record.__tablename__, RecordValue.__tablename__, RecordTheme.__tablename__,
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
    row = session.get(Record, record_id)
    if row is None:
        raise RecordError(f"Record {record_id} does not exist (it may have been purged).")
    record = blank_record()
    for name in COLUMN_FIELDS + ("date_earliest", "date_latest", "public") + META_KEYS:
        record[name] = getattr(row, name)
    for value in session.scalars(
        select(RecordValue).where(RecordValue.record_id == record_id)
        .order_by(RecordValue.field, RecordValue.position)
    ):
        if value.field == "authors":
            record["authors"].append({"name": value.value, "role": value.role})
        else:
            record[value.field].append(value.value)
    record["themes"] = list(session.scalars(
        select(RecordTheme.theme_id).where(RecordTheme.record_id == record_id)
        .order_by(RecordTheme.theme_id)
    ))
    record["measurement_rows"] = [
        {"kind": m.kind, "value": m.value, "unit": m.unit, "note": m.note}
        for m in session.scalars(select(MeasurementRow).where(MeasurementRow.record_id == record_id)
                                 .order_by(MeasurementRow.position))
    ]
    record.update(json.loads(row.extra_json or "{}"))
    return record


def update_record(session: Session, record_id: str, data: Mapping[str, Any],
                  user: str) -> list[str]:
    """Apply the given fields to a record; return the names of the fields that changed."""
    old = load_record(session, record_id)
    new = _prepare({**old, **{k: v for k, v in data.items() if k not in META_KEYS}}, old)
    changed = [name for name in _comparable_keys(old, new) if old.get(name) != new.get(name)]
    if not changed:
        return []
    if "inventory_number" in changed:
        _check_numbers_free(session, [new], exclude_id=record_id)
    now = now_iso()
    with indexing_for(session, 1):  # the record is re-indexed once, after all its rows
        row = session.get(Record, record_id)
        for name, value in _record_row(new, record_id, user, now, created=False).items():
            setattr(row, name, value)
        # Rewrite only the child rows of fields that changed: every row rewritten also runs the
        # search and sync triggers, which dominate the cost of a save on a large catalogue.
        value_fields = [name for name in LIST_FIELDS + ("authors",) if name in changed]
        rewrites = [(RecordValue, RecordValue.field.in_(value_fields),
                     [v for v in _value_rows(new, record_id) if v["field"] in value_fields])]
        if "themes" in changed:
            rewrites.append((RecordTheme, true(), [{"record_id": record_id, "theme_id": t}
                                                 for t in new["themes"]]))
        if "measurement_rows" in changed:
            rewrites.append((MeasurementRow, true(), _measurement_rows(new, record_id)))
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


def history_text(value: Any) -> str | None:
    """How a field value is written in the history table (text as is, structure as JSON)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _comparable_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    keys = [k for k in new if k not in META_KEYS]
    return keys + [k for k in old if k not in new and k not in META_KEYS]


def _prepare(record: Mapping[str, Any], old: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Check types and the inventory number; derive years and measurement rows from the text."""
    full = blank_record()
    full.update(record)
    number = full["inventory_number"]
    if not isinstance(number, str) or not number.strip():
        raise RecordError("The inventory number is required.")
    for name in COLUMN_FIELDS:
        if full[name] is None:
            full[name] = ""
        if not isinstance(full[name], str):
            raise RecordError(f"Field {name} must be text, not {type(full[name]).__name__}.")
    for name in LIST_FIELDS + ("themes",):
        if not isinstance(full[name], list) or not all(isinstance(v, str) for v in full[name]):
            raise RecordError(f"Field {name} must be a list of texts.")
        full[name] = [v for v in full[name] if v.strip()]
    full["authors"] = [_author(a) for a in full["authors"]]
    full["authors"] = [a for a in full["authors"] if a["name"].strip()]
    full["themes"] = sorted(set(full["themes"]))
    full["public"] = bool(full["public"])
    text_changed = old is None or old.get("dating") != full["dating"]
    if full["dating"] and text_changed and full["date_earliest"] is None \
            and full["date_latest"] is None:
        years = parse_dating(full["dating"])
        if years:
            full["date_earliest"], full["date_latest"] = years
    measures_changed = old is None or old.get("measurements") != full["measurements"]
    if full["measurements"] and measures_changed and not full["measurement_rows"]:
        rows = parse_measurements(full["measurements"])
        full["measurement_rows"] = [
            {"kind": r.kind, "value": r.value, "unit": r.unit, "note": r.note}
            for r in rows or []
        ]
    return full


def _author(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"name": value, "role": None}
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return {"name": value["name"], "role": value.get("role") or None}
    raise RecordError("Each author must have a name (and optionally a role).")


def _check_numbers_free(session: Session, records: list[dict[str, Any]],
                        exclude_id: str | None = None) -> None:
    keys: dict[str, str] = {}
    for record in records:
        key = normalise_inventory_number(record["inventory_number"])
        if key in keys:
            raise RecordError(
                f"Inventory number {record['inventory_number']!r} appears twice "
                f"(also as {keys[key]!r}); nothing was saved."
            )
        keys[key] = record["inventory_number"]
    found = []
    key_list = list(keys)
    for start in range(0, len(key_list), 500):  # stay under SQLite's bound-parameter limit
        found.extend(session.execute(
            select(Record.id, Record.inventory_number, Record.designation, Record.trashed_at)
            .where(Record.inventory_key.in_(key_list[start:start + 500]))
        ))
    for existing in found:
        if existing.id == exclude_id:
            continue
        where = " (in the trash)" if existing.trashed_at else ""
        label = f" «{existing.designation}»" if existing.designation else ""
        raise RecordError(
            f"Inventory number {existing.inventory_number!r} is already used by record"
            f"{label}{where}; inventory numbers must be unique in the museum. Nothing was saved."
        )


def _record_row(record: Mapping[str, Any], record_id: str, user: str, now: str,
                *, created: bool) -> dict[str, Any]:
    row = {name: record[name] for name in COLUMN_FIELDS}
    extra = {k: v for k, v in record.items() if k not in KNOWN_KEYS}
    row.update(
        inventory_key=normalise_inventory_number(record["inventory_number"]),
        inventory_sort=natural_sort_key(record["inventory_number"]),
        date_earliest=record["date_earliest"], date_latest=record["date_latest"],
        public=record["public"],
        extra_json=json.dumps(extra, ensure_ascii=False) if extra else "{}",
        modified_at=now, modified_by=user,
    )
    if created:
        row.update(id=record_id, created_at=now, created_by=user)
    return row


def _value_rows(record: Mapping[str, Any], record_id: str) -> list[dict[str, Any]]:
    rows = [
        dict(record_id=record_id, field=name, position=i, value=value, role=None)
        for name in LIST_FIELDS for i, value in enumerate(record[name])
    ]
    rows.extend(
        dict(record_id=record_id, field="authors", position=i, value=a["name"], role=a["role"])
        for i, a in enumerate(record["authors"])
    )
    return rows


def _measurement_rows(record: Mapping[str, Any], record_id: str) -> list[dict[str, Any]]:
    return [
        dict(record_id=record_id, position=i, kind=m["kind"], value=m["value"], unit=m["unit"],
             note=m.get("note", ""))
        for i, m in enumerate(record["measurement_rows"])
    ]
