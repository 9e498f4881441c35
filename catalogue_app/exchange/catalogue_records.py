"""Records as the exporters want them, read from the catalogue in batches.

An export record is the dict of catalogue_app.records.store with, in addition: themes as French
paths (plus the theme texts an import could not match), the images in their order (primary
flag, view type, rights) and the holding museum. Reading 500 records per query keeps a
70,000-record export fast and its memory flat."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.exchange.csv_format import UNMATCHED_THEMES
from catalogue_app.exchange.theme_paths import ThemePaths
from catalogue_app.records.inventory_numbers import is_deposit
from catalogue_app.records.store import COLUMN_FIELDS, META_KEYS, blank_record
from catalogue_app.search.listing import record_ids
from db.local.models import Image, MeasurementRow, Museum, Record, RecordTheme, RecordValue

_BATCH = 500
_IMAGE_KEYS = ("sha256", "file_name", "media_type", "view_type", "caption", "credit", "licence",
               "photographer", "is_primary", "publishable", "width", "height")


def all_record_ids(session: Session) -> list[str]:
    """Every record outside the trash, in inventory-number order."""
    return record_ids(session)


def register_record_ids(session: Session, deposits: bool = False) -> list[str]:
    """The entries of the inventory register (or of the deposits register): records with a
    register date, deaccessioned ones included (they stay in the register), in inventory
    order. Drafts without a register date are not entries of a legal register."""
    ids = record_ids(session, where="trim(r.register_date) != ''")
    numbers = {record_id: number for record_id, number in session.execute(
        select(Record.id, Record.inventory_number).where(Record.register_date != ""))}
    return [i for i in ids if is_deposit(numbers[i]) == deposits]


def export_records(session: Session, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Export records for the given ids, in the order given."""
    museum_row = session.get(Museum, 1)
    museum = {"code": museum_row.code, "name": museum_row.name} if museum_row else {}
    themes = ThemePaths.from_session(session)
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start:start + _BATCH])
        loaded = _load_batch(session, chunk, themes, museum)
        yield from (loaded[record_id] for record_id in chunk if record_id in loaded)


def _load_batch(session: Session, ids: list[str], themes: ThemePaths,
                museum: dict[str, str]) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for row in session.scalars(select(Record).where(Record.id.in_(ids))):
        record = blank_record()
        for name in COLUMN_FIELDS + ("date_earliest", "date_latest", "public") + META_KEYS:
            record[name] = getattr(row, name)
        record.update(json.loads(row.extra_json or "{}"))
        record[UNMATCHED_THEMES] = record.get(UNMATCHED_THEMES) or []
        record.update(images=[], museum=museum)
        records[row.id] = record
    for value in session.scalars(select(RecordValue).where(RecordValue.record_id.in_(ids))
                                 .order_by(RecordValue.record_id, RecordValue.field,
                                           RecordValue.position)):
        entry = {"name": value.value, "role": value.role} if value.field == "authors" \
            else value.value
        records[value.record_id][value.field].append(entry)
    for record_id, theme_id in session.execute(
            select(RecordTheme.record_id, RecordTheme.theme_id)
            .where(RecordTheme.record_id.in_(ids))):
        records[record_id]["themes"].append(themes.path(theme_id))
    for record in records.values():
        record["themes"].sort()
    for measure in session.scalars(select(MeasurementRow)
                                   .where(MeasurementRow.record_id.in_(ids))
                                   .order_by(MeasurementRow.record_id, MeasurementRow.position)):
        records[measure.record_id]["measurement_rows"].append(
            {"kind": measure.kind, "value": measure.value, "unit": measure.unit})
    for image in session.scalars(select(Image).where(Image.record_id.in_(ids))
                                 .order_by(Image.record_id, Image.position, Image.id)):
        records[image.record_id]["images"].append({k: getattr(image, k) for k in _IMAGE_KEYS})
    return records
