"""The museum's locations as a tree (name, code, kind, objects in each place): add, edit
(rename, put elsewhere, code, kind), delete an empty place, print labels. Each change goes
through a Catalogue verb and the window shows what it changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.locations.kinds import KINDS
from catalogue_app.locations.tree import Place
from ui import messages
from ui.language import choice_label
from ui.locations.location_edit_dialog import LocationEditDialog

_KINDS = {kind.code: kind for kind in KINDS}
ID_ROLE = Qt.ItemDataRole.UserRole


class LocationsDialog(QDialog):
    def __init__(self, catalogue: Catalogue, apply: Callable[[Changes], None],
                 print_labels: Callable[[list[str]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self._apply, self._print_labels = catalogue, apply, print_labels
        self.setWindowTitle(self.tr("Locations"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("locationTree")
        self.tree.setHeaderLabels([self.tr("Location"), self.tr("Code"), self.tr("Kind"),
                                   self.tr("Objects")])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.add_button = self._button(self.tr("&New…"), self.add, "locationAdd")
        self.inside_button = self._button(self.tr("New &inside…"), self.add_inside,
                                          "locationAddInside")
        self.edit_button = self._button(self.tr("&Edit…"), self.edit, "locationEdit")
        self.delete_button = self._button(self.tr("&Delete"), self.delete, "locationDelete")
        self.labels_button = self._button(self.tr("&Labels (PDF)…"), self.labels,
                                          "locationLabels")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.inside_button, self.edit_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.labels_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.places: dict[str, Place] = {}
        self.reload()
        self.resize(760, 520)

    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def reload(self, current: str | None = None) -> None:
        current = current or self.current_id()
        self.places = {place.id: place for place in self.catalogue.places()}
        counts = self.catalogue.location_counts()
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for place in self.places.values():  # parents come before their children
            kind = _KINDS.get(place.kind)
            item = QTreeWidgetItem([place.name, place.code,
                                    choice_label(kind) if kind else place.kind,
                                    str(counts.get(place.id, "")) if counts.get(place.id)
                                    else ""])
            item.setData(0, ID_ROLE, place.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            parent = items.get(place.parent_id)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[place.id] = item
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if current in items:
            self.tree.setCurrentItem(items[current])
        self._enable()

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def _enable(self) -> None:
        chosen = self.current_id() is not None
        for button in (self.inside_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen)
        self.labels_button.setEnabled(bool(self.places))

    # --- changes -----------------------------------------------------------------------------
    def add(self) -> None:
        parent = self.places.get(self.current_id() or "")
        self._new(parent.parent_id if parent else None)

    def add_inside(self) -> None:
        self._new(self.current_id())

    def _new(self, parent_id: str | None) -> None:
        added: list[str] = []

        def save(values: dict) -> None:
            changes = self.catalogue.add_location_in(
                values["parent_id"], values["name"], values["code"], values["kind"])
            added.append(changes.result)
            self._apply(changes)

        if LocationEditDialog(self.catalogue, None, parent_id, save, self).exec():
            self.reload(added[0])

    def edit(self) -> None:
        place = self.places.get(self.current_id() or "")
        if place is None:
            return

        def save(values: dict) -> None:
            self._apply(self.catalogue.update_location(place.id, **values))

        if LocationEditDialog(self.catalogue, place, place.parent_id, save, self).exec():
            self.reload(place.id)

    def delete(self) -> None:
        place = self.places.get(self.current_id() or "")
        if place is None or not messages.confirm(
                self, self.tr("Delete a location"),
                self.tr("Delete the location {path}?").format(path=place.path)):
            return
        try:
            self._apply(self.catalogue.delete_location(place.id))
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Location not deleted"), str(exc))
            return
        self.reload(place.parent_id)

    def labels(self) -> None:
        """The chosen place's labels and those under it; every place's when none is chosen."""
        chosen = self.current_id()
        self._print_labels(self.catalogue.places_below(chosen) if chosen else [])
