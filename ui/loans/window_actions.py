"""Loans and condition reports in the main window: the form's two groups, the note under the
location of an object away on loan, the heading's lines (away, overdue, latest state), the
Record menu's entries, and the dialogs behind them. Each change is a Catalogue verb, saved at
once like a rectification: the form's unsaved edits are saved or discarded first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from catalogue_app.catalogue import Changes
from catalogue_app.loans.rules import ON_LOAN, current_loan_out, overdue_loans
from ui import messages
from ui.loans.condition_dialog import ConditionReportDialog
from ui.loans.loan_dialog import LoanDialog
from ui.loans.panels import ALERT, ConditionReportsPanel, LoansPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LoanActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.catalogue, self.form = window, window.catalogue, window.form
        self.loans = LoansPanel()
        self.reports = ConditionReportsPanel()
        for key, title, panel in (("loans", self.tr("Loans"), self.loans),
                                  ("condition_reports", self.tr("Condition reports"),
                                   self.reports)):
            self.form.add_section(key, title, panel)
            self.form.register_editor(key, panel)
        self.away_note = QLabel()
        self.away_note.setObjectName("awayOnLoan")
        self.away_note.setWordWrap(True)
        self.form.add_row_after("current_location", self.away_note)
        self.form.heading_sources.append(self.heading_lines)
        self.form.recordLoaded.connect(self._show_away)
        self.loans.addRequested.connect(self.new_loan)
        self.loans.editRequested.connect(lambda loan: self.edit_loan(loan))
        self.loans.returnRequested.connect(lambda loan: self.edit_loan(loan, returning=True))
        self.loans.removeRequested.connect(self.remove_loan)
        self.reports.addRequested.connect(self.new_report)
        self.reports.editRequested.connect(self.edit_report)
        self.reports.removeRequested.connect(self.remove_report)
        self.reports.printRequested.connect(self.print_report)
        # Beside the other record actions, before the separator that leads to Settings.
        menu = QMenu(self.tr("&Loans and condition"), window)
        anchor = next((a for a in window.record_menu.actions() if a.isSeparator()), None)
        window.record_menu.insertMenu(anchor, menu)
        for text, slot, shortcut in (
                (self.tr("New &loan…"), self.new_loan, "Ctrl+Shift+L"),
                (self.tr("Record the &return of the loan…"), self.return_current, None),
                (self.tr("New &condition report…"), self.new_report, "Ctrl+Shift+E")):
            act = QAction(text, window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            window.addAction(act)

    # --- what the form shows --------------------------------------------------------------
    def heading_lines(self, record: dict[str, Any]) -> list[str]:
        today = date.today().isoformat()
        lines = [f"<span style='color:{ALERT}'>⚠ " + escape(self.tr(
            "Overdue return: {party}, due back on {date}").format(
            party=loan.get("party", ""), date=loan["end"])) + "</span>"
            for loan in overdue_loans(record, today)]
        state = self.reports.summary(record.get("condition_reports") or [], today)
        return lines + ([state] if state else [])

    def _show_away(self, _record_id: str | None = None) -> None:
        """Where the object is, when it is away: the location field keeps its text."""
        loan = current_loan_out(self.form.values(), date.today().isoformat())
        self.away_note.setText(f"<b>{escape(ON_LOAN(party=loan.get('party', '')).text())}</b>"
                               if loan else "")
        self.away_note.setVisible(loan is not None)

    # --- loans ------------------------------------------------------------------------------
    def new_loan(self) -> None:
        self._open(lambda record: LoanDialog(
            record["inventory_number"], None, self._saving_loan(record), self.window))

    def edit_loan(self, loan: dict[str, Any], *, returning: bool = False) -> None:
        self._open(lambda record: LoanDialog(
            record["inventory_number"], loan, self._saving_loan(record), self.window,
            returning=returning))

    def return_current(self) -> None:
        """The return of the loan chosen in the group (or of the one the object is away on)."""
        loan = self.loans.chosen()
        if loan is None or loan.get("returned_on"):
            loan = current_loan_out(self.form.values(), date.today().isoformat())
        if loan is None:
            messages.show_error(self.window, self.tr("No loan to return"), self.tr(
                "This object is not away on loan: choose the loan in the Loans group."))
            return
        self.edit_loan(loan, returning=True)

    def remove_loan(self, loan: dict[str, Any]) -> None:
        self._remove(self.tr("Remove the loan to {party}, started on {date}?").format(
            party=loan.get("party", ""), date=loan.get("start", "")),
            lambda record_id: self.catalogue.remove_loan(record_id, loan["id"]))

    def _saving_loan(self, record: dict[str, Any]) -> Callable[[dict[str, Any]], Changes]:
        return lambda values: self._applied(self.catalogue.save_loan(record["id"], values))

    # --- condition reports ----------------------------------------------------------------------
    def new_report(self) -> None:
        self.edit_report(None)

    def edit_report(self, report: dict[str, Any] | None) -> None:
        def dialog(record: dict[str, Any]) -> ConditionReportDialog:
            return ConditionReportDialog(
                record["inventory_number"], report, self.catalogue.user,
                self.catalogue.images(record["id"]), self.catalogue.cache_dir,
                lambda values: self._applied(self.catalogue.save_condition_report(
                    record["id"], values)), self.window)
        self._open(dialog)

    def remove_report(self, report: dict[str, Any]) -> None:
        self._remove(self.tr("Remove the condition report of {date} by {author}?").format(
            date=report.get("date", ""), author=report.get("author", "")),
            lambda record_id: self.catalogue.remove_condition_report(record_id, report["id"]))

    def print_report(self, report: dict[str, Any]) -> None:
        from ui.loans.printing import print_condition_report

        print_condition_report(self.window, self.form.record_id(), report)

    # --- shared -------------------------------------------------------------------------------
    def _open(self, make_dialog) -> None:
        """Open the dialog on the saved record (the form's edits saved or discarded first)."""
        if self.form.record_id() is None:
            messages.show_error(self.window, self.tr("No record"), self.tr(
                "Save the record first: loans and condition reports belong to a saved record."))
            return
        if not self.window.may_leave_form():
            return
        make_dialog(self.form.values()).exec()

    def _remove(self, question: str, remove: Callable[[str], Changes]) -> None:
        record_id = self.form.record_id()
        if record_id is None or not self.window.may_leave_form():
            return
        if messages.confirm(self.window, self.tr("Remove"), question):
            self._applied(remove(record_id))

    def _applied(self, changes: Changes) -> Changes:
        self.window.apply(changes)
        return changes
