"""Editors of the register's fields: an enumeration as a drop-down of its labels (the value is
the code), and the rectifications of an inscribed record, read-only (a rectification is made by
Record > Rectify…, never typed in)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from catalogue_app.records.fields import FIELDS_BY_NAME, Field
from ui.language import choice_label, field_label


class ChoiceEditor(QComboBox):
    changed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for choice in field.values:
            self.addItem(choice_label(choice), choice.code)
        self.currentIndexChanged.connect(self.changed)

    def value(self) -> str:
        return self.currentData() or ""

    def set_value(self, value: str | None) -> None:
        index = self.findData(value or "")
        self.setCurrentIndex(max(index, 0))


class RectificationsView(QPlainTextEdit):
    """Read, not edited: reached with Tab and selectable, like any field of the form."""

    changed = Signal()  # never emitted: the form changes nothing here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)
        self._rectifications: list[dict[str, Any]] = []

    def value(self) -> list[dict[str, Any]]:
        return list(self._rectifications)

    def set_value(self, value: list[dict[str, Any]] | None) -> None:
        self._rectifications = list(value or [])
        self.setPlainText("\n".join(self.tr(
            "{date}, {field}: «{old}» → «{new}» ({reason}; {user})").format(
                date=r["date"], field=_label(r["field"]), old=r["old"], new=r["new"],
                reason=r["reason"], user=r["user"])
            for r in self._rectifications) or self.tr("None"))


def _label(name: str) -> str:
    field = FIELDS_BY_NAME.get(name)
    return field_label(field) if field else name
