"""The interface language: French or English, the system's by default, switchable in the
settings; field labels come from the field contract in both languages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from catalogue_app import messages
from catalogue_app.records.fields import Choice, Field
from catalogue_app.settings import LANGUAGE, Preferences

LANGUAGES = ("fr", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
_current = "en"
log = logging.getLogger("catalogue_app.ui.language")


def chosen_language(preferences: Preferences) -> str:
    stored = preferences.get(LANGUAGE)
    if stored in LANGUAGES:
        return stored
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def install_translator(app: QApplication, language: str) -> None:
    """Use language from now on: translators installed before are removed, so the first-run
    wizard can switch while it is open (widgets get a LanguageChange event)."""
    global _current
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    _current = language
    messages.set_language(language)  # the core's messages too (catalogue_app.messages)
    if language == "en":
        return  # the source strings are English
    # Qt's own words (Save, Discard, Cancel, Next, Finish, Close, a line edit's menu) come
    # from the translations PySide6 ships; ours from resources/translations.
    for folder, name in ((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                          f"qtbase_{language}.qm"),
                         (str(TRANSLATIONS_DIR), f"catalogue_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            log.warning("no %s in %s: those words stay in English", name, folder)


def field_label(field: Field) -> str:
    return field.label_fr if _current == "fr" else field.label_en


def choice_label(choice: Choice) -> str:
    """One value of an enumeration field, in the interface language."""
    return choice.label_fr if _current == "fr" else choice.label_en


def theme_label(theme) -> str:
    """A theme's label (anything with label_fr and label_en) in the interface language."""
    return theme.label_fr if _current == "fr" else theme.label_en


def current_language() -> str:
    return _current


class Retranslating:
    """Mixin for a widget that sets its texts in retranslate(): they are set again when the
    language changes while it is open (the first-run wizard's language page)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
