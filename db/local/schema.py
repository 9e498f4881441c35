"""Schema versioning of a desk catalogue file.

Opening a catalogue must stay fast, so the current revision is read with one query and compared
with the revisions this version ships; Alembic is imported only when there is work to do."""

from __future__ import annotations

import sqlite3
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Every revision shipped, oldest first. tests/unit/test_migrations.py checks that this list
# matches the Alembic scripts, so a new migration cannot be forgotten here.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007",
                                  "0008", "0009", "0010")
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaError(Exception):
    """A catalogue file that cannot be opened as it is: `kind` (unreadable, foreign, newer,
    upgrade_failed) and its parameters; the core words it for the user
    (catalogue_app/storage/schema_messages.py)."""

    def __init__(self, kind: str, **params: object) -> None:
        super().__init__(kind, params)
        self.kind, self.params = kind, params


class SchemaState(Enum):
    EMPTY = "empty"
    CURRENT = "current"
    OUTDATED = "outdated"


def schema_state(db_path: Path) -> tuple[SchemaState, str | None]:
    """Classify the file; raise SchemaError for a foreign, damaged or newer one.

    Reads through a read-only connection: a file that turns out not to be ours must be left
    bit for bit as it was (even switching it to WAL would rewrite its header)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return SchemaState.EMPTY, None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # "file is not a database" and kin
        raise SchemaError("unreadable", path=db_path, reason=_reason(exc)) from exc
    if not tables:
        return SchemaState.EMPTY, None
    if revision is None:
        raise SchemaError("foreign", path=db_path)
    revision = revision[0]
    if revision == HEAD_REVISION:
        return SchemaState.CURRENT, revision
    if revision in KNOWN_REVISIONS:
        return SchemaState.OUTDATED, revision
    raise SchemaError("newer", path=db_path, revision=revision)


def upgrade(engine: Engine, db_path: Path, from_revision: str | None) -> Path | None:
    """Bring the file to HEAD_REVISION in one transaction; return the backup copy, if any.

    An existing catalogue is copied aside first; if the upgrade fails, the transaction rolls
    back, the original file is as it was and the error says where the copy is."""
    backup = _backup_before_upgrade(db_path, from_revision) if from_revision else None
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, HEAD_REVISION)
    except Exception as exc:
        raise SchemaError("upgrade_failed", path=db_path, reason=_reason(exc),
                          backup=backup or "") from exc
    return backup


def _backup_before_upgrade(db_path: Path, revision: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = db_path.with_name(f"{db_path.name}.schema-{revision}.{stamp}.bak")
    source = sqlite3.connect(db_path)
    try:
        target = sqlite3.connect(backup)
        with target:
            source.backup(target)
        target.close()
    finally:
        source.close()
    return backup


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
