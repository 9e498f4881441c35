"""Locations as museum-level documents synced with the regional base (protocol 1.1, the sync
helper's catalogue_app/sync): {kind: "location", id, modified_at, deleted, body}. The sync
decides which version wins before calling apply_document, which writes it as it is (its
modified_at included); a body's keys this version does not know are kept in extra_json and
given back, so a newer desk's survive a round trip through this one."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from db.local.models import Location

KIND = "location"
BODY_KEYS = ("parent_id", "name", "code", "kind", "position")


def to_document(row: Location) -> dict[str, Any]:
    body = {**json.loads(row.extra_json or "{}"), **{key: getattr(row, key) for key in BODY_KEYS}}
    return {"kind": KIND, "id": row.id, "modified_at": row.modified_at, "deleted": False,
            "body": body}


def apply_document(session: Session, doc: dict[str, Any]) -> None:
    row = session.get(Location, doc["id"])
    if doc.get("deleted"):
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Location(id=doc["id"])
        session.add(row)
    body = doc["body"]
    row.parent_id = body.get("parent_id") or None
    row.name = body.get("name") or ""
    row.code = body.get("code") or ""
    row.kind = body.get("kind") or ""
    row.position = body.get("position") or 0
    row.modified_at = doc["modified_at"]
    extra = {key: value for key, value in body.items() if key not in BODY_KEYS}
    row.extra_json = json.dumps(extra, ensure_ascii=False, sort_keys=True)
