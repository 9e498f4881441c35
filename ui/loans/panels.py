"""The record form's Loans and Condition reports groups: each lists the record's entries
(newest first) under a line saying what they mean today, with buttons for the dialogs. They
are editors of the form (value(), set_value(), changed), read-only like the rectifications:
an entry is added or changed by its dialog, through a Catalogue verb, never typed in."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.condition.state import latest_report
from catalogue_app.documents.record_text import choice_text
from catalogue_app.loans.rules import ON_LOAN, current_loan_out, is_overdue
from ui.language import current_language

ROWS_SHOWN = 4
ALERT = "#b00020"


class EntriesPanel(QWidget):
    changed = Signal()  # never emitted: the form changes nothing here
    addRequested = Signal()
    editRequested = Signal(dict)
    removeRequested = Signal(dict)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._entries: list[dict[str, Any]] = []
        self.status = QLabel()
        self.status.setObjectName(f"{name}Status")
        self.status.setWordWrap(True)
        self.table = _EntriesTable()
        self.table.setObjectName(f"{name}Table")
        self.table.activated.connect(lambda: self._request(self.editRequested))
        self.add_button = QPushButton()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested))
        self.remove_button.clicked.connect(lambda: self._request(self.removeRequested))
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self.table.itemSelectionChanged.connect(self._enable)

    def set_texts(self, headings: list[str], add_text: str, stretched: tuple[int, ...]) -> None:
        """The columns (those of free text share the width left by the others, so that the
        group never scrolls sideways) and the add button's text."""
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        header = self.table.horizontalHeader()
        for column in range(len(headings)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column in stretched
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.add_button.setText(add_text)

    # --- the form's editor protocol ---------------------------------------------------
    def value(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self._entries]

    def set_value(self, value: list[dict[str, Any]] | None) -> None:
        self._entries = [dict(entry) for entry in value or ()]
        shown = self.shown_order(self._entries)
        self.table.setRowCount(len(shown))
        today = date.today().isoformat()
        for row, entry in enumerate(shown):
            alert = self.alert(entry, today)
            for column, text in enumerate(self.cells(entry)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.get("id"))
                item.setToolTip(alert or text)
                if alert:
                    item.setForeground(QBrush(QColor(ALERT)))
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(shown))
        if shown:
            self.table.selectRow(0)
        self.status.setText(self.summary(self._entries, today))
        self.status.setVisible(bool(self.status.text()))
        self._enable()

    # --- what a kind of entry shows ---------------------------------------------------
    def shown_order(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def cells(self, entry: dict[str, Any]) -> list[str]:
        raise NotImplementedError

    def alert(self, _entry: dict[str, Any], _today: str) -> str:
        """Why the entry's row is drawn in red ("" when it is not)."""
        return ""

    def summary(self, entries: list[dict[str, Any]], today: str) -> str:
        raise NotImplementedError

    # --- the chosen entry -------------------------------------------------------------
    def chosen(self) -> dict[str, Any] | None:
        item = self.table.item(self.table.currentRow(), 0)
        entry_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((e for e in self._entries if e.get("id") == entry_id), None)

    def _request(self, signal) -> None:
        entry = self.chosen()
        if entry is not None:
            signal.emit(entry)

    def _enable(self) -> None:
        has = self.chosen() is not None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(has)


class _EntriesTable(QTableWidget):
    """Read-only rows; Enter (or a double click) opens the entry."""

    activated = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(header.sizeHint().height() + 22 * ROWS_SHOWN + 2 * self.frameWidth())
        self.doubleClicked.connect(self.activated)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class LoansPanel(EntriesPanel):
    returnRequested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("loans", parent)
        self.set_texts([self.tr("Kind"), self.tr("Borrower or lender"),
                        self.tr("From – to"), self.tr("Returned on")],
                       self.tr("New…"), stretched=(1,))
        self.add_button.setToolTip(self.tr("Record a loan out or a temporary entry"))
        self.return_button = QPushButton(self.tr("Return…"))
        self.return_button.setToolTip(self.tr("Record the return of the chosen loan"))
        self.return_button.clicked.connect(lambda: self._request(self.returnRequested))
        self.buttons.insertWidget(1, self.return_button)

    def shown_order(self, entries):
        return sorted(entries, key=lambda loan: loan.get("start") or "", reverse=True)

    def cells(self, loan):
        kind = self.tr("Loan") if loan.get("direction") == "out" else self.tr("Entry")
        who = " — ".join(t for t in (loan.get("party"), loan.get("exhibition")) if t)
        return [kind, who, f"{loan.get('start', '')} – {loan.get('end') or '…'}",
                loan.get("returned_on", "")]

    def alert(self, loan, today):
        if is_overdue(loan, today):
            return self.tr("Overdue: due back on {date}").format(date=loan["end"])
        return ""

    def summary(self, loans, today):
        lines = []
        away = current_loan_out({"loans": loans}, today)
        if away is not None:
            lines.append(escape(ON_LOAN(party=away.get("party", "")).text())
                         + (escape(self.tr(", due back on {date}").format(date=away["end"]))
                            if away.get("end") else ""))
        for loan in loans:
            if is_overdue(loan, today):
                lines.append(f"<span style='color:{ALERT}'>⚠ " + escape(self.tr(
                    "Overdue return: {party}, due back on {date}").format(
                    party=loan.get("party", ""), date=loan["end"])) + "</span>")
        return "<br>".join(lines)

    def _enable(self) -> None:
        super()._enable()
        chosen = self.chosen()
        self.return_button.setEnabled(chosen is not None and not chosen.get("returned_on"))


class ConditionReportsPanel(EntriesPanel):
    printRequested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("conditionReports", parent)
        self.set_texts([self.tr("Date"), self.tr("State"), self.tr("Author"), self.tr("Images"),
                        self.tr("Description")], self.tr("New…"), stretched=(4,))
        self.add_button.setToolTip(self.tr("Write a new condition report"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("The chosen report as a PDF, with its images"))
        self.print_button.clicked.connect(lambda: self._request(self.printRequested))
        self.buttons.insertWidget(2, self.print_button)

    def shown_order(self, entries):
        latest_first = list(reversed(entries))  # of one day, the last written first
        return sorted(latest_first, key=lambda report: report.get("date") or "", reverse=True)

    def cells(self, report):
        return [report.get("date", ""), state_text(report.get("state")),
                report.get("author", ""), str(len(report.get("images") or ()) or ""),
                (report.get("description") or "").split("\n", 1)[0]]

    def summary(self, reports, _today):
        latest = latest_report({"condition_reports": reports})
        if latest is None:
            return ""
        return self.tr("<b>Condition</b>: {state} (report of {date})").format(
            state=escape(state_text(latest.get("state")) or self.tr("not stated")),
            date=escape(latest.get("date", "")))

    def _enable(self) -> None:
        super()._enable()
        self.print_button.setEnabled(self.chosen() is not None)


def state_text(code: str | None) -> str:
    return choice_text("condition_reports", code, current_language())
