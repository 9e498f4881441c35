"""Automatic backups from the window: on close and daily while it is open, into the folder
chosen in Record > Backups (catalogue_app/storage/automatic_backup.py), on a pool thread so the
window never freezes; a status line says when the last good backup was made and warns when
none is configured or none succeeded for 7 days. Record > Restore a backup… puts one back
(ui/backups/restore.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressDialog

from catalogue_app.errors import CatalogueError
from catalogue_app.failures import explain
from catalogue_app.storage.automatic_backup import (
    BackupState,
    back_up_to_chosen_folder,
    backup_state,
)
from ui import messages
from ui.operations import Job, run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CHECK_EVERY_MS = 15 * 60 * 1000  # is a daily backup due? (and the status line's "n days")
WARNING_STYLE = "color: #b00020"


class BackupActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.catalogue = window, window.catalogue
        self.job: Job | None = None
        self.last_problem = ""
        self._closing = False  # the backup on close is under way or done: close for real

        self.status_label = QLabel()
        self.status_label.setObjectName("backupStatus")
        window.statusBar().addPermanentWidget(self.status_label)
        self.settings_action = QAction(self.tr("&Backups…"), window)
        self.settings_action.triggered.connect(self.open_settings)
        self.restore_action = QAction(self.tr("&Restore a backup…"), window)
        self.restore_action.triggered.connect(self.restore)
        window.record_menu.insertActions(window.settings_action,
                                         [self.settings_action, self.restore_action])

        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.back_up_if_due)
        self._timer.start()
        window.firstPainted.connect(self.back_up_if_due)

    # --- status -------------------------------------------------------------------------
    def update_status(self, state: BackupState | None = None) -> None:
        state = state or backup_state(self.catalogue)
        now = datetime.now()
        if self.job is not None:
            text, warn = self.tr("Backing up…"), False
        elif not state.folder:
            text, warn = self.tr("Automatic backups are off (Record > Backups)"), True
        elif state.last_good is None:
            text, warn = self.tr("No backup yet"), True
        elif state.is_overdue(now):
            text, warn = self.tr("No backup for {n} days").format(
                n=(now - state.last_good).days), True
        else:
            text, warn = self.tr("Last backup: {when}").format(
                when=state.last_good.isoformat(" ", "minutes")), False
        if self.last_problem and self.job is None:
            text, warn = self.tr("Last backup failed"), True
        self.status_label.setText(("⚠ " if warn else "") + text)
        self.status_label.setStyleSheet(WARNING_STYLE if warn else "")
        self.status_label.setToolTip(self.last_problem)

    # --- backing up ---------------------------------------------------------------------
    def back_up_if_due(self) -> None:
        state = backup_state(self.catalogue)
        if self.job is None and state.is_due(datetime.now()):
            self.back_up()
        else:
            self.update_status(state)

    def back_up(self, on_done=None) -> Job | None:
        """Start a backup (unless one is under way); on_done(succeeded) runs after it."""
        if self.job is not None:
            return None

        def finished(problem: str) -> None:
            self.job, self.last_problem = None, problem
            self.update_status()
            if problem:
                self.window.show_status(problem, 15_000)
            if on_done is not None:
                on_done(not problem)

        def failed(error: Exception) -> None:
            finished(str(error) if isinstance(error, CatalogueError) else str(explain(error)))

        self.job = run_in_background(lambda _job: back_up_to_chosen_folder(self.catalogue),
                                     on_success=lambda _snapshot: finished(""),
                                     on_failure=failed, parent=self)
        self.update_status()
        return self.job

    def hold_close(self) -> bool:
        """On closing the window: True to keep it open while a last backup is written (it
        closes by itself afterwards, failed or not, after saying a failure)."""
        if self._closing or self.window.reopening or not backup_state(self.catalogue).folder:
            return False
        self._closing = True
        self._timer.stop()
        progress = QProgressDialog(self.tr("Backing up the catalogue before closing…"), "", 0,
                                   0, self.window)
        progress.setWindowTitle(self.tr("Backup"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def done(succeeded: bool) -> None:
            progress.close()
            if not succeeded:
                messages.show_error(self.window, self.tr("Backup"), self.tr(
                    "The backup on closing failed: {problem}").format(problem=self.last_problem))
            self.window.close()

        if self.job is not None:  # a daily one is under way: it is the backup on close
            self.job.succeeded.connect(lambda _result: done(True))
            self.job.failed.connect(lambda _error: done(False))
        else:
            self.back_up(done)
        return True

    # --- dialogs ------------------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.backups.settings_dialog import BackupSettingsDialog

        BackupSettingsDialog(self, self.window).exec()
        self.update_status()

    def restore(self) -> None:
        from ui.backups.restore import Restorer

        Restorer(self.window).run()
