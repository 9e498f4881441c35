"""The movements a loan makes (reason `loan`, through the locations' add_movement): a loan out
takes the object away to its borrower once it has started (dated its start) and brings it
back where it left from when it is returned (dated the return); a loan in goes back to its
lender when returned (where it stood meanwhile is the curator's own move). Each is written
once: a later save of the loan finds it again by its date and its borrower or lender, so no
key is added to the movements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.locations.moving import add_movement, movements_of

REASON = "loan"


def record_loan_movements(session: Session, record_id: str, loan: Mapping[str, Any],
                          user: str, today: str) -> None:
    party, note = loan["party"], loan.get("exhibition") or ""
    start, returned_on = loan.get("start") or "", loan.get("returned_on") or ""
    movements = movements_of(session, record_id)
    if loan["direction"] == "out":
        departure = _found(movements, start, to=party, to_id="")
        if departure is None and start <= today:
            add_movement(session, record_id, user, to=party, reason=REASON, date=start,
                         note=note)
            departure = _found(movements_of(session, record_id), start, to=party, to_id="")
        if returned_on and departure is not None \
                and _found(movements, returned_on, **{"from": party}) is None:
            add_movement(session, record_id, user, to=departure["from"],
                         to_id=departure.get("from_id") or "", reason=REASON,
                         date=returned_on, note=note)
    elif returned_on and _found(movements, returned_on, to=party, to_id="") is None:
        add_movement(session, record_id, user, to=party, reason=REASON, date=returned_on,
                     note=note)


def _found(movements: list[dict[str, Any]], date: str,
           **fields: str) -> dict[str, Any] | None:
    """The loan's movement of that date with these fields, if it was written."""
    return next((m for m in movements if m.get("reason") == REASON and m.get("date") == date
                 and all((m.get(k) or "") == v for k, v in fields.items())), None)
