"""Records as the exporters want them, read from the catalogue in batches.

An export record is a Record's fields (catalogue_app.records.record) with its images in their
order (primary flag, view type, rights), themes as French paths (plus the theme texts an import
could not match) and the holding museum. Reading 500 records per query keeps a
70,000-record export fast and its memory flat."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.exchange.csv_format import UNMATCHED_THEMES
from catalogue_app.exchange.theme_paths import ThemePaths
from catalogue_app.records.reading import read_records
from catalogue_app.search.listing import driver_connection, record_ids
from db.local.models import Museum

_BATCH = 500


def all_record_ids(session: Session) -> list[str]:
    """Every record outside the trash, in inventory-number order."""
    return record_ids(driver_connection(session))


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
    for record_id, record in read_records(session, ids, images=True).items():
        fields = record.to_fields()
        fields["themes"] = sorted(themes.path(theme_id) for theme_id in record.themes)
        fields[UNMATCHED_THEMES] = fields.get(UNMATCHED_THEMES) or []
        fields["museum"] = museum
        records[record_id] = fields
    return records
