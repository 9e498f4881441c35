"""Locations as museum-level documents synced with the regional base (kind "location"; the
envelope and the keys a newer desk adds are catalogue_app.sync.document_codec's)."""

from __future__ import annotations

from typing import Any

from catalogue_app.messages import declare
from catalogue_app.sync.document_codec import DocumentKind
from db.local.models import Location

BODY_KEYS = ("parent_id", "name", "code", "kind", "position")


def _read_body(row: Location) -> dict[str, Any]:
    return {key: getattr(row, key) for key in BODY_KEYS}


def _write_body(row: Location, body: dict[str, Any]) -> None:
    row.parent_id = body.get("parent_id") or None
    row.name = body.get("name") or ""
    row.code = body.get("code") or ""
    row.kind = body.get("kind") or ""
    row.position = body.get("position") or 0


LOCATIONS = DocumentKind("location", Location, BODY_KEYS, _read_body, _write_body,
                         declare("sync.kind.location", "the locations"))
