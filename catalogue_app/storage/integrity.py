"""`catalogue-app check`: SQLite's own checks plus the catalogue's invariants, and with
--fixity a re-hash of every stored original. Each problem is one line saying what and where.
Originals that nothing uses any more are listed too, never deleted: the curator decides."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from catalogue_app.catalogue import DB_FILE_NAME, IMAGES_DIR_SETTING
from catalogue_app.records.inventory_numbers import normalise_inventory_number

# Each invariant: an SQL query returning offending rows, and the message for one row.
INVARIANTS: tuple[tuple[str, str], ...] = (
    ("SELECT id, inventory_number FROM records WHERE trim(inventory_number) = ''",
     "record {0} has no inventory number"),
    ("SELECT id, register_date FROM records WHERE trashed_at IS NOT NULL "
     "AND trim(register_date) <> ''",
     "record {0} is in the trash although it is in the register ({1})"),
    ("SELECT id, status FROM records WHERE status NOT IN ('active', 'deaccessioned')",
     "record {0} has an unknown status {1!r}"),
    ("SELECT record_id, count(*) FROM images WHERE is_primary GROUP BY record_id "
     "HAVING count(*) > 1", "record {0} has {1} primary images"),
    ("SELECT t.record_id, t.inventory_number FROM tombstones t JOIN records r "
     "ON r.id = t.record_id", "record {0} ({1}) is both present and deleted"),
    ("SELECT count(*), 0 FROM museum HAVING count(*) > 1", "{0} museums in one catalogue"),
)


def check_catalogue(directory: Path, *, fixity: bool = False) -> list[str]:
    """Every problem found, as a sentence; an empty list means the catalogue is sound.

    Reads the file directly, read-only, so that even a catalogue too damaged to open (or to
    upgrade) gets a report instead of an error."""
    db_path = directory / DB_FILE_NAME
    problems: list[str] = []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        problems += [f"database: {row[0]}" for row in conn.execute("PRAGMA integrity_check")
                     if row[0] != "ok"]
        problems += [
            f"database: table {table} row {rowid} points to a missing row of {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        for query, message in INVARIANTS:
            problems += [message.format(*row) for row in conn.execute(query)]
        problems += _inventory_key_problems(conn)
        if fixity:
            problems += _fixity_problems(conn, _images_dir(conn, directory))
    except sqlite3.DatabaseError as exc:
        problems.append(f"database: {exc}")
    finally:
        conn.close()
    return problems


def _inventory_key_problems(conn: sqlite3.Connection) -> list[str]:
    return [
        f"record {record_id} ({number}): its uniqueness key is out of step with its number"
        for record_id, number, key in conn.execute(
            "SELECT id, inventory_number, inventory_key FROM records")
        if normalise_inventory_number(number) != key
    ]


def _images_dir(conn: sqlite3.Connection, directory: Path) -> Path:
    moved = conn.execute("SELECT value FROM settings WHERE key = ?",
                         (IMAGES_DIR_SETTING,)).fetchone()
    return Path(moved[0]) if moved else directory / "images"


def _fixity_problems(conn: sqlite3.Connection, images_dir: Path) -> list[str]:
    from catalogue_app.images.store import ImageStore

    store = ImageStore(images_dir)
    problems = []
    for (sha256,) in conn.execute("SELECT DISTINCT sha256 FROM images ORDER BY sha256"):
        status = store.verify(sha256)
        if status != "ok":
            problems.append(f"image {sha256}: original {status} ({store.path_for(sha256)})")
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
    from catalogue_app.sync.wire import image_hashes

    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_conflicts'").fetchone():
        return set()  # a catalogue from before sync
    found: set[str] = set()
    for sides in conn.execute("SELECT local_json, server_json, base_json FROM sync_conflicts"):
        for side in sides:
            fields = json.loads(side or "null")
            if isinstance(fields, dict):
                found.update(image_hashes(fields))
    return found
