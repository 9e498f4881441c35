"""Python's cycle collector runs on whichever thread allocates when a threshold is crossed. On
a worker thread (an import's check, a thumbnail rebuild) it may free a window that died in a
reference cycle, and Qt then destroys widgets off the GUI thread, which crashes. So the window
turns automatic collection off and collects on the GUI thread from a timer, with the same
thresholds (pyqtgraph's and Spyder's GarbageCollector do the same)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Created on the GUI thread; stop() gives collection back to the interpreter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as the interpreter
        would have done on its own."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
