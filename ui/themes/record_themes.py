"""The record's themes in the object form: the list of its themes (as paths, "Textile >
Dentelle"), with buttons to add one from the tree and remove the selected ones. It is a form
editor (value, set_value, changed), so the change is saved, undone and autosaved with the rest
of the record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from ui.language import theme_label

if TYPE_CHECKING:
    from catalogue_app.vocabulary import themes

ID_ROLE = Qt.ItemDataRole.UserRole


class RecordThemesEditor(QWidget):
    changed = Signal()

    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._paths: dict[str, str] = {}
        self.list = QListWidget()
        self.list.setObjectName("recordThemes")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(90)
        add = QPushButton(self.tr("Add a theme…"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(self.choose_theme)
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def value(self) -> list[str]:
        return sorted(self.list.item(n).data(ID_ROLE) for n in range(self.list.count()))

    def set_value(self, theme_ids: list[str] | None) -> None:
        self.list.clear()
        for theme_id in theme_ids or []:
            self._add_item(theme_id)

    def add_theme(self, theme_id: str) -> None:
        if theme_id not in self.value():
            self._add_item(theme_id)
            self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def choose_theme(self) -> None:
        paths = self._theme_paths()
        by_path = {path: theme_id for theme_id, path in paths.items()}
        path, ok = QInputDialog.getItem(self, self.tr("Add a theme"), self.tr("Theme:"),
                                        list(by_path), 0, False)
        if ok and path:
            self.add_theme(by_path[path])

    def _add_item(self, theme_id: str) -> None:
        item = QListWidgetItem(self._theme_paths().get(theme_id, theme_id))
        item.setData(ID_ROLE, theme_id)
        self.list.addItem(item)

    def _theme_paths(self) -> dict[str, str]:
        """Every theme's path in the tree, by id (read once; a new local theme re-reads)."""
        if len(self._paths) != self._catalogue.theme_count():
            self._paths = dict(_paths(self._catalogue.theme_tree(counts=False)))
        return self._paths


def _paths(nodes: list[themes.ThemeNode], prefix: str = ""):
    for node in nodes:
        path = f"{prefix}{theme_label(node)}"
        yield node.id, path
        yield from _paths(node.children, f"{path} > ")
