"""No English text from the core reaches a French user: with the interface in French, the
core's refusals and reports show in French wherever the window shows them (the file chosen
for an import, the problems of its dry run, the reasons a picture is refused, a locked
keyring, the totals of a sync), with the words of resources/translations/messages_fr.po."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from catalogue_app.images.attach import requests_for_record
from catalogue_app.records.blank import blank_record
from catalogue_app.records.store import create_record
from catalogue_app.settings import SERVER_URL, Preferences
from catalogue_app.sync import tokens
from tests.unit.import_samples import write_rows
from ui import messages
from ui.exchange.import_wizard import ImportWizard
from ui.images.import_dialog import import_images
from ui.sync.settings_dialog import SyncSettingsDialog

STATE = 2  # the import dialog's column saying what became of each file


def test_an_unreadable_import_file_is_explained_in_french(qtbot, catalogue, french, tmp_path):
    wizard = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(wizard)
    (tmp_path / "vide.csv").write_bytes(b"")
    wizard.file_page.path_edit.setText(str(tmp_path / "vide.csv"))
    wizard.file_page.look_at_file()
    assert wizard.file_page.detected.text() == "vide.csv est vide : il n'y a rien à importer."


def test_the_dry_run_lists_its_problems_in_french(qtbot, catalogue, french, tmp_path):
    wizard = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(wizard)
    wizard.show()
    path = write_rows(tmp_path / "objets.csv", ["inventory_number", "dating"],
                      [["2004.1.1", "un jour peut-être"], ["2004.1.1", "XIXe siècle"]])
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.look_at_file()
    wizard.next()
    wizard.next()
    page = wizard.check_page
    qtbot.waitUntil(lambda: page.done is not None or not page.cancel_button.isEnabled(),
                    timeout=60_000)
    table = page.problems
    rows = table.rows()
    assert rows[0] == ("Erreur", "3", "inventory_number", "2004.1.1",
                       "numéro d'inventaire déjà présent ligne 2")
    assert rows[1][:4] == ("Avertissement", "2", "dating", "un jour peut-être")
    assert rows[1][4].startswith("datation non comprise")
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Type", "Ligne", "Colonne", "Valeur", "Problème"]
    assert page.summary.text().startswith("2 ligne(s) lue(s) ; 1 erreur(s), 1 avertissement(s)")
    shown = " ".join([*headers, *(" ".join(row) for row in rows), page.summary.text()])
    for english in ("row", "column", "already", "not understood", "read", "Error", "Warning"):
        assert english not in shown


def test_refused_pictures_say_why_in_french(qtbot, catalogue, french, tmp_path):
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2004.12.3"}, "marie")
    (tmp_path / "vide.jpg").write_bytes(b"")
    files = [str(tmp_path / "vide.jpg"), str(tmp_path / "disparu.jpg")]
    dialog = import_images(catalogue, requests_for_record(catalogue, files, "2004.12.3"), None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=60_000)
    states = [dialog.table.item(row, STATE).text() for row in range(2)]
    assert states[0].endswith("le fichier est vide (0 octet)")
    assert states[1].endswith("le fichier n'existe plus")
    assert [Path(r.file).name for r in dialog.results] == ["vide.jpg", "disparu.jpg"]


def test_a_locked_keyring_is_reported_in_french(qtbot, french, shown_errors, memory_keyring):
    memory_keyring.failure = KeyringLocked("locked")
    dialog = SyncSettingsDialog("https://base.example")
    qtbot.addWidget(dialog)
    (_title, text), = shown_errors
    assert text.startswith("Le trousseau du système n'a pas pu être lu (locked)")
    assert dialog.token() == ""


def test_the_sync_settings_show_a_whole_address_beside_the_french_labels(qtbot, french):
    address = "https://base-regionale.musees-normandie.fr"
    dialog = SyncSettingsDialog(address)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.url_edit
    assert shown.width() > shown.fontMetrics().horizontalAdvance(address) + 20  # its margins


def test_qts_own_buttons_speak_french(qtbot, catalogue, french):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert sorted(button.text() for button in box.buttons()) == ["Annuler", "Enregistrer",
                                                                 "Fermer"]
    wizard = ImportWizard(catalogue, Preferences())
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Suivant >"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Terminer"


def test_an_unreachable_base_is_said_in_french_with_the_network_error_in_details(
        qtbot, window, catalogue, french, monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}"
    catalogue.change_setting(SERVER_URL, address)
    tokens.save_token(address, "jeton")
    actions = window.sync_actions
    actions.sync_now()
    qtbot.waitUntil(lambda: actions.job is None, timeout=30_000)
    # Nothing listens at the address: the base is down, the desk says so and tries again.
    assert actions.banner_label.text() == (
        "La base régionale est indisponible ; votre travail est en sécurité sur ce poste.")
    assert actions._outage_retry.isActive()
    shown = []
    monkeypatch.setattr(messages, "show_failure", lambda *args: shown.append(args[1:]))
    actions.details_action.trigger()
    ((title, _text, details),) = shown
    assert title == "Problème de synchronisation"
    assert details.startswith("ConnectError")


@pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)
def test_a_finished_sync_gives_its_totals_in_french(
        qtbot, window, catalogue, french, regional_server):
    regional_server.add_museum("M0001", "Musée d'essai")
    catalogue.change_setting(SERVER_URL, regional_server.url)
    tokens.save_token(regional_server.url, regional_server.token("M0001"))
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2004.12.3"}, "marie")
    actions = window.sync_actions
    actions.sync_now()
    qtbot.waitUntil(lambda: actions.job is None, timeout=30_000)
    assert actions.banner.isHidden()
    assert window.statusBar().currentMessage() == (
        "Synchronisation terminée\u00a0: 0 fiche(s) reçue(s), 1 envoyée(s).")
