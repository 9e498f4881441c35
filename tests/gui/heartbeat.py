"""A 10 ms timer on the GUI thread, and the longest gap between its ticks: how long the window
could not react (issue 5's figure: never more than 50 ms during an import).

On a machine shared with other work, part of a gap is not the application's doing: the GUI
thread, ready to run, waiting for a processor; or waiting for the interpreter lock while the
thread holding it waits for a processor. On Linux the kernel counts, per thread, the time spent
running and waiting for a processor (/proc/self/task/*/schedstat), so `longest_own` takes
those waits out and keeps what the application caused: the GUI thread computing, and the GUI
thread waiting on our other threads while they ran (a garbage collection, a long call holding
the lock). Elsewhere `longest_own` is the plain gap."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer

_TASKS = Path("/proc/self/task")


class Heartbeat:
    def __init__(self, interval_ms: int = 10) -> None:
        self.longest = 0.0  # seconds between two ticks, as the clock saw it
        self.longest_own = 0.0  # the same, less the waits for a processor
        self._gui_thread = threading.get_native_id()
        self._last, self._times = time.perf_counter(), _thread_times()
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now, times = time.perf_counter(), _thread_times()
        gap = now - self._last
        ran, waited = _during(times, self._times, self._gui_thread)
        asleep = max(0.0, gap - ran - waited)  # idle, or waiting for the lock
        others_waited = max([0.0, *(_during(times, self._times, thread)[1] for thread in times
                                    if thread != self._gui_thread)])
        self.longest = max(self.longest, gap)
        self.longest_own = max(self.longest_own, gap - waited - min(asleep, others_waited))
        self._last, self._times = now, times


def _thread_times() -> dict[int, tuple[float, float]]:
    """(seconds running, seconds ready but waiting for a processor) of each thread."""
    times = {}
    if not _TASKS.is_dir():
        return times
    for thread in os.listdir(_TASKS):
        try:
            ran, waited = (_TASKS / thread / "schedstat").read_text().split()[:2]
        except (OSError, ValueError):  # the thread ended meanwhile
            continue
        times[int(thread)] = (int(ran) / 1e9, int(waited) / 1e9)
    return times


def _during(now: dict[int, tuple[float, float]], before: dict[int, tuple[float, float]],
            thread: int) -> tuple[float, float]:
    ran, waited = now.get(thread, (0.0, 0.0))
    ran_before, waited_before = before.get(thread, (0.0, 0.0))
    return ran - ran_before, waited - waited_before
