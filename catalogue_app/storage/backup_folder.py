"""The rotating backup folder: automatic backups (on close and daily while the window is
open, or `catalogue-app backup --rotate FOLDER` from a scheduled task) to a folder the user
chose, on another disk or a USB key.

    FOLDER/2025-03-14T18-05-09/catalogue.sqlite, manifest.json   one backup
    FOLDER/images/ab/cd/<sha256>                                  originals, shared by all

Each backup copies only the originals the folder does not hold yet (a photograph is copied
once, whatever the number of backups), then the folder keeps 7 daily, 4 weekly and 12 monthly
backups (backup_rotation.py) and the originals they use. Only those names are ever written or
removed in FOLDER: the rest of a shared disk is left alone."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.store import ImageStore
from catalogue_app.storage.backup import Snapshot, read_manifest, write_snapshot
from catalogue_app.storage.backup_rotation import backups_to_keep

STAMP = "%Y-%m-%dT%H-%M-%S"  # no colons: FAT and exFAT USB keys refuse them
_STAMPED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d$")
DUE_AFTER = timedelta(days=1)
OVERDUE_AFTER = timedelta(days=7)  # the status line warns from then on


class BackupFolder:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.pool = ImageStore(self.root / "images")

    def backups(self) -> list[tuple[datetime, Path]]:
        """The complete backups (their manifest written), oldest first."""
        found = []
        for folder in self._stamped_folders():
            if (folder / "manifest.json").is_file():
                found.append((datetime.strptime(folder.name, STAMP), folder))
        return sorted(found)

    def last_good(self) -> datetime | None:
        backups = self.backups()
        return backups[-1][0] if backups else None

    def is_due(self, now: datetime) -> bool:
        last = self.last_good()
        return last is None or now - last >= DUE_AFTER

    def is_overdue(self, now: datetime) -> bool:
        last = self.last_good()
        return last is None or now - last >= OVERDUE_AFTER

    def back_up(self, catalogue: Catalogue, now: datetime | None = None) -> Snapshot:
        """Write and verify a new backup, then rotate. A failed one leaves nothing behind."""
        now = (now or datetime.now()).replace(microsecond=0)
        while (self.root / now.strftime(STAMP)).exists():  # two in one second (on close
            now += timedelta(seconds=1)                     # right after a daily one)
        folder = self.root / now.strftime(STAMP)
        folder.mkdir(parents=True)
        try:
            snapshot = write_snapshot(catalogue, folder, self.pool)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self.rotate()
        return snapshot

    def rotate(self) -> None:
        """Remove the backups the rotation no longer keeps, backups left incomplete by a
        crash, and the originals no kept backup uses."""
        backups = dict(self.backups())
        kept = backups_to_keep(backups)
        for made_at, folder in backups.items():
            if made_at not in kept:
                shutil.rmtree(folder)
        for folder in self._stamped_folders():
            if not (folder / "manifest.json").is_file():
                shutil.rmtree(folder)
        manifests = [read_manifest(backups[made_at]) for made_at in kept]
        if None in manifests:  # cannot tell what a kept backup uses: remove no original
            return
        used = {sha256 for manifest in manifests for sha256 in manifest["images"]}
        for original in self.pool.originals():
            if original.name not in used:
                original.unlink()

    def _stamped_folders(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and _STAMPED.match(p.name)]
