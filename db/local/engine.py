"""Engine and session factory for a desk catalogue file, with the crash-safe SQLite settings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def _configure_connection(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's transaction handling, not pysqlite's implicit one, decide BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed save survives a power cut, not just a crash (the register is legal).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin(conn) -> None:
    # Writers BEGIN IMMEDIATE: they take the write lock up front and queue on busy_timeout,
    # instead of failing with "database is locked" half-way through. Readers stay deferred so
    # they never wait for a writer (WAL).
    conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', '')}")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def make_sessionmakers(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reader, writer) session factories over one connection pool."""
    writer = engine.execution_options(sqlite_begin="IMMEDIATE")
    return (
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(writer, expire_on_commit=False),
    )
