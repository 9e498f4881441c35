"""One place of the hierarchy, new or edited: its name, where it is (the place that holds it),
its code (printed on its label) and its kind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.locations.kinds import KINDS
from catalogue_app.locations.tree import Place
from ui.labelled_form import add_labelled_rows, error_label, ok_cancel
from ui.language import choice_label
from ui.locations.location_picker import LocationPicker


class LocationEditDialog(QDialog):
    """Closes once `save` took its values; a refusal is said in the dialog, which stays."""

    def __init__(self, catalogue: Catalogue, place: Place | None, parent_id: str | None,
                 save: Callable[[dict], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Edit location") if place else self.tr("New location"))
        self.name = QLineEdit(place.name if place else "")
        self.name.setObjectName("locationName")
        self.inside = LocationPicker(catalogue, allow_none=self.tr("(top of the hierarchy)"))
        self.inside.setObjectName("locationParent")
        if place is not None:  # not under itself or what it holds
            self.inside.reload(exclude=set(catalogue.places_below(place.id)))
        self.inside.set_location(place.parent_id if place else parent_id)
        self.code = QLineEdit(place.code if place else "")
        self.code.setObjectName("locationCode")
        self.kind = QComboBox()
        self.kind.setObjectName("locationKind")
        for kind in KINDS:
            self.kind.addItem(choice_label(kind) or self.tr("(not said)"), kind.code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(place.kind if place else "")))
        self.problem = error_label()
        self.problem.setObjectName("locationProblem")
        layout = QFormLayout(self)
        add_labelled_rows(layout, ((self.tr("&Name"), self.name), (self.tr("&Inside"), self.inside),
                                   (self.tr("&Code"), self.code), (self.tr("&Kind"), self.kind)))
        layout.addRow(self.problem)
        layout.addRow(ok_cancel(self))
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name.text(), "parent_id": self.inside.location_id(),
                "code": self.code.text(), "kind": self.kind.currentData()}

    def accept(self) -> None:
        problem = self.inside.problem()
        if problem:
            self.problem.setText(problem)
            return
        try:
            self._save(self.values())
        except CatalogueError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
