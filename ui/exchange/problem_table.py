"""The import check's problems as a table (severity, row, column, value, message), sorted by
any column, errors first by default, and exported as shown to a CSV file to fix the
spreadsheet from."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.exchange.spreadsheet_import import ERROR, ImportReport
from ui import messages

SEVERITY, ROW, COLUMN, VALUE, MESSAGE = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # rows by number, errors before warnings


class ProblemTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ignored = QLabel()
        self.ignored.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Row"), self.tr("Column"),
                                              self.tr("Value"), self.tr("Problem")])
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("importProblems")
        self.view.setModel(self.sorted)
        self.view.setSortingEnabled(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("Export the problems…"))
        self.export_button.clicked.connect(self.export)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ignored)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.show_report(None)

    def show_report(self, report: ImportReport | None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        unmapped = report.unmapped_columns if report else []
        self.ignored.setText(self.tr("Ignored columns: {columns}").format(
            columns=", ".join(unmapped)) if unmapped else "")
        self.ignored.setVisible(bool(unmapped))
        error, warning = self.tr("Error"), self.tr("Warning")
        for problem in report.problems if report else []:
            is_error = problem.severity == ERROR
            self.model.appendRow([
                _item(error if is_error else warning, 0 if is_error else 1),
                _item("" if problem.row is None else str(problem.row), problem.row or 0),
                _item(problem.column or ""),
                _item(problem.value or ""),
                _item(str(problem.message)),
            ])
        self.view.sortByColumn(SEVERITY, Qt.SortOrder.AscendingOrder)
        for column in (SEVERITY, ROW, COLUMN, VALUE):
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 220))
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def rows(self) -> list[tuple[str, ...]]:
        """The table's texts as shown, in the order shown."""
        return [tuple(self.sorted.index(row, column).data() for column in range(5))
                for row in range(self.sorted.rowCount())]

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the problems"),
                                              "problemes-import.csv",
                                              self.tr("CSV files (*.csv)"))
        if not name:
            return
        try:
            write_csv(Path(name), [self._header(column) for column in range(5)], self.rows())
        except OSError as exc:
            messages.show_error(self, self.tr("Problems not exported"), str(exc))

    def _header(self, column: int) -> str:
        return self.model.headerData(column, Qt.Orientation.Horizontal)


def write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    """UTF-8 with a byte-order mark and ';': what a French spreadsheet opens in columns."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def _item(text: str, sort_key: int | str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(text if sort_key is None else sort_key, SORT_ROLE)
    item.setToolTip(text)
    return item


