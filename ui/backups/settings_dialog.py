"""Record > Backups: the folder automatic backups go to (another disk, a USB key), and a
backup made at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.settings import BACKUP_FOLDER
from ui.labelled_form import add_labelled_rows, ok_cancel, wrapped_label


class BackupSettingsDialog(QDialog):
    def __init__(self, actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions, self.catalogue = actions, actions.catalogue
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumWidth(640)
        intro = wrapped_label(self.tr(
            "The catalogue and its images are backed up when the window closes and once a "
            "day while it is open, into the folder below: choose one on another disk or a USB "
            "key, not on this computer's own disk. Images are copied once; each backup is "
            "checked after writing; the folder keeps 7 daily, 4 weekly and 12 monthly "
            "backups."))
        self.folder = QLineEdit(self.catalogue.setting(BACKUP_FOLDER))
        self.folder.setObjectName("backupFolder")
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.now_button = QPushButton(self.tr("&Back up now"))
        self.now_button.clicked.connect(self.back_up_now)
        self.result = wrapped_label()
        self.result.setObjectName("backupResult")
        form = QFormLayout()
        add_labelled_rows(form, ((self.tr("Backup &folder:"), row, self.folder),))
        form.addRow("", self.now_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(ok_cancel(self))

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _keep_folder(self) -> None:
        self.catalogue.change_setting(BACKUP_FOLDER, self.folder.text().strip())

    def back_up_now(self) -> None:
        self._keep_folder()
        self.now_button.setEnabled(False)
        self.result.setText(self.tr("Backing up…"))

        def done(succeeded: bool) -> None:
            self.now_button.setEnabled(True)
            self.result.setText(self.tr("Backed up and checked.") if succeeded
                                else self.actions.last_problem)

        if self.actions.back_up(done) is None:
            self.now_button.setEnabled(True)
            self.result.setText(self.tr("A backup is already under way."))

    def accept(self) -> None:
        self._keep_folder()
        super().accept()
