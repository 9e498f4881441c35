"""Record > Museum code and name: which museum the catalogue belongs to, editable until the
first sync binds it (a new desk is asked in the first-run wizard)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError


class MuseumDialog(QDialog):
    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWindowTitle(self.tr("Which museum is this catalogue for?"))
        museum = catalogue.museum()
        self.code = QLineEdit(museum.code)
        self.code.setPlaceholderText(self.tr("e.g. M0123 (given by the regional network)"))
        self.name = QLineEdit(museum.name)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("The code and name can be changed until the first sync "
                                     "with the regional base.")))
        layout.addRow(self.tr("Museum &code:"), self.code)
        layout.addRow(self.tr("Museum &name:"), self.name)
        layout.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        try:
            self.catalogue.set_museum(self.code.text(), self.name.text())
        except CatalogueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
