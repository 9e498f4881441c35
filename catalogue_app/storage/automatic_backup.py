"""Automatic backups from the window (on close and daily while it is open) into the backup
folder chosen for the catalogue (settings BACKUP_FOLDER), with backup_folder.py's rotation and
verification; LAST_BACKUP_AT remembers the last good one, so the status line can say when it
was even while the backup disk is unplugged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from catalogue_app.settings import BACKUP_FOLDER, LAST_BACKUP_AT
from catalogue_app.storage.backup import Snapshot
from catalogue_app.storage.backup_folder import DUE_AFTER, OVERDUE_AFTER, STAMP, BackupFolder

NO_FOLDER = declare(
    "backup.no_folder",
    "No backup folder is chosen for this catalogue: choose one in Record > Backups.")
FOLDER_MISSING = declare(
    "backup.folder_missing",
    "The backup folder {folder} cannot be reached: plug in the backup disk or USB key, or "
    "choose another folder in Record > Backups. Nothing was backed up.")


@dataclass(frozen=True)
class BackupState:
    folder: str  # "" when none is chosen
    last_good: datetime | None

    def is_due(self, now: datetime) -> bool:
        return bool(self.folder) and (self.last_good is None
                                      or now - self.last_good >= DUE_AFTER)

    def is_overdue(self, now: datetime) -> bool:
        return self.last_good is None or now - self.last_good >= OVERDUE_AFTER


def backup_state(catalogue: Catalogue) -> BackupState:
    last = catalogue.setting(LAST_BACKUP_AT)
    return BackupState(catalogue.setting(BACKUP_FOLDER),
                       datetime.fromisoformat(last) if last else None)


def back_up_to_chosen_folder(catalogue: Catalogue, now: datetime | None = None) -> Snapshot:
    """Write, verify and rotate a backup in the chosen folder, and remember it as the last
    good one. The folder itself must exist (an unplugged USB key is said, not recreated on
    the system disk); the backups go in it."""
    chosen = catalogue.setting(BACKUP_FOLDER)
    if not chosen:
        raise CatalogueError(NO_FOLDER)
    if not Path(chosen).is_dir():
        raise CatalogueError(FOLDER_MISSING, folder=chosen)
    snapshot = BackupFolder(Path(chosen)).back_up(catalogue, now)
    made_at = datetime.strptime(snapshot.folder.name, STAMP)
    catalogue.change_setting(LAST_BACKUP_AT, made_at.isoformat())
    return snapshot
