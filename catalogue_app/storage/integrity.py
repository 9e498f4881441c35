"""`catalogue-app check`: SQLite's own checks plus the catalogue's invariants, and with
--fixity a re-hash of every stored original. Each problem is one line saying what and where.
Originals that nothing uses any more are listed too, never deleted: the curator decides."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from catalogue_app.catalogue import DB_FILE_NAME
from catalogue_app.messages import Message, MessageKind, declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.settings import IMAGES_DIR

NO_NUMBER = declare("check.no_number", "record {record} has no inventory number")
TRASHED_INSCRIBED = declare(
    "check.trashed_inscribed",
    "record {record} is in the trash although it is in the register ({value})")
UNKNOWN_STATUS = declare("check.unknown_status", "record {record} has an unknown status {value!r}")
PRIMARY_IMAGES = declare("check.primary_images", "record {record} has {value} primary images")
PRESENT_AND_DELETED = declare(
    "check.present_and_deleted",
    "record {record} ({value}) is both present and deleted")
MUSEUMS = declare("check.several_museums", "{record} museums in one catalogue")
DATABASE = declare("check.database", "database: {problem}")
DANGLING = declare(
    "check.dangling_row",
    "database: table {table} row {rowid} points to a missing row of {parent}")
KEY_OUT_OF_STEP = declare(
    "check.key_out_of_step",
    "record {record_id} ({number}): its uniqueness key is out of step with its number")
ORIGINAL_MISSING = declare("check.original_missing", "image {sha256}: original missing ({path})")
ORIGINAL_ALTERED = declare("check.original_altered", "image {sha256}: original altered ({path})")
# Each invariant: an SQL query returning offending rows (the record, a value), and the
# message for one row.
INVARIANTS: tuple[tuple[str, MessageKind], ...] = (
    ("SELECT id, inventory_number FROM records WHERE trim(inventory_number) = ''", NO_NUMBER),
    ("SELECT id, register_date FROM records WHERE trashed_at IS NOT NULL "
     "AND trim(register_date) <> ''", TRASHED_INSCRIBED),
    ("SELECT id, status FROM records WHERE status NOT IN ('active', 'missing', 'deaccessioned')",
     UNKNOWN_STATUS),
    ("SELECT record_id, count(*) FROM images WHERE is_primary GROUP BY record_id "
     "HAVING count(*) > 1", PRIMARY_IMAGES),
    ("SELECT t.record_id, t.inventory_number FROM tombstones t JOIN records r "
     "ON r.id = t.record_id", PRESENT_AND_DELETED),
    ("SELECT count(*), 0 FROM museum HAVING count(*) > 1", MUSEUMS),
)


def check_catalogue(directory: Path, *, fixity: bool = False) -> list[Message]:
    """Every problem found, as a sentence; an empty list means the catalogue is sound.

    Reads the file directly, read-only, so that even a catalogue too damaged to open (or to
    upgrade) gets a report instead of an error."""
    db_path = directory / DB_FILE_NAME
    problems: list[Message] = []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        problems += [DATABASE(problem=row[0]) for row in conn.execute("PRAGMA integrity_check")
                     if row[0] != "ok"]
        problems += [
            DANGLING(table=table, rowid=rowid, parent=parent)
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        for query, kind in INVARIANTS:
            problems += [kind(record=record, value=value)
                         for record, value in conn.execute(query)]
        problems += _inventory_key_problems(conn)
        if fixity:
            problems += _fixity_problems(conn, _images_dir(conn, directory))
    except sqlite3.DatabaseError as exc:
        problems.append(DATABASE(problem=exc))
    finally:
        conn.close()
    return problems


def _inventory_key_problems(conn: sqlite3.Connection) -> list[Message]:
    return [
        KEY_OUT_OF_STEP(record_id=record_id, number=number)
        for record_id, number, key in conn.execute(
            "SELECT id, inventory_number, inventory_key FROM records")
        if normalise_inventory_number(number) != key
    ]


def _images_dir(conn: sqlite3.Connection, directory: Path) -> Path:
    moved = conn.execute("SELECT value FROM settings WHERE key = ?",
                         (IMAGES_DIR.name,)).fetchone()
    return Path(moved[0]) if moved else directory / "images"


def _fixity_problems(conn: sqlite3.Connection, images_dir: Path) -> list[Message]:
    from catalogue_app.images.store import ImageStore

    store = ImageStore(images_dir)
    problems = []
    for (sha256,) in conn.execute("SELECT DISTINCT sha256 FROM images ORDER BY sha256"):
        status = store.verify(sha256)
        if status != "ok":
            damage = ORIGINAL_MISSING if status == "missing" else ORIGINAL_ALTERED
            problems.append(damage(sha256=sha256, path=store.path_for(sha256)))
    return problems


def unused_originals(directory: Path) -> list[Path]:
    """Originals in the image store that no image of a record uses, nor a sync conflict
    awaiting the curator, and copies an interrupted import left in the store's incoming
    folder: what removed images, purged records and stopped imports leave behind. Nothing
    when the database cannot be read (then nothing can be said to be unused)."""
    from catalogue_app.images.store import ImageStore

    conn = sqlite3.connect(f"file:{directory / DB_FILE_NAME}?mode=ro", uri=True)
    try:
        store = ImageStore(_images_dir(conn, directory))
        used = {sha256 for (sha256,) in conn.execute("SELECT DISTINCT sha256 FROM images")}
        used |= _conflict_images(conn)
    except (sqlite3.DatabaseError, ValueError):  # damaged: check_catalogue says so
        return []
    finally:
        conn.close()
    leftovers = sorted(store.incoming.iterdir()) if store.incoming.is_dir() else []
    return [path for path in store.originals() if path.name not in used] + leftovers


def _conflict_images(conn: sqlite3.Connection) -> set[str]:
    """The originals named by either side of a sync conflict (the curator may keep either)."""
    from catalogue_app.protocol import image_hashes

    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_conflicts'").fetchone():
        return set()  # a catalogue from before sync
    found: set[str] = set()
    for sides in conn.execute("SELECT local_json, server_json, base_json FROM sync_conflicts"):
        for side in sides:
            fields = json.loads(side or "null")
            if isinstance(fields, dict):
                found.update(image_hashes(fields))
    return found
