"""The récolement window at the shelf, driven by the keyboard on real widgets: a number typed
(or scanned) and Enter opens the record with its primary image; one key says found or not
found; Tab reaches the details; the focus is back in the number box for the next object, and
the progress follows. Opened from the main window's Récolement menu, in French too."""

from __future__ import annotations

from PIL import Image as PILImage
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from catalogue_app.images.attach import AttachRequest
from catalogue_app.records.store import insert_records
from tests.gui.conftest import show_active
from tests.gui.keyboard import type_text


def _catalogue_with_objects(catalogue, tmp_path) -> dict[str, str]:
    with catalogue.writing() as session:
        ids = insert_records(session, [
            {"inventory_number": f"2004.1.{n}", "designation": f"assiette {n}",
             "current_location": "Réserve A > Étagère 1"} for n in range(1, 4)], "test")
    picture = tmp_path / "2004.1.1.jpg"
    PILImage.new("RGB", (600, 400), (200, 120, 40)).save(picture)
    catalogue.attach([AttachRequest(str(picture), ids[0])])
    return dict(zip(("2004.1.1", "2004.1.2", "2004.1.3"), ids, strict=True))


def _wait_for_progress(qtbot, recolement) -> None:
    """The campaign is counted off the GUI thread: until its count is shown."""
    qtbot.waitUntil(lambda: not recolement.progress_pending)


def _focus(widget) -> bool:
    return QApplication.focusWidget() is widget


def test_checking_objects_one_after_the_other_from_the_keyboard(qtbot, window, tmp_path):
    ids = _catalogue_with_objects(window.catalogue, tmp_path)
    campaign = window.catalogue.start_campaign("Réserve A", plan="2026-2035").result
    recolement = window.recolement_actions.open_window()
    qtbot.addWidget(recolement)
    recolement.reload_campaigns(select=campaign.id)
    show_active(qtbot, recolement)
    qtbot.waitUntil(lambda: _focus(recolement.number_box))
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text() == "0 of 3 checked — 0 found, 0 not found, 3 left"

    # Found as it is: the number, Enter, Enter.
    type_text(recolement.number_box, "2004.1.1\n")
    assert recolement.title.text() == "2004.1.1 — assiette 1"
    assert recolement.picture.pixmap().width() == 256  # its thumbnail at once,
    qtbot.waitUntil(lambda: recolement.picture.pixmap().width() == 360)  # then the preview
    assert recolement.location.text() == "Réserve A > Étagère 1"
    assert _focus(recolement.decision)
    qtbot.keyClick(recolement.decision, Qt.Key.Key_3)  # poor
    qtbot.keyClick(recolement.decision, Qt.Key.Key_Return)
    assert _focus(recolement.number_box) and recolement.number_box.text() == ""
    assert recolement.record is None
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text().splitlines() == [
        "1 of 3 checked — 1 found, 0 not found, 2 left",
        "Here (Réserve A > Étagère 1): 1 of 3 checked — 1 found, 0 not found, 2 left"]
    (check,) = window.catalogue.load(ids["2004.1.1"])["recolement_checks"]
    assert (check["result"], check["state"], check["campaign_id"]) == ("found", "poor",
                                                                     campaign.id)

    # Not found: one key.
    type_text(recolement.number_box, "2004.1.2\n")
    assert recolement.picture.text() == "No image"
    qtbot.keyClick(recolement.decision, Qt.Key.Key_N)
    assert _focus(recolement.number_box)
    assert window.catalogue.load(ids["2004.1.2"])["recolement_checks"][0]["result"] \
        == "not_found"

    # The details, by Tab from the decision: conformity, differences, state, marking...
    type_text(recolement.number_box, "2004.1.3\n")
    qtbot.keyClick(recolement.decision, Qt.Key.Key_Tab)
    assert _focus(recolement.conformity)
    qtbot.keyClick(recolement.conformity, Qt.Key.Key_Down)
    qtbot.keyClick(recolement.conformity, Qt.Key.Key_Down)  # differs
    qtbot.keyClick(recolement.conformity, Qt.Key.Key_Tab)
    assert _focus(recolement.differences)
    type_text(recolement.differences, "couvercle manquant")
    qtbot.keyClick(recolement.differences, Qt.Key.Key_Tab)
    qtbot.keyClick(recolement.state, Qt.Key.Key_Tab)
    assert _focus(recolement.marking)
    qtbot.keyClick(recolement.marking, Qt.Key.Key_Down)  # marked
    qtbot.keyClick(recolement.marking, Qt.Key.Key_Tab)
    qtbot.keyClick(recolement.location, Qt.Key.Key_Tab)
    assert _focus(recolement.note)
    type_text(recolement.note, "étiquette à refaire\n")  # Enter in a field: found
    assert _focus(recolement.number_box)
    (check,) = window.catalogue.load(ids["2004.1.3"])["recolement_checks"]
    assert (check["conforms"], check["differences"], check["marked"], check["note"]) == (
        False, "couvercle manquant", True, "étiquette à refaire")
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text().splitlines()[0] == \
        "3 of 3 checked — 2 found, 1 not found, 0 left"
    # The main window shows the record as the check left it.
    window.select(ids["2004.1.3"])
    assert "étiquette à refaire" in window.form.editors["recolement_checks"].toPlainText()


def test_an_unknown_number_stays_in_the_box_and_escape_goes_back_to_it(qtbot, window,
                                                                        tmp_path):
    _catalogue_with_objects(window.catalogue, tmp_path)
    window.catalogue.start_campaign("Réserve A")
    recolement = window.recolement_actions.open_window()
    qtbot.addWidget(recolement)
    show_active(qtbot, recolement)
    type_text(recolement.number_box, "1900.9.9\n")
    assert recolement.record is None and _focus(recolement.number_box)
    assert "1900.9.9" in recolement.message.text()
    assert recolement.number_box.selectedText() == "1900.9.9"  # typing replaces it
    type_text(recolement.number_box, "2004.1.2\n")
    assert _focus(recolement.decision)
    qtbot.keyClick(recolement.decision, Qt.Key.Key_Escape)  # nothing recorded
    assert _focus(recolement.number_box) and recolement.record is None
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text().startswith("0 of 3 checked")


def test_the_window_speaks_french(qtbot, catalogue, french, tmp_path):
    from ui.recolement.check_window import RecolementWindow

    _catalogue_with_objects(catalogue, tmp_path)
    catalogue.start_campaign("Réserve A")
    recolement = RecolementWindow(catalogue, lambda _changes: None)
    qtbot.addWidget(recolement)
    assert recolement.found_button.text() == "Trouvé (F)"
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text() == \
        "0 sur 3 récolés — 0 trouvés, 0 non trouvés, 3 restants"
    assert [recolement.state.itemText(i) for i in range(recolement.state.count())] == [
        "(non précisé)", "Bon", "Moyen", "Mauvais", "À restaurer"]


def test_checks_another_desk_made_show_after_a_sync(qtbot, window, tmp_path):
    from catalogue_app.catalogue import Changes
    from catalogue_app.recolement.checks import Observation

    ids = _catalogue_with_objects(window.catalogue, tmp_path)
    campaign = window.catalogue.start_campaign("Réserve A").result
    recolement = window.recolement_actions.open_window()
    qtbot.addWidget(recolement)
    _wait_for_progress(qtbot, recolement)
    # What a sync writes: checks made elsewhere, then the window told everything changed.
    window.catalogue.check(campaign.id, ids["2004.1.2"], Observation(found=True))
    window.apply(Changes.everything())
    _wait_for_progress(qtbot, recolement)
    assert recolement.progress_label.text().startswith("1 of 3 checked — 1 found")
    assert recolement.campaign_id == campaign.id


def test_a_location_typed_at_the_shelf_moves_the_object(qtbot, window, tmp_path):
    ids = _catalogue_with_objects(window.catalogue, tmp_path)
    shelf = window.catalogue.add_location("Réserve A > Étagère 1").result
    window.catalogue.add_location("Réserve A > Étagère 2")
    window.catalogue.move(list(ids.values()), shelf)
    window.catalogue.start_campaign("Réserve A")
    recolement = window.recolement_actions.open_window()
    qtbot.addWidget(recolement)
    show_active(qtbot, recolement)
    type_text(recolement.number_box, "2004.1.2\n")
    assert recolement.location.text() == "Réserve A > Étagère 1"
    recolement.location.setFocus()
    recolement.location.selectAll()
    type_text(recolement.location, "Réserve A > Étagère 2\n")
    assert _focus(recolement.number_box)
    record = window.catalogue.load(ids["2004.1.2"])
    assert record["current_location"] == "Réserve A > Étagère 2"
    assert record["movements"][-1]["reason"] == "recolement"
    assert record["recolement_checks"][-1]["location"] == "Réserve A > Étagère 2"
    type_text(recolement.number_box, "2004.1.3\n")  # where its record says: no movement
    qtbot.keyClick(recolement.decision, Qt.Key.Key_Return)
    assert len(window.catalogue.load(ids["2004.1.3"])["movements"]) == 1


def test_a_photo_taken_at_the_shelf_is_attached_and_named_by_the_check(qtbot, window,
                                                                      tmp_path):
    ids = _catalogue_with_objects(window.catalogue, tmp_path)
    window.catalogue.start_campaign("Réserve A")
    recolement = window.recolement_actions.open_window()
    qtbot.addWidget(recolement)
    show_active(qtbot, recolement)
    type_text(recolement.number_box, "2004.1.2\n")
    photo = tmp_path / "constat.jpg"
    PILImage.new("RGB", (300, 200), (90, 90, 160)).save(photo)
    recolement.add_photo(photo)  # what Add a photo… does with the file chosen
    assert recolement.photos_label.text() == "1 photo(s)"
    qtbot.keyClick(recolement.found_button, Qt.Key.Key_Space)
    (check,) = window.catalogue.load(ids["2004.1.2"])["recolement_checks"]
    assert check["images"] == [image.sha256 for image in window.catalogue.images(ids["2004.1.2"])]
    assert len(check["images"]) == 1


def test_a_campaign_is_started_from_its_dialog_in_french(qtbot, catalogue, french):
    from PySide6.QtWidgets import QDialog, QLabel

    from ui.recolement.campaign_dialog import CampaignDialog

    dialog = CampaignDialog(catalogue)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.windowTitle() == "Nouvelle campagne de récolement"
    # Each label's Alt+letter focuses its editor.
    assert {label.text(): label.buddy() for label in dialog.findChildren(QLabel)
            if label.buddy() is not None} == {
        "&Nom\xa0:": dialog.name, "&Objets\xa0:": dialog.query,
        "Dans l'&emplacement\xa0:": dialog.location, "&Plan décennal\xa0:": dialog.plan}
    assert dialog.deposits.text() == "Inclure les &dépôts" and dialog.deposits.isChecked()
    type_text(dialog.name, "Réserve A, 2026")
    type_text(dialog.plan, "2026-2035")
    type_text(dialog.location, "Nulle part")
    qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.campaign is None  # refused, said in the dialog
    assert dialog.error.text().startswith("Il n'y a pas d'emplacement « Nulle part »")
    assert catalogue.campaigns() == []
    dialog.location.clear()
    qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.campaign.name, dialog.campaign.plan, dialog.campaign.location_ids,
            dialog.campaign.include_deposits) == ("Réserve A, 2026", "2026-2035", (), True)
