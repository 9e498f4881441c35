"""Accepting files dragged from the file manager onto any widget, without subclassing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def start_workers_early() -> None:
    """Files are about to come (dragged in, or a picker opens): the import workers' server
    loads the decoders meanwhile. The attach pipeline itself loads when first used."""
    from catalogue_app.images.attach import start_workers_early as start

    start()


def dropped_paths(mime) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """Event filter: local files dropped on the watched widget go to on_drop(paths); other
    drags (a row moved inside a list...) are left to the widget. Files dragged in announce an
    import: the workers start loading then, not once they are dropped."""

    def __init__(self, widget: QWidget, on_drop: Callable[[list[str]], None]) -> None:
        super().__init__(widget)
        self._on_drop = on_drop
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_paths(event.mimeData()):
                if kind == QEvent.Type.DragEnter:
                    start_workers_early()
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and (paths := dropped_paths(event.mimeData())):
            event.acceptProposedAction()
            self._on_drop(paths)
            return True
        return False
