"""What an inscribed record still lacks for the register (arrêté of 25 May 2004, design.md §3).

Columns 1 to 13 of the inventory register are compulsory; columns 5 (opinion of the scientific
bodies) and 6 (price, public grants) only for acquisitions after the law of 4 January 2002 on
the musées de France, which brought the opinion in. A value the museum cannot give is written
("néant", "inconnu"), never left blank: an empty column is what a reviewer asks about.

An object is to be inscribed by 31 December of the year after its acquisition; a later
inscription is not an error (the register may only say when it was done) but is worth saying."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from catalogue_app.records.calendar_dates import PartialDate, parse_partial_date
from catalogue_app.records.fields import FIELDS

LAW_OF_2002 = datetime.date(2002, 1, 4)
COMPULSORY = tuple(f for f in sorted(FIELDS, key=lambda f: f.regulatory_column or 99)
                   if f.regulatory_column and f.regulatory_column <= 13)
_SINCE_2002 = frozenset({5, 6})


@dataclass(frozen=True)
class RegisterGaps:
    inventory_number: str
    missing: tuple[int, ...]  # compulsory columns left empty
    late: bool  # inscribed after 31 December of the year after the acquisition


def register_gaps(record: Mapping[str, Any]) -> RegisterGaps:
    acquired = parse_partial_date(str(record.get("acquisition_date") or ""))
    after_law = acquired is not None and _last_day(acquired) > LAW_OF_2002
    missing = tuple(f.regulatory_column for f in COMPULSORY
                    if _empty(record.get(f.name))
                    and (f.regulatory_column not in _SINCE_2002 or after_law))
    entered = parse_partial_date(str(record.get("register_date") or ""))
    late = (acquired is not None and entered is not None
            and entered.year > acquired.year + 1)
    return RegisterGaps(str(record.get("inventory_number") or ""), missing, late)


def _last_day(date: PartialDate) -> datetime.date:
    """The latest day a date of this precision may mean (2002 may be after 4 January 2002)."""
    if date.month is None:
        return datetime.date(date.year, 12, 31)
    if date.day is None:
        following = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(date.year, date.month, date.day)


def _empty(value: Any) -> bool:
    if isinstance(value, list):
        return not any(str(v.get("name") if isinstance(v, dict) else v).strip() for v in value)
    return value is None or not str(value).strip()
