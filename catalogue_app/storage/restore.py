"""`catalogue-app restore BACKUP [--to DIR]`: put a backup back as the catalogue.

BACKUP is one backup of a rotating folder (FOLDER/<date>/) or a copy made by `backup OUT`.
It is checked whole before anything changes (its database's integrity and its manifest's
hash, every original it uses present and intact): a damaged backup is refused, with what is
wrong, and the catalogue is left as it was. Otherwise the catalogue's current database goes to
a safety copy beside it (catalogue.sqlite.before-restore.<date>.bak), the backup's originals
are added to the image store (originals are never removed: some may be the only copy), and the
backup's database takes the current one's place in one rename. A catalogue open in a
window is not restored over (window_lock.py): the window restores it itself."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from catalogue_app.catalogue import DB_FILE_NAME
from catalogue_app.errors import CatalogueError
from catalogue_app.images.store import ImageStore
from catalogue_app.messages import Message, declare
from catalogue_app.storage.backup import read_manifest
from catalogue_app.storage.durable_files import file_sha256, sync_directory
from catalogue_app.storage.window_lock import windows_open_on
from db.local import schema

WINDOW_OPEN = declare(
    "restore.window_open",
    "The catalogue in {folder} is open in a window (process {pid}). Close that window and "
    "try again, or restore from that window (Record > Restore a backup…). Nothing was "
    "changed.")
NOT_A_BACKUP = declare(
    "restore.not_a_backup",
    "{backup} is not a catalogue backup (it has no {file}). Nothing was changed.")
DAMAGED = declare(
    "restore.backup_damaged",
    "The backup {backup} is damaged and was not restored; the catalogue was left as it was. "
    "Choose an older backup. What is wrong: {problems}")
DATABASE_DAMAGED = declare("restore.database_damaged", "its database fails its check ({reason})")
DATABASE_CHANGED = declare(
    "restore.database_changed", "its database is not the one written at backup time")
ORIGINAL_MISSING = declare("restore.original_missing", "original {sha256} is missing")
ORIGINAL_ALTERED = declare("restore.original_altered", "original {sha256} is altered")
SCHEMA_PROBLEM = declare("restore.schema_problem", "{problem}")
MORE_PROBLEMS = declare("restore.more_problems", "and {n} more")
SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class Restored:
    records: int
    images: int
    safety_copy: Path | None  # the database it replaced, None when there was none


def restore_backup(backup: Path, directory: Path) -> Restored:
    """Restore backup into the catalogue folder directory; refused while a window of
    another process has that catalogue open (the calling process's own window restores
    after closing its catalogue)."""
    backup, directory = Path(backup), Path(directory)
    if windows := windows_open_on(directory, besides=os.getpid()):
        raise CatalogueError(WINDOW_OPEN, folder=directory, pid=windows[0])
    database = backup / DB_FILE_NAME
    if not database.is_file():
        raise CatalogueError(NOT_A_BACKUP, backup=backup, file=DB_FILE_NAME)
    originals, hashes, problems = _check(backup, database)
    if problems:
        shown = [str(problem) for problem in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            shown.append(str(MORE_PROBLEMS(n=len(problems) - SHOWN_PROBLEMS)))
        raise CatalogueError(DAMAGED, backup=backup, problems="; ".join(shown))

    directory.mkdir(parents=True, exist_ok=True)
    store = ImageStore(directory / "images")
    for sha256 in hashes:
        if store.verify(sha256) != "ok":  # missing, or damaged where it is: the backup's
            store.path_for(sha256).unlink(missing_ok=True)
            store.add_file(originals.path_for(sha256), sha256)
    safety_copy = _set_aside(directory)
    incoming = directory / (DB_FILE_NAME + ".restoring")
    shutil.copyfile(database, incoming)
    with open(incoming, "rb+") as f:
        os.fsync(f.fileno())
    incoming.replace(directory / DB_FILE_NAME)
    sync_directory(directory)
    (directory / "cache").mkdir(exist_ok=True)
    with sqlite3.connect(f"file:{directory / DB_FILE_NAME}?mode=ro", uri=True) as conn:
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    conn.close()
    return Restored(records, len(hashes), safety_copy)


def _check(backup: Path, database: Path) -> tuple[ImageStore, list[str], list[Message]]:
    """(where the backup's originals are, the hashes its database uses, what is wrong)."""
    manifest = read_manifest(backup) or {}
    originals = ImageStore((backup / manifest.get("images_dir", "images")).resolve())
    problems: list[Message] = []
    try:
        schema.schema_state(database)  # a newer version's backup, or not a catalogue
    except schema.SchemaError as error:
        from catalogue_app.storage.schema_messages import schema_message

        return originals, [], [SCHEMA_PROBLEM(problem=schema_message(error))]
    if manifest and file_sha256(database) != manifest.get("database_sha256"):
        problems.append(DATABASE_CHANGED())
    hashes: list[str] = []
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            problems.append(DATABASE_DAMAGED(reason=verdict))
        hashes = [h for (h,) in conn.execute("SELECT DISTINCT sha256 FROM images ORDER BY 1")]
    except sqlite3.DatabaseError as exc:
        problems.append(DATABASE_DAMAGED(reason=exc))
    finally:
        conn.close()
    for sha256 in hashes:
        status = originals.verify(sha256)
        if status != "ok":
            kind = ORIGINAL_MISSING if status == "missing" else ORIGINAL_ALTERED
            problems.append(kind(sha256=sha256))
    return originals, hashes, problems


def _set_aside(directory: Path) -> Path | None:
    """Move the current database (and its write-ahead log) to a dated safety copy; without
    its log a restored database would be read with the old one's pages."""
    current = directory / DB_FILE_NAME
    if not current.exists():
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    safety = directory / f"{DB_FILE_NAME}.before-restore.{stamp}.bak"
    for suffix in ("-wal", "-shm"):
        companion = directory / (DB_FILE_NAME + suffix)
        if companion.exists():
            companion.replace(safety.with_name(safety.name + suffix))
    current.replace(safety)
    return safety
