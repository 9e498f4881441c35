"""Vocabulary autocomplete for a line edit: terms whose accent- and case-folded label starts
with what was typed (the folding is done by the vocabulary service, so Qt must not filter)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from catalogue_app.catalogue import Catalogue

SUGGESTIONS = 12


def attach_vocabulary(line_edit: QLineEdit, catalogue: Catalogue, vocabulary: str) -> QCompleter:
    model = QStringListModel(line_edit)
    completer = QCompleter(model, line_edit)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(SUGGESTIONS)
    line_edit.setCompleter(completer)

    def typed(text: str) -> None:
        labels = [t.label for t in catalogue.suggest_terms(vocabulary, text, SUGGESTIONS)]
        model.setStringList(labels)
        if labels and line_edit.hasFocus():
            completer.complete()
        else:
            completer.popup().hide()

    line_edit.textEdited.connect(typed)
    line_edit.setProperty("vocabulary", vocabulary)
    return completer


def vocabulary_label(vocabulary: str) -> str:
    translate = QCoreApplication.translate
    return {
        "designation": translate("Vocabularies", "object names"),
        "material": translate("Vocabularies", "materials"),
        "technique": translate("Vocabularies", "techniques"),
        "place": translate("Vocabularies", "places"),
        "person": translate("Vocabularies", "people"),
        "period": translate("Vocabularies", "periods"),
    }[vocabulary]
