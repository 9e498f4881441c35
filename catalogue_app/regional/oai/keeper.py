"""The keeper: a background thread of the server writing the OAI-PMH metadata that is missing
or stale in kept_metadata, ahead of harvesters, with the one writer a harvest uses
(writer.py). Without it the first harvest after a change (a push, a shared import, a release)
wrote every changed record: ~95 s for 70,000 LIDO records against ~25 s from kept metadata.

It walks the publication log in small batches, each read in one transaction and kept in
another (an upsert in record-id order, as a harvest's), pausing between batches and, before
each, while its server process answers requests (up to a few seconds: background.py) so that
requests come first; on SQLite it gives way when another writer holds the base. A pass starts
after a push, a derivative made, at start, and every few seconds if the base changed (another
process or an admin command may have changed it): a pass that follows a complete one and finds
only new publications reads only the log's new entries. Several server processes may run it: the
upserts make that safe, and on PostgreSQL an advisory lock lets one keeper work at a time.
Errors are logged and the pass is tried again later: the keeper never stops the server."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from catalogue_app.regional.background import Background, Requests
from catalogue_app.regional.oai import log_queries
from catalogue_app.regional.oai.formats import FORMATS
from catalogue_app.regional.oai.log_queries import Selection
from catalogue_app.regional.oai.requests import Window
from catalogue_app.regional.oai.writer import Source, Writer, shared_seq
from catalogue_app.regional.theme_tree import theme_tree
from db.regional.engine import Database
from db.regional.models import ImageDerivative

BATCH = 200  # records per read and per write transaction
PAUSE_SECONDS = 0.05  # between batches at least: a harvest or a push waiting goes first
# Between batches, this many times as long as the batch took: the keeper works a third of the
# time at most, less on a busy machine (a batch then takes longer), so visitors and desks go
# first while pushes keep coming (~1 ms of CPU per record written).
PAUSE_PER_WORK = 2.0
CONTENDED_PAUSE_SECONDS = 1.0  # SQLite: another writer held the base; the batch waits
SQLITE_BUSY_SECONDS = 0.1  # how long the keeper waits for SQLite's writer before giving way
IDLE_SECONDS = 5.0  # the base is looked at this often for changes made by others
RETRY_SECONDS = 30.0  # after an error
SETTLE_SECONDS = 1.0  # after a wait, before the next pass: the wakes of a burst share it
# The advisory lock's keys: one working keeper per base, and bases in other schemas of the same
# database (tests, benches) do not wait for one another.
ADVISORY_LOCK = f"{0x0A1_4EE9}, hashtext(current_schema())"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _State:
    """What every record's key depends on besides its own entry, and where the log stands."""

    shared_seq: int
    museums: str  # a digest of the museums' codes and names
    derivatives: tuple[int, str]  # how many are ready, and when the last was made
    log_seq: int

    def same_records(self, other: _State | None) -> bool:
        return other is not None and (self.shared_seq, self.museums, self.derivatives) == (
            other.shared_seq, other.museums, other.derivatives)


class MetadataKeeper(Background):
    """A daemon thread keeping every published record's metadata current; `wake` after a
    change. `caught_up` waits for a pass begun after the last `wake` to complete."""

    def __init__(self, database: Database, public_url: str,
                 pause_per_work: float = PAUSE_PER_WORK, requests: Requests | None = None
                 ) -> None:
        """`pause_per_work`: none when the keeper has the machine to itself (a bench's
        seeding). `requests`: the server process's, which each batch waits to be quiet."""
        # On SQLite, a base of its own that waits little for the one writer: a push waiting
        # behind a keeper's batch would wait its whole write.
        self.database = database if database.is_postgresql else Database(
            database.engine.url.render_as_string(hide_password=False), serving=True,
            sqlite_busy_seconds=SQLITE_BUSY_SECONDS)
        self.public_url = public_url
        self.pause_per_work = pause_per_work
        self.written = 0  # records written since start, every format
        self._progress = threading.Condition()
        self._asked = 0  # wakes so far
        self._answered = 0  # wakes a complete pass began after
        self._done: _State | None = None  # as the last complete pass found the base
        super().__init__("oai-keeper", self._run, requests)

    def stop(self) -> None:
        super().stop()
        if not self.database.is_postgresql:
            self.database.dispose()

    def wake(self) -> None:
        with self._progress:
            self._asked += 1
        super().wake()

    def caught_up(self, timeout: float) -> bool:
        """Whether a pass begun after the last `wake` completed within `timeout` seconds."""
        with self._progress:
            goal = self._asked
            return self._progress.wait_for(lambda: self._answered >= goal, timeout)

    def run_pass(self) -> bool:
        """Write what is missing or stale; whether the pass completed (False: stopped, or
        another process's keeper holds the base's lock)."""
        with self._progress:
            asked = self._asked
        with self._alone() as alone:
            complete = alone and self._walk()
        if complete:
            with self._progress:
                self._answered = max(self._answered, asked)
                self._progress.notify_all()
        return complete

    @contextlib.contextmanager
    def _alone(self) -> Iterator[bool]:
        """Whether no other process's keeper works on this base (PostgreSQL; on SQLite the
        upserts' order is enough, batches being short)."""
        if not self.database.is_postgresql:
            yield True
            return
        with self.database.engine.connect() as lock:
            locked = bool(lock.scalar(text(f"SELECT pg_try_advisory_lock({ADVISORY_LOCK})")))
            lock.commit()  # the lock is the session's: no transaction stays open
            try:
                yield locked
            finally:
                if locked:
                    lock.execute(text(f"SELECT pg_advisory_unlock({ADVISORY_LOCK})"))
                    lock.commit()

    def _walk(self) -> bool:
        with self.database.read_session() as session:
            state = _state(session)
        if state == self._done:
            return True
        after = self._done.log_seq if state.same_records(self._done) else 0
        while not self.stopping:
            self.give_way()
            started = time.monotonic()
            with self.database.read_session() as session:
                source = Source(self.database, self.public_url, shared_seq(session),
                                theme_tree(session))
                selection = Selection(None, Window(None, None), state.log_seq)
                entries = log_queries.page(session, selection, source.tree, after, BATCH)
                if not entries:
                    self._done = state
                    return True
                writers = [Writer(session, source, prefix, entries, with_kept_xml=False)
                           for prefix in FORMATS]
                for writer in writers:
                    for entry in entries:
                        writer.metadata(entry)
            if not self._keep(writers):
                continue  # the same batch again, once the other writer is done
            after = entries[-1].seq
            self.pause(max(PAUSE_SECONDS, self.pause_per_work * (time.monotonic() - started)))
        return False

    def _keep(self, writers: list[Writer]) -> bool:
        """Keep the batch's writing; False if SQLite's writer was held by another."""
        try:
            for writer in writers:
                self.written += writer.keep()
        except OperationalError as error:
            if getattr(error.orig, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_BUSY:
                raise
            log.info("the base is busy writing: the OAI keeper waits")
            self.pause(CONTENDED_PAUSE_SECONDS)
            return False
        return True

    def _run(self) -> None:
        while not self.stopping:
            self.forget_wakes()  # before the pass: a wake during it asks for another
            try:
                complete = self.run_pass()
            except Exception:
                log.exception("the OAI metadata keeper met an error; it tries again later")
                self.pause(RETRY_SECONDS)
                continue
            self.idle(IDLE_SECONDS if complete else RETRY_SECONDS)
            # Pushes come in bursts (a desk's batches back to back, a hundred desks): one pass
            # once the burst settles, not one a push (each cost the server ~4 ms of CPU, a
            # fifth of a 20-record batch's, even with nothing published).
            self.pause(SETTLE_SECONDS)


def _state(session: Session) -> _State:
    museums = hashlib.sha256("\0".join(
        f"{code}\0{name}" for code, name in log_queries.museums(session)).encode()).hexdigest()
    ready, last_made = session.execute(
        select(func.count(), func.max(ImageDerivative.made_at))
        .where(ImageDerivative.state == "ready")).one()
    return _State(shared_seq(session), museums, (ready, str(last_made)),
                  log_queries.log_state(session)[1])
