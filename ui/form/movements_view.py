"""A record's movements in the form, newest first and read-only: a movement is made by
Record > Move… (or the command line), never typed in. The first line is where the object is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from catalogue_app.locations.movements import current_movement
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui.language import choice_label

_REASONS = {choice.code: choice for choice in FIELDS_BY_NAME["movements"].values}


class MovementsView(QPlainTextEdit):
    """Reached with Tab and selectable, like any field of the form."""

    changed = Signal()  # never emitted: the form changes nothing here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFixedHeight(88)
        self._movements: list[dict[str, Any]] = []

    def value(self) -> list[dict[str, Any]]:
        return list(self._movements)

    def set_value(self, value: list[dict[str, Any]] | None) -> None:
        self._movements = list(value or [])
        now = current_movement(self._movements)
        ordered = sorted(self._movements, key=lambda m: m["date"], reverse=True)
        if now is not None:  # a movement dated the same day but entered later comes first
            ordered.remove(now)
            ordered.insert(0, now)
        self.setPlainText("\n".join(self._line(m) for m in ordered) or self.tr("None"))

    def _line(self, movement: dict[str, Any]) -> str:
        reason = _REASONS.get(movement.get("reason", ""))
        line = self.tr("{date}: {to} (from {origin}; {reason}, {user})").format(
            date=movement["date"], to=movement["to"],
            origin=movement.get("from") or self.tr("unknown"),
            reason=choice_label(reason) if reason else movement.get("reason", ""),
            user=movement.get("user") or "?")
        note = movement.get("note")
        return f"{line} — {note}" if note else line
