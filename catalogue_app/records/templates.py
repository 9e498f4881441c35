"""Duplicate as template: a new record prefilled from an existing one, for the many objects of
one lot that share their description."""

from __future__ import annotations

from typing import Any

from catalogue_app.records.blank import blank_record
from catalogue_app.records.fields import ENTRY_TYPES, FIELDS_BY_NAME

# What identifies or registers one object, or is decided per object, is never copied: the
# number and register date, publication (new records are not public until a curator says so),
# and the images, history and dated entries (rectifications, loans, condition reports), which
# belong to the object itself.
NOT_COPIED = ("inventory_number", "register_date", "public",
              *(f.name for f in FIELDS_BY_NAME.values() if f.type in ENTRY_TYPES))


def template_from(record: dict[str, Any]) -> dict[str, Any]:
    """A new, unsaved record with the source's descriptive fields and derived structure."""
    template = blank_record()
    for name in FIELDS_BY_NAME:
        if name not in NOT_COPIED:
            template[name] = _copy(record.get(name, template[name]))
    for name in ("date_earliest", "date_latest", "measurement_rows"):
        template[name] = _copy(record.get(name))
    template["measurement_rows"] = template["measurement_rows"] or []
    return template


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value
