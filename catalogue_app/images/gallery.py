"""A record's images as the curator arranges them: order, primary image, per-image fields.

Every function takes a Session from Catalogue.writing()/reading(), so each call is one
transaction of the caller's choosing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError
from catalogue_app.images.view_types import checked_view_type
from catalogue_app.messages import declare
from db.local.models import Image, Record

RECORD_GONE = declare("images.record_gone", "the record no longer exists")
NOT_EDITABLE = declare(
    "images.fields_not_editable",
    "these image fields cannot be edited: {fields}")
BAD_ORDER = declare("images.bad_order", "the new order must list each of the record's images once")
IMAGE_GONE = declare("images.image_gone", "image {image_id} no longer exists")

EDITABLE_FIELDS = ("view_type", "photographer", "date_taken", "licence", "credit", "caption",
                   "publishable")


@dataclass(frozen=True)
class ImageInfo:
    id: int
    record_id: str
    sha256: str
    file_name: str
    media_type: str
    byte_size: int
    width: int | None
    height: int | None
    view_type: str
    photographer: str
    date_taken: str
    licence: str
    credit: str
    caption: str
    position: int
    is_primary: bool
    publishable: bool
    metadata: dict[str, Any]
    note: str


def record_images(session: Session, record_id: str) -> list[ImageInfo]:
    """The record's images in the curator's order."""
    rows = session.scalars(select(Image).where(Image.record_id == record_id)
                           .order_by(Image.position, Image.id))
    return [_info(row) for row in rows]


def add_image(session: Session, record_id: str, *, sha256: str, file_name: str,
              media_type: str, byte_size: int, width: int | None, height: int | None,
              view_type: str, metadata: dict[str, Any], note: str,
              publishable: bool = False) -> int:
    """Insert the image row, last in order (primary if it is the first); its id. The original
    must already be in the store; has_image() tells whether the record already holds it."""
    if session.get(Record, record_id) is None:
        raise CatalogueError(RECORD_GONE)
    last = session.scalar(select(func.max(Image.position)).where(Image.record_id == record_id))
    row = Image(record_id=record_id, sha256=sha256, file_name=file_name, media_type=media_type,
                byte_size=byte_size, width=width, height=height,
                view_type=checked_view_type(view_type),
                photographer=str(metadata.get("artist", "")),
                date_taken=str(metadata.get("date_taken", "")),
                position=0 if last is None else last + 1, is_primary=last is None,
                publishable=publishable,
                metadata_json=json.dumps(metadata, ensure_ascii=False),
                note=note, attached_at=now_iso())
    session.add(row)
    session.flush()
    return row.id


def record_changed(session: Session, record_id: str, user: str) -> None:
    """The record's images changed, so the record did (its images travel with it to the
    regional base): move its modification time and author, as an edit of a field does."""
    session.execute(update(Record).where(Record.id == record_id)
                    .values(modified_at=now_iso(), modified_by=user))


def has_image(session: Session, record_id: str, sha256: str) -> bool:
    return session.scalar(select(Image.id).where(Image.record_id == record_id,
                                                 Image.sha256 == sha256)) is not None


def update_image(session: Session, image_id: int, changes: dict[str, Any]) -> None:
    """Change per-image fields (EDITABLE_FIELDS); unknown fields or view types are refused."""
    row = _row(session, image_id)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise CatalogueError(NOT_EDITABLE, fields=sorted(unknown))
    for name, value in changes.items():
        if name == "view_type":
            value = checked_view_type(value)
        elif name == "publishable":
            value = bool(value)
        else:
            value = str(value)
        setattr(row, name, value)


@dataclass(frozen=True)
class ImageEdit:
    """The same details given to several images at once, and what each had before."""

    values: dict[str, Any]
    before: dict[int, dict[str, Any]]  # image id -> its previous values of those fields
    record_ids: frozenset[str]


def update_images(session: Session, image_ids: list[int], values: dict[str, Any]) -> ImageEdit:
    """Give every image these values (update_image's rules); all or none are changed."""
    before: dict[int, dict[str, Any]] = {}
    records: set[str] = set()
    for image_id in image_ids:
        row = _row(session, image_id)
        before[image_id] = {name: getattr(row, name) for name in values if
                            name in EDITABLE_FIELDS}
        records.add(row.record_id)
        update_image(session, image_id, values)
    return ImageEdit(dict(values), before, frozenset(records))


def undo_images_edit(session: Session, edit: ImageEdit) -> frozenset[str]:
    """Give each image of the edit its previous values back (images removed since are
    skipped); the records whose images changed."""
    records = set()
    for image_id, values in edit.before.items():
        row = session.get(Image, image_id)
        if row is not None:
            update_image(session, image_id, values)
            records.add(row.record_id)
    return frozenset(records)


def set_primary(session: Session, image_id: int) -> None:
    """Make this image its record's one primary image."""
    row = _row(session, image_id)
    for other in session.scalars(select(Image).where(Image.record_id == row.record_id)):
        other.is_primary = other.id == image_id


def reorder(session: Session, record_id: str, image_ids: list[int]) -> None:
    """Put the record's images in this order (all of them, each once)."""
    rows = {row.id: row for row in session.scalars(
        select(Image).where(Image.record_id == record_id))}
    if sorted(image_ids) != sorted(rows):
        raise CatalogueError(BAD_ORDER)
    for position, image_id in enumerate(image_ids):
        rows[image_id].position = position


def detach_image(session: Session, image_id: int) -> None:
    """Remove the image from its record (the original stays in the store: other records or a
    backup may use it). The next image becomes primary if this one was."""
    row = _row(session, image_id)
    record_id, was_primary = row.record_id, row.is_primary
    session.delete(row)
    session.flush()
    if was_primary:
        following = session.scalars(select(Image).where(Image.record_id == record_id)
                                    .order_by(Image.position, Image.id)).first()
        if following is not None:
            following.is_primary = True


def _row(session: Session, image_id: int) -> Image:
    row = session.get(Image, image_id)
    if row is None:
        raise CatalogueError(IMAGE_GONE, image_id=image_id)
    return row


def _info(row: Image) -> ImageInfo:
    return ImageInfo(
        id=row.id, record_id=row.record_id, sha256=row.sha256, file_name=row.file_name,
        media_type=row.media_type, byte_size=row.byte_size, width=row.width, height=row.height,
        view_type=row.view_type, photographer=row.photographer, date_taken=row.date_taken,
        licence=row.licence, credit=row.credit, caption=row.caption, position=row.position,
        is_primary=row.is_primary, publishable=row.publishable,
        metadata=json.loads(row.metadata_json or "{}"), note=row.note)
