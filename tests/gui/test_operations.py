"""Background work reports back on the GUI thread, and failures are never swallowed."""

from __future__ import annotations

import threading

from ui.operations import run_in_background


def test_work_runs_off_the_gui_thread_and_reports_on_it(qtbot):
    seen: dict[str, object] = {}

    def work(job):
        seen["worker"] = threading.current_thread()
        job.progress(1, 2, "half")
        return 42

    def success(result):
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    progress: list[tuple] = []
    run_in_background(work, on_success=success,
                      on_progress=lambda *args: progress.append((*args,
                                                                 threading.current_thread())))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert progress == [(1, 2, "half", threading.main_thread())]


def test_failure_reaches_the_gui_thread_with_its_details(qtbot):
    failures: list[Exception] = []

    def work(_job):
        raise OSError("disk full while writing cache/thumbs")

    run_in_background(work, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert "disk full" in str(failures[0]) and "Traceback" in failures[0].details


def test_cancel_is_seen_by_the_work(qtbot):
    steps: list[int] = []
    started = threading.Event()

    def work(job):
        started.set()
        for step in range(1000):
            if job.cancelled:
                return "cancelled"
            steps.append(step)
            threading.Event().wait(0.005)
        return "finished"

    results: list[str] = []
    job = run_in_background(work, on_success=results.append)
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["cancelled"] and len(steps) < 1000


def test_a_job_outlives_the_widget_that_started_it(qtbot):
    """Closing a window while its work runs (the import wizard's check) cancels the work and
    drops its callbacks; the worker goes on reporting into a job that is still alive."""
    from PySide6.QtWidgets import QWidget

    page = QWidget()
    started, page_gone = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def work(job):
        started.set()
        assert page_gone.wait(10)
        for step in range(200):  # reports into the job after its widget is gone
            job.progress(step, 200, "row")
        seen["cancelled"] = job.cancelled
        return "done"

    called: list[object] = []
    job = run_in_background(work, parent=page, on_success=called.append,
                            on_progress=lambda *args: called.append(args))
    assert started.wait(10)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken_valid(page))
    page_gone.set()
    qtbot.waitUntil(lambda: "cancelled" in seen)
    qtbot.waitUntil(lambda: not shiboken_valid(job))  # deleted once it has reported
    assert seen["cancelled"] is True
    assert called == []


def shiboken_valid(obj) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(obj)


def test_a_window_kept_only_by_its_callbacks_is_freed_safely(qtbot):
    """A dialog nobody else holds lives through its job's callbacks (the import dialog once a
    test or a window drops it); it goes when the job is done, without the job's own
    destruction calling back into it (a segfault)."""
    import weakref

    from PySide6.QtWidgets import QDialog

    class Dialog(QDialog):
        def done_(self, result) -> None:
            results.append(result)

    results: list[int] = []
    dialog = Dialog()
    gone = weakref.ref(dialog)
    job = run_in_background(lambda _job: 7, parent=dialog, on_success=dialog.done_)
    del dialog
    qtbot.waitUntil(lambda: not shiboken_valid(job))
    qtbot.waitUntil(lambda: gone() is None)
    assert results == [7]
