"""The import wizard and the Exchange menu: columns matched by label and remembered, the dry run
lists problems and blocks on errors, the import runs in the background, cancel imports nothing,
exports write the list's records."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from catalogue_app.settings import Preferences
from tests.unit.import_samples import generated_rows, write_app_csv, write_rows
from ui.exchange.import_wizard import ImportWizard

LABEL_HEADER = ["Numéro d'inventaire", "Désignation du bien", "Nom du donateur", "Dating"]


@pytest.fixture
def wizard(qtbot, catalogue):
    dialog = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose_file(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.look_at_file()


def mapped_fields(wizard: ImportWizard) -> dict[str, str]:
    return {h: t.field for h, t in wizard.mapping_page.mapping().columns.items()}


def run_page_done(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.done is not None or not page.cancel_button.isEnabled(),
                    timeout=60_000)


def test_columns_are_matched_by_label_checked_and_imported(qtbot, wizard, catalogue, tmp_path):
    path = write_rows(tmp_path / "objets.csv", LABEL_HEADER, [
        ["2004.1.1", "bol", "Mme X", "XIXe siècle"],
        ["2004.1.2", "pichet", "Mme X", "Louis XV"],
    ], encoding="cp1252", delimiter=";")
    choose_file(wizard, path)
    assert "cp1252" in wizard.file_page.detected.text()
    wizard.next()
    assert mapped_fields(wizard) == {"Numéro d'inventaire": "inventory_number",
                                     "Désignation du bien": "designation",
                                     "Dating": "dating"}
    wizard.next()
    run_page_done(qtbot, wizard.check_page)
    assert wizard.check_page.isComplete()
    assert wizard.check_page.problems.rows() == [
        ("Warning", "3", "Dating", "Louis XV",
         "dating not understood (no years derived); kept as text")]
    assert wizard.check_page.problems.ignored.text() == "Ignored columns: Nom du donateur"
    assert catalogue.record_count() == 0  # the check imports nothing
    wizard.next()
    run_page_done(qtbot, wizard.import_page)
    assert wizard.import_page.done.imported
    assert catalogue.record_count() == 2


def test_a_mapping_chosen_once_is_remembered_for_files_with_the_same_columns(
        qtbot, catalogue, tmp_path):
    first = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(first)
    first.show()
    choose_file(first, write_rows(tmp_path / "a.csv", LABEL_HEADER, [["1", "a", "b", "c"]]))
    first.next()
    donor_row = LABEL_HEADER.index("Nom du donateur")
    combo = first.mapping_page.combo(donor_row)
    combo.setCurrentIndex(combo.findData("acquisition_source"))
    first.next()  # leaving the page remembers the mapping

    second = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(second)
    second.show()
    choose_file(second, write_rows(tmp_path / "b.csv", LABEL_HEADER, [["2", "d", "e", "f"]]))
    second.next()
    assert mapped_fields(second)["Nom du donateur"] == "acquisition_source"


def test_errors_block_the_import(qtbot, wizard, catalogue, tmp_path):
    choose_file(wizard, write_rows(tmp_path / "bad.csv", ["inventory_number", "designation"],
                                   [["2004.1.1", "bol"], ["2004.1.1", "pot"]]))
    wizard.next()
    wizard.next()
    run_page_done(qtbot, wizard.check_page)
    assert not wizard.check_page.isComplete()
    assert ("Error", "3", "inventory_number", "2004.1.1",
            "inventory number already on row 2") in wizard.check_page.problems.rows()
    assert catalogue.record_count() == 0


@pytest.mark.parametrize("stop", ["cancel button", "closing the wizard"])
def test_stopped_import_imports_nothing(qtbot, wizard, catalogue, tmp_path, stop):
    choose_file(wizard, write_app_csv(tmp_path / "big.csv", generated_rows(3000, seed=2)))
    wizard.next()
    wizard.next()
    run_page_done(qtbot, wizard.check_page)
    wizard.next()
    if stop == "cancel button":
        wizard.import_page.cancel_button.click()
    else:
        wizard.reject()
    run_page_done(qtbot, wizard.import_page)
    assert "cancelled" in wizard.import_page.summary.text()
    assert catalogue.record_count() == 0


def test_export_menu_writes_the_records_in_the_list(qtbot, window, tmp_path, monkeypatch):
    from catalogue_app.records.store import create_record

    with window.catalogue.writing() as session:
        for number in ("2004.1.2", "2004.1.1"):
            create_record(session, {"inventory_number": number}, "t")
    window.model.refresh()
    out = tmp_path / "export.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.exchange_actions.export_actions["csv"].trigger()
    qtbot.waitUntil(out.exists, timeout=30_000)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["inventory_number"] for r in rows] == ["2004.1.1", "2004.1.2"]


def test_a_wizard_deleted_during_its_check_stops_the_check(qtbot, catalogue, tmp_path):
    """The check's worker outlives the wizard's widgets: it is cancelled, not left emitting
    into a deleted page (a crash under load)."""
    from shiboken6 import Shiboken

    wizard = ImportWizard(catalogue, Preferences())
    wizard.show()
    choose_file(wizard, write_app_csv(tmp_path / "big.csv", generated_rows(3000, seed=3)))
    wizard.next()
    wizard.next()
    job = wizard.check_page.job
    assert job is not None and not job.cancelled
    wizard.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(wizard))
    assert job.cancelled
    qtbot.waitUntil(lambda: not Shiboken.isValid(job), timeout=60_000)  # it reported
    assert catalogue.record_count() == 0


def test_problems_are_a_table_sorted_by_any_column_and_exported_as_shown(
        qtbot, wizard, tmp_path, monkeypatch):
    choose_file(wizard, write_rows(tmp_path / "mixed.csv", ["inventory_number", "dating"], [
        ["2004.1.1", "Louis XV"], ["2004.1.1", "1850"], ["", "XIXe siècle"]]))
    wizard.next()
    wizard.next()
    run_page_done(qtbot, wizard.check_page)
    table = wizard.check_page.problems
    rows = table.rows()
    assert [(kind, row) for kind, row, *_ in rows] == [
        ("Error", "3"), ("Error", "4"), ("Warning", "2")]  # errors first
    header = table.view.horizontalHeader()  # the user clicks "Row" to sort by it
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(1) + header.sectionSize(1) // 2, header.height() // 2))
    assert [row for _kind, row, *_ in table.rows()] == ["2", "3", "4"]

    out = tmp_path / "problems.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    table.export_button.click()
    with out.open(encoding="utf-8-sig", newline="") as exported:
        written = list(csv.reader(exported, delimiter=";"))
    assert written[0] == ["Kind", "Row", "Column", "Value", "Problem"]
    assert [tuple(r) for r in written[1:]] == table.rows()


def test_french_and_joconde_column_names_are_suggested(qtbot, wizard, tmp_path):
    headers = ["N° inventaire", "Dénomination", "Matériaux", "Datation", "Domaine",
               "Remarques", "Precisions_inscriptions", "Photo"]
    choose_file(wizard, write_rows(tmp_path / "fr.csv", headers, [["1"] * len(headers)]))
    wizard.next()
    assert mapped_fields(wizard) == {
        "N° inventaire": "inventory_number", "Dénomination": "designation",
        "Matériaux": "materials", "Datation": "dating", "Domaine": "domains",
        "Remarques": "observations", "Precisions_inscriptions": "inscriptions"}
    # Joconde's "Domaine" is its Domaine thesaurus (DOMN), not the network's themes; it lists
    # them with commas: its separator comes with it.
    assert wizard.mapping_page.mapping().columns["Domaine"].split == ","


def test_next_waits_for_the_inventory_number_column(qtbot, wizard, tmp_path):
    choose_file(wizard, write_rows(tmp_path / "no-number.csv", ["Référence", "Objet"],
                                   [["A1", "bol"]]))
    wizard.next()
    page = wizard.mapping_page
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert not page.isComplete() and not next_button.isEnabled()
    assert page.number_needed.isVisible()
    combo = page.combo(0)
    combo.setCurrentIndex(combo.findData("inventory_number"))
    assert page.isComplete() and next_button.isEnabled()
    assert not page.number_needed.isVisible()
