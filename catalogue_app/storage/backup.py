"""Backups of a catalogue that may be in use: `catalogue-app backup OUT` (one full copy) and
the rotating backup folder (backup_folder.py) share what is written here.

The database is copied with SQLite's online backup API (a snapshot even while another process
writes); originals are write-once and content-addressed, so copying every file the snapshot
references is consistent too, and an original already in the backup is never copied again.
cache/ is derived and rebuilt, so it is not copied. Every backup is verified once written: the
copy's integrity check, and the hash of each original copied; its manifest.json, written
last, says what it holds, so a restore can tell a complete, sound backup from a damaged one."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from catalogue_app import __version__
from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError
from catalogue_app.images.store import ImageStore
from catalogue_app.messages import declare
from catalogue_app.settings import IMAGES_DIR
from catalogue_app.storage.durable_files import file_sha256, sync_directory

MANIFEST = "manifest.json"
NOT_EMPTY = declare(
    "backup.target_not_empty",
    "{folder} already exists and is not empty; choose a new folder.")
COPY_DAMAGED = declare(
    "backup.copy_damaged",
    "The backup written to {folder} failed its check ({problem}); it was removed. Check "
    "the backup disk.")

ORIGINAL_UNREADABLE = declare(
    "backup.original_unreadable",
    "The original {path} could not be backed up ({reason}); no backup was made. Run "
    "`catalogue-app check --fixity` to see which images are damaged.")


@dataclass(frozen=True)
class Snapshot:
    """One backup written and verified: where, how many records, images, and new images."""

    folder: Path
    records: int
    images: int
    copied: int


def backup_catalogue(catalogue: Catalogue, out: Path) -> Snapshot:
    """Write a full copy into the new or empty folder out: a catalogue folder of its own."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise CatalogueError(NOT_EMPTY, folder=out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "cache").mkdir()
    return write_snapshot(catalogue, out, ImageStore(out / "images"))


def write_snapshot(catalogue: Catalogue, folder: Path, pool: ImageStore) -> Snapshot:
    """The database into folder, the originals it uses into pool (those not there yet), both
    verified, then folder/manifest.json. On a failed check nothing is left in folder."""
    partial = folder / (DB_FILE_NAME + ".partial")
    records, hashes = _copy_database(catalogue, partial)
    source = ImageStore(catalogue.images_dir)
    copied = [sha256 for sha256 in hashes if not pool.contains(sha256)]
    for sha256 in copied:
        try:
            pool.add_file(source.path_for(sha256), sha256)
        except (OSError, ValueError) as exc:  # missing or altered in the catalogue itself
            partial.unlink()
            raise CatalogueError(ORIGINAL_UNREADABLE, path=source.path_for(sha256),
                                 reason=getattr(exc, "strerror", None) or exc) from exc
    problem = _first_problem(partial, pool, copied)
    if problem:
        partial.unlink()
        raise CatalogueError(COPY_DAMAGED, folder=folder, problem=problem)
    partial.replace(folder / DB_FILE_NAME)  # a catalogue only once it is complete
    manifest = {"made_at": now_iso(), "app_version": __version__, "records": records,
                "database_sha256": file_sha256(folder / DB_FILE_NAME),
                "images_dir": os.path.relpath(pool.root, folder), "images": hashes}
    _write_json(folder / MANIFEST, manifest)
    return Snapshot(folder, records, len(hashes), len(copied))


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _copy_database(catalogue: Catalogue, partial: Path) -> tuple[int, list[str]]:
    source = sqlite3.connect(catalogue.db_path)
    try:
        target = sqlite3.connect(partial)
        with target:
            source.backup(target)
            # The copy keeps its originals with it, wherever the store was moved.
            target.execute("DELETE FROM settings WHERE key = ?", (IMAGES_DIR.name,))
        target.execute("PRAGMA journal_mode = DELETE")  # one file: nothing beside it to lose
        records = target.execute("SELECT count(*) FROM records").fetchone()[0]
        hashes = [h for (h,) in target.execute("SELECT DISTINCT sha256 FROM images ORDER BY 1")]
        target.close()
    finally:
        source.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    return records, hashes


def _first_problem(database: Path, pool: ImageStore, copied: list[str]) -> str | None:
    """Read back what was just written: SQLite's integrity check, each new original's hash."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    finally:
        conn.close()
    if verdict != "ok":
        return f"{database.name}: {verdict}"
    for sha256 in copied:
        if pool.verify(sha256) != "ok":
            return f"{pool.path_for(sha256)}: not the original"
    return None


def _write_json(path: Path, value: dict) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    partial.replace(path)
    sync_directory(path.parent)
