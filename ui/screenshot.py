"""`--smoke-test --screenshot FILE [--dialog NAME]`: the window saved as a PNG once it has
painted its first rows and gone quiet (no background work, nothing left in the event queue),
for the README's and the user guide's pictures and for looking at a change at a given size and
language. With --dialog, that dialog is opened over the window once it is quiet, and the
picture shows it on the window, as the user sees it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QThreadPool, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from catalogue_app.search.listing import COLUMNS

QUIET_TURNS = 3  # checks in a row with no background work: the window is idle
TITLE_BAR = 28  # pixels


def _about(window) -> QWidget:
    from ui.about_dialog import AboutDialog

    return AboutDialog(window.catalogue.directory, window)


def _settings(window) -> QWidget:
    from ui.settings_dialog import SettingsDialog

    return SettingsDialog(window.catalogue, window.preferences, window)


def _shortcuts(window) -> QWidget:
    from ui.keyboard.shortcuts_dialog import ShortcutsDialog

    return ShortcutsDialog(window)


def _museum(window) -> QWidget:
    from ui.museum_dialog import MuseumDialog

    return MuseumDialog(window.catalogue, window)


def _sync_settings(window) -> QWidget:
    from ui.sync.settings_dialog import SyncSettingsDialog

    return SyncSettingsDialog(window.sync_actions.server_url(), 0, window)


def _import(window) -> QWidget:
    from ui.exchange.import_wizard import ImportWizard

    return ImportWizard(window.catalogue, window.preferences, window)


def _backups(window) -> QWidget:
    from ui.backups.settings_dialog import BackupSettingsDialog

    return BackupSettingsDialog(window.backup_actions, window)


def _restore(window) -> QWidget:
    from ui.backups.restore import RestoreDialog

    return RestoreDialog(window.catalogue, window)


def _first_run(page: int, joining: bool = False) -> Callable[[QWidget], QWidget]:
    """The first-run wizard opened on its page-th page (0: language ... 3: how to begin)."""
    def make(window) -> QWidget:
        from ui.first_run.wizard import FirstRunWizard

        wizard = FirstRunWizard(window.catalogue, window.preferences, window)
        wizard.museum_page.join_choice.setChecked(joining)
        wizard.setStartId(page)
        return wizard
    return make


def _record(window) -> None:
    """Not a dialog: the window showing the first record that has images, in the form."""
    images = list(COLUMNS).index("image_count")
    for row in range(window.model.rowCount()):
        if window.model.index(row, images).data():
            window.select(window.model.id_at(row))
            break
    return None


def _search(window) -> None:
    """Not a dialog: the list narrowed by a search (the demo's lace caps)."""
    window.search_box.setText("coiffe")
    window.refilter()
    return None


def _locations(window) -> QWidget:
    from ui.locations.locations_dialog import LocationsDialog

    return LocationsDialog(window.catalogue, window.apply,
                           window.location_actions.print_labels, window)


def _move(window) -> QWidget:
    """Moving the first three objects of the list, as after selecting them."""
    from ui.locations.move_dialog import MoveDialog

    ids = [window.model.id_at(row) for row in range(min(3, window.model.rowCount()))]
    return MoveDialog(window.catalogue, ids, lambda *_moved: None, window)


def _typed_locations(window) -> QWidget:
    from ui.locations.free_locations_dialog import FreeLocationsDialog

    return FreeLocationsDialog(window.catalogue, window.apply, window)


# The dialogs --dialog can show, by name (a None from the factory: only the window changed).
DIALOGS: dict[str, Callable[[QWidget], QWidget | None]] = {
    "about": _about, "settings": _settings, "shortcuts": _shortcuts, "museum": _museum,
    "sync-settings": _sync_settings, "import": _import, "backups": _backups,
    "restore": _restore,
    "first-run": _first_run(0), "first-run-museum": _first_run(1),
    "first-run-join": _first_run(1, joining=True), "first-run-name": _first_run(2),
    "first-run-start": _first_run(3), "record": _record, "search": _search,
    "locations": _locations, "move": _move, "typed-locations": _typed_locations,
}


class _SaveWhenIdle(QObject):
    def __init__(self, window: QWidget, path: Path, dialog: str | None) -> None:
        super().__init__(window)
        self._window, self._path, self._quiet = window, path, 0
        self._dialog_name, self._dialog, self._opened = dialog, None, False
        # Looks every 50 ms: thumbnails and panel counts finish on pool threads after the
        # first paint, and their results come back through the event queue.
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        self._quiet = 0 if busy else self._quiet + 1
        if self._quiet < QUIET_TURNS:
            return
        if self._dialog_name and not self._opened:
            self._opened = True
            self._dialog = DIALOGS[self._dialog_name](self._window)
            if self._dialog is not None:
                self._dialog.show()
            self._quiet = 0  # and wait for it (or the window's change) to go quiet too
            return
        self._timer.stop()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if not picture(self._window, self._dialog).save(str(self._path)):
            raise OSError(f"could not write the screenshot {self._path}")
        QApplication.instance().quit()


def picture(window: QWidget, dialog: QWidget | None = None):
    """The window, with the dialog drawn centred over it under a title bar bearing its title
    (the offscreen platform draws no window frames)."""
    canvas = window.grab()
    if dialog is None:
        return canvas
    shot = dialog.grab()
    painter = QPainter(canvas)
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 60))  # the window behind is inactive
    left = max(0, (canvas.width() - shot.width()) // 2)
    top = max(TITLE_BAR, (canvas.height() - shot.height() + TITLE_BAR) // 2)
    bar = QRect(left, top - TITLE_BAR, shot.width(), TITLE_BAR)
    painter.fillRect(bar, QColor(60, 64, 72))
    painter.setPen(QColor(255, 255, 255))
    painter.drawText(bar.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter
                     | Qt.AlignmentFlag.AlignLeft, dialog.windowTitle())
    painter.drawPixmap(QPoint(left, top), shot)
    painter.setPen(QColor(60, 64, 72))
    painter.drawRect(bar.united(QRect(QPoint(left, top), shot.size())).adjusted(-1, -1, 0, 0))
    painter.end()
    return canvas


def save_when_idle(window: QWidget, path: Path, dialog: str | None = None) -> None:
    """Save window (with the named dialog over it) to path (PNG) once idle, then quit."""
    _SaveWhenIdle(window, path, dialog)
