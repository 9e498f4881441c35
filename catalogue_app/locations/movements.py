"""A record's movements (the synced field `movements`, design.md §3): entries oldest first,
each {id, date, from, from_id, to, to_id, reason, user, note}, immutable once written. The
current location is the destination of the last movement by date, then by order of entry (a
movement entered late with an earlier date does not move the object again)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date as Date
from typing import Any

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from catalogue_app.records.fields import choice_codes
from catalogue_app.records.record import ISO_DATE

REASONS = choice_codes("movements")  # other, recolement, exhibition, loan, restoration, storage
DEFAULT_REASON = REASONS[0]

BAD_DATE = declare("movement.bad_date",
                   "The date of a movement must be a real date written YYYY-MM-DD, not {date!r}.")
BAD_REASON = declare("movement.bad_reason",
                     "The reason of a movement must be one of: {codes}; not {reason!r}.")


def current_movement(movements: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The movement that says where the object is now, or None when it never moved."""
    if not movements:
        return None
    # max() keeps the first of equals: the reversed enumeration makes it the last entered.
    return max(reversed(movements), key=lambda m: m.get("date") or "")


def current_location_id(movements: Sequence[dict[str, Any]]) -> str | None:
    """The location the object is in now, by id (None: never moved, or moved to a place
    outside the hierarchy)."""
    last = current_movement(movements)
    return (last.get("to_id") or None) if last else None


def new_movement(*, date: str, to: str, to_id: str, reason: str, user: str, note: str = "",
                 origin: str = "", origin_id: str = "") -> dict[str, str]:
    """A movement entry, checked (CatalogueError for a wrong date or reason)."""
    check_date(date)
    if reason not in REASONS:
        raise CatalogueError(BAD_REASON, codes=list(REASONS), reason=reason)
    return {"id": str(uuid.uuid4()), "date": date, "from": origin, "from_id": origin_id,
            "to": to, "to_id": to_id, "reason": reason, "user": user, "note": note.strip()}


def check_date(text: str) -> None:
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        Date.fromisoformat(text)
    except ValueError:
        raise CatalogueError(BAD_DATE, date=text) from None
