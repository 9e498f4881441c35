"""No failure is dropped silently: a background job that fails without a handler, an
exception in a slot and one in a plain thread all reach the log with their traceback and the
user through a dialog in their language; a save that fails for a reason outside the app's
rules (the catalogue locked by another program) says so and loses nothing."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from catalogue_app.catalogue import Catalogue
from catalogue_app.logs import configure_desk_logging, log_file
from catalogue_app.records.store import insert_records, load_record
from db.local import connection
from tests.gui.conftest import show_active
from tests.gui.form_helpers import type_into
from ui import failures, messages
from ui.operations import run_in_background


@pytest.fixture
def shown_failures(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str, bool]]:
    """The failure dialogs shown: title, text, details, and whether on the GUI thread."""
    shown: list[tuple[str, str, str, bool]] = []

    def show(_parent, title, text, details):
        on_gui_thread = threading.current_thread() is threading.main_thread()
        shown.append((title, text, details, on_gui_thread))

    monkeypatch.setattr(messages, "show_failure", show)
    return shown


@pytest.fixture
def failure_hooks(qapp, shown_failures):
    """The application's own hooks, as run_gui installs them; put back afterwards."""
    before = sys.excepthook, threading.excepthook
    configure_desk_logging()
    failures.install_failure_reporting()
    yield shown_failures
    sys.excepthook, threading.excepthook = before


def _log_text() -> str:
    return log_file().read_text(encoding="utf-8")


def _broken(_job=None):
    raise ZeroDivisionError("the bug under test")


def test_a_job_that_fails_without_a_handler_is_shown_and_logged(qtbot, qapp, shown_failures,
                                                                french):
    configure_desk_logging()
    run_in_background(_broken)
    qtbot.waitUntil(lambda: bool(shown_failures), timeout=10_000)
    (_title, text, details, _on_gui_thread), = shown_failures
    assert "ZeroDivisionError" in text and "journal" in text  # said in French, log named
    assert "the bug under test" in details and "Traceback" in details
    assert "catalogue-app" in details and str(log_file()) in details  # versions, log path
    assert "ZeroDivisionError: the bug under test" in _log_text()


def test_a_job_that_fails_with_a_handler_is_still_logged(qtbot, qapp, shown_failures):
    configure_desk_logging()
    handled = []
    run_in_background(_broken, on_failure=handled.append)
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    assert shown_failures == [] and "the bug under test" in _log_text()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_dialog_and_the_log(qtbot, failure_hooks):
    QTimer.singleShot(0, _broken)
    qtbot.waitUntil(lambda: bool(failure_hooks), timeout=10_000)
    assert "ZeroDivisionError" in failure_hooks[0][1]
    assert "Traceback" in failure_hooks[0][2] and "_broken" in failure_hooks[0][2]
    assert "the bug under test" in _log_text()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_dialog_on_the_gui_thread(qtbot, failure_hooks):
    thread = threading.Thread(target=_broken, name="worker-under-test")
    thread.start()
    thread.join(10)
    qtbot.waitUntil(lambda: bool(failure_hooks), timeout=10_000)
    assert "ZeroDivisionError" in failure_hooks[0][1] and failure_hooks[0][3]  # GUI thread
    assert "worker-under-test" in _log_text()


def test_the_failure_dialog_copies_its_details(qtbot, qapp):
    dialog = messages.FailureDialog(None, "Erreur inattendue", "Quelque chose", "the details")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "the details"
    dialog.show_button.click()
    assert dialog.details_view.isVisibleTo(dialog)


@pytest.fixture
def impatient_catalogue(catalogue_dir, monkeypatch: pytest.MonkeyPatch):
    """A catalogue that gives up after 0.2 s waiting for another program's write lock."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    catalogue = Catalogue.open(catalogue_dir)
    catalogue.set_museum("M0001", "Musée d'essai")
    yield catalogue
    catalogue.close()


def test_a_save_refused_by_a_locked_catalogue_says_so_and_keeps_the_edit(
        qtbot, impatient_catalogue, shown_errors, shown_failures, french, monkeypatch):
    from ui.main_window import MainWindow

    monkeypatch.setattr(messages, "ask_save_changes", lambda _parent: "discard")
    with impatient_catalogue.writing() as session:
        (record_id,) = insert_records(session, [{"inventory_number": "2004.1.1"}], "marie")
    window = MainWindow(impatient_catalogue)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.table.selectRow(0)
    type_into(window, "designation", "coiffe")
    other_program = sqlite3.connect(impatient_catalogue.db_path, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert window.save_record() is False
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    assert shown_failures == []
    (title, text), = shown_errors
    assert text.startswith("Le catalogue est occupé")
    assert window.form.is_dirty() and window.form.values()["designation"] == "coiffe"
    assert window.save_record() is True  # once the other program is done, nothing was lost
    with impatient_catalogue.reading() as session:
        assert load_record(session, record_id)["designation"] == "coiffe"
