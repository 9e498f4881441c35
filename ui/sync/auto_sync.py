"""Periodic sync: every N minutes (a setting of the catalogue, off by default), started only
while the desk is idle: no sync running, no dialog open, no key pressed or click made for a
minute. It fails as a manual sync does, with the banner; the next try waits the full interval,
so a base that stays unreachable never turns into a retry loop."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from catalogue_app.settings import AUTO_SYNC_MINUTES

if TYPE_CHECKING:
    from ui.sync.window_actions import SyncActions

CHECK_MS = 30_000
IDLE_SECONDS = 60
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                           QEvent.Type.Wheel})


class AutoSync(QObject):
    def __init__(self, actions: SyncActions) -> None:
        super().__init__(actions)
        self.actions = actions
        self.last_input = time.monotonic()
        QApplication.instance().installEventFilter(self)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def due(self) -> bool:
        minutes = self.actions.catalogue.setting(AUTO_SYNC_MINUTES)
        now = time.monotonic()
        return (minutes > 0 and self.actions.job is None
                and QApplication.activeModalWidget() is None
                and now - self.last_input >= IDLE_SECONDS
                and now - self.actions.last_started >= minutes * 60)

    def tick(self) -> None:
        if self.due():
            self.actions.sync_now(automatic=True)
