"""A read-only table of texts in a dialog (records set aside by sync, files matched to records):
a cell's tooltip is its whole text, or what the cell stands for (a file's full path)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

# A cell: its text, or its text and its tooltip.
Cell = str | tuple[str, str]


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            text, tooltip = (cell, cell) if isinstance(cell, str) else cell
            item = QTableWidgetItem(text)
            item.setToolTip(tooltip)
            table.setItem(row, column, item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table
