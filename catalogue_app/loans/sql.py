"""The rules of rules.py (on loan, overdue) and the latest condition state, as SQL over the
JSON arrays of `records r`, for the object list's filter and columns. Plain strings with a
:today parameter (YYYY-MM-DD): the list reads them before SQLAlchemy is loaded.
tests/unit/test_loans_listing.py checks that they agree with rules.py."""

from __future__ import annotations

_FIELD = "coalesce(json_extract(l.value, '$.{key}'), '')"
_DIRECTION, _START, _END, _RETURNED, _PARTY = (
    _FIELD.format(key=key) for key in ("direction", "start", "end", "returned_on", "party"))
_OUT_NOW = f"{_DIRECTION} = 'out' AND {_RETURNED} = '' AND {_START} <= :today"
_OVERDUE = f"{_END} != '' AND {_RETURNED} = '' AND {_END} < :today"
# What the list may be narrowed to (catalogue_app.search.query: loan:out, loan:overdue).
LOAN_FILTERS = {"out": _OUT_NOW, "overdue": _OVERDUE}

# The borrower of the loan the object is away on today (the latest started), or NULL.
PARTY_AWAY = (f"(SELECT {_PARTY} FROM json_each(r.loans) l WHERE r.loans != '[]' AND {_OUT_NOW}"
              f" ORDER BY {_START} DESC, l.key LIMIT 1)")
# The state of the latest condition report (by date; of one day, the last written), or NULL.
LATEST_STATE = ("(SELECT json_extract(c.value, '$.state') FROM json_each(r.condition_reports) c"
                " ORDER BY json_extract(c.value, '$.date') DESC, c.key DESC LIMIT 1)")


def loans_condition(which: str) -> str:
    """Records with a loan that is `which` ("out" or "overdue") today."""
    return (f"(r.loans != '[]' AND EXISTS (SELECT 1 FROM json_each(r.loans) l "
            f"WHERE {LOAN_FILTERS[which]}))")
