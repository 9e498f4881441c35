"""A record as the regional base stores it: one JSON object of fields, images included.

The fields are the canonical ones (design.md §11), the derived ones (years, measurement rows),
the register status and trash date, `images` (each image's metadata, the original named by its
sha256) and any key this version does not know, kept verbatim. Who and when a record was
created or modified stays local: it would make every edit a change on both sides."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from catalogue_app.records.store import COLUMN_FIELDS, blank_record, insert_records, update_record
from db.local.models import Image, MeasurementRow, Record, RecordTheme, RecordValue, Theme

SYNCED_META = ("status", "deaccession_date", "deaccession_reason", "trashed_at")
LOCAL_ONLY = ("id", "created_at", "created_by", "modified_at", "modified_by")
IMAGE_COLUMNS = ("sha256", "file_name", "media_type", "byte_size", "width", "height", "view_type",
                 "photographer", "date_taken", "licence", "credit", "caption", "position",
                 "is_primary", "publishable", "note", "attached_at")
SYNC_USER = "regional base"


def record_fields(session: Session, record_id: str) -> dict[str, Any]:
    """The wire fields of a local record."""
    return records_fields(session, [record_id])[record_id]


def records_fields(session: Session, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The wire fields of many local records (existing ones), read with one query per table:
    a batch of 100 costs a handful of statements, not hundreds. Same shape as load_record."""
    found: dict[str, dict[str, Any]] = {}
    extras: dict[str, str] = {}
    columns = COLUMN_FIELDS + ("date_earliest", "date_latest", "public") + SYNCED_META
    for row in session.execute(select(Record.id, Record.extra_json,
                                      *(Record.__table__.c[name] for name in columns))
                               .where(Record.id.in_(record_ids))):
        record = blank_record()
        record.update(zip(columns, row[2:], strict=True))
        record["public"] = bool(record["public"])
        record["images"] = []
        found[row.id] = record
        extras[row.id] = row.extra_json
    ids = list(found)
    values = RecordValue.__table__.c
    for record_id, field, value, role in session.execute(
            select(values.record_id, values.field, values.value, values.role)
            .where(values.record_id.in_(ids))
            .order_by(values.record_id, values.field, values.position)):
        found[record_id][field].append({"name": value, "role": role}
                                       if field == "authors" else value)
    for record_id, theme_id in session.execute(
            select(RecordTheme.record_id, RecordTheme.theme_id)
            .where(RecordTheme.record_id.in_(ids)).order_by(RecordTheme.theme_id)):
        found[record_id]["themes"].append(theme_id)
    rows = MeasurementRow.__table__.c
    for record_id, kind, value, unit, note in session.execute(
            select(rows.record_id, rows.kind, rows.value, rows.unit, rows.note)
            .where(rows.record_id.in_(ids)).order_by(rows.record_id, rows.position)):
        found[record_id]["measurement_rows"].append(
            {"kind": kind, "value": value, "unit": unit, "note": note})
    for image in session.scalars(select(Image).where(Image.record_id.in_(ids))
                                 .order_by(Image.record_id, Image.position, Image.id)):
        found[image.record_id]["images"].append(_image_wire(image))
    for record_id, extra in extras.items():
        found[record_id].update(json.loads(extra or "{}"))
    return found


def image_fields(session: Session, record_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(Image).where(Image.record_id == record_id)
                           .order_by(Image.position, Image.id))
    return [_image_wire(row) for row in rows]


def _image_wire(row: Image) -> dict[str, Any]:
    return {**{c: getattr(row, c) for c in IMAGE_COLUMNS},
            "metadata": json.loads(row.metadata_json or "{}")}


def store_fields(session: Session, record_id: str, fields: Mapping[str, Any]) -> None:
    """Make the local record `record_id` hold `fields` (creating it if needed).

    Raises RecordError when the fields cannot be stored (an inventory number used by another
    local record); the caller's transaction then rolls back."""
    data = {**blank_record(), **{k: v for k, v in fields.items()
                                 if k not in LOCAL_ONLY and k != "images"
                                 and k not in SYNCED_META}}
    _ensure_themes(session, data.get("themes") or [])
    if session.get(Record, record_id) is None:
        insert_records(session, [{**data, "id": record_id}], SYNC_USER)
    else:
        update_record(session, record_id, data, SYNC_USER)
    row = session.get(Record, record_id)
    row.status = fields.get("status") or "active"
    row.deaccession_date = fields.get("deaccession_date") or ""
    row.deaccession_reason = fields.get("deaccession_reason") or ""
    row.trashed_at = fields.get("trashed_at")
    _store_images(session, record_id, fields.get("images") or [])


def _store_images(session: Session, record_id: str, images: list[dict[str, Any]]) -> None:
    if image_fields(session, record_id) == images:
        return
    session.execute(delete(Image).where(Image.record_id == record_id))
    if images:
        session.execute(insert(Image), [
            {**{c: image.get(c) for c in IMAGE_COLUMNS if c in image},
             "record_id": record_id,
             "metadata_json": json.dumps(image.get("metadata") or {}, ensure_ascii=False)}
            for image in images
        ])


def _ensure_themes(session: Session, theme_ids: list[str]) -> None:
    """A tag naming a theme this desk does not have (another desk's local theme) is kept, on a
    placeholder theme, rather than dropped and then erased on the server by the next push."""
    known = set(session.scalars(select(Theme.id).where(Theme.id.in_(theme_ids))))
    for theme_id in theme_ids:
        if theme_id not in known:
            label = f"? {theme_id[:8]}"
            session.add(Theme(id=theme_id, parent_id=None, label_fr=label, label_en=label,
                              position=0, source="local"))
    session.flush()
