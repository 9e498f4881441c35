"""Reading records out of the catalogue: the one reader behind the form's record, every export
and the sync wire format, so that none of them can drift from the others.

Records are read many at a time with one query per table (a batch of 500 costs a handful of
statements, not thousands), which keeps a 70,000-record export or push fast."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.fields import KEY_TYPES
from catalogue_app.records.record import (
    ENTRY_DICT_KEYS,
    IMAGE_COLUMNS,
    RECORD_KEYS,
    Author,
    Measurement,
    Record,
    RecordImage,
    Rectification,
)
from db.local.models import Image, MeasurementRow, RecordTheme, RecordValue
from db.local.models import Record as RecordRow

NO_SUCH_RECORD = declare(
    "record.no_such_record", "Record {record_id} does not exist (it may have been purged).")
NO_SUCH_NUMBER = declare(
    "record.no_such_number", "No record outside the trash has the inventory number {number!r}.")

# The keys held in the records table itself (lists of entries as JSON arrays); the others have
# rows of their own.
COLUMN_KEYS = tuple(name for name in RECORD_KEYS if KEY_TYPES[name] not in (
    "list", "authors", "themes", "measurement_rows"))
_COLUMNS = [RecordRow.__table__.c[name] for name in COLUMN_KEYS]
_VALUES = RecordValue.__table__.c
_ROWS = MeasurementRow.__table__.c
_IMAGES = Image.__table__.c


def record_id_of(session: Session, number: str) -> str:
    """The id of the record with this inventory number (compared as uniqueness compares it),
    outside the trash; RecordError when there is none."""
    found = session.scalar(select(RecordRow.id).where(
        RecordRow.inventory_key == normalise_inventory_number(number),
        RecordRow.trashed_at.is_(None)))
    if found is None:
        raise RecordError(NO_SUCH_NUMBER, number=number)
    return found


def read_record(session: Session, record_id: str, *, images: bool = False) -> Record:
    """One record; RecordError when there is none with this id."""
    found = read_records(session, [record_id], images=images)
    if record_id not in found:
        raise RecordError(NO_SUCH_RECORD, record_id=record_id)
    return found[record_id]


def read_records(session: Session, record_ids: Sequence[str], *,
                 images: bool = False) -> dict[str, Record]:
    """The records with these ids (those that exist), by id; with their images if asked."""
    ids = list(record_ids)
    found: dict[str, Record] = {}
    for extra_json, *values in session.execute(select(RecordRow.extra_json, *_COLUMNS)
                                               .where(RecordRow.id.in_(ids))):
        record = Record(**dict(zip(COLUMN_KEYS, values, strict=True)),
                        extra=json.loads(extra_json or "{}"))
        record.rectifications = [Rectification(**r)
                                 for r in json.loads(record.rectifications or "[]")]
        for name in ENTRY_DICT_KEYS:
            setattr(record, name, json.loads(getattr(record, name) or "[]"))
        found[record.id] = record
    for record_id, name, value, role in session.execute(
            select(_VALUES.record_id, _VALUES.field, _VALUES.value, _VALUES.role)
            .where(_VALUES.record_id.in_(ids))
            .order_by(_VALUES.record_id, _VALUES.field, _VALUES.position)):
        getattr(found[record_id], name).append(Author(value, role) if name == "authors"
                                               else value)
    for record_id, theme_id in session.execute(
            select(RecordTheme.record_id, RecordTheme.theme_id)
            .where(RecordTheme.record_id.in_(ids))
            .order_by(RecordTheme.record_id, RecordTheme.theme_id)):
        found[record_id].themes.append(theme_id)
    for record_id, *measure in session.execute(
            select(_ROWS.record_id, _ROWS.kind, _ROWS.value, _ROWS.unit, _ROWS.note)
            .where(_ROWS.record_id.in_(ids)).order_by(_ROWS.record_id, _ROWS.position)):
        found[record_id].measurement_rows.append(Measurement(*measure))
    if images:
        _read_images(session, ids, found)
    return found


def _read_images(session: Session, ids: list[str], found: dict[str, Record]) -> None:
    for record in found.values():
        record.images = []
    for record_id, metadata_json, *columns in session.execute(
            select(_IMAGES.record_id, _IMAGES.metadata_json,
                   *(_IMAGES[name] for name in IMAGE_COLUMNS))
            .where(_IMAGES.record_id.in_(ids))
            .order_by(_IMAGES.record_id, _IMAGES.position, _IMAGES.id)):
        found[record_id].images.append(RecordImage(
            *columns, metadata=json.loads(metadata_json or "{}")))
