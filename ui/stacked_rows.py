"""Button rows and small editor groups laid out on a few short lines instead of one long one,
so that the form and the side panels fit a 1280 px screen beside the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def stacked_rows(*rows: Sequence[QWidget], stretch: Sequence[QWidget] = (),
                 parent: QWidget | None = None) -> QVBoxLayout:
    """One line per row, left-aligned; widgets in `stretch` take a line's spare width."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    for row in rows:
        line = QHBoxLayout()
        for widget in row:
            line.addWidget(widget, 1 if widget in stretch else 0)
        if not any(widget in stretch for widget in row):
            line.addStretch(1)
        layout.addLayout(line)
    return layout
