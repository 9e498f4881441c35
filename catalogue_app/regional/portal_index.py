"""The portal's tables, kept in step with the records a push applies.

For each applied record the portal rows (record, themes, images and, on SQLite, the FTS5 row)
are deleted and written again from catalogue_app.publication.portal: whatever the desk changed
(the public flag, the status, a field, an image's publishable flag) the portal shows exactly the
latest published state, and nothing once the record is no longer published. A batch costs the
same few statements whatever its size."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import column, delete, insert, select, table, update
from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.derive import sort_key as natural_sort_key
from catalogue_app.regional import publication_log
from catalogue_app.regional.timestamps import utc_now
from db.regional.engine import among
from db.regional.models import (
    Museum,
    PublicImage,
    PublicRecord,
    PublicRecordTheme,
    Record,
    SharedState,
)

# What a visitor's words are searched in (never a private field: only the public document).
_SEARCHED = ("inventory_number", "designation", "title", "description", "inscriptions",
             "materials", "techniques", "dating", "function", "origin_place", "subjects",
             "domains", "acquisition_mode", "former_numbers", "bibliography", "exhibitions",
             "ownership_history")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,15}")
REBUILD_BATCH = 1000
# SQLite's FTS5 index of public_records (created by migration 0003, not a mapped model).
FTS = table("public_records_fts", column("record_id"), column("search_text"))


@dataclass(frozen=True)
class Applied:
    """A record as a push left it."""

    id: str
    museum_id: int
    fields: dict[str, Any]
    deleted: bool


def refresh(session: Session, records: Sequence[Applied]) -> None:
    """Make the portal show the published state of `records` (all of one transaction)."""
    if not records:
        return
    ids = [r.id for r in records]
    for child in (PublicImage, PublicRecordTheme):
        session.execute(delete(child).where(among(session, child.record_id, ids)))
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        session.execute(delete(FTS).where(FTS.c.record_id.in_(ids)))
    session.execute(delete(PublicRecord).where(among(session, PublicRecord.record_id, ids)))
    now = utc_now()
    rows, themes, images = [], [], []
    for record in records:
        document = publication.portal(record.fields, record.deleted)
        if document is None:
            continue
        row = _public_row(record, document, now)
        rows.append(row)
        themes.extend({"record_id": record.id, "theme_id": t}
                      for t in dict.fromkeys(_texts(document.get("themes"))))
        extensions = _extensions(record.fields)
        images.extend({"record_id": record.id, "sha256": sha256,
                       "extension": extensions.get(sha256, "")}
                      for sha256 in dict.fromkeys(i["sha256"] for i in document["images"]))
    if rows:
        session.execute(insert(PublicRecord), rows)
        if sqlite:
            session.execute(insert(FTS), [
                {"record_id": r["record_id"], "search_text": r["search_text"]} for r in rows
            ])
    if themes:
        session.execute(insert(PublicRecordTheme), themes)
    if images:
        session.execute(insert(PublicImage), images)
    museums = {r.museum_id for r in records}
    session.execute(update(Museum).where(among(session, Museum.id, museums))
                    .values(published_at=now))


def build_if_needed(session: Session) -> bool:
    """Publish the records a base held before it had a portal or a publication log (once, at
    the first start after the upgrade); True if it did. The caller's write transaction
    serialises two servers."""
    state = session.get(SharedState, 1, with_for_update=True)
    if state is None or state.portal_built:
        return False
    last = ""
    while True:
        batch = session.execute(
            select(Record.id, Record.museum_id, Record.fields, Record.deleted)
            .where(Record.id > last).order_by(Record.id).limit(REBUILD_BATCH)
        ).all()
        if not batch:
            break
        applied = [Applied(*row) for row in batch]
        refresh(session, applied)
        publication_log.record(session, applied)
        last = batch[-1].id
    state.portal_built = True
    return True


def _public_row(record: Applied, document: dict[str, Any], now: str) -> dict[str, Any]:
    number = _text(document.get("inventory_number"))
    designation = _text(document.get("designation"))
    earliest = document.get("date_earliest")
    earliest = earliest if isinstance(earliest, int) and not isinstance(earliest, bool) else None
    images = document["images"]
    return {
        "record_id": record.id,
        "museum_id": record.museum_id,
        "inventory_number": number,
        "inventory_norm": normalise_inventory_number(number),
        "designation": designation,
        "title": _text(document.get("title")),
        "sort_key": f"{designation.casefold()}\x1f{natural_sort_key(number)}",
        "date_earliest": earliest,
        "century": None if earliest is None else century_of(earliest),
        "document": document,
        "search_text": search_text(document),
        "image_sha256": images[0]["sha256"] if images else None,
        "updated_at": now,
    }


def century_of(year: int) -> int:
    """1 for years 1 to 100, 19 for 1801 to 1900; 0 and below for the centuries BC (0: the
    1st century BC, years -100 to -1)."""
    return (year - 1) // 100 + 1 if year > 0 else year // 100 + 1


def search_text(document: dict[str, Any]) -> str:
    parts: list[str] = []
    for name in _SEARCHED:
        parts.extend(_texts(document.get(name)))
    parts.extend(_text(a.get("name")) for a in document.get("authors") or []
                 if isinstance(a, dict))
    return "\n".join(p for p in parts if p)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _extensions(fields: dict[str, Any]) -> dict[str, str]:
    """sha256 -> the original's file name extension (lower case), from the private record."""
    found = {}
    for image in fields.get("images") or []:
        if isinstance(image, dict) and isinstance(image.get("sha256"), str):
            suffix = PurePosixPath(str(image.get("file_name") or "")).suffix
            found[image["sha256"]] = suffix.lower() if _EXTENSION.fullmatch(suffix) else ""
    return found
