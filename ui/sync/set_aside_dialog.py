"""The records from the regional base this desk set aside: each one's inventory number, when,
and why it could not be stored here. Every sync tries them again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.sync.set_aside import SetAside


class SetAsideDialog(QDialog):
    def __init__(self, records: list[SetAside], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Records set aside"))
        self.resize(860, 360)
        intro = QLabel(self.tr(
            "These records from the regional base could not be stored on this computer. The"
            " others were synced; every sync tries these again.") if records else self.tr(
            "No record from the regional base is set aside."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(records), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Inventory number"), self.tr("Set aside on"), self.tr("Reason")])
        for row, record in enumerate(records):
            for column, text in enumerate((record.inventory_number or record.record_id,
                                           record.at[:16].replace("T", " "), record.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # The whole reason, on as many lines as the column's width needs.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
