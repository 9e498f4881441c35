"""The Locations menu of the main window: the hierarchy of places, moving the selection (or
objects typed or scanned), placing typed locations in the hierarchy, labels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from catalogue_app.errors import CatalogueError
from ui import messages

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LocationActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(self.tr("&Locations"))
        self.move_action = self._add(self.tr("&Move the selection…"), self.move_selection,
                                     "Ctrl+Shift+M")
        self.manage_action = self._add(self.tr("&Locations…"), self.manage)
        self.free_action = self._add(self.tr("&Place typed locations…"), self.place_free_texts)
        self.labels_action = self._add(self.tr("Location la&bels (PDF)…"),
                                       lambda: self.print_labels([]))

    def _add(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def move_selection(self) -> None:
        """Move the selected records, or the record in the form; more numbers may be typed."""
        if not self.window.may_leave_form():
            return
        from ui.locations.move_dialog import MoveDialog

        ids = self.window.selected_ids()
        if not ids and self.window.form.record_id():
            ids = [self.window.form.record_id()]
        catalogue = self.window.catalogue

        def move(record_ids, location_id, reason, date, note) -> None:
            self.window.apply(catalogue.move(record_ids, location_id, reason, date, note))
            self.window.show_status(self.tr("{n} object(s) moved to {path}.").format(
                n=len(record_ids), path=catalogue.location_path(location_id)), 8000)

        MoveDialog(catalogue, ids, move, self.window).exec()

    def manage(self) -> None:
        from ui.locations.locations_dialog import LocationsDialog

        LocationsDialog(self.window.catalogue, self.window.apply, self.print_labels,
                        self.window).exec()

    def place_free_texts(self) -> None:
        if not self.window.may_leave_form():
            return
        from ui.locations.free_locations_dialog import FreeLocationsDialog

        FreeLocationsDialog(self.window.catalogue, self.window.apply, self.window).exec()

    def print_labels(self, location_ids: list[str]) -> None:
        """Labels of these places (every place when none), written where the user says."""
        from catalogue_app.documents.location_labels import print_location_labels
        from ui.documents.pdf import render_pdf

        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Location labels"), "location-labels.pdf",
            self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        try:
            count = print_location_labels(self.window.catalogue, location_ids, Path(chosen),
                                          render_pdf)
        except (CatalogueError, OSError) as exc:
            messages.show_error(self.window, self.tr("Labels not written"), str(exc))
            return
        self.window.show_status(self.tr("Wrote {n} labels to {file}.").format(
            n=count, file=chosen), 8000)
