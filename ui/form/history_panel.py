"""The history of the record in the form: who changed which field when, from what to what;
"Restore this value" gives a field back the value it had before the selected change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui import messages
from ui.language import field_label

if TYPE_CHECKING:
    from catalogue_app.records.history import HistoryItem


class HistoryPanel(QWidget):
    restored = Signal(str)  # record id, after a value was restored and saved

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._record_id: str | None = None
        self._form_dirty = False
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyList")
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Field"),
                                   self.tr("Before"), self.tr("After")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(120)
        self.tree.currentItemChanged.connect(self._update_button)
        self.restore_button = QPushButton(self.tr("Restore this value"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._update_button()

    def show_record(self, record_id: str | None) -> None:
        self._record_id = record_id
        self.tree.clear()
        if record_id is not None:
            for entry in self.catalogue.history(record_id):
                self.tree.addTopLevelItem(self._row(entry))
        self._update_button()

    def set_form_dirty(self, dirty: bool) -> None:
        self._form_dirty = dirty
        self._update_button()

    def restore_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or self._record_id is None or self._form_dirty:
            return
        entry: HistoryItem = item.data(0, Qt.ItemDataRole.UserRole)
        try:
            self.catalogue.restore_value(self._record_id, entry.id)
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Value not restored"), str(exc))
            return
        self.restored.emit(self._record_id)

    def _row(self, entry: HistoryItem) -> QTreeWidgetItem:
        field = FIELDS_BY_NAME.get(entry.field or "")
        what = field_label(field) if field else (entry.field or self._action_label(entry.action))
        item = QTreeWidgetItem([entry.changed_at[:19].replace("T", " "), entry.user, what,
                                _short(entry.old_value), _short(entry.new_value)])
        item.setData(0, Qt.ItemDataRole.UserRole, entry)
        for column, text in ((3, entry.old_value), (4, entry.new_value)):
            item.setToolTip(column, text or "")
        return item

    def _action_label(self, action: str) -> str:
        return {"create": self.tr("created"), "trash": self.tr("moved to the trash"),
                "restore": self.tr("restored from the trash"),
                "deaccession": self.tr("deaccessioned")}.get(action, action)

    def _update_button(self, *_args) -> None:
        item = self.tree.currentItem()
        entry = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.restore_button.setEnabled(bool(entry and entry.restorable) and not self._form_dirty)
        self.restore_button.setToolTip(
            self.tr("Save or undo your changes to the record first.") if self._form_dirty else
            self.tr("Give the field the value it had before the selected change."))


def _short(text: str | None) -> str:
    text = (text or "").replace("\n", " ⏎ ")
    return text if len(text) <= 60 else text[:59] + "…"
