"""Record > Restore a backup…: choose one (from the backup folder, or any backup folder or
`catalogue-app backup` copy), confirm, then the window closes its catalogue, the backup is
checked and put back with a safety copy of the current database (storage/restore.py, on a
pool thread), and a new window opens on the restored catalogue. A damaged backup is refused
and the catalogue reopens as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.failures import explain
from catalogue_app.settings import BACKUP_FOLDER, USER_NAME
from catalogue_app.storage.backup import read_manifest
from catalogue_app.storage.backup_folder import BackupFolder
from catalogue_app.storage.restore import Restored, restore_backup
from ui import messages
from ui.labelled_form import ok_cancel
from ui.operations import run_in_background


class RestoreDialog(QDialog):
    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumSize(560, 380)
        intro = QLabel(self.tr(
            "The backup replaces the whole catalogue; the current one is kept as a safety "
            "copy beside it. Choose a backup:"))
        intro.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        folder = catalogue.setting(BACKUP_FOLDER)
        for _made_at, backup in reversed(BackupFolder(Path(folder)).backups() if folder else []):
            self._add(backup)
        other = QPushButton(self.tr("&Another backup…"))
        other.clicked.connect(self.browse)
        self.buttons = ok_cancel(self, self.tr("&Restore…"))
        self.backups.currentItemChanged.connect(self._selection_changed)
        self.backups.setCurrentRow(0)
        self._selection_changed()
        layout = QVBoxLayout(self)
        for widget in (intro, self.backups, other, self.buttons):
            layout.addWidget(widget)

    def _add(self, backup: Path) -> QListWidgetItem:
        manifest = read_manifest(backup) or {}
        made_at = (manifest.get("made_at") or "")[:16].replace("T", " ")
        text = self.tr("{when} — {records} records, {images} images").format(
            when=made_at or backup.name, records=manifest.get("records", "?"),
            images=len(manifest.get("images", ())))
        item = QListWidgetItem(text, self.backups)
        item.setToolTip(str(backup))
        item.setData(Qt.ItemDataRole.UserRole, str(backup))
        return item

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("A backup"))
        if chosen:
            self.backups.setCurrentItem(self._add(Path(chosen)))

    def _selection_changed(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.backups.currentItem() is not None)

    def chosen(self) -> Path:
        return Path(self.backups.currentItem().data(Qt.ItemDataRole.UserRole))


class Restorer(QObject):
    """One restore from the window, from the choice to the reopened window."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.directory, self.preferences = window.catalogue.directory, window.preferences
        self.progress: QProgressDialog | None = None

    def run(self) -> None:
        window = self.window
        dialog = RestoreDialog(window.catalogue, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        backup = dialog.chosen()
        if window.sync_actions.job is not None or window.backup_actions.job is not None:
            messages.show_error(window, self.tr("Restore a backup"), self.tr(
                "A sync or a backup is under way: restore once it has finished."))
            return
        if not messages.confirm(window, self.tr("Restore a backup"), self.tr(
                "Replace the whole catalogue with the backup {backup}? The current catalogue "
                "is kept as a safety copy beside it.").format(backup=backup)):
            return
        if not window.may_leave_form():
            return
        self.geometry = window.saveGeometry()
        self.progress = QProgressDialog(self.tr("Checking and restoring the backup…"), "", 0, 0)
        self.progress.setWindowTitle(self.tr("Restore a backup"))
        self.progress.setCancelButton(None)
        self.progress.show()  # the application's window meanwhile: closing the old one
        window.reopening = True  # does not quit, nor back up
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        window.catalogue.close()
        _kept.add(self)
        run_in_background(lambda _job: restore_backup(backup, self.directory),
                          on_success=self.reopen, on_failure=self.failed)

    def failed(self, error: Exception) -> None:
        self.reopen(None, str(error) if isinstance(error, CatalogueError)
                    else str(explain(error)))

    def reopen(self, restored: Restored | None, problem: str = "") -> None:
        """A new window on the catalogue, restored or, after a refusal, as it was."""
        from ui.main_window import MainWindow

        catalogue = Catalogue.open(self.directory, user=self.preferences.get(USER_NAME))
        QApplication.instance().aboutToQuit.connect(catalogue.close)
        window = MainWindow(catalogue, self.preferences)
        window.restoreGeometry(self.geometry)
        window.show()
        self.progress.close()
        self.reopened = window  # kept: nothing else holds the new window
        if problem:
            messages.show_error(window, self.tr("Restore a backup"), problem)
            return
        text = self.tr("Restored {records} records and {images} images.").format(
            records=restored.records, images=restored.images)
        if restored.safety_copy:
            text += " " + self.tr("The catalogue it replaced was kept as {path}.").format(
                path=restored.safety_copy)
        messages.show_info(window, self.tr("Restore a backup"), text)


# Restores started, kept alive with the window each reopens (the old window is gone).
_kept: set[Restorer] = set()
