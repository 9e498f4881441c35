"""Engine, sessions and schema upgrades for the regional base.

Writes that must be serialised per museum go through `write_session`: on PostgreSQL the caller
locks the museum row (`SELECT ... FOR UPDATE`), so museums never wait on each other; on SQLite,
which has one writer anyway, the transaction starts with `BEGIN IMMEDIATE` so two writers queue
on the database lock instead of failing half-way through."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Engine,
    any_,
    bindparam,
    create_engine,
    event,
    make_url,
    text,
)
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from db.regional import json_codec

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_IMMEDIATE = "catalogue_begin_immediate"
# Records are JSON documents: orjson writes and reads a batch of them several times faster.
_JSON_COLUMNS = {"json_serializer": json_codec.dumps_text, "json_deserializer": json_codec.loads}
# What a database down, unreachable or too slow raises: the API answers 503 and Retry-After.
DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)
# A server that waits on its database answers within these (seconds), so a request never hangs:
# connecting, waiting for a pooled connection, and one statement. TCP keepalives notice a
# database host gone silent on an idle pooled connection.
CONNECT_TIMEOUT = 3
POOL_TIMEOUT = 4
STATEMENT_TIMEOUT = 4
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
               "keepalives_count": 3}


def make_engine(url: str, *, serving: bool = False, sqlite_busy_seconds: float = 30) -> Engine:
    """The engine of a base; `serving`: with the timeouts of a server answering requests
    (an admin command or a schema upgrade may take its time); `sqlite_busy_seconds`: how long
    an SQLite writer waits for another to finish."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            # The base's folder, readable by its own user only when the base makes it.
            Path(database).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = create_engine(
            url, connect_args={"timeout": sqlite_busy_seconds, "check_same_thread": False},
            **_JSON_COLUMNS,
        )
        _configure_sqlite(engine)
        return engine
    # Per worker process; the API's 40 handler threads queue for these under heavy load,
    # which keeps a few workers inside PostgreSQL's default 100 connections.
    if not serving:
        return create_engine(url, pool_pre_ping=True, **_JSON_COLUMNS)
    engine = create_engine(
        url, pool_size=10, max_overflow=10, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, **_KEEPALIVES}, **_JSON_COLUMNS,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}s'")
            # A search's facets over 70,000 records cross the JIT's cost threshold, and
            # compiling them (~25 ms) costs more than running them (bench/portal.py).
            cursor.execute("SET jit = off")
        dbapi_connection.commit()

    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself, so writers can ask for BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def among(session: Session, column: ColumnElement, values: Iterable[Any]) -> ColumnElement[bool]:
    """`column IN values`; on PostgreSQL `= ANY` of one array parameter, so the statement's text,
    and the server's parse of it, is the same whatever the number of values."""
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


class Database:
    """One engine and its session factories (one per database, design.md §10)."""

    # Write transactions this process committed, every base together: a reader that keeps what
    # it read for a moment (the portal's versions, Site.versions) sees its own process's
    # writes at once by reading again when this has moved.
    _writes_committed = 0
    _writes_lock = threading.Lock()

    def __init__(self, url: str, *, serving: bool = False,
                 sqlite_busy_seconds: float = 30) -> None:
        self.engine = make_engine(url, serving=serving, sqlite_busy_seconds=sqlite_busy_seconds)
        # Reads see one snapshot for the whole transaction (a feed page reads several tables);
        # SQLite's WAL readers already do.
        snapshot = (
            self.engine.execution_options(isolation_level="REPEATABLE READ")
            if is_postgresql(self.engine) else self.engine
        )
        self._sessions = sessionmaker(snapshot, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )

    @property
    def is_postgresql(self) -> bool:
        return is_postgresql(self.engine)

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception."""
        with self._write_sessions() as session, session.begin():
            yield session
        with Database._writes_lock:
            Database._writes_committed += 1

    @staticmethod
    def writes_committed() -> int:
        return Database._writes_committed

    def upgrade_schema(self) -> None:
        upgrade_schema(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def upgrade_schema(engine: Engine) -> None:
    """Create the schema or bring it to the latest revision (first use of a base)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if is_postgresql(engine):
            # Two servers starting on a fresh database must not both create the tables; bases
            # in other schemas of the same database (tests, benches) need not wait for it.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(726351, hashtext(current_schema()))")
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
