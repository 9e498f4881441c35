"""Never losing an edit: undo/redo across the form, drafts autosaved and offered back after a
crash or a kill, and leaving unsaved changes asks first."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.drafts import list_drafts, load_draft
from catalogue_app.records.store import create_record, load_record
from tests.gui.conftest import show_active
from tests.gui.form_helpers import CTRL, answers_fixture, save, type_into  # noqa: F401
from tests.gui.keyboard import type_text
from tests.support import REPO
from ui.main_window import MainWindow

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _record(catalogue, **values) -> str:
    with catalogue.writing() as session:
        return create_record(session, {"inventory_number": "2024.7.1", "designation": "coiffe",
                                       **values}, "marie")


def _drafts(catalogue):
    with catalogue.reading() as session:
        return list_drafts(session)


def test_ctrl_z_undoes_edits_field_by_field_across_the_form(qtbot, answers, window, catalogue):
    _record(catalogue)
    window.model.refresh()
    window.table.selectRow(0)
    form = window.form
    type_into(window, "designation", " brodée")
    type_into(window, "dating", "XIXe siècle")
    assert form.is_dirty() and form.values()["date_earliest"] == 1801
    dating = form.editors["dating"]
    qtbot.keyClick(dating, Qt.Key.Key_Z, CTRL)
    assert dating.text() == "" and form.values()["date_earliest"] is None
    qtbot.keyClick(dating, Qt.Key.Key_Z, CTRL)  # the whole typing in the other field at once
    assert form.editors["designation"].text() == "coiffe"
    assert not form.is_dirty()  # back to the record as saved
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, SHIFT_CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, SHIFT_CTRL)
    assert form.values()["designation"] == "coiffe brodée"
    assert (form.values()["dating"], form.values()["date_earliest"]) == ("XIXe siècle", 1801)


def test_unsaved_edits_are_kept_as_a_draft_after_a_few_seconds(qtbot, answers, window,
                                                               catalogue):
    record_id = _record(catalogue)
    window.model.refresh()
    window.table.selectRow(0)
    type_into(window, "designation", " de fête")
    assert _drafts(catalogue) == []
    qtbot.waitUntil(lambda: _drafts(catalogue) != [], timeout=6000)
    with catalogue.reading() as session:
        draft = load_draft(session, record_id)
    assert draft.values["designation"] == "coiffe de fête"
    save(qtbot, window)
    assert _drafts(catalogue) == []  # saved: nothing left to recover


def test_leaving_the_form_saves_the_draft_at_once(qtbot, answers, window, catalogue):
    window.new_record()
    type_into(window, "inventory_number", "2024.7.9")
    window.search_box.setFocus()
    assert [d.inventory_number for d in _drafts(catalogue)] == ["2024.7.9"]


def test_reopening_offers_the_draft_back_and_declining_throws_it_away(qtbot, answers, window,
                                                                     catalogue):
    record_id = _record(catalogue)
    window.model.refresh()
    window.table.selectRow(0)
    type_into(window, "designation", " ancienne")
    window.form.save_draft()
    window.form.undo_stack.setClean()  # as if the process died here: no question at closing
    window.close()

    answers["replies"]["restore_draft"] = False
    declined = MainWindow(catalogue)
    qtbot.addWidget(declined)
    show_active(qtbot, declined)
    qtbot.waitUntil(lambda: len(answers["restore_draft"]) == 1)
    assert declined.form.values()["designation"] == "coiffe" and not declined.form.is_dirty()
    assert _drafts(catalogue) == []
    with catalogue.reading() as session:
        assert load_record(session, record_id)["designation"] == "coiffe"


def test_switching_records_with_unsaved_changes_asks_and_can_stay(qtbot, answers, window,
                                                                  catalogue):
    _record(catalogue)
    _record(catalogue, inventory_number="2024.7.2")
    window.model.refresh()
    window.table.selectRow(0)
    type_into(window, "designation", " X")
    answers["replies"]["save_changes"] = "cancel"
    window.table.selectRow(1)
    assert answers["save_changes"] and window.form.values()["designation"] == "coiffe X"


KILLED_EDITOR = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.records.drafts import list_drafts
    from tests.gui.keyboard import type_text
    from ui.main_window import MainWindow

    app = QApplication([])
    catalogue = Catalogue.open(sys.argv[1])
    window = MainWindow(catalogue)
    window.show()
    window.table.selectRow(0)
    editor = window.form.editors["observations"]
    editor.setFocus()
    type_text(editor, "Restauré en 1998 ; à vérifier")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the autosave timer runs in the event loop
        app.processEvents()
        time.sleep(0.05)
        with catalogue.reading() as session:
            if list_drafts(session):
                print("draft saved", flush=True)
                break
    while True:
        app.processEvents()
        time.sleep(0.05)
""")


def test_a_killed_app_offers_the_unsaved_edit_when_reopened(qtbot, answers, catalogue_dir,
                                                            catalogue):
    record_id = _record(catalogue, observations="")
    catalogue.close()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_EDITOR, str(catalogue_dir)], cwd=REPO, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert process.stdout.readline().strip() == "draft saved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    reopened = Catalogue.open(catalogue_dir)
    window = MainWindow(reopened)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: len(answers["restore_draft"]) == 1)
    assert answers["restore_draft"][0].record_id == record_id
    assert window.form.record_id() == record_id
    assert window.form.values()["observations"] == "Restauré en 1998 ; à vérifier"
    assert window.form.is_dirty()
    observations = window.form.editors["observations"]
    observations.setFocus()
    qtbot.keyClick(observations, Qt.Key.Key_End, CTRL)
    type_text(observations, ".")
    save(qtbot, window)
    with reopened.reading() as session:
        assert load_record(session, record_id)["observations"] == \
            "Restauré en 1998 ; à vérifier."
    assert _drafts(reopened) == []
    window.close()
    reopened.close()
