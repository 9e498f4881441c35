"""A field's label that wraps onto as many lines as it needs. QFormLayout sizes a row from the
field's height and never asks a label for its height at the width it got, so a long French
label ("Prix d'achat, subventions publiques") was cut to its first lines."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class WrappingLabel(QLabel):
    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The width is the label column's: asking for this height cannot change it back.
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
