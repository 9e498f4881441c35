"""Which entries an edition of a register holds, in which order, and what each said then.

An edition is the register as it stood at the end of a year (or today, for the whole
register): the records inscribed by then, in order of entry (register date, then number: the
order a paper register is written in), each shown with the events of its life up to that
day. Rectifications made later are undone (the edition shows the old value) and a later
radiation is not shown, so printing the edition of a past year again gives the same pages.

Legacy inscriptions without a register date (an inventory imported whole) come first, by
number: they were written before anything the app dated."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.records.calendar_dates import parse_partial_date
from db.local.models import Record


def edition_end(year: int | None) -> datetime.date | None:
    """The last day an edition covers; None for the register as it stands."""
    return datetime.date(year, 12, 31) if year is not None else None


def entry_ids(session: Session, deposits: bool, end: datetime.date | None) -> list[str]:
    """The edition's entries, in order of entry: the inscribed records of the register's legal
    status (never decided by the number's prefix), radiated ones included."""
    rows = session.execute(
        select(Record.id, Record.register_date, Record.inventory_sort)
        .where(Record.trashed_at.is_(None), Record.inscribed.is_(True),
               # The register is the legal status's, never the number prefix's (design.md §3).
               Record.legal_status == ("deposit" if deposits else "inventory")))
    entries = []
    for record_id, register_date, sort in rows:
        day = entry_day(register_date)
        if end is not None and day is not None and day > end:
            continue  # inscribed after the edition
        entries.append((day is not None, day or datetime.date.min, sort, record_id))
    entries.sort()
    return [entry[-1] for entry in entries]


def entry_day(text: str) -> datetime.date | None:
    """The day a register date names; a month or a year alone counts from its first day."""
    found = parse_partial_date(text or "")
    if found is None:
        return None
    return datetime.date(found.year, found.month or 1, found.day or 1)


def as_of(record: Mapping[str, Any], end: datetime.date | None) -> dict[str, Any]:
    """The record as an edition ending on `end` shows it: rectifications made later undone,
    a later radiation not yet there."""
    shown = dict(record)
    if end is None:
        return shown
    later = [r for r in rectifications(record) if _after(r.get("date"), end)]
    for rectification in reversed(later):  # newest first, back to the value at the end
        shown[rectification["field"]] = rectification.get("old", "")
    shown["rectifications"] = [r for r in rectifications(record) if r not in later]
    if shown.get("status") == "deaccessioned" and _after(shown.get("deaccession_date"), end):
        shown["status"] = "active"
    if _after(shown.get("deposit_returned"), end):
        shown["deposit_returned"] = ""
    return shown


def rectifications(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A record's rectifications, oldest first."""
    found = [r for r in record.get("rectifications") or () if isinstance(r, dict)]
    return sorted(found, key=lambda r: str(r.get("date") or ""))


def _after(text: Any, end: datetime.date) -> bool:
    day = entry_day(str(text or ""))
    return day is not None and day > end
