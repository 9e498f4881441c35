"""The theme panel: the tree of themes with record counts; buttons tag and untag the records
selected in the list with the current theme, as one undoable step; with "Show only these
themes" ticked, the themes selected in the tree filter the list (sub-themes included)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from ui import messages
from ui.language import theme_label
from ui.stacked_rows import stacked_rows

if TYPE_CHECKING:
    from catalogue_app.vocabulary import themes

ID_ROLE = Qt.ItemDataRole.UserRole


class ThemePanel(QWidget):
    filterChanged = Signal()  # the themes selected for filtering changed
    changed = Signal(Changes)  # records tagged or untagged, a local theme added

    def __init__(self, catalogue: Catalogue, selected_records: Callable[[], list[str]],
                 parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._selected_records = selected_records
        self.undo_stack = QUndoStack(self)
        self.tree = QTreeWidget()
        self.tree.setObjectName("themeTree")
        self.tree.setHeaderLabels([self.tr("Theme"), self.tr("Records")])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        # The names take what the counts leave: a narrow panel keeps its counts in view.
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Short: the panel shares a 1280 px screen with the list and the form.
        self.filter_box = QCheckBox(self.tr("Filter the list by these themes"))
        self.filter_box.setToolTip(self.tr("Show only records of the selected themes"))
        self.filter_box.setObjectName("themeFilter")
        self.filter_box.toggled.connect(self.filterChanged)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tag_button = QPushButton(self.tr("Tag selected records"))
        self.untag_button = QPushButton(self.tr("Untag"))
        self.add_button = QPushButton(self.tr("New local theme…"))
        self.tag_button.clicked.connect(lambda: self.apply_to_selection(add=True))
        self.untag_button.clicked.connect(lambda: self.apply_to_selection(add=False))
        self.add_button.clicked.connect(self.add_local_theme)
        # Short lines: one long one made the panel a third of a 1280 px screen.
        buttons = stacked_rows([self.tag_button], [self.untag_button, self.add_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
    def refresh(self) -> None:
        """Re-read the tree and its counts, keeping which themes are selected and expanded."""
        selected = set(self.selected_theme_ids())
        expanded = {item.data(0, ID_ROLE) for item in self._items() if item.isExpanded()}
        roots = self._catalogue.theme_tree()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._add_nodes(self.tree.invisibleRootItem(), roots, selected, expanded)
        self.tree.blockSignals(False)
        self.tree.resizeColumnToContents(0)

    def show_changes(self, changes: Changes) -> None:
        if changes.themes:
            self.refresh()

    def selected_theme_ids(self) -> list[str]:
        return [item.data(0, ID_ROLE) for item in self.tree.selectedItems()]

    def filter_theme_ids(self) -> list[str]:
        """The themes the list is filtered by (none unless filtering is ticked)."""
        return self.selected_theme_ids() if self.filter_box.isChecked() else []

    def _selection_changed(self) -> None:
        if self.filter_box.isChecked():
            self.filterChanged.emit()

    def apply_to_selection(self, *, add: bool) -> None:
        """Tag (or untag) the records selected in the list with the current theme."""
        item = self.tree.currentItem()
        record_ids = self._selected_records()
        if item is None or not record_ids:
            messages.show_error(self, self.tr("Nothing to tag"), self.tr(
                "Select one or more records in the list and a theme in the tree first."))
            return
        operation = self._catalogue.tag if add else self._catalogue.untag
        try:
            changes = operation(record_ids, item.data(0, ID_ROLE))
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Tags not changed"), str(exc))
            return
        text = (self.tr("Tag {n} record(s) with {theme}") if add
                else self.tr("Untag {n} record(s) from {theme}"))
        self.undo_stack.push(_TaggingCommand(self, changes, text.format(
            n=len(changes.changed), theme=item.text(0))))

    def add_local_theme(self) -> None:
        item = self.tree.currentItem()
        label, ok = QInputDialog.getText(self, self.tr("New local theme"), self.tr(
            "Name of the theme (placed under the selected theme, if any):"))
        if not ok:
            return
        try:
            changes = self._catalogue.add_local_theme(
                label, parent_id=item.data(0, ID_ROLE) if item else None)
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Theme not added"), str(exc))
            return
        self.changed.emit(changes)

    def reverse(self, tagging: themes.Tagging) -> themes.Tagging:
        """Reverse a tagging; returns the tagging that reverses it again."""
        changes = self._catalogue.undo_tagging(tagging)
        self.changed.emit(changes)
        return changes.result

    def _add_nodes(self, parent: QTreeWidgetItem, nodes: list[themes.ThemeNode],
                   selected: set[str], expanded: set[str]) -> None:
        for node in nodes:
            item = QTreeWidgetItem(parent, [theme_label(node), str(node.count)])
            item.setData(0, ID_ROLE, node.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            if node.source == "local":
                item.setToolTip(0, self.tr("Local theme of this museum"))
            item.setSelected(node.id in selected)
            self._add_nodes(item, node.children, selected, expanded)
            item.setExpanded(node.id in expanded)

    def _items(self) -> list[QTreeWidgetItem]:
        items, stack = [], [self.tree.invisibleRootItem()]
        while stack:
            item = stack.pop()
            children = [item.child(n) for n in range(item.childCount())]
            items.extend(children)
            stack.extend(children)
        return items


class _TaggingCommand(QUndoCommand):
    """A done tag/untag operation on the undo stack: undo reverses it, redo re-applies it."""

    def __init__(self, panel: ThemePanel, done: Changes, text: str) -> None:
        super().__init__(text)
        self._panel = panel
        self._first: Changes | None = done
        self._done: themes.Tagging = done.result

    def redo(self) -> None:
        if self._first is not None:  # pushed after it was done: just show the result
            self._panel.changed.emit(self._first)
            self._first = None
        else:
            self._done = self._panel.reverse(self._undone)

    def undo(self) -> None:
        self._undone = self._panel.reverse(self._done)
