"""F6 and Shift+F6 move the focus between the window's panes, search box → object list → object
form and round again, as in file managers and mail clients."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

Pane = tuple[QWidget, Callable[[], None]]  # the pane, and how to give it the focus


def install_pane_cycle(window: QMainWindow, panes: list[Pane]) -> list[QAction]:
    """Add F6 / Shift+F6 to window; panes in the order F6 visits them."""
    actions = []
    for text, key, step in (
            (QCoreApplication.translate("MainWindow", "Next pane"), "F6", 1),
            (QCoreApplication.translate("MainWindow", "Previous pane"), "Shift+F6", -1)):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, step=step: _move(panes, step))
        window.addAction(action)
        actions.append(action)
    return actions


def _move(panes: list[Pane], step: int) -> None:
    focus = QApplication.focusWidget()
    here = next((i for i, (pane, _) in enumerate(panes)
                 if focus is not None and (focus is pane or pane.isAncestorOf(focus))), -1)
    if here == -1 and step < 0:
        here = 0  # from outside every pane, Shift+F6 goes to the last one
    _pane, give_focus = panes[(here + step) % len(panes)]
    give_focus()
