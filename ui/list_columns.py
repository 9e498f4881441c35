"""Columns of the object list shown on request: where the object is (away on loan, or its
location) and its latest condition state. Hidden at first (the list's six columns fill a
1280-pixel screen); chosen from the header's context menu or View > List columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from catalogue_app.search.listing import COLUMNS, OPTIONAL_COLUMNS

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OPTIONAL_WIDTH = 140  # a shown column's first width, in pixels


def install_column_choice(window: MainWindow) -> list[QAction]:
    """One checkable action per optional column, in View > List columns and the header's
    context menu; returns them."""
    header = window.table.horizontalHeader()
    keys = list(COLUMNS)
    menu = window.view_menu.addMenu(QCoreApplication.translate("ListColumns", "List &columns"))
    actions = []
    for key in OPTIONAL_COLUMNS:
        column = keys.index(key)
        header.setSectionHidden(column, True)
        name = window.model.headerData(column, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole)
        action = QAction(name, window, checkable=True)
        action.setObjectName(f"showColumn_{key}")
        action.toggled.connect(lambda shown, c=column: _show(window, c, shown))
        menu.addAction(action)
        actions.append(action)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    header.addActions(actions)
    return actions


def _show(window: MainWindow, column: int, shown: bool) -> None:
    header = window.table.horizontalHeader()
    header.setSectionHidden(column, not shown)
    if shown:
        header.resizeSection(column, max(OPTIONAL_WIDTH,
                                         header.sectionSizeFromContents(column).width()))
        window.table.scrollTo(window.table.currentIndex())
