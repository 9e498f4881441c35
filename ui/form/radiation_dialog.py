"""Radiation (deaccession) of an inscribed record: its legal case, date and decision, all three
required by the register's rules; the record stays in the register, marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from catalogue_app.records.fields import FIELDS_BY_NAME
from ui.labelled_form import add_labelled_rows, ok_cancel, wrapped_label
from ui.language import choice_label


class RadiationDialog(QDialog):
    def __init__(self, inventory_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deaccession {number}").format(number=inventory_number))
        intro = wrapped_label(self.tr(
            "The record stays in the inventory register, marked as deaccessioned with its "
            "legal case, the date and the decision (its reference and date, the committee's "
            "opinion)."))
        self.case = QComboBox()
        self.case.setObjectName("deaccessionCase")
        self.case.addItem(self.tr("(choose the legal case)"), "")
        for choice in FIELDS_BY_NAME["deaccession_case"].values:
            if choice.code:
                self.case.addItem(choice_label(choice), choice.code)
        self.date = QLineEdit(date.today().isoformat())
        self.date.setObjectName("deaccessionDate")
        self.decision = QPlainTextEdit()
        self.decision.setObjectName("deaccessionDecision")
        self.decision.setTabChangesFocus(True)
        self.buttons = ok_cancel(self, self.tr("&Deaccession"))
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(intro)
        add_labelled_rows(layout, ((self.tr("&Legal case"), self.case),
                                   (self.tr("D&ate"), self.date),
                                   (self.tr("De&cision"), self.decision)))
        layout.addRow(self.buttons)
        self.case.setFocus()

    def values(self) -> tuple[str, str, str]:
        """(legal case code, date, decision), as Catalogue.radiate takes them."""
        return self.case.currentData(), self.date.text(), self.decision.toPlainText()
