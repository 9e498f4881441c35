"""The object list and the search box answer what the loan rules say: objects away on loan
and overdue loans as a search term (loan:, prêt:) or a list filter, the borrower and the
latest condition state in the list's columns; the SQL agrees with catalogue_app.loans.rules
and catalogue_app.condition.reports on the same records."""

from __future__ import annotations

import pytest

from catalogue_app.clock import today_iso
from catalogue_app.condition.state import latest_report
from catalogue_app.loans.rules import current_loan_out, overdue_loans
from catalogue_app.records.store import insert_records
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.query import parse
from catalogue_app.search.service import search

TODAY = today_iso()
PAST, FUTURE = "2000-01-01", "2999-12-31"


def _loan(n: int, **values) -> dict:
    return {"id": f"loan-{n}", "direction": "out", "party": f"Emprunteur {n}", "start": PAST,
            **values}


def _report(n: int, date: str, state: str) -> dict:
    return {"id": f"report-{n}", "date": date, "author": "C. M.", "state": state}


RECORDS = [
    {"inventory_number": "1", "designation": "away, overdue",
     "loans": [_loan(1, end="2001-01-01")]},
    {"inventory_number": "2", "designation": "away, due later", "loans": [
        _loan(2, start="1999-01-01", end=PAST, returned_on=PAST), _loan(3, end=FUTURE)],
     "condition_reports": [_report(1, "2020-01-01", "poor"), _report(2, "2021-01-01", "good"),
                           _report(3, "2021-01-01", "fair")]},
    {"inventory_number": "3", "designation": "not gone yet",
     "loans": [_loan(4, start=FUTURE, end=FUTURE)]},
    {"inventory_number": "4", "designation": "lent to us, overdue",
     "loans": [_loan(5, direction="in", end="2001-01-01")],
     "condition_reports": [_report(4, "2019-05-05", "to_restore")]},
    {"inventory_number": "5", "designation": "back home", "current_location": "Réserve",
     "loans": [_loan(6, end="2001-01-01", returned_on="2000-12-30")]},
    {"inventory_number": "6", "designation": "never lent"},
]


@pytest.fixture
def ids(catalogue) -> dict[str, str]:
    with catalogue.writing() as session:
        inserted = insert_records(session, RECORDS, "test")
    return {record["inventory_number"]: i for record, i in zip(RECORDS, inserted, strict=True)}


def _numbers(catalogue, ids, found) -> set[str]:
    number_of = {record_id: number for number, record_id in ids.items()}
    return {number_of[record_id] for record_id in found}


@pytest.mark.parametrize(("text", "which"), [
    ("loan:out", "out"), ("prêt:sorti", "out"), ("loan:overdue", "overdue"),
    ("PRÊT:retard", "overdue")])
def test_a_search_term_finds_what_the_rules_say(catalogue, ids, text, which):
    assert parse(text).loans == which
    expected = {r["inventory_number"] for r in RECORDS
                if (current_loan_out(r, TODAY) if which == "out" else overdue_loans(r, TODAY))}
    assert expected == ({"1", "2"} if which == "out" else {"1", "4"})
    with catalogue.reading() as session:
        assert _numbers(catalogue, ids, search(session, text, limit=None).ids) == expected
        both = search(session, f"{text} away", limit=None).ids  # with words too
    assert _numbers(catalogue, ids, both) == expected & {"1", "2"}


def test_an_unknown_loan_word_is_searched_as_words(catalogue, ids):
    assert parse("loan:tomorrow").loans is None


def test_the_list_filter_and_its_columns(catalogue, ids):
    total, found = catalogue.list_ids(ListFilter(loans="overdue"))
    assert (total, _numbers(catalogue, ids, found)) == (2, {"1", "4"})
    rows = catalogue.list_rows(list(ids.values()))
    by_number = {row.inventory_number: row for row in rows.values()}
    for record in RECORDS:
        row = by_number[record["inventory_number"]]
        loan, report = current_loan_out(record, TODAY), latest_report(record)
        assert row.loan_party == (loan["party"] if loan else None)
        assert row.condition_state == (report["state"] if report else None)
    assert by_number["2"].condition_state == "fair"  # of one day, the last written
    assert by_number["5"].current_location == "Réserve"
    _total, by_state = catalogue.list_ids(ListFilter(), "condition_state")
    assert by_state[-2:] == [ids["2"], ids["4"]]  # fair, then to restore; none first
