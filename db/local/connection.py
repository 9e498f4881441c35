"""The catalogue file's SQLite settings, and a plain sqlite3 reader: what the window reads
before its first paint goes through it, so SQLAlchemy is loaded only after that paint."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


def configure(dbapi_connection: sqlite3.Connection) -> None:
    # Let the caller's transaction handling, not pysqlite's implicit one, decide BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed save survives a power cut, not just a crash (the register is legal).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def open_reader(db_path: Path) -> sqlite3.Connection:
    """A connection for reading only, configured as the engine's are (autocommit: each
    statement sees the last committed state, as a fresh session does)."""
    connection = sqlite3.connect(db_path, check_same_thread=False)
    configure(connection)
    return connection
