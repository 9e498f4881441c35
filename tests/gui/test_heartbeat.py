"""The heartbeat that guards the window's responsiveness still sees what blocks the GUI thread
once other work on the machine is left out."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from tests.gui.heartbeat import Heartbeat


def compute(seconds: float) -> None:
    """Keep the GUI thread busy for this much processor time, however loaded the machine."""
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        pass


def test_a_gui_thread_kept_busy_is_counted_as_the_applications_own_stall(qtbot):
    heartbeat = Heartbeat()
    QTimer.singleShot(50, lambda: compute(0.15))
    qtbot.wait(400)
    heartbeat.stop()
    assert heartbeat.longest_own >= 0.15


def test_a_gui_thread_waiting_is_counted_as_the_applications_own_stall(qtbot):
    heartbeat = Heartbeat()
    QTimer.singleShot(50, lambda: time.sleep(0.15))
    qtbot.wait(400)
    heartbeat.stop()
    assert heartbeat.longest_own >= 0.15
