"""Deaccession (radiation) of a registered record: date and reason, both required; the record
stays in the register, marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class DeaccessionDialog(QDialog):
    def __init__(self, inventory_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deaccession {number}").format(number=inventory_number))
        intro = QLabel(self.tr(
            "The record stays in the inventory register, marked as deaccessioned with this "
            "date and reason (for example the decision that authorised it)."))
        intro.setWordWrap(True)
        self.date = QLineEdit(date.today().isoformat())
        self.date.setObjectName("deaccessionDate")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("deaccessionReason")
        self.reason.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Deaccession"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(intro)
        date_label, reason_label = QLabel(self.tr("D&ate")), QLabel(self.tr("&Reason"))
        date_label.setBuddy(self.date)
        reason_label.setBuddy(self.reason)
        layout.addRow(date_label, self.date)
        layout.addRow(reason_label, self.reason)
        layout.addRow(self.buttons)
        self.reason.setFocus()

    def values(self) -> tuple[str, str]:
        return self.date.text(), self.reason.toPlainText()
