"""The Catalogue's verbs on an object's loans and condition reports: each owns its
transaction and says what it changed (the record, whose form and list row show them).

Mixed into Catalogue (facade.py), whose writing() and user they use."""

from __future__ import annotations

from typing import Any

from catalogue_app.catalogue.changes import Changes


class LoanVerbs:
    # --- loans out and in -------------------------------------------------------------------
    def save_loan(self, record_id: str, loan: dict[str, Any]) -> Changes:
        """Record a loan (no id) or change one (its return, say); result: the loan stored."""
        from catalogue_app.loans.edit import save_loan

        with self.writing() as session:
            stored = save_loan(session, record_id, loan, self.user)
        return Changes.of(changed=[record_id], result=stored)

    def remove_loan(self, record_id: str, loan_id: str) -> Changes:
        """Remove a loan entered by mistake."""
        from catalogue_app.loans.edit import remove_loan

        with self.writing() as session:
            remove_loan(session, record_id, loan_id, self.user)
        return Changes.of(changed=[record_id])

    # --- condition reports --------------------------------------------------------------------
    def save_condition_report(self, record_id: str, report: dict[str, Any]) -> Changes:
        """Write a report (no id) or correct one; result: the report stored."""
        from catalogue_app.condition.reports import save_condition_report

        with self.writing() as session:
            stored = save_condition_report(session, record_id, report, self.user)
        return Changes.of(changed=[record_id], result=stored)

    def remove_condition_report(self, record_id: str, report_id: str) -> Changes:
        from catalogue_app.condition.reports import remove_condition_report

        with self.writing() as session:
            remove_condition_report(session, record_id, report_id, self.user)
        return Changes.of(changed=[record_id])
