"""ui/labelled_form.py as the dialogs use it: a refusal is said in full, the dialog growing to
show every line of it rather than leaving the last under the OK and Cancel buttons; an editor's
placeholder is said in full, even in French and at the dialog's smallest."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QStyle, QStyleOptionFrame

from ui.labelled_form import LINE_EDIT_MARGIN
from ui.locations.location_edit_dialog import LocationEditDialog
from ui.recolement.campaign_dialog import CampaignDialog

LONG_PLACE = "Réserve des arts graphiques et des textiles, bâtiment B"


def _location_dialog(catalogue) -> tuple[LocationEditDialog, str]:
    catalogue.add_location(LONG_PLACE, code="R1")
    dialog = LocationEditDialog(catalogue, None, None, lambda values: catalogue.add_location_in(
        values["parent_id"], values["name"], values["code"], values["kind"]))
    dialog.name.setText("Vitrine 2")
    dialog.code.setText("R1")  # already the code of the reserve: refused
    return dialog, "problem"


def _campaign_dialog(catalogue) -> tuple[CampaignDialog, str]:
    dialog = CampaignDialog(catalogue)
    dialog.name.setText("Réserve A, 2026")
    dialog.location.setText(f"{LONG_PLACE} > Salle 3")  # no such place: refused
    return dialog, "error"


@pytest.mark.parametrize("make", [_location_dialog, _campaign_dialog])
def test_a_two_line_refusal_is_not_hidden_under_the_buttons(qtbot, french, catalogue, make):
    dialog, name = make(catalogue)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.accept()
    refusal, buttons = getattr(dialog, name), dialog.findChild(QDialogButtonBox)
    assert dialog.isVisible() and refusal.text()
    needed = refusal.heightForWidth(refusal.width())
    assert needed > refusal.fontMetrics().lineSpacing() * 1.5  # wrapped: two lines or more
    qtbot.waitUntil(lambda: refusal.height() >= refusal.heightForWidth(refusal.width())
                    and refusal.geometry().bottom() < buttons.geometry().top(), timeout=2000)


def _room_for_text(editor: QLineEdit) -> int:
    """The width a line edit draws its text in: its contents, less its text margins."""
    option = QStyleOptionFrame()
    editor.initStyleOption(option)
    contents = editor.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option,
                                             editor)
    margins = editor.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN


def test_the_campaign_dialog_says_its_hints_in_full_at_its_smallest(qtbot, french, catalogue):
    dialog = CampaignDialog(catalogue)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSize())
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumWidth())
    assert dialog.query.placeholderText().startswith("une recherche, comme dans la zone")
    for editor in (dialog.name, dialog.query, dialog.location, dialog.plan):
        hint = editor.placeholderText()
        assert editor.fontMetrics().horizontalAdvance(hint) <= _room_for_text(editor), hint
