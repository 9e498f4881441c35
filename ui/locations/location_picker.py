"""A place chosen by typing part of its path (or its code, or scanning its label) or from the
list of every place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError


class LocationPicker(QComboBox):
    chosen = Signal()  # the text now names a place, or no longer does

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None,
                 *, allow_none: str = "") -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(36)
        self._none = allow_none  # the label of "no place" (the top of the hierarchy), if offered
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.reload()
        self.currentTextChanged.connect(lambda _text: self.chosen.emit())

    def reload(self, exclude: set[str] = frozenset()) -> None:
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        if self._none:
            self.addItem(self._none, None)
        for place in self.catalogue.places():
            if place.id not in exclude:
                label = f"{place.path}  [{place.code}]" if place.code else place.path
                self.addItem(label, place.id)
        self.setEditText(current)
        self.blockSignals(False)

    def location_id(self) -> str | None:
        """The place the text names (a listed path, a path typed, a code, a label's id);
        None for no place or none found."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.itemData(index)
        text = self.currentText().strip()
        if not text:
            return None
        try:
            return self.catalogue.location_id_of(text)
        except CatalogueError:
            return None

    def problem(self) -> str:
        """Why the text names no place ("" when it does, or is empty)."""
        text = self.currentText().strip()
        if not text or self.findText(text, Qt.MatchFlag.MatchFixedString) >= 0:
            return ""
        try:
            self.catalogue.location_id_of(text)
        except CatalogueError as exc:
            return str(exc)
        return ""

    def set_location(self, location_id: str | None) -> None:
        if location_id is None:
            self.setCurrentIndex(0 if self._none else -1)
        else:
            self.setCurrentIndex(self.findData(location_id))
