"""Record > Museum…: which museum the catalogue belongs to (code and name, editable until the
first sync binds them; a new desk is asked in the first-run wizard) and the museum's own words,
editable at any time and sent to the regional base by the next sync: who owns its collections
(the Joconde export's STAT), its town and its presentation (the regional portal's museum page)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from ui.labelled_form import add_labelled_rows, error_label, ok_cancel, wrapped_label


class MuseumDialog(QDialog):
    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle(self.tr("Museum"))
        museum = catalogue.museum()
        self.code = QLineEdit(museum.code)
        self.code.setPlaceholderText(self.tr("e.g. M0123 (given by the regional network)"))
        self.name = QLineEdit(museum.name)
        for editor in (self.code, self.name):
            editor.setReadOnly(museum.bound)
        self.owner = QLineEdit(museum.owner)
        self.owner.setPlaceholderText(self.tr("e.g. propriété de la commune"))
        self.town = QLineEdit(museum.town)
        self.presentation = QPlainTextEdit(museum.presentation)
        self.presentation.setTabChangesFocus(True)
        self.presentation.setFixedHeight(120)
        self.error = error_label()
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(wrapped_label(
            self.tr("The code and name are the regional base's since the first sync.")
            if museum.bound else
            self.tr("The code and name can be changed until the first sync with the regional "
                    "base.")))
        add_labelled_rows(layout, ((self.tr("Museum &code:"), self.code),
                                   (self.tr("Museum &name:"), self.name)))
        layout.addRow(wrapped_label(self.tr(
            "In the museum's own words, changed at any time and sent to the regional base by "
            "the next sync: the owner of the collections goes into the Joconde export, the "
            "town and presentation onto the regional portal's page of the museum.")))
        add_labelled_rows(layout, ((self.tr("&Owner of the collections:"), self.owner),
                                   (self.tr("&Town:"), self.town),
                                   (self.tr("&Presentation:"), self.presentation)))
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self))
        self.resize(620, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.catalogue.set_museum(self.code.text(), self.name.text(),
                                      owner=self.owner.text(), town=self.town.text(),
                                      presentation=self.presentation.toPlainText())
        except CatalogueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
