"""`--smoke-test --screenshot FILE`: the window saved as a PNG once it has painted its first rows
and gone quiet (no background work, nothing left in the event queue), for the README's pictures
and for looking at a change at a given size and language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

QUIET_TURNS = 3  # checks in a row with no background work: the window is idle


class _SaveWhenIdle(QObject):
    def __init__(self, window: QWidget, path: Path) -> None:
        super().__init__(window)
        self._window, self._path, self._quiet = window, path, 0
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
        self._timer.stop()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if not self._window.grab().save(str(self._path)):
            raise OSError(f"could not write the screenshot {self._path}")
        QApplication.instance().quit()


def save_when_idle(window: QWidget, path: Path) -> None:
    """Save window to path (PNG) once idle, then quit the application."""
    _SaveWhenIdle(window, path)
