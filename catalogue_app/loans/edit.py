"""Recording a loan out or in, editing it (its return, most often) and removing one entered
by mistake. Each loan is an entry of the record's `loans` (catalogue_app.records.entries);
`modified_at` is set on every change, so that when two desks edit one loan the latest edit
wins when they sync. Its departure and return are movements too (loans/movements.py), in the
same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso, today_iso
from catalogue_app.errors import RecordError
from catalogue_app.loans.movements import record_loan_movements
from catalogue_app.messages import declare
from catalogue_app.records.entries import drop_entry, put_entry
from catalogue_app.records.record import LOAN_DEFAULTS, is_iso_date

PARTY_REQUIRED = declare(
    "loans.party_required", "Name the borrower (loan out) or the lender (loan in). Nothing was"
    " saved.")
NOT_A_DATE = declare(
    "loans.not_a_date", "{value!r} is not a date written YYYY-MM-DD (for example 2026-09-30)."
    " Nothing was saved.")
START_REQUIRED = declare("loans.start_required", "Give the date the loan starts. Nothing was"
                         " saved.")
END_BEFORE_START = declare(
    "loans.end_before_start", "The loan is due back on {end}, before it starts ({start})."
    " Nothing was saved.")
RETURN_BEFORE_START = declare(
    "loans.return_before_start", "The loan came back on {returned_on}, before it started"
    " ({start}). Nothing was saved.")

_TEXTS = tuple(name for name, default in LOAN_DEFAULTS.items() if default == "")


def save_loan(session: Session, record_id: str, values: Mapping[str, Any],
              user: str) -> dict[str, Any]:
    """Add the loan (values without an id) or change the one with values' id, with the
    movements of its departure and return; return it."""
    loan = put_entry(session, record_id, "loans", values, user, _prepared)
    record_loan_movements(session, record_id, loan, user, today_iso())
    return loan


def remove_loan(session: Session, record_id: str, loan_id: str, user: str) -> None:
    drop_entry(session, record_id, "loans", loan_id, user)


def _prepared(values: dict[str, Any], _record: Mapping[str, Any]) -> dict[str, Any]:
    loan = {name: value.strip() if name in _TEXTS and isinstance(value, str) else value
            for name, value in values.items()}
    start, end, returned_on = (loan.get(k) or "" for k in ("start", "end", "returned_on"))
    if not loan.get("party"):
        raise RecordError(PARTY_REQUIRED)
    for value in (start, end, returned_on):
        if not is_iso_date(value):
            raise RecordError(NOT_A_DATE, value=value)
    if not start:
        raise RecordError(START_REQUIRED)
    if end and end < start:
        raise RecordError(END_BEFORE_START, end=end, start=start)
    if returned_on and returned_on < start:
        raise RecordError(RETURN_BEFORE_START, returned_on=returned_on, start=start)
    return {**loan, "modified_at": now_iso()}
