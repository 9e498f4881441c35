"""The parts of a dialog that asks for a few labelled values, made one way: an explanation said
in full (wrapped, never cut), a label per editor whose mnemonic (Alt+letter) focuses the
editor, an editor's placeholder said in full, a red line saying why what was typed was refused,
and OK and Cancel, OK named after what it does."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

# A row: the label's text and its editor (a widget or a layout of several), and the widget the
# label's mnemonic focuses when the editor is not one (a stack of editors, a row with a button).
Row = tuple[str, QWidget | QLayout] | tuple[str, QWidget | QLayout, QWidget]
# The room a QLineEdit leaves each side of its text, inside its margins (Qt's
# QLineEditPrivate::horizontalMargin).
LINE_EDIT_MARGIN = 2


def wrapped_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _ErrorLabel(QLabel):
    """A wrapped label that makes its window taller when its text needs more lines: a window
    keeps its size when a label gains lines, and a second line was left under the buttons."""

    def setText(self, text: str) -> None:
        super().setText(text)
        window, layout = self.window(), self.window().layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():  # grow only: a window the user enlarged stays so
            window.resize(window.width(), needed)


def placeholder_in_full(editor: QLineEdit) -> None:
    """Make the editor at least as wide as its placeholder (in the language of the moment): a
    hint cut mid-word says nothing, and a translation is often longer than the English."""
    margins = editor.textMargins()
    text_width = (editor.fontMetrics().horizontalAdvance(editor.placeholderText())
                  + margins.left() + margins.right() + 2 * LINE_EDIT_MARGIN)
    option = QStyleOptionFrame()
    editor.initStyleOption(option)
    editor.setMinimumWidth(editor.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit, option, QSize(text_width, editor.sizeHint().height()),
        editor).width())


def error_label() -> QLabel:
    """Where the dialog says why it refused what was typed: in red, said in full."""
    label = _ErrorLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


def add_labelled_rows(form: QFormLayout, rows: Iterable[Row]) -> None:
    for text, editor, *buddy in rows:
        label = QLabel(text)
        label.setBuddy(buddy[0] if buddy else editor)
        form.addRow(label, editor)


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel, accepting and rejecting the dialog; OK says `ok_text` when given."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
