"""The import progress dialog: every file with its state as the background import settles it,
and a Cancel that stops the workers within a second (files already attached stay attached,
the others are left untouched). The table is brought up to date a few times a second, not at
each file, so that a fast import costs the window a few repaints only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.images.attach import CANCELLED, AttachRequest, AttachResult
from ui import messages
from ui.operations import Job, run_in_background

FILE, RECORD, STATE = range(3)
REFRESH_MS = 200  # how often settled files are shown


class ImportDialog(QDialog):
    """Shows itself, runs the import, emits imported(results) once it has ended."""

    imported = Signal(Changes)  # result: list[AttachResult], one per request, in order

    def __init__(self, catalogue: Catalogue, requests: list[AttachRequest],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageImportDialog")
        self.setWindowTitle(self.tr("Attaching images"))
        self.resize(760, 460)
        self._catalogue, self._requests = catalogue, requests
        self._job: Job | None = None
        self._settled: list[tuple[int, AttachResult]] = []  # not shown yet
        self._shown = 0
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._show_settled)
        self.results: list[AttachResult] = []

        self.summary = QLabel(self.tr("Reading {n} file(s)…").format(n=len(requests)))
        self.progress = QProgressBar()
        self.progress.setRange(0, len(requests))
        self.table = QTableWidget(len(requests), 3)
        self.table.setObjectName("importFiles")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Record"),
                                              self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(FILE, 260)
        for row, request in enumerate(requests):
            self._set(row, FILE, Path(request.file).name, request.file)
            self._set(row, RECORD, request.inventory_number)
            self._set(row, STATE, self.tr("Waiting"))
        self.buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.progress, self.table, self.buttons):
            layout.addWidget(widget)

    def start(self) -> None:
        self.show()
        requests, catalogue = self._requests, self._catalogue
        self._job = run_in_background(
            lambda job: catalogue.attach(requests, cancelled=lambda: job.cancelled,
                                         on_result=lambda index, result: job.report(
                                             (index, result)),
                                         background=True),
            on_report=self._settled.append, on_success=self._finished, on_failure=self._failed,
            parent=self)
        self._refresh.start()

    def is_running(self) -> bool:
        return self._job is not None and not self.results

    def cancel(self) -> None:
        if self.is_running():
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Cancelling… files already attached stay attached."))
        else:
            self.accept()

    def reject(self) -> None:  # Esc and the window's close button cancel a running import
        if self.is_running():
            self.cancel()
        else:
            super().reject()

    def _show_settled(self) -> None:
        if not self._settled:
            return
        for row, result in self._settled:
            self._set(row, RECORD, result.inventory_number or self.table.item(row, RECORD).text())
            self._set(row, STATE, self._state_text(result), result.reason)
        self._shown += len(self._settled)
        self.progress.setValue(self._shown)
        self._settled.clear()

    def _finished(self, changes: Changes) -> None:
        results = changes.result
        self._refresh.stop()
        self._show_settled()
        self.results = results
        for row, result in enumerate(results):
            if self.table.item(row, STATE).text() == self.tr("Waiting"):  # never reported
                self._set(row, STATE, self._state_text(result), result.reason)
        counts = {status: sum(r.status == status for r in results)
                  for status in ("attached", "duplicate", "refused")}
        self.summary.setText(self.tr(
            "{attached} attached, {duplicate} already attached, {refused} not attached.")
            .format(**counts))
        self.progress.setValue(len(results))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.imported.emit(changes)

    def _failed(self, exc: Exception) -> None:
        messages.show_error(self, self.tr("Images not attached"),
                            self.tr("The import stopped: {error}").format(error=exc))
        # Files attached before the failure stay attached: their strip is shown again.
        self._finished(Changes.of(images={r.record_id for r in self._requests if r.record_id},
                                  result=[AttachResult(r.file, "refused", str(exc))
                                          for r in self._requests]))

    def _state_text(self, result: AttachResult) -> str:
        if result.status == "attached":
            return self.tr("Attached — {note}").format(note=result.reason) if result.reason \
                else self.tr("Attached")
        if result.status == "duplicate":
            return self.tr("Already attached to this record")
        if result.reason_code == CANCELLED.code:
            return self.tr("Not attached (cancelled)")
        return self.tr("Not attached: {reason}").format(reason=result.reason)

    def _set(self, row: int, column: int, text: str, tooltip: str = "") -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(tooltip or text)
        self.table.setItem(row, column, item)


def import_images(catalogue: Catalogue, requests: list[AttachRequest], parent: QWidget,
                  on_imported=None) -> ImportDialog:
    """Open the progress dialog and start attaching; on_imported(changes) runs at the end."""
    dialog = ImportDialog(catalogue, requests, parent)
    if on_imported:
        dialog.imported.connect(on_imported)
    dialog.start()
    return dialog
