"""Settings: yours (language, the name written in the history) and the catalogue's (the form
of the museum's inventory numbers). Declared in catalogue_app/settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records.inventory_numbers import DEFAULT_PATTERN
from catalogue_app.settings import LANGUAGE, USER_NAME, Preferences
from ui.labelled_form import error_label, ok_cancel
from ui.language import current_language


class SettingsDialog(QDialog):
    def __init__(self, catalogue: Catalogue, preferences: Preferences, parent=None) -> None:
        super().__init__(parent)
        self.catalogue, self.preferences = catalogue, preferences
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)

        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        # The language chosen, else the one in use (the system's, or --lang's for this run).
        self.language.setCurrentIndex(self.language.findData(
            preferences.get(LANGUAGE) or current_language()))
        self.user_name = QLineEdit(preferences.get(USER_NAME))
        self.user_name.setObjectName("userName")
        yours = QGroupBox(self.tr("You, on this computer"))
        form = QFormLayout(yours)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(_note(self.tr("A new language applies the next time the app starts.")))
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow(_note(self.tr("Written in each record's history beside your changes.")))

        pattern = catalogue.inventory_pattern()
        self.pattern = QLineEdit(pattern.regex)
        self.pattern.setObjectName("inventoryPattern")
        self.pattern_description = QLineEdit(pattern.said())
        self.pattern_description.setCursorPosition(0)  # its beginning says most
        default = QPushButton(self.tr("Restore the default"))
        default.setObjectName("restoreDefaultPattern")
        default.clicked.connect(self._restore_default_pattern)
        museum = QGroupBox(self.tr("This catalogue, for everyone who uses it"))
        form = QFormLayout(museum)
        form.addRow(_note(self.tr(
            "The form of the museum's inventory numbers, as a regular expression on one number "
            "(a number that does not follow it is only warned about).")))
        form.addRow(self.tr("Inventory number &pattern:"), self.pattern)
        form.addRow(self.tr("&Described as:"), self.pattern_description)
        form.addRow(default)

        self.error = error_label()
        self.error.setObjectName("settingsError")
        layout = QVBoxLayout(self)
        for widget in (yours, museum, self.error, ok_cancel(self)):
            layout.addWidget(widget)

    def _restore_default_pattern(self) -> None:
        self.pattern.setText(DEFAULT_PATTERN.regex)
        self.pattern_description.setText(DEFAULT_PATTERN.said())

    def accept(self) -> None:
        """Check everything before storing anything: a refused pattern changes nothing."""
        regex, description = self.pattern.text().strip(), self.pattern_description.text().strip()
        if description == DEFAULT_PATTERN.said():  # the app's words: each desk says them its way
            description = DEFAULT_PATTERN.description
        try:
            self.catalogue.set_inventory_pattern(regex, description)
        except CatalogueError as exc:
            self.error.setText(str(exc))
            self.pattern.setFocus()
            return
        self.preferences.set(LANGUAGE, self.language.currentData())
        name = self.user_name.text().strip() or None  # empty: back to the account's name
        self.preferences.set(USER_NAME, name)
        self.catalogue.user = self.preferences.get(USER_NAME)
        super().accept()


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
