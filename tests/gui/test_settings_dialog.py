"""Record > Settings: the museum's inventory number pattern and the name written in the
history are set in the window, and the form and the history follow them at once."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from catalogue_app.records.inventory_numbers import DEFAULT_PATTERN
from catalogue_app.settings import LANGUAGE, USER_NAME, Preferences
from tests.gui.conftest import show_active
from tests.gui.form_helpers import answers_fixture, on_next_dialog, save, type_into  # noqa: F401
from tests.gui.keyboard import type_text
from ui.settings_dialog import SettingsDialog


def _fill_settings(qtbot, window, **texts: str) -> list[str]:
    """Open the dialog, replace the given fields' texts, press OK; returns its error text."""
    errors = []

    def fill(dialog) -> None:
        for name, text in texts.items():
            editor = getattr(dialog, name)
            editor.selectAll()
            editor.setFocus()
            type_text(editor, text)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        errors.append(dialog.error.text())
        if dialog.isVisible():
            dialog.reject()

    on_next_dialog(qtbot, fill)
    window.open_settings()
    return errors


def test_the_museum_pattern_set_in_the_settings_is_the_one_the_form_checks(
        qtbot, answers, window, catalogue):
    _fill_settings(qtbot, window, pattern=r"MHN\.\d{4}\.\d+",
                   pattern_description="MHN.year.item")
    assert catalogue.inventory_pattern().description == "MHN.year.item"
    problems = window.form.number_problems
    type_into(window, "inventory_number", "2004.12.3")
    qtbot.waitUntil(problems.isVisible)
    assert "MHN.year.item" in problems.text()
    window.form.editors["inventory_number"].clear()
    type_into(window, "inventory_number", "MHN.2004.3")
    qtbot.waitUntil(lambda: not problems.isVisible())


def test_a_broken_pattern_is_refused_in_the_dialog_and_nothing_is_stored(
        qtbot, window, catalogue):
    before = catalogue.inventory_pattern()
    errors = _fill_settings(qtbot, window, pattern=r"(\d", user_name="Someone else")
    assert "is not a valid regular expression" in errors[0]
    assert catalogue.inventory_pattern() == before
    assert Preferences().get(USER_NAME) != "Someone else"


def test_the_name_given_in_the_settings_signs_the_next_changes_in_the_history(
        qtbot, answers, window, catalogue):
    _fill_settings(qtbot, window, user_name="Marie Dupont")
    assert Preferences().get(USER_NAME) == "Marie Dupont"
    type_into(window, "inventory_number", "2004.12.3")
    show_active(qtbot, window)  # back from the dialog: Ctrl+S goes to the window
    save(qtbot, window)
    qtbot.waitUntil(lambda: window.form.history_panel.tree.topLevelItemCount() == 1)
    assert window.form.history_panel.tree.topLevelItem(0).text(1) == "Marie Dupont"


def test_the_language_chosen_is_kept_in_the_preferences(qtbot, window):
    def choose_english(dialog) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_dialog(qtbot, choose_english)
    window.open_settings()
    assert Preferences().get(LANGUAGE) == "en"


def test_the_default_pattern_is_described_in_french(qtbot, french, catalogue):
    """The default's description is the app's words, so said in the curator's language; the
    default button gives the same words back after the museum's own were typed."""
    dialog = SettingsDialog(catalogue, Preferences())
    qtbot.addWidget(dialog)
    described = dialog.pattern_description.text()
    assert described.startswith("année.lot.numéro") and "dépôts" in described
    dialog.pattern_description.setText("MHN.year.item")
    dialog.findChild(QPushButton, "restoreDefaultPattern").click()
    assert dialog.pattern_description.text() == described
    dialog.accept()  # kept as the app's words, which an English desk says in English
    assert catalogue.inventory_pattern() == DEFAULT_PATTERN
