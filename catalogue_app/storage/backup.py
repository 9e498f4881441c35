"""`catalogue-app backup OUT`: a consistent copy of a catalogue that may be in use.

The database is copied with SQLite's online backup API (a snapshot even while another process
writes); originals are write-once and content-addressed, so copying every file the snapshot
references is consistent too. cache/ is derived and rebuilt, so it is not copied."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from catalogue_app.settings import IMAGES_DIR

NOT_EMPTY = declare(
    "backup.target_not_empty",
    "{folder} already exists and is not empty; choose a new folder.")


def backup_catalogue(catalogue: Catalogue, out: Path) -> tuple[int, int]:
    """Write the copy into the new or empty folder out; return (records, images) copied."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise CatalogueError(NOT_EMPTY, folder=out)
    out.mkdir(parents=True, exist_ok=True)
    partial = out / (DB_FILE_NAME + ".partial")
    images_dir = catalogue.images_dir
    source = sqlite3.connect(catalogue.db_path)
    try:
        target = sqlite3.connect(partial)
        with target:
            source.backup(target)
            # The copy keeps its originals in its own images/, wherever the store was moved.
            target.execute("DELETE FROM settings WHERE key = ?", (IMAGES_DIR.name,))
        records = target.execute("SELECT count(*) FROM records").fetchone()[0]
        hashes = [h for (h,) in target.execute("SELECT DISTINCT sha256 FROM images")]
        target.close()
    finally:
        source.close()
    for sha256 in hashes:
        relative = Path(sha256[:2], sha256[2:4], sha256)
        destination = out / "images" / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(images_dir / relative, destination)
    (out / "cache").mkdir(exist_ok=True)
    partial.replace(out / DB_FILE_NAME)  # the copy is a catalogue only once it is complete
    return records, len(hashes)
