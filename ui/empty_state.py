"""An empty list says what to do instead of showing a blank rectangle: the text is painted in
the middle of the view's viewport while its model has no rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView


class EmptyState(QObject):
    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view)
        self._view, self._text = view, text
        view.viewport().installEventFilter(self)

    def text(self) -> str:
        """What the view says now ("" while it has rows)."""
        model = self._view.model()
        return "" if model is not None and model.rowCount() else self._text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and (text := self.text()):
            # The view paints what it has (a header's grid, nothing else), then the words.
            self._view.viewportEvent(event)
            painter = QPainter(watched)
            painter.setPen(self._view.palette().color(QPalette.ColorGroup.Disabled,
                                                      QPalette.ColorRole.Text))
            area = watched.rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            painter.end()
            return True
        return False
