"""The trash: records moved there (never registered ones), restored with one key, or purged
for good by emptying it, which leaves tombstones so that sync deletes them elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui import messages
from ui.language import field_label


class TrashDialog(QDialog):
    changed = Signal(Changes)  # records restored or purged

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle(self.tr("Trash"))
        self.resize(640, 400)
        self.list = QTreeWidget()
        self.list.setObjectName("trashList")
        self.list.setHeaderLabels([self.tr("Inventory number"),
                                   field_label(FIELDS_BY_NAME["designation"]),
                                   self.tr("Moved to the trash")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel(self.tr("The trash is empty."))
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.empty_button = QPushButton(self.tr("&Empty the trash…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        rows = self.catalogue.trashed()
        for row in rows:
            item = QTreeWidgetItem([row["inventory_number"], row["designation"],
                                    row["trashed_at"][:19].replace("T", " ")])
            item.setData(0, Qt.ItemDataRole.UserRole, row["id"])
            self.list.addTopLevelItem(item)
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.empty_label.setVisible(not rows)
        self.restore_button.setEnabled(bool(rows))
        self.empty_button.setEnabled(bool(rows))
        self.list.setFocus()

    def restore_selected(self) -> None:
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        if not ids:
            return
        self.changed.emit(self.catalogue.restore(ids))
        self._fill()

    def empty(self) -> None:
        count = self.list.topLevelItemCount()
        if not messages.confirm(self, self.tr("Empty the trash"), self.tr(
                "Delete the {n} record(s) in the trash for good? This cannot be undone.").format(
                n=count)):
            return
        self.changed.emit(self.catalogue.purge())
        self._fill()
