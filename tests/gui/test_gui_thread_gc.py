"""Reference cycles die on the GUI thread, whatever thread allocates (ui/gui_thread_gc.py):
a window freed on a worker thread crashes Qt."""

from __future__ import annotations

import gc
import threading

from ui.operations import run_in_background


class _Cycle:
    def __init__(self, threads: list[threading.Thread]) -> None:
        self.me, self.threads = self, threads

    def __del__(self) -> None:
        self.threads.append(threading.current_thread())


def test_a_worker_that_allocates_does_not_collect_cycles(qtbot):
    go = threading.Event()

    def allocate(_job):
        assert go.wait(10)
        # Far past the youngest generation's threshold (700 objects kept): the interpreter
        # would collect here, on this thread.
        return [[] for _ in range(50_000)]

    done: list[list] = []
    run_in_background(allocate, on_success=done.append)
    freed_on: list[threading.Thread] = []
    gc.collect()  # counts from zero: the worker's allocations reach a threshold first
    _Cycle(freed_on)  # garbage now, freed only by the cycle collector
    go.set()
    qtbot.waitUntil(lambda: bool(done) and bool(freed_on))
    assert freed_on == [threading.main_thread()]
