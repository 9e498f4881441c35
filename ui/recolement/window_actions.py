"""The Récolement menu of the main window: the window for checking at the shelf (one per main
window, raised when opened again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from catalogue_app.catalogue import Changes

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.recolement.check_window import RecolementWindow


class RecolementActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.check_window: RecolementWindow | None = None
        menu = window.menuBar().addMenu(self.tr("Ré&colement"))
        action = menu.addAction(self.tr("&Check at the shelf…"), self.open_window)
        action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        window.catalogueChanged.connect(self._catalogue_changed)

    def _catalogue_changed(self, changes: Changes) -> None:
        """A sync may bring other desks' checks and campaigns: count again."""
        if changes.anything and self.check_window is not None:
            self.check_window.reload_campaigns(select=self.check_window.campaign_id)

    def open_window(self) -> RecolementWindow:
        from ui.recolement.check_window import RecolementWindow

        if self.check_window is None:
            self.check_window = RecolementWindow(self.window.catalogue, self.window.apply,
                                                 self.window)
        self.check_window.show()
        self.check_window.raise_()
        self.check_window.activateWindow()
        return self.check_window
