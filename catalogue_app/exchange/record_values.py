"""Reading export values out of a record dict (catalogue_app.records.store describes its shape).

Exports share two rules: an empty value is no value, and a field that never leaves the museum
(Field.public is False: donors, prices, opinions, location, internal notes) is left out unless
the caller explicitly asks for private fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.records.fields import FIELDS_BY_NAME


def is_exported(name: str, include_private: bool) -> bool:
    return include_private or FIELDS_BY_NAME[name].public


def text_value(record: Mapping[str, Any], name: str, include_private: bool = False) -> str | None:
    """The field's text exactly as entered, or None when empty or withheld."""
    if not is_exported(name, include_private):
        return None
    value = record.get(name)
    if value is None or isinstance(value, bool):
        return None
    text = str(value)
    return text if text.strip() else None


def list_values(record: Mapping[str, Any], name: str) -> list[str]:
    """The non-empty values of a multi-valued field (all of them are public fields)."""
    return [str(v) for v in record.get(name) or () if str(v).strip()]


def authors(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [a for a in record.get("authors") or () if str(a.get("name") or "").strip()]


def holding_museum(record: Mapping[str, Any], museum: Mapping[str, str]) -> dict[str, str]:
    """The museum holding the object: the record's own when it names one, else the export's."""
    own = {k: v for k, v in (record.get("museum") or {}).items() if v}
    return {**museum, **own}


def number_text(value: Any) -> str:
    """A measured value as a person writes it: 21 rather than 21.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
