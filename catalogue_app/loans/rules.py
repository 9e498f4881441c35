"""What a record's loans say today: whether the object is away on loan (its location then
shows "on loan to …", the text of `current_location` staying as entered) and which returns
are overdue. Plain functions of the record's fields and today's date (YYYY-MM-DD): the form,
the list and the documents agree because they all ask here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.messages import declare

ON_LOAN = declare("loans.on_loan", "On loan to {party}")


def is_out(loan: Mapping[str, Any], today: str) -> bool:
    """A loan out that has started and is not back yet."""
    return loan.get("direction") == "out" and not loan.get("returned_on") \
        and (loan.get("start") or "") <= today


def is_overdue(loan: Mapping[str, Any], today: str) -> bool:
    """Due back before today and not returned (either way: our object, or the lender's)."""
    return bool(loan.get("end")) and not loan.get("returned_on") and loan["end"] < today


def current_loan_out(fields: Mapping[str, Any], today: str) -> dict[str, Any] | None:
    """The loan the object is away on today (the latest started, if the data has several)."""
    away = [loan for loan in fields.get("loans") or () if is_out(loan, today)]
    return max(away, key=lambda loan: loan.get("start") or "", default=None)


def overdue_loans(fields: Mapping[str, Any], today: str) -> list[dict[str, Any]]:
    return [loan for loan in fields.get("loans") or () if is_overdue(loan, today)]


def shown_location(fields: Mapping[str, Any], today: str) -> str:
    """Where the object is, as the list and the form show it: on loan, or its location."""
    loan = current_loan_out(fields, today)
    if loan is not None:
        return ON_LOAN(party=loan.get("party") or "?").text()
    return fields.get("current_location") or ""
