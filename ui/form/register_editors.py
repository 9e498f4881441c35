"""Editors of the register's fields: an enumeration as a drop-down of its labels (the value is
the code), and the rectifications and récolement checks of a record, read-only (a rectification
is made by Record > Rectify…, a check in the récolement window, never typed in); EntriesView
is also the movements' (movements_view.py)."""

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


class EntriesView(QPlainTextEdit):
    """A list of dated entries (rectifications, récolement checks, movements), one line each:
    read, not edited, reached with Tab and selectable, like any field of the form."""

    changed = Signal()  # never emitted: the form changes nothing here
    HEIGHT = 64  # pixels: about three lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.HEIGHT)
        self._entries: list[dict[str, Any]] = []

    def value(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def set_value(self, value: list[dict[str, Any]] | None) -> None:
        self._entries = list(value or [])
        lines = map(self.describe, self.in_order(self._entries))
        self.setPlainText("\n".join(lines) or self.tr("None"))

    def in_order(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The entries as shown, one a line: as they were made, unless a view says otherwise."""
        return entries

    def describe(self, entry: dict[str, Any]) -> str:
        raise NotImplementedError


class RectificationsView(EntriesView):
    def describe(self, entry: dict[str, Any]) -> str:
        return self.tr("{date}, {field}: «{old}» → «{new}» ({reason}; {user})").format(
            date=entry["date"], field=_label(entry["field"]), old=entry["old"],
            new=entry["new"], reason=entry["reason"], user=entry["user"])


class RecolementChecksView(EntriesView):
    """What each récolement found (made in the récolement window, never typed in here)."""

    def describe(self, entry: dict[str, Any]) -> str:
        result = self.tr("found") if entry["result"] == "found" else self.tr("not found")
        state = next((choice_label(c) for c in FIELDS_BY_NAME["recolement_checks"].values
                      if c.code == entry["state"] and c.code), "")
        details = "; ".join(t for t in (state, entry["location"], entry["note"], entry["user"])
                            if t)
        return self.tr("{date}: {result} ({details})").format(
            date=entry["date"][:10], result=result, details=details)


def _label(name: str) -> str:
    field = FIELDS_BY_NAME.get(name)
    return field_label(field) if field else name
