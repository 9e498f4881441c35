"""Locations in the window, in French, on real widgets: moving the selection and objects
scanned one after the other (a location's label scanned sets where to), the hierarchy of
places edited in its tree, typed locations placed in bulk, labels printed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from catalogue_app.records.store import insert_records
from tests.gui.form_helpers import CTRL, answers_fixture, on_next_dialog, press_button  # noqa: F401
from tests.gui.keyboard import type_text
from tests.support import requires

SHELF = "Réserve A > Travée 27 > Étagère 3"


def _records(catalogue, *numbers, **values) -> list[str]:
    with catalogue.writing() as session:
        return insert_records(session, [{"inventory_number": n, "designation": f"objet {n}",
                                         **values} for n in numbers], "marie")


def _shot(widget, name: str) -> None:
    """Saved for a person to look at when CATALOGUE_SHOTS names a folder (the test does not
    judge pixels)."""
    if os.environ.get("CATALOGUE_SHOTS"):
        folder = Path(os.environ["CATALOGUE_SHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / f"{name}.png"))


def test_the_selection_and_scanned_numbers_move_where_a_scanned_label_says(
        qtbot, french, answers, window, catalogue):
    shelf = catalogue.add_location(SHELF, code="RA-27-3", kind="shelf").result
    ids = _records(catalogue, "1990.1.1", "1990.1.2", "1990.1.3",
                   current_location="Réserve, armoire 2")
    window.model.refresh()
    window.table.setFocus()
    window.table.selectRow(0)
    seen = {}

    def scan(dialog) -> None:
        seen["first"] = dialog.objects.item(0).text()
        for text in ("1990.1.3\n", "1990.9.9\n"):
            type_text(dialog.number, text)
        seen["focus"] = dialog.number.hasFocus() and dialog.number.text() == ""
        seen["unknown"] = dialog.heard.text()
        type_text(dialog.number, "RA-27-3\n")  # a location's label: where they go
        seen["to"] = dialog.to.currentText()
        dialog.reason.setCurrentIndex(dialog.reason.findData("recolement"))
        type_text(dialog.note, "récolement 2024")
        seen["button"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).text()
        _shot(dialog, "move-dialog")
        press_button(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    on_next_dialog(qtbot, scan)
    qtbot.keyClick(window.table, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert seen["first"] == "1990.1.1 — objet 1990.1.1 — Réserve, armoire 2"
    assert "1990.9.9" in seen["unknown"] and "Aucune fiche" in seen["unknown"]
    assert seen["to"] == f"{SHELF}  [RA-27-3]"
    assert seen["button"] == "&Déplacer 2 objet(s)"
    assert seen["focus"]  # each Enter leaves the box ready for the next number
    assert catalogue.records_in(shelf) == [ids[0], ids[2]]
    moved = catalogue.movements(ids[2])[0]
    assert (moved["reason"], moved["note"], moved["from"]) == (
        "recolement", "récolement 2024", "Réserve, armoire 2")
    window.table.selectRow(0)
    history = window.form.editors["movements"].toPlainText()
    assert history.startswith(f"{moved['date']} : {SHELF} (depuis Réserve, armoire 2 ;"
                              " Récolement, ")
    assert window.form.values()["current_location"] == SHELF
    _shot(window, "form-after-move")


def test_places_are_added_edited_and_an_occupied_one_is_not_deleted(
        qtbot, french, answers, window, catalogue, shown_errors):
    catalogue.add_location("Réserve A > Travée 27")
    vase = _records(catalogue, "1990.1.1")[0]
    seen = {}

    def add_shelf(edit) -> None:
        type_text(edit.name, "Étagère 3")
        type_text(edit.code, "RA-27-3")
        edit.kind.setCurrentIndex(edit.kind.findData("shelf"))
        seen["inside"] = edit.inside.currentText()
        _shot(edit, "location-edit")
        press_button(qtbot, _ok(edit))

    def manage(dialog) -> None:
        bay = dialog.tree.topLevelItem(0).child(0)
        dialog.tree.setCurrentItem(bay)
        on_next_dialog(qtbot, add_shelf)
        press_button(qtbot, dialog.inside_button)
        shelf = dialog.tree.currentItem()
        seen["added"] = [shelf.text(i) for i in range(3)]
        catalogue.move([vase], shelf.data(0, Qt.ItemDataRole.UserRole))
        dialog.reload()
        seen["count"] = dialog.tree.currentItem().text(3)
        _shot(dialog, "locations-dialog")
        press_button(qtbot, dialog.delete_button)
        seen["still"] = dialog.tree.currentItem().text(0)
        dialog.reject()

    on_next_dialog(qtbot, manage)
    window.location_actions.manage_action.trigger()
    assert seen["inside"] == "Réserve A > Travée 27"
    assert seen["added"] == ["Étagère 3", "RA-27-3", "Étagère"]
    assert seen["count"] == "1"
    assert seen["still"] == "Étagère 3"
    assert shown_errors and "contient encore 0 emplacement(s) et 1 objet(s)" in \
        shown_errors[0][1]


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_typed_locations_are_placed_in_bulk(qtbot, french, answers, window, catalogue):
    shelf = catalogue.add_location(SHELF).result
    typed = _records(catalogue, "1990.1.1", "1990.1.2", current_location="Rés. A, T27, ét. 3")
    _records(catalogue, "1990.2.1", current_location="Salle 4")
    seen = {}

    def place(dialog) -> None:
        seen["rows"] = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
                        for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(0)
        dialog.to.setFocus()
        type_text(dialog.to.lineEdit(), SHELF)
        _shot(dialog, "free-locations")
        press_button(qtbot, dialog.place_button)
        seen["status"] = dialog.status.text()
        seen["left"] = dialog.table.rowCount()
        dialog.reject()

    on_next_dialog(qtbot, place)
    window.location_actions.free_action.trigger()
    assert seen["rows"] == [("Rés. A, T27, ét. 3", "2"), ("Salle 4", "1")]
    assert seen["status"] == f"2 objet(s) placé(s) dans {SHELF}."
    assert seen["left"] == 1
    assert catalogue.records_in(shelf) == typed


@requires("pdftotext")
def test_labels_are_printed_from_the_menu(qtbot, french, window, catalogue, tmp_path,
                                          monkeypatch):
    catalogue.add_location(SHELF, code="RA-27-3")
    out = tmp_path / "étiquettes.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.location_actions.labels_action.trigger()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "RA-27-3" in text and "Travée 27" in text
    assert "3" in window.statusBar().currentMessage()
