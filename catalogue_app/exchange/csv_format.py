"""The app's own CSV (design.md §11, a contract): UTF-8, comma-separated, RFC 4180 quoting, a
header of canonical field names, then extra columns.

Multi-valued fields are joined with "; " (a ";" or "\\" inside a value escaped with "\\"), an
author's role follows the name in square brackets, themes are written as paths
(`Textile > Dentelle`), booleans (`public`, `inscribed`) as yes/no, enumerations as their codes
(`legal_status`: `deposit`), lists of dated entries as the JSON array the record holds
(`rectifications`: {date, field, old, new, reason, user}; `movements`: {id, date, from,
from_id, to, to_id, reason, user, note}; `loans`, `condition_reports`: their entries as
design.md §3 names them); `current_location` is the path of the last movement's place
("Réserve A > Travée 27"), or the text as entered for a record never moved; text is written
exactly as entered. Dates the app
derives or records (date_earliest, date_latest, timestamps) are ISO 8601 extra columns; the
date fields themselves are text as entered (`1973/02/27 décision dation` stays whole)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from catalogue_app.records.fields import ENTRY_TYPES, FIELDS, KEY_TYPES
from catalogue_app.records.multivalue import join_authors, join_values

CANONICAL_COLUMNS = tuple(f.name for f in FIELDS)
EXTRA_COLUMNS = ("id", "date_earliest", "date_latest", "created_at", "modified_at", "museum")
TRUE_TEXT, FALSE_TEXT = "yes", "no"
# Theme texts an import could not match to a theme: kept with the record (in its extra fields)
# and written back beside its real themes, so nothing typed in a file is lost.
UNMATCHED_THEMES = "unmatched_themes"


def cell_text(record: Mapping[str, Any], name: str) -> str:
    """How one field of an export record (themes as paths) is written in a cell."""
    value = record.get(name)
    if name == "authors":
        return join_authors(value or [])
    if name == "themes":
        return join_values(list(value or []) + list(record.get(UNMATCHED_THEMES) or []))
    if KEY_TYPES.get(name) in ENTRY_TYPES:
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, list):
        return join_values(value)
    if isinstance(value, bool):
        return TRUE_TEXT if value else FALSE_TEXT
    if isinstance(value, Mapping):  # the holding museum
        return str(value.get("code") or "")
    return "" if value is None else str(value)


def write_catalogue_csv(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write export records to a text stream opened with newline=""; return how many."""
    writer = csv.writer(out, lineterminator="\r\n")
    columns = CANONICAL_COLUMNS + EXTRA_COLUMNS
    writer.writerow(columns)
    count = 0
    for record in records:
        writer.writerow([cell_text(record, name) for name in columns])
        count += 1
    return count
