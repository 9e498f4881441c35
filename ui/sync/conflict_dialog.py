"""The conflict list: for each record changed on both sides, this desk's and the regional
base's values side by side, with a choice per field or for the whole record."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.sync.conflicts import Conflict
from ui import messages
from ui.language import field_label


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    changed = Signal(Changes)  # a conflict settled

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 520)
        self.records = QListWidget()
        self.records.currentRowChanged.connect(self._show)
        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        self.choices: dict[str, QButtonGroup] = {}
        split = QHBoxLayout()
        split.addWidget(self.records, 1)
        split.addWidget(self.detail, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(split)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.conflicts: list[Conflict] = self.catalogue.conflicts()
        self.records.clear()
        for conflict in self.conflicts:
            self.records.addItem(conflict.inventory_number or conflict.record_id)
        if self.conflicts:
            self.records.setCurrentRow(0)
        else:
            self._clear_detail()
            self.detail_layout.addWidget(QLabel(self.tr("No conflict is waiting.")))

    def _clear_detail(self) -> None:
        while (item := self.detail_layout.takeAt(0)) is not None:
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                _drop_layout(item.layout())
        self.choices = {}

    def _show(self, row: int) -> None:
        self._clear_detail()
        if row < 0 or row >= len(self.conflicts):
            return
        conflict = self.conflicts[row]
        if conflict.server_deleted or conflict.local_deleted:
            text = (self.tr("This record was deleted on the regional base and edited here.")
                    if conflict.server_deleted else
                    self.tr("This record was deleted here and edited on the regional base."))
            self.detail_layout.addWidget(QLabel(text))
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Field"), self.tr("This desk"),
                                        self.tr("Regional base"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for line, item in enumerate(conflict.fields, 1):
            group = QButtonGroup(self)
            local = QRadioButton(_shown(item.local))
            server = QRadioButton(_shown(item.server))
            local.setChecked(True)
            group.addButton(local, 0)
            group.addButton(server, 1)
            self.choices[item.name] = group
            grid.addWidget(QLabel(_label(item.name)), line, 0)
            grid.addWidget(local, line, 1)
            grid.addWidget(server, line, 2)
        self.detail_layout.addLayout(grid)
        actions = QHBoxLayout()
        for text, choice in ((self.tr("Keep &this desk's version"), "local"),
                             (self.tr("Take the &regional base's version"), "server")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, c=choice: self._resolve(c))
            actions.addWidget(button)
        if conflict.fields:
            apply_fields = QPushButton(self.tr("&Apply the choices above"))
            apply_fields.clicked.connect(lambda: self._resolve(self._field_choices()))
            actions.addWidget(apply_fields)
        self.detail_layout.addLayout(actions)
        self.detail_layout.addStretch()

    def _field_choices(self) -> dict[str, str]:
        return {name: ("server" if group.checkedId() == 1 else "local")
                for name, group in self.choices.items()}

    def _resolve(self, choice) -> None:
        conflict = self.conflicts[self.records.currentRow()]
        try:
            self.changed.emit(self.catalogue.resolve_conflict(conflict.record_id, choice))
        except CatalogueError as error:
            messages.show_error(self, self.tr("Conflict"), str(error))
        self.reload()


def _label(name: str) -> str:
    """The field's label in the interface language; a field this version does not know (a
    newer desk's) by its name."""
    field = FIELDS_BY_NAME.get(name)
    return field_label(field) if field is not None else name


def _drop_layout(layout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if item.widget():
            item.widget().deleteLater()
        elif item.layout():
            _drop_layout(item.layout())
