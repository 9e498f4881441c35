"""Background work for the window (Anki's CollectionOp/QueryOp, Picard's thread helper): the
one place that decides threading. A feature declares its work as a function; it runs on a pool
thread and its result or error comes back on the GUI thread.

The work function receives a Job: it reports progress with job.progress(done, total, text)
and checks job.cancelled often (at least once a second) to stop cleanly.

No failure is dropped: every one is logged with its traceback, and one without an on_failure
handler is shown to the user (ui/failures.py)."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ui.failures import report_failure

log = logging.getLogger("catalogue_app.ui.operations")


class Job(QObject):
    """Lives on the GUI thread; the worker emits its signals, so the slots connected to them
    (bound to this object) run on the GUI thread.

    Its worker emits into it until the work returns, so it must not die with the window that
    started it (that window's destruction cancels it instead): it belongs to the application,
    which deletes it on the GUI thread once its worker has reported. Never owned by its Python
    wrapper, which the worker thread may be the last to drop."""

    progressed = Signal(int, int, str)
    reported = Signal(object)  # one item of partial result (a file's outcome...)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, with .details holding the traceback

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.progressed.emit(done, total, text)

    def report(self, item: object) -> None:
        self.reported.emit(item)


class _Runner(QRunnable):
    def __init__(self, job: Job, work: Callable[[Job], Any]) -> None:
        super().__init__()
        self._job, self._work = job, work

    def run(self) -> None:
        work, self._work = self._work, None
        try:
            result = work(self._job)
        except Exception as exc:  # reported to the user on the GUI thread, never swallowed
            exc.details = traceback.format_exc()
            outcome, value = self._job.failed, exc
        else:
            outcome, value = self._job.succeeded, result
        # The relay holds the work too, and lets go of it on the GUI thread after the report:
        # the last reference to what the work holds (a window...) never goes on this thread.
        del work
        outcome.emit(value)


class _Relay(QObject):
    """Calls plain Python callbacks from slots of a GUI-thread object (queued delivery)."""

    def __init__(self, job: Job, work, on_success, on_failure, on_progress,
                 on_report) -> None:
        super().__init__(job)
        self._job, self._work = job, work
        self._on_success, self._on_failure, self._on_progress = \
            on_success, on_failure, on_progress
        self._on_report = on_report
        self._watched: QObject | None = None  # the window whose destruction detaches it
        job.succeeded.connect(self.succeeded)
        job.failed.connect(self.failed)
        job.progressed.connect(self.progressed)
        job.reported.connect(self.reported)

    def watch(self, parent: QObject) -> None:
        self._watched = parent
        parent.destroyed.connect(self.detach)

    def detach(self) -> None:
        """The window that started the job is gone: stop the work, call nothing back."""
        self._watched = None
        self._job.cancel()
        self._on_success = self._on_progress = self._on_report = None
        self._on_failure = _log_only

    def _finish(self) -> None:
        self._work = None
        if self._watched is not None:  # this relay goes with its job: a window destroyed
            self._watched.destroyed.disconnect(self.detach)  # later must not call it
            self._watched = None
        self._job.deleteLater()

    def succeeded(self, result: Any) -> None:
        self._finish()
        if self._on_success:
            self._on_success(result)

    def failed(self, exc: Exception) -> None:
        self._finish()
        if self._on_failure:
            log.warning("background job failed: %s\n%s", exc, getattr(exc, "details", ""))
            self._on_failure(exc)
        else:
            report_failure(None, QCoreApplication.translate("operations", "A task failed"),
                           exc)

    def progressed(self, done: int, total: int, text: str) -> None:
        if self._on_progress:
            self._on_progress(done, total, text)

    def reported(self, item: object) -> None:
        if self._on_report:
            self._on_report(item)


def _log_only(_exc: Exception) -> None:
    """A failure after its window closed is logged (by the relay), not shown."""


def run_in_background(work: Callable[[Job], Any], *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[Exception], None] | None = None,
                      on_progress: Callable[[int, int, str], None] | None = None,
                      on_report: Callable[[object], None] | None = None,
                      parent: QObject | None = None) -> Job:
    """Start work(job) on the pool; the callbacks run on the GUI thread (on_report receives
    each item the work passes to job.report). work must not touch Qt objects. When parent
    (the window the callbacks belong to) is destroyed, the job is cancelled and calls
    nothing back."""
    job = Job()
    relay = _Relay(job, work, on_success, on_failure, on_progress, on_report)
    if parent is not None:
        relay.watch(parent)
    QThreadPool.globalInstance().start(_Runner(job, work))
    return job
