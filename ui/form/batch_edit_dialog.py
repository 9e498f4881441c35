"""Batch edit: one field over the selected records — set, append or clear — with a live
preview of every record it changes, before anything is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records.batch_edit import BatchChange, batch_editable_fields
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.multivalue import join_authors, join_values
from ui.labelled_form import add_labelled_rows, ok_cancel, wrapped_label
from ui.language import field_label


class BatchEditDialog(QDialog):
    def __init__(self, catalogue: Catalogue, record_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self.record_ids = catalogue, record_ids
        self.setWindowTitle(self.tr("Batch edit {n} records").format(n=len(record_ids)))
        self.resize(720, 480)
        self.field = QComboBox()
        self.field.setObjectName("batchField")
        for name in batch_editable_fields():
            self.field.addItem(field_label(FIELDS_BY_NAME[name]), name)
        self.operation = QComboBox()
        self.operation.setObjectName("batchOperation")
        for operation, text in (("set", self.tr("Set to")), ("append", self.tr("Append")),
                                ("clear", self.tr("Clear"))):
            self.operation.addItem(text, operation)
        self.value = QLineEdit()
        self.value.setObjectName("batchValue")
        self.value.setPlaceholderText(self.tr("several values: a ; b    yes/no for a tick box"))
        self.preview_list = QTreeWidget()
        self.preview_list.setObjectName("batchPreview")
        self.preview_list.setHeaderLabels([self.tr("Inventory number"), self.tr("Before"),
                                           self.tr("After")])
        self.preview_list.setRootIsDecorated(False)
        self.summary = wrapped_label()
        self.summary.setObjectName("batchSummary")
        self.buttons = ok_cancel(self, self.tr("A&pply"))
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QFormLayout(self)
        add_labelled_rows(layout, ((self.tr("&Field"), self.field),
                                   (self.tr("&Operation"), self.operation),
                                   (self.tr("&Value"), self.value)))
        layout.addRow(self.summary)
        layout.addRow(self.preview_list)
        layout.addRow(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh_preview)
        self.field.currentIndexChanged.connect(self._timer.start)
        self.operation.currentIndexChanged.connect(self._timer.start)
        self.value.textChanged.connect(self._timer.start)
        self.changes: list[BatchChange] = []
        self.refresh_preview()

    def choice(self) -> tuple[str, str, str | bool]:
        """(field, operation, value) as the batch service takes them."""
        field = self.field.currentData()
        value: str | bool = self.value.text()
        if FIELDS_BY_NAME[field].type == "boolean":
            value = value.strip().casefold() in ("yes", "oui", "true", "1", "x",
                                                 self.tr("yes").casefold())
        return field, self.operation.currentData(), value

    def refresh_preview(self) -> None:
        self._timer.stop()
        self.value.setEnabled(self.operation.currentData() != "clear")
        self.preview_list.clear()
        try:
            self.changes = self.catalogue.preview_batch(self.record_ids, *self.choice())
        except CatalogueError as exc:
            self.changes = []
            self.summary.setText(str(exc))
            self.apply_button.setEnabled(False)
            return
        for change in self.changes:
            self.preview_list.addTopLevelItem(QTreeWidgetItem(
                [change.inventory_number, _text(change.before), _text(change.after)]))
        self.summary.setText(self.tr("{n} of {total} selected records will change.").format(
            n=len(self.changes), total=len(self.record_ids)))
        self.apply_button.setEnabled(bool(self.changes))


def _text(value: Any) -> str:
    if isinstance(value, list):
        return join_authors(value) if value and isinstance(value[0], dict) else join_values(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)
