"""The register's side of the form (design.md §3): an inscribed record's written columns are
read-only and change by Rectify… (a reason required), it is never deleted (the action is off
and says why), it is deaccessioned only with its legal case; the deposit's fields show for a
deposit; the heading lists the register columns still to fill in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from catalogue_app.records.store import insert_records, load_record
from tests.gui.form_helpers import (  # noqa: F401
    answers_fixture,
    on_next_dialog,
    save,
    type_into,
)
from tests.gui.keyboard import type_text

INSCRIBED = {"inventory_number": "1990.1.1", "designation": "vase", "register_date": "1990-03-01",
             "acquisition_mode": "achat", "acquisition_date": "2005-02-01"}


def _records(catalogue, *records) -> list[str]:
    with catalogue.writing() as session:
        return insert_records(session, list(records), "marie")


def _load(catalogue, record_id):
    with catalogue.reading() as session:
        return load_record(session, record_id)


def _open(window, row: int = 0) -> None:
    window.model.refresh()
    window.table.selectRow(row)


def test_written_columns_of_an_inscribed_record_are_read_only_empty_ones_filled_in(
        answers, window, catalogue):
    _records(catalogue, INSCRIBED)
    _open(window)
    editors = window.form.editors
    assert editors["inventory_number"].isReadOnly() and editors["register_date"].isReadOnly()
    assert "Rectify" in editors["inventory_number"].toolTip()
    assert not editors["acquisition_source"].isReadOnly()  # empty: completed in the form
    assert not editors["designation"].isReadOnly()
    assert not window.form.next_number_button.isEnabled()
    heading = window.form.heading.text()
    assert "Inscribed in the register" in heading
    # 1-13, the opinion and price since the acquisition is a purchase after January 2002
    assert "3. Donor" in heading and "5. Opinion" in heading and "6. Purchase price" in heading
    assert "8. Object name" not in heading


def test_rectify_asks_a_reason_and_keeps_the_rectification(qtbot, answers, window, catalogue,
                                                           shown_errors):
    record_id = _records(catalogue, INSCRIBED)[0]
    _open(window)

    def fill(reason: str):
        def handle(dialog) -> None:
            dialog.field.setCurrentIndex(dialog.field.findData("register_date"))
            assert dialog.old.text() == "1990-03-01"
            dialog.text.setFocus()
            dialog.text.selectAll()
            type_text(dialog.text, "1990-03-02")
            dialog.reason.setFocus()
            type_text(dialog.reason, reason)
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # to the Rectify button
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        return handle

    on_next_dialog(qtbot, fill(" "))
    window.record_actions.rectify_action.trigger()
    assert shown_errors[-1][0] == "Not rectified" and "needs a reason" in shown_errors[-1][1]
    assert _load(catalogue, record_id)["register_date"] == "1990-03-01"

    on_next_dialog(qtbot, fill("Date mal reportée"))
    window.record_actions.rectify_action.trigger()
    record = _load(catalogue, record_id)
    assert record["register_date"] == "1990-03-02"
    assert [(r["field"], r["old"], r["reason"]) for r in record["rectifications"]] == \
        [("register_date", "1990-03-01", "Date mal reportée")]
    assert "Date mal reportée" in window.form.editors["rectifications"].toPlainText()


def test_an_inscribed_record_cannot_be_deleted_and_the_action_says_why(qtbot, answers, window,
                                                                       catalogue, shown_errors):
    inscribed, draft = _records(catalogue, INSCRIBED, {"inventory_number": "2024.1.1"})
    _open(window)
    delete = window.delete_action
    assert not delete.isEnabled() and "can never be deleted" in delete.statusTip()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.catalogue.record_count() == 2
    window.table.selectRow(1)
    assert delete.isEnabled()
    window.table.selectAll()  # a selection holding it is refused whole
    delete.trigger()
    assert "can never be deleted" in shown_errors[-1][1]
    assert window.catalogue.record_count() == 2
    assert _load(catalogue, draft)["trashed_at"] is None


def test_a_deaccession_without_its_legal_case_is_refused(qtbot, answers, window, catalogue,
                                                         shown_errors):
    record_id = _records(catalogue, INSCRIBED)[0]
    _open(window)

    def fill(dialog) -> None:
        dialog.decision.setFocus()
        type_text(dialog.decision, "Arrêté du 2 mai 2020")
        qtbot.keyClick(dialog.decision, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    on_next_dialog(qtbot, fill)
    window.record_actions.deaccession_action.trigger()
    assert "without its legal case" in shown_errors[-1][1]
    assert _load(catalogue, record_id)["status"] == "active"


def test_the_deposit_fields_show_for_a_deposit(qtbot, answers, window, catalogue):
    _records(catalogue, {"inventory_number": "D.2010.1.1", "legal_status": "deposit",
                         "depositor": "Musée du Louvre", "deposit_term": "2011-12-31",
                         "register_date": "2010-01-01"})
    _open(window)
    editors = window.form.editors
    assert editors["depositor"].isVisibleTo(window.form)
    assert "Deposit term passed" in window.form.heading.text()
    assert not editors["deaccession_case"].isVisibleTo(window.form)  # not deaccessioned
    legal_status = editors["legal_status"]
    legal_status.setCurrentIndex(legal_status.findData("inventory"))
    assert not editors["depositor"].isVisibleTo(window.form)
