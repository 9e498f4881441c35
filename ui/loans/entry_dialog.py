"""What the loan and condition report dialogs share: labelled rows with mnemonics, an error
said inside the dialog (which stays open, nothing lost), and Save / Cancel. The dialog hands
its values to `submit` (a Catalogue verb): it closes only once the verb took them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from catalogue_app.errors import CatalogueError
from ui.labelled_form import error_label, ok_cancel

Submit = Callable[[dict[str, Any]], object]


class EntryDialog(QDialog):
    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.error = error_label()
        self.error.setObjectName("entryError")
        self.error.hide()
        self.buttons = ok_cancel(self, self.tr("&Save"))

    def add_row(self, text: str, editor: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(editor)
        self.form.addRow(label, editor)
        return label

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._submit(self.values())
        except CatalogueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    editor = QLineEdit(text)
    editor.setObjectName(name)
    editor.setPlaceholderText(placeholder)
    return editor


def text_box(name: str, text: str = "", height: int = 52) -> QPlainTextEdit:
    """Several lines; Tab goes on to the next field, as in the form."""
    editor = QPlainTextEdit(text)
    editor.setObjectName(name)
    editor.setTabChangesFocus(True)
    editor.setFixedHeight(height)
    return editor
