"""Record actions from the keyboard: duplicate as template, batch edit with preview and undo,
history with one-key restore, deaccession of registered records, the trash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from catalogue_app.records.store import insert_records, load_record
from tests.gui.form_helpers import (  # noqa: F401
    CTRL,
    answers_fixture,
    on_next_dialog,
    press_button,
    save,
    type_into,
)
from tests.gui.keyboard import type_text


def _records(catalogue, *numbers, **values) -> list[str]:
    with catalogue.writing() as session:
        return insert_records(session, [{"inventory_number": n, **values} for n in numbers],
                              "marie")


def _load(catalogue, record_id):
    with catalogue.reading() as session:
        return load_record(session, record_id)


def test_ctrl_d_starts_a_new_record_from_this_one_without_its_number(qtbot, answers, window,
                                                                    catalogue):
    _records(catalogue, "2004.12.3", designation="coiffe", materials=["lin"],
             register_date="2004-05-01", public=True, dating="XIXe siècle")
    window.model.refresh()
    window.table.selectRow(0)
    qtbot.keyClick(window.form.editors["designation"], Qt.Key.Key_D, CTRL)
    form = window.form
    assert form.record_id() is None and form.is_dirty()
    values = form.values()
    assert (values["inventory_number"], values["register_date"], values["public"]) == \
        ("", "", False)
    assert (values["designation"], values["materials"], values["date_earliest"]) == \
        ("coiffe", ["lin"], 1801)
    assert form.editors["inventory_number"].hasFocus()
    assert form.editors["inventory_number"].placeholderText().endswith("2004.12.4")
    press_button(qtbot, form.next_number_button)
    save(qtbot, window)
    assert window.catalogue.record_count() == 2
    assert form.values()["inventory_number"] == "2004.12.4"


def test_batch_edit_previews_applies_and_is_undone_in_one_step(qtbot, answers, window,
                                                               catalogue):
    ids = _records(catalogue, "2024.1.1", "2024.1.2", "2024.1.3", current_location="A")
    window.model.refresh()
    window.table.setFocus()
    window.table.selectAll()
    seen = {}

    def fill(dialog) -> None:
        dialog.field.setCurrentIndex(dialog.field.findData("current_location"))
        dialog.value.setFocus()
        type_text(dialog.value, "Réserve 2")
        dialog.refresh_preview()
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.preview_list.topLevelItemCount()
        seen["stored"] = _load(catalogue, ids[0])["current_location"]
        press_button(qtbot, dialog.apply_button)

    on_next_dialog(qtbot, fill)
    qtbot.keyClick(window.table, Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert seen == {"summary": "3 of 3 selected records will change.", "rows": 3,
                    "stored": "A"}
    assert [_load(catalogue, i)["current_location"] for i in ids] == ["Réserve 2"] * 3
    window.record_actions.undo_batch_action.trigger()
    assert [_load(catalogue, i)["current_location"] for i in ids] == ["A"] * 3


def test_history_lists_changes_and_restores_a_value_with_one_button(qtbot, answers, window,
                                                                    catalogue):
    record_id = _records(catalogue, "2024.2.1", designation="coiffe")[0]
    window.model.refresh()
    window.table.selectRow(0)
    type_into(window, "designation", " brodée")
    save(qtbot, window)
    panel = window.form.history_panel
    latest = panel.tree.topLevelItem(0)
    assert [latest.text(i) for i in range(1, 5)] == \
        [window.catalogue.user, "Object name", "coiffe", "coiffe brodée"]
    panel.tree.setFocus()
    panel.tree.setCurrentItem(latest)
    press_button(qtbot, panel.restore_button)
    assert _load(catalogue, record_id)["designation"] == "coiffe"
    assert window.form.values()["designation"] == "coiffe"
    assert panel.tree.topLevelItemCount() == 3  # created, changed, restored


def test_restoring_from_history_waits_for_unsaved_edits(qtbot, answers, window, catalogue):
    _records(catalogue, "2024.2.2", designation="coiffe")
    window.model.refresh()
    window.table.selectRow(0)
    type_into(window, "designation", "!")
    save(qtbot, window)
    type_into(window, "title", "Titre")
    panel = window.form.history_panel
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert not panel.restore_button.isEnabled()


def test_a_registered_record_is_deaccessioned_never_deleted(qtbot, answers, window, catalogue,
                                                            shown_errors):
    record_id = _records(catalogue, "1990.1.1", register_date="1990-03-01",
                         designation="vase")[0]
    window.model.refresh()
    window.table.selectRow(0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)  # off, and it says why
    assert "can never be deleted" in window.delete_action.statusTip()
    assert window.model.rowCount() == 1

    def fill(dialog) -> None:
        dialog.case.setFocus()
        qtbot.keyClick(dialog.case, Qt.Key.Key_Down)  # the first legal case
        dialog.decision.setFocus()
        type_text(dialog.decision, "Arrêté du 2 mai 2020")
        qtbot.keyClick(dialog.decision, Qt.Key.Key_Tab)  # to the Deaccession button
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    on_next_dialog(qtbot, fill)
    window.record_actions.deaccession_action.trigger()
    record = _load(catalogue, record_id)
    assert (record["status"], record["deaccession_case"], record["deaccession_decision"]) == \
        ("deaccessioned", "undue_inscription", "Arrêté du 2 mai 2020")
    assert window.model.rowCount() == 1  # it stays listed, as in the register
    assert "Deaccessioned" in window.form.heading.text()


def test_deaccessioning_an_unregistered_record_is_refused_with_the_reason(qtbot, answers, window,
                                                                          catalogue,
                                                                          shown_errors):
    record_id = _records(catalogue, "2024.3.1")[0]
    window.model.refresh()
    window.table.selectRow(0)
    window.record_actions.deaccession_action.trigger()
    assert "has no register date" in shown_errors[-1][1]
    assert _load(catalogue, record_id)["status"] == "active"


def test_the_trash_restores_and_empties_with_the_keyboard(qtbot, answers, window, catalogue):
    _records(catalogue, "brouillon 1", "brouillon 2")
    window.model.refresh()
    window.table.setFocus()
    window.table.selectAll()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 0
    steps = {}

    def use(dialog) -> None:
        steps["listed"] = dialog.list.topLevelItemCount()
        press_button(qtbot, dialog.restore_button)
        steps["after restore"] = dialog.list.topLevelItemCount()
        press_button(qtbot, dialog.empty_button)
        steps["after empty"] = dialog.list.topLevelItemCount()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    on_next_dialog(qtbot, use)
    window.record_actions.trash_action.trigger()
    assert steps == {"listed": 2, "after restore": 1, "after empty": 0}
    assert window.model.rowCount() == 1 and answers["confirm"]
    with catalogue.reading() as session:
        tombstones = session.execute(text("SELECT count(*) FROM tombstones")).scalar()
    assert tombstones == 1
    assert QApplication.activeModalWidget() is None
