"""Inventory numbers as the form checks them (design.md §3): the museum's pattern only warns, a
number already used (normalised comparison) is an error, and the next free number of a lot is
suggested."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.messages import declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.inventory_numbers import (
    DEFAULT_PATTERN,
    InventoryCheck,
    InventoryPattern,
    Problem,
    check_inventory_number,
    next_free_number,
)
from catalogue_app.settings import INVENTORY_PATTERN, in_catalogue
from db.local.models import Record

NUMBER_TAKEN = declare("record.number_of_another",
                       "{number} is already the number of record{designation}{where}.")
IN_THE_TRASH = declare("record.in_the_trash", " (in the trash)")


def museum_pattern(session: Session) -> InventoryPattern:
    stored = in_catalogue.read(session, INVENTORY_PATTERN)
    try:
        return InventoryPattern(stored["regex"], stored["description"])
    except (KeyError, TypeError, ValueError):  # not a pattern: the default still checks
        return DEFAULT_PATTERN


def set_museum_pattern(session: Session, pattern: InventoryPattern) -> None:
    in_catalogue.write(session, INVENTORY_PATTERN,
                   {"regex": pattern.regex, "description": pattern.description})


def check_number(session: Session, number: str, record_id: str | None) -> InventoryCheck:
    """The pattern's warnings, plus an error when another record already has the number."""
    check = check_inventory_number(number, museum_pattern(session))
    if not check.ok:
        return check
    other = session.execute(
        select(Record.inventory_number, Record.designation, Record.trashed_at)
        .where(Record.inventory_key == normalise_inventory_number(number),
               Record.id != (record_id or ""))
    ).first()
    if other is None:
        return check
    duplicate = Problem("duplicate", NUMBER_TAKEN(
        number=other.inventory_number,
        designation=f" «{other.designation}»" if other.designation else "",
        where=IN_THE_TRASH() if other.trashed_at else ""))
    return InventoryCheck(errors=(duplicate,), warnings=check.warnings)


def next_number_in_lot(session: Session, lot: str) -> str:
    """The number after the highest item already used in the lot (gaps are never reused)."""
    # A first narrowing, by the lot's first run of digits as written (47 of 47.1): the keys
    # keep the dots, so the digits of several elements run together would match nothing.
    first_digits = re.search(r"\d+", lot)
    candidates = session.scalars(
        select(Record.inventory_number).where(
            Record.inventory_key.contains(first_digits.group() if first_digits else ""))
    )
    return next_free_number(lot, candidates)
