"""The filter panel: only records with images, public or not, away on loan or overdue, an
acquisition-year range and a designation chosen among the most frequent ones (shown with
their counts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui.language import field_label

NO_YEAR = 0  # the spin boxes' "any" value, shown as their special text


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.images = QCheckBox(self.tr("Only records with images"))
        self.public = QComboBox()
        for text, value in ((self.tr("Any"), None), (self.tr("Public"), True),
                            (self.tr("Not public"), False)):
            self.public.addItem(text, value)
        self.loans = QComboBox()
        self.loans.setObjectName("loanFilter")
        for text, value in ((self.tr("Any"), None), (self.tr("On loan"), "out"),
                            (self.tr("Overdue"), "overdue")):
            self.loans.addItem(text, value)
        self.year_from, self.year_to = self._year_box(), self._year_box()
        self.designations = QListWidget()
        self.designations.setObjectName("designationList")
        layout = QFormLayout(self)
        layout.addRow(self.images)
        layout.addRow(self.tr("Public:"), self.public)
        layout.addRow(self.tr("Loans:"), self.loans)
        layout.addRow(self.tr("Acquired from:"), self.year_from)
        layout.addRow(self.tr("to:"), self.year_to)
        # The field's one name, as in the form and the list.
        self.designation_label = QLabel(self.tr("{field}:").format(
            field=field_label(FIELDS_BY_NAME["designation"])))
        # Above its list: beside it, the long name made the panel too wide for 1280 px.
        layout.addRow(self.designation_label)
        layout.addRow(self.designations)
        self.images.toggled.connect(self.changed)
        self.public.currentIndexChanged.connect(self.changed)
        self.loans.currentIndexChanged.connect(self.changed)
        self.year_from.valueChanged.connect(self.changed)
        self.year_to.valueChanged.connect(self.changed)
        self.designations.currentItemChanged.connect(self.changed)
    def refresh(self) -> None:
        """Re-read the designations and their counts, keeping the chosen one."""
        chosen = self.designation()
        counts = self._catalogue.designation_counts()
        self.designations.blockSignals(True)
        self.designations.clear()
        everything = QListWidgetItem(self.tr("(any designation)"))
        self.designations.addItem(everything)
        for designation, count in counts:
            item = QListWidgetItem(f"{designation} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, designation)
            self.designations.addItem(item)
            if designation == chosen:
                self.designations.setCurrentItem(item)
        if self.designations.currentItem() is None:
            self.designations.setCurrentItem(everything)
        self.designations.blockSignals(False)

    def designation(self) -> str | None:
        item = self.designations.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def filters(self) -> dict:
        """The panel's choices as ListFilter fields (None: not narrowed)."""
        return {
            "has_image": True if self.images.isChecked() else None,
            "public": self.public.currentData(),
            "loans": self.loans.currentData(),
            "acquired_from": self.year_from.value() or None,
            "acquired_to": self.year_to.value() or None,
            "designation": self.designation(),
        }

    def _year_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_YEAR, 2100)
        box.setSpecialValueText(self.tr("any"))
        return box
