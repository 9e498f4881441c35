"""Rectification of an inscribed record (design.md §3): which locked column, its new value and
the reason, all printed in the register; the old value is kept in the rectification."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.register_rules import LOCKED_FIELDS, RADIATION_FIELDS
from ui.form.register_editors import ChoiceEditor
from ui.labelled_form import add_labelled_rows, ok_cancel, wrapped_label
from ui.language import field_label


class RectifyDialog(QDialog):
    def __init__(self, record: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Rectify {number}").format(
            number=record["inventory_number"]))
        intro = wrapped_label(self.tr(
            "Record {number} is inscribed in the register: a column already written changes "
            "only by a dated rectification, kept with the record and printed in the "
            "register's observations.").format(number=record["inventory_number"]))
        self.field = QComboBox()
        self.field.setObjectName("rectifyField")
        radiated = record.get("status") == "deaccessioned"
        for name in LOCKED_FIELDS + (RADIATION_FIELDS if radiated else ()):
            self.field.addItem(field_label(FIELDS_BY_NAME[name]), name)
        self.old = wrapped_label()
        self.old.setObjectName("rectifyOld")
        # The new value: typed text, or one of an enumeration's values.
        self.text = QLineEdit()
        self.text.setObjectName("rectifyValue")
        self.choices = {name: ChoiceEditor(FIELDS_BY_NAME[name]) for name in RADIATION_FIELDS
                        if FIELDS_BY_NAME[name].values}
        self.value = QStackedWidget()
        self.value.addWidget(self.text)
        for editor in self.choices.values():
            self.value.addWidget(editor)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("rectifyReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(72)
        self.buttons = ok_cancel(self, self.tr("&Rectify"))
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(intro)
        add_labelled_rows(layout, ((self.tr("&Column"), self.field),
                                   (self.tr("Now reads"), self.old),
                                   (self.tr("&New value"), self.value, self.text),
                                   (self.tr("R&eason"), self.reason)))
        layout.addRow(self.buttons)
        self.field.currentIndexChanged.connect(self._field_chosen)
        self._field_chosen()
        self.resize(560, self.sizeHint().height())

    def _field_chosen(self) -> None:
        name = self.field.currentData()
        current = str(self.record.get(name) or "")
        self.old.setText(current or self.tr("(empty)"))
        choice = self.choices.get(name)
        if choice is not None:
            choice.set_value(current)
            self.value.setCurrentWidget(choice)
        else:
            self.text.setText(current)
            self.value.setCurrentWidget(self.text)

    def values(self) -> tuple[str, str, str]:
        """(field, new value, reason), as Catalogue.rectify takes them."""
        name = self.field.currentData()
        choice = self.choices.get(name)
        value = choice.value() if choice is not None else self.text.text()
        return name, value, self.reason.toPlainText()
