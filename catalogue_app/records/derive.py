"""What the application derives from what the curator typed (design.md §3), in the one place
both the store and the form call: years from the dating text, measurement rows from the
measurement text, and the order inventory numbers sort in (the key they are compared by is
catalogue_app.protocol's, shared with the regional base).

The text is always kept exactly as entered; what is derived sits beside it and may be
corrected by hand, so it is derived again only when its text changed and nothing was given."""

from __future__ import annotations

import re
from typing import Any

from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.dating_years import parse_dating
from catalogue_app.records.measurements import parse_measurements
from catalogue_app.records.record import Measurement, Record

# The fields something is derived from, and what the form shows beside each.
SOURCES = {"dating": ("date_earliest", "date_latest"), "measurements": ("measurement_rows",)}


def years(dating: str) -> tuple[int | None, int | None]:
    """The earliest and latest years a dating text means; (None, None) when not understood."""
    return parse_dating(dating) or (None, None)


def measurement_rows(text: str) -> list[Measurement]:
    """The rows a measurement text gives; none when it is not understood (it is then flagged
    for review, the text kept as is)."""
    return [Measurement(r.kind, r.value, r.unit, r.note) for r in parse_measurements(text) or ()]


def derived_fields(name: str, text: str) -> dict[str, Any]:
    """What the form shows beside the field `name` (one of SOURCES) holding `text`."""
    if name == "dating":
        return dict(zip(SOURCES["dating"], years(text), strict=True))
    return {"measurement_rows": [
        {"kind": m.kind, "value": m.value, "unit": m.unit, "note": m.note}
        for m in measurement_rows(text)]}


def derive(record: Record, old: Record | None = None) -> None:
    """Fill in the years and measurement rows of a record whose text is new (`old` is the
    record as stored before, None for a new one), unless they were given."""
    if record.dating and record.date_earliest is None and record.date_latest is None \
            and (old is None or old.dating != record.dating):
        record.date_earliest, record.date_latest = years(record.dating)
    if record.measurements and not record.measurement_rows \
            and (old is None or old.measurements != record.measurements):
        record.measurement_rows = measurement_rows(record.measurements)


def sort_key(number: str) -> str:
    """Natural order of inventory numbers: 1978.3.2 before 1978.3.12."""
    return re.sub(r"\d+", lambda m: m.group().zfill(12), normalise_inventory_number(number))
