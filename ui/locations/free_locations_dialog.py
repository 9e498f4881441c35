"""Place the locations typed as free text in the hierarchy, in bulk: every distinct text with
how many objects have it (the most frequent first); choose one or several, pick the place they
mean, and every object with exactly that text moves there. The text is kept verbatim as where
each object came from; texts left unplaced stay as they are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from ui.locations.location_picker import LocationPicker


class FreeLocationsDialog(QDialog):
    def __init__(self, catalogue: Catalogue, apply: Callable[[Changes], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self._apply = catalogue, apply
        self.setWindowTitle(self.tr("Place typed locations"))
        intro = QLabel(self.tr(
            "Locations typed as text, with how many objects have each. Choose one or several, "
            "then the place they mean: their objects move there, and the text is kept as where "
            "they came from."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("freeLocations")
        self.table.setHorizontalHeaderLabels([self.tr("Typed location"), self.tr("Objects")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)  # as the object list's rows
        self.to = LocationPicker(catalogue)
        self.to.setObjectName("freeLocationTo")
        self.to.setCurrentIndex(-1)
        self.place_button = QPushButton(self.tr("&Place here"))
        self.place_button.setObjectName("freeLocationPlace")
        self.place_button.clicked.connect(self.place)
        self.status = QLabel()
        self.status.setObjectName("freeLocationStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        to_label = QLabel(self.tr("&In"))
        to_label.setBuddy(self.to)
        row.addWidget(to_label)
        row.addWidget(self.to, 1)
        row.addWidget(self.place_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()
        self.resize(720, 560)

    def reload(self) -> None:
        texts = self.catalogue.free_locations()
        self.table.setRowCount(len(texts))
        for row, (text, count) in enumerate(texts):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, number)
        if texts:
            self.table.selectRow(0)

    def chosen_texts(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).text() for row in rows]

    def place(self) -> None:
        texts, location_id = self.chosen_texts(), self.to.location_id()
        if not texts or location_id is None:
            self.status.setText(self.to.problem() or self.tr(
                "Choose the typed locations and the place they mean."))
            return
        moved = 0
        try:
            for text in texts:
                changes = self.catalogue.place_free_location(text, location_id)
                moved += len(changes.changed)
                self._apply(changes)
        except CatalogueError as exc:
            self.status.setText(str(exc))
            return
        first = min(index.row() for index in self.table.selectionModel().selectedRows())
        self.reload()
        self.table.selectRow(min(first, self.table.rowCount() - 1))
        self.status.setText(self.tr("{n} object(s) placed in {path}.").format(
            n=moved, path=self.catalogue.location_path(location_id)))
