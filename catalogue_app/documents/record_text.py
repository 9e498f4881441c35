"""A record's fields as printed: lists joined with "; ", authors with their role, yes/no."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.messages import declare
from catalogue_app.records.multivalue import format_author

YES = declare("documents.yes", "yes")
NO = declare("documents.no", "no")
DEACCESSIONED_ON = declare("documents.deaccessioned_on", "Deaccessioned on {date}: {reason}")


def field_text(record: Mapping[str, Any], name: str, language: str) -> str:
    value = record.get(name)
    if name == "authors":
        return "; ".join(format_author(a) for a in value or [])
    if name == "themes":
        return "; ".join(list(value or []) + list(record.get("unmatched_themes") or []))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return (YES if value else NO)().text(language)
    return "" if value is None else str(value)


def deaccession_note(record: Mapping[str, Any], language: str) -> str:
    """What a radiation says on paper; "" for a record that was not deaccessioned."""
    if record.get("status") != "deaccessioned":
        return ""
    return DEACCESSIONED_ON(date=record.get("deaccession_date") or "",
                            reason=record.get("deaccession_decision") or "").text(language)
