"""Puts the theme panel and the filter panel beside the object list, as docks, with the
tagging undo/redo in the Edit menu (any change in them narrows the list again), and the
record's themes in the object form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ui.search.filter_panel import FilterPanel
from ui.themes.record_themes import RecordThemesEditor
from ui.themes.theme_panel import ThemePanel


def install_browse_docks(window: QMainWindow) -> tuple[ThemePanel, FilterPanel]:
    """Create both panels in window (a MainWindow) and wire them to its list and form."""
    theme_panel = ThemePanel(window.catalogue, window.selected_ids, window)
    filter_panel = FilterPanel(window.catalogue, window)
    docks = []
    for name, title, panel in (
        ("themeDock", QCoreApplication.translate("MainWindow", "Themes"), theme_panel),
        ("filterDock", QCoreApplication.translate("MainWindow", "Filters"), filter_panel),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        docks.append(dock)
    # One above the other they took a third of a 1280 px screen; as tabs, one column.
    window.tabifyDockWidget(*docks)
    docks[0].raise_()
    record_themes = RecordThemesEditor(window.catalogue)
    window.form.add_section(
        "themes", QCoreApplication.translate("MainWindow", "Themes"), record_themes
    )
    window.form.register_editor("themes", record_themes)
    theme_panel.filterChanged.connect(window.refilter)
    filter_panel.changed.connect(window.refilter)
    theme_panel.changed.connect(window.apply)
    window.catalogueChanged.connect(theme_panel.show_changes)
    undo = theme_panel.undo_stack.createUndoAction(
        window, QCoreApplication.translate("MainWindow", "&Undo tagging")
    )
    redo = theme_panel.undo_stack.createRedoAction(
        window, QCoreApplication.translate("MainWindow", "&Redo tagging")
    )
    # Ctrl+Z and its redo keys belong to the form; Ctrl+Alt is no character on a French
    # keyboard's AltGr row for Z and Y.
    undo.setShortcut(QKeySequence("Ctrl+Alt+Z"))
    redo.setShortcut(QKeySequence("Ctrl+Alt+Y"))
    window.edit_menu.addSeparator()
    window.edit_menu.addActions([undo, redo])
    # Counting tags and designations over 500,000 records must not delay the first rows.
    window.table.viewport().installEventFilter(
        _AfterFirstPaint(window, [theme_panel.refresh, filter_panel.refresh])
    )
    return theme_panel, filter_panel


class _AfterFirstPaint(QObject):
    """Runs the given calls once, right after the object list has painted its first rows."""

    def __init__(self, parent: QObject, calls: list[Callable[[], None]]) -> None:
        super().__init__(parent)
        self._calls = calls

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            for call in self._calls:
                QTimer.singleShot(0, call)
        return False
