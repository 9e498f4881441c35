"""Sync in the main window: the Sync menu, the status (last sync, pending changes), a
persistent banner saying in plain words why a sync failed (what the server or the network
said exactly behind "Details"), and the sync itself in the background
(editing stays possible; the sync can be cancelled), started by hand or periodically
(auto_sync.py)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QToolBar

from catalogue_app.catalogue import Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.failures import explain
from catalogue_app.settings import AUTO_SYNC_MINUTES, INSECURE_HTTP_ALLOWED, SERVER_URL
from catalogue_app.sync import tokens
from ui import messages
from ui.operations import Job, run_in_background
from ui.sync.auto_sync import AutoSync

if TYPE_CHECKING:
    from catalogue_app.sync.engine import SyncReport
    from ui.main_window import MainWindow

STATUS_REFRESH_MS = 5000
# Waits between tries while the regional base is down: its Retry-After, at least the first,
# doubling up to the last (seconds).
OUTAGE_RETRY_RANGE = (30, 15 * 60)


class _NoToken(Exception):
    """No token is saved for the regional base's address (found out off the GUI thread)."""


class SyncActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.catalogue = window, window.catalogue
        self.job: Job | None = None
        self.last_started = time.monotonic()  # a periodic sync first waits a full interval
        self._automatic = False
        # While the base is down, the desk tries again by itself (see _retry_later).
        self._outage_retry = QTimer(self, singleShot=True)
        self._outage_retry.timeout.connect(self._retry_after_outage)
        self._outage_wait = 0.0

        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        window.statusBar().addPermanentWidget(self.status_label)
        self.banner = QToolBar(self.tr("Sync problem"))
        self.banner.setObjectName("syncBanner")
        self.banner.setMovable(False)
        self.banner.setStyleSheet("QToolBar { background: #fbe3e4; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.addWidget(self.banner_label)
        self.banner.addAction(self.tr("Sync again"), self.sync_now)
        self.details_action = self.banner.addAction(self.tr("Details…"), self.show_details)
        self.problem_details = ""
        self.banner.addAction(self.tr("Dismiss"), self.banner.hide)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()

        menu = window.menuBar().addMenu(self.tr("&Sync"))
        self.sync_action = self._action(menu, self.tr("&Sync now"), self.sync_now,
                                        "Ctrl+Shift+Y")
        self.cancel_action = self._action(menu, self.tr("&Cancel sync"), self.cancel)
        self.cancel_action.setEnabled(False)
        menu.addSeparator()
        self._action(menu, self.tr("C&onflicts…"), self.open_conflicts)
        self._action(menu, self.tr("Records set &aside…"), self.open_set_aside)
        self._action(menu, self.tr("Sync se&ttings…"), self.open_settings)

        self._timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.update_status)
        self._timer.start()
        window.firstPainted.connect(self.update_status)
        window.catalogueChanged.connect(self._show_changes)
        self.auto_sync = AutoSync(self)

    def _action(self, menu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- status -------------------------------------------------------------------------
    def server_url(self) -> str:
        return self.catalogue.setting(SERVER_URL)

    def update_status(self) -> None:
        status = self.catalogue.sync_status()
        last = status.last_sync_at
        text = (self.tr("Last sync: {when}").format(when=last[:16].replace("T", " "))
                if last else self.tr("Never synced"))
        text += " · " + self.tr("{n} change(s) to send").format(n=status.pending)
        if status.conflicts:
            text += " · " + self.tr("{n} conflict(s)").format(n=status.conflicts)
        if status.set_aside:
            text += " · " + self.tr("{n} set aside").format(n=status.set_aside)
        self.status_label.setText(text)

    def _show_changes(self, changes: Changes) -> None:
        if changes.sync_status:
            self.update_status()

    def show_problem(self, text: str, details: str = "") -> None:
        self.banner_label.setText(text)
        self.problem_details = details
        self.details_action.setVisible(bool(details))
        self.banner.show()

    def show_details(self) -> None:
        messages.show_failure(self.window, self.tr("Sync problem"), self.banner_label.text(),
                              self.problem_details)

    # --- sync ---------------------------------------------------------------------------
    def sync_now(self, *, automatic: bool = False) -> None:
        """Start a sync. A manual one asks for the settings it lacks; a periodic one says in
        the banner what is missing (a dialog should not pop up on its own)."""
        if self.job is not None:
            return
        self.last_started = time.monotonic()
        url = self.server_url()
        if not url:
            if automatic:
                self._show_settings_missing()
                return
            self.open_settings()
            url = self.server_url()
            if not url:
                return
        catalogue = self.catalogue
        allow_insecure_http = catalogue.setting(INSECURE_HTTP_ALLOWED) == url

        def work(job: Job) -> SyncReport:
            # Off the GUI thread: the first keyring lookup of a session loads the keyring's
            # backends (about half a second), and the HTTP client and the engine load only
            # when a sync starts, not at start-up.
            token = tokens.load_token(url)
            if not token:
                raise _NoToken()
            from catalogue_app.sync.client import RegionalClient
            from catalogue_app.sync.engine import Synchroniser

            with RegionalClient(url, token, allow_insecure_http=allow_insecure_http) as client:
                return Synchroniser(catalogue, client, token, progress=job.progress,
                                    cancelled=lambda: job.cancelled).run()

        self._automatic = automatic
        self.sync_action.setEnabled(False)
        self.cancel_action.setEnabled(True)
        self.window.statusBar().showMessage(self.tr("Syncing with {url}…").format(url=url))
        self.job = run_in_background(work, on_success=self._done, on_failure=self._failed,
                                     on_progress=self._progress, parent=self)

    def _show_settings_missing(self) -> None:
        """A periodic sync cannot open the settings dialog by itself: it says what is missing."""
        self.show_problem(self.tr("Periodic sync needs the regional base's address and a token:"
                                  " set them in Sync settings."))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, _done: int, _total: int, text: str) -> None:
        self.window.statusBar().showMessage(self.tr("Syncing: {step}").format(step=text))

    def _finished(self) -> None:
        self.job = None
        self.sync_action.setEnabled(True)
        self.cancel_action.setEnabled(False)
        self.window.apply(Changes.everything())  # whatever the regional base sent

    def _done(self, report: SyncReport) -> None:
        self._finished()
        self._outage_wait = 0.0
        self.window.statusBar().showMessage(self.tr("Sync done: {summary}").format(
            summary=report.summary()), 10_000)
        if report.refused:
            self.show_problem(self.tr("The regional base refused {n} record(s): {first}")
                              .format(n=len(report.refused), first=report.refused[0]))
        elif report.set_aside:
            self.show_problem(self.tr("{n} record(s) from the regional base were set aside"
                                      " (Sync > Records set aside): {first}")
                              .format(n=len(report.set_aside), first=report.set_aside[0]))
        elif report.notices:  # the base is too old for the locations: they stay here
            self.show_problem(report.notices[0])
        else:
            self.banner.hide()
        if report.conflicts and not self._automatic:
            self.open_conflicts()  # a periodic sync leaves them counted in the status bar

    def _failed(self, error: Exception) -> None:
        from catalogue_app.sync.client import SyncError

        self._finished()
        self.window.statusBar().clearMessage()
        if isinstance(error, _NoToken):
            if self._automatic:
                self._show_settings_missing()
            else:
                self.open_settings()
                if tokens.load_token(self.server_url()):
                    self.sync_now()
            return
        if isinstance(error, SyncError) and error.retry_after is not None:
            self._retry_later(error.retry_after)
        if isinstance(error, SyncError | CatalogueError):
            self.show_problem(str(error), getattr(error, "technical", ""))
        else:  # logged with its traceback by ui/operations.py
            self.show_problem(str(explain(error)), getattr(error, "details", ""))

    def _retry_later(self, retry_after: float) -> None:
        """The base is down: try again by itself, at first after what the base asked, then
        waiting twice as long each time it is still down."""
        shortest, longest = OUTAGE_RETRY_RANGE
        self._outage_wait = min(longest, max(shortest, retry_after, self._outage_wait * 2))
        self._outage_retry.start(int(self._outage_wait * 1000))

    def _retry_after_outage(self) -> None:
        if self.window.isVisible():  # a window closed meanwhile syncs no more
            self.sync_now(automatic=True)

    # --- dialogs ------------------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.sync.settings_dialog import SyncSettingsDialog

        dialog = SyncSettingsDialog(
            self.server_url(), self.catalogue.setting(AUTO_SYNC_MINUTES),
            self.window, insecure_allowed=self.catalogue.setting(INSECURE_HTTP_ALLOWED))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not dialog.server_url().startswith(("https://", "http://")) or not dialog.token():
            messages.show_error(self.window, self.tr("Sync settings"), self.tr(
                "Give the regional base's address (https://…) and your token."))
            return
        note = dialog.save_token()
        self.catalogue.change_setting(SERVER_URL, dialog.server_url())
        self.catalogue.change_setting(INSECURE_HTTP_ALLOWED, dialog.insecure_allowed())
        self.catalogue.change_setting(AUTO_SYNC_MINUTES, dialog.auto_sync_minutes())
        if note:
            self.window.statusBar().showMessage(note, 15_000)

    def open_set_aside(self) -> None:
        from ui.sync.set_aside_dialog import SetAsideDialog

        SetAsideDialog(self.catalogue.set_aside_records(), self.window).exec()

    def open_conflicts(self) -> None:
        from ui.sync.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(self.catalogue, self.window)
        dialog.changed.connect(self.window.apply)
        dialog.exec()
