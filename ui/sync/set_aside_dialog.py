"""The records from the regional base this desk set aside: each one's inventory number, when,
and why it could not be stored here. Every sync tries them again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from catalogue_app.sync.set_aside import SetAside
from ui.labelled_form import wrapped_label
from ui.text_table import text_table


class SetAsideDialog(QDialog):
    def __init__(self, records: list[SetAside], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Records set aside"))
        self.resize(860, 360)
        intro = wrapped_label(self.tr(
            "These records from the regional base could not be stored on this computer. The"
            " others were synced; every sync tries these again.") if records else self.tr(
            "No record from the regional base is set aside."))
        self.table = text_table(
            [self.tr("Inventory number"), self.tr("Set aside on"), self.tr("Reason")],
            [(record.inventory_number or record.record_id, record.at[:16].replace("T", " "),
              record.reason) for record in records])
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
