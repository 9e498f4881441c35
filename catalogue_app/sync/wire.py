"""A record as the regional base stores it: one JSON object of fields, images included.

The fields are the canonical ones (design.md §11), the derived ones (years, measurement rows),
the register status and trash date, `images` (each image's metadata, the original named by its
sha256) and any key this version does not know, kept verbatim: a Record's fields
(catalogue_app.records.record). Who and when a record was created or modified stays local: it
would make every edit a change on both sides."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from catalogue_app.records.blank import blank_record
from catalogue_app.records.reading import read_record, read_records
from catalogue_app.records.record import IMAGE_COLUMNS, Record, RecordImage
from catalogue_app.records.store import insert_records, update_record
from db.local.models import Image, Theme
from db.local.models import Record as RecordRow

SYNCED_META = ("trashed_at",)
LOCAL_ONLY = ("id", "created_at", "created_by", "modified_at", "modified_by")
SYNC_USER = "regional base"


def record_fields(session: Session, record_id: str) -> dict[str, Any]:
    """The wire fields of a local record."""
    return records_fields(session, [record_id])[record_id]


def records_fields(session: Session, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The wire fields of many local records (those that exist), read together."""
    return {record_id: wire_fields(record)
            for record_id, record in read_records(session, record_ids, images=True).items()}


def wire_fields(record: Record) -> dict[str, Any]:
    fields = record.to_fields()
    for key in LOCAL_ONLY:
        del fields[key]
    return fields


def store_fields(session: Session, record_id: str, fields: Mapping[str, Any]) -> None:
    """Make the local record `record_id` hold `fields` (creating it if needed).

    Raises RecordError when the fields cannot be stored (a key of the wrong type, an inventory
    number used by another local record); the caller's transaction then rolls back."""
    record = Record.from_fields(fields)
    data = {**blank_record(), **{k: v for k, v in fields.items()
                                 if k not in LOCAL_ONLY and k != "images"
                                 and k not in SYNCED_META}}
    _ensure_themes(session, record.themes)
    if session.get(RecordRow, record_id) is None:
        insert_records(session, [{**data, "id": record_id}], SYNC_USER, from_base=True)
    else:
        update_record(session, record_id, data, SYNC_USER, from_base=True)
    row = session.get(RecordRow, record_id)
    for key in SYNCED_META:
        setattr(row, key, getattr(record, key))
    _store_images(session, record_id, record.images or [])


def _store_images(session: Session, record_id: str, images: list[RecordImage]) -> None:
    if read_record(session, record_id, images=True).images == images:
        return
    session.execute(delete(Image).where(Image.record_id == record_id))
    if images:
        session.execute(insert(Image), [
            {**{c: getattr(image, c) for c in IMAGE_COLUMNS}, "record_id": record_id,
             "metadata_json": json.dumps(image.metadata, ensure_ascii=False)}
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
