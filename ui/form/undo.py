"""Form-wide undo: each edit is the form's values before and after it. Typing on in one field
extends the same step, so Ctrl+Z takes back a field's whole edit, across every field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

Values = dict[str, Any]


class FormEdit(QUndoCommand):
    def __init__(self, field: str, step: int, before: Values, after: Values,
                 apply: Callable[[Values, str], None]) -> None:
        super().__init__(field)
        self.field, self.step = field, step
        self.before, self.after = before, after
        self._apply = apply
        self._done = True  # pushed after the widgets already show `after`

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FormEdit) or (other.field, other.step) != (self.field, self.step):
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.after, self.field)

    def undo(self) -> None:
        self._apply(self.before, self.field)
