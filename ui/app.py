"""Starting the GUI: the application object, language, the catalogue, the window."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from catalogue_app.catalogue import Catalogue
from catalogue_app.cli import default_catalogue_dir
from catalogue_app.errors import CatalogueError
from catalogue_app.settings import USER_NAME, Preferences
from ui import messages
from ui.language import chosen_language, install_translator


def run_gui(catalogue_dir: Path, *, demo: bool = False, smoke_test: bool = False,
            screenshot: Path | None = None, size: tuple[int, int] | None = None,
            language: str | None = None, dialog: str | None = None) -> int:
    """Open the window. screenshot (with smoke_test): save it there once idle (with the
    named dialog over it), then quit; size and language (this run only) are for such
    pictures."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("catalogue-app")
    app.setApplicationName("Catalogue")
    preferences = Preferences()
    install_translator(app, language or chosen_language(preferences))
    from ui.failures import install_failure_reporting

    install_failure_reporting()
    from ui.gui_thread_gc import GuiThreadCollector

    GuiThreadCollector(app)
    try:
        catalogue = Catalogue.open(catalogue_dir, user=preferences.get(USER_NAME))
    except CatalogueError as exc:
        if not smoke_test:
            messages.show_error(None, app.translate("app", "Cannot open the catalogue"), str(exc))
        raise
    first_run = None
    if not demo and not catalogue.museum().code and not smoke_test:
        from ui.first_run.wizard import DEMO, run_first_run

        first_run = run_first_run(catalogue, preferences)
        if first_run is None:
            return 0  # cancelled: the wizard comes back at the next start
        if first_run.start == DEMO:  # the demo's own folder; this one opens next time
            catalogue.close()
            catalogue = Catalogue.open(default_catalogue_dir(demo=True),
                                       user=preferences.get(USER_NAME))
            demo = True
    if demo and catalogue.record_count() == 0 and not catalogue.museum().code:
        from ui.demo_dialog import create_demo_with_progress

        create_demo_with_progress(catalogue)

    from catalogue_app.storage.window_lock import WindowLock
    from ui.main_window import MainWindow

    # While the window is open, `catalogue-app restore` refuses to replace this catalogue.
    with WindowLock(catalogue.directory):
        window = MainWindow(catalogue, preferences)
        if first_run is not None:
            window.firstPainted.connect(lambda: first_run.begin(window))
        if size:
            window.resize(*size)
        if smoke_test:
            _report_first_paint(window, screenshot, dialog)
        window.show()
        freeze_startup_objects()
        status = app.exec()
        catalogue.close()
    return status


def freeze_startup_objects() -> None:
    """Leave the objects of the started window (Qt wrappers, SQLAlchemy's mappers, modules)
    out of the garbage collector's full passes: they live as long as the process, and
    scanning them takes tens of milliseconds, during which no thread runs Python code, the
    window's included."""
    gc.freeze()


class _FirstPaint(QObject):
    """Prints startup_ms once the object list has painted its first rows, then quits (after
    saving the screenshot asked for, if any)."""

    def __init__(self, window, screenshot: Path | None, dialog: str | None) -> None:
        super().__init__(window)
        self._window, self._screenshot, self._dialog = window, screenshot, dialog

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            # The paint completes when this event returns; report right after it.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        import psutil

        # From the moment the OS created the process, interpreter start-up included.
        elapsed_ms = round((time.time() - psutil.Process().create_time()) * 1000)
        print(f"startup_ms={elapsed_ms}", flush=True)
        if self._screenshot is None:
            QApplication.instance().quit()
            return
        from ui.screenshot import save_when_idle

        save_when_idle(self._window, self._screenshot, self._dialog)


def _report_first_paint(window, screenshot: Path | None = None,
                        dialog: str | None = None) -> None:
    window.table.viewport().installEventFilter(_FirstPaint(window, screenshot, dialog))
