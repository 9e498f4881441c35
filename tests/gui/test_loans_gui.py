"""Loans and condition reports in the window (issue 18 parts 3-4), in French, through the real
widgets and the keyboard: the form's Loans and Condition reports groups, their dialogs (an
error said inside, nothing lost), the object away on loan shown where its location is, an
overdue return flagged in the heading and found by the list's filter, the latest state in
the form and in a list column, the condition report printed with its image."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from catalogue_app.images.attach import attach_files, requests_for_record
from tests.gui.form_helpers import CTRL, answers_fixture, on_next_dialog, press_button  # noqa: F401
from tests.gui.keyboard import type_text
from tests.image_samples import photo
from tests.support import requires
from ui.loans.condition_dialog import ConditionReportDialog
from ui.loans.loan_dialog import LoanDialog
from ui.loans.printing import write_condition_report

SHIFT = Qt.KeyboardModifier.ShiftModifier
TODAY = date.today()


def _open_record(qtbot, window, **values) -> str:
    record_id = window.catalogue.save({"inventory_number": "1995.3.1", "designation": "Coiffe",
                                       "current_location": "Réserve B > Armoire 3",
                                       **values}).focus
    window.model.refresh()
    window.select(record_id)
    qtbot.waitUntil(lambda: window.form.record_id() == record_id)
    return record_id


def _tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_a_loan_out_and_its_return_by_keyboard(qtbot, french, window, answers):
    record_id = _open_record(qtbot, window)
    later = (TODAY + timedelta(days=90)).isoformat()
    seen = []

    def fill(dialog) -> None:
        seen.append(dialog.windowTitle())
        assert isinstance(dialog, LoanDialog) and dialog.party_label.text() == "&Emprunteur"
        _tab(qtbot)  # the borrower, after the kind
        type_text(QApplication.focusWidget(), "Musée des Beaux-Arts de Lyon")
        _tab(qtbot)
        type_text(QApplication.focusWidget(), "Coiffes de Normandie")
        _tab(qtbot, 2)  # the start stays today
        type_text(QApplication.focusWidget(), later)
        _tab(qtbot)
        type_text(QApplication.focusWidget(), "15 000 €")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enregistrer

    on_next_dialog(qtbot, fill)
    qtbot.keyClick(window.form.editors["designation"], Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.catalogue.load(record_id)["loans"] != [])
    assert seen == ["Nouveau prêt — 1995.3.1"]
    [loan] = window.catalogue.load(record_id)["loans"]
    assert (loan["direction"], loan["party"], loan["start"], loan["end"],
            loan["insurance_value"]) == ("out", "Musée des Beaux-Arts de Lyon",
                                         TODAY.isoformat(), later, "15 000 €")
    panel, note = window.loan_actions.loans, window.loan_actions.away_note
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert note.isVisible() and note.text() == "<b>En prêt : Musée des Beaux-Arts de Lyon</b>"
    assert window.form.editors["current_location"].text() == "Réserve B > Armoire 3"
    assert "En prêt : Musée des Beaux-Arts de Lyon" in panel.status.text()

    def give_back(dialog) -> None:
        assert dialog.windowTitle() == "Retour d'un prêt — 1995.3.1"
        assert dialog.returned_on.text() == TODAY.isoformat()
        assert QApplication.focusWidget() is dialog.condition_return
        type_text(dialog.condition_return, "Inchangé")
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    on_next_dialog(qtbot, give_back)
    press_button(qtbot, panel.return_button)
    qtbot.waitUntil(lambda: window.catalogue.load(record_id)["loans"][0]["returned_on"] != "")
    assert window.catalogue.load(record_id)["loans"][0]["condition_return"] == "Inchangé"
    qtbot.waitUntil(lambda: not note.isVisible())
    assert not panel.return_button.isEnabled()  # this loan is back


def test_a_refusal_is_said_in_the_dialog_which_keeps_what_was_typed(qtbot, french, window,
                                                                    answers):
    record_id = _open_record(qtbot, window)
    said = []

    def fill(dialog) -> None:
        dialog.party.setText("Musée de Rouen")
        dialog.start.setText("2026-05-01")
        dialog.end.setText("2026-04-01")
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        said.append(dialog.error.text())
        assert dialog.isVisible() and dialog.party.text() == "Musée de Rouen"
        dialog.end.setText("01/06/2026")
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        said.append(dialog.error.text())
        dialog.end.setText("2026-06-01")
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    on_next_dialog(qtbot, fill)
    press_button(qtbot, window.loan_actions.loans.add_button)
    qtbot.waitUntil(lambda: window.catalogue.load(record_id)["loans"] != [])
    assert said == [
        "Le retour du prêt est prévu le 2026-04-01, avant son début (2026-05-01). Rien n'a "
        "été enregistré.",
        "« 01/06/2026 » n'est pas une date écrite AAAA-MM-JJ (par exemple 2026-09-30). Rien n'a"
        " été enregistré."]


def test_unsaved_edits_are_saved_or_discarded_before_a_loan_is_recorded(qtbot, window,
                                                                         answers):
    record_id = _open_record(qtbot, window)
    window.form.editors["title"].setText("Bonnet")
    answers["replies"]["save_changes"] = "save"
    on_next_dialog(qtbot, lambda dialog: dialog.reject())
    press_button(qtbot, window.loan_actions.loans.add_button)
    qtbot.waitUntil(lambda: answers["save_changes"] == [1])
    assert window.catalogue.load(record_id)["title"] == "Bonnet"


def test_an_overdue_return_is_flagged_and_found_by_the_list_filter(qtbot, french, window):
    record_id = _open_record(qtbot, window)
    window.catalogue.save({"inventory_number": "1995.3.2", "designation": "Coiffe sœur"})
    window.apply(window.catalogue.save_loan(record_id, {
        "direction": "out", "party": "Musée de Caen", "start": "2020-01-01",
        "end": "2020-06-30"}))
    assert "⚠ Retour en retard : Musée de Caen, prévu le 2020-06-30" in \
        window.form.heading.text()
    row = window.loan_actions.loans.table.item(0, 1)
    assert row.foreground().color().name() == "#b00020"
    combo = window.filter_panel.loans
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("overdue"))
    assert combo.currentText() == "En retard"
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.id_at(0) == record_id
    location = window.findChild(QAction, "showColumn_current_location")
    location.setChecked(True)
    column = window.model.columnCount() - 2
    assert window.model.headerData(column, Qt.Orientation.Horizontal) == "Localisation"
    assert window.model.index(0, column).data() == "En prêt : Musée de Caen"
    assert not window.table.horizontalHeader().isSectionHidden(column)


@requires("pdftotext")
def test_a_condition_report_with_an_image_shows_the_latest_state_and_prints(
        qtbot, french, window, answers, tmp_path):
    record_id = _open_record(qtbot, window)
    [image] = attach_files(window.catalogue, requests_for_record(
        window.catalogue, [str(photo(tmp_path / "revers.jpg", (1200, 900)))], "1995.3.1"))

    def fill(dialog) -> None:
        assert isinstance(dialog, ConditionReportDialog)
        assert dialog.date.text() == TODAY.isoformat()
        _tab(qtbot)
        dialog.author.selectAll()
        type_text(dialog.author, "Claire Martin")
        _tab(qtbot)
        for _ in range(3):  # (non précisé), Bon, Moyen, Mauvais
            qtbot.keyClick(dialog.state, Qt.Key.Key_Down)
        assert dialog.state.currentText() == "Mauvais"
        _tab(qtbot)
        type_text(dialog.description, "Taches d'humidité au revers")
        _tab(qtbot)
        assert QApplication.focusWidget() is dialog.images
        dialog.images.setCurrentRow(0)
        qtbot.keyClick(dialog.images, Qt.Key.Key_Space)
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    on_next_dialog(qtbot, fill)
    qtbot.keyClick(window.form.editors["designation"], Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.catalogue.load(record_id)["condition_reports"] != [])
    [report] = window.catalogue.load(record_id)["condition_reports"]
    assert (report["author"], report["state"], report["images"]) == (
        "Claire Martin", "poor", [image.sha256])
    state_line = f"<b>État</b> : Mauvais (constat du {TODAY.isoformat()})"
    qtbot.waitUntil(lambda: state_line in window.form.heading.text())
    window.findChild(QAction, "showColumn_condition_state").setChecked(True)
    assert window.model.index(0, window.model.columnCount() - 1).data() == "Mauvais"

    out = tmp_path / "constat.pdf"
    write_condition_report(window, record_id, report["id"], out)
    qtbot.waitUntil(lambda: str(out) in window.statusBar().currentMessage(), timeout=20_000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("Constat d'état", "1995.3.1", "Claire Martin", "Mauvais",
                     "Taches d'humidité au revers", "revers.jpg", "Le rédacteur du constat",
                     "Page 1 / 1"):
        assert expected in text, expected
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout
    assert len(images.strip().splitlines()) == 3  # two heading lines and the one picture
