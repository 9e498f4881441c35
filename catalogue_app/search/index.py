"""Keeping the full-text index (the FTS5 table `record_search`) in step with the records.

Triggers installed by migration 0002 re-index a record whenever its row, one of its values or
one of its themes changes, so every write path stays searchable on its own. Re-indexing a
record once per value row is fine for one edit but costly for 70,000 new records, so bulk
writers wrap their work in `bulk_indexing(session)`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from sqlalchemy import text
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.storage.triggers import triggers_set_aside

# From this many records on, setting per-row triggers aside costs less than their work.
BULK_THRESHOLD = 50
_INDEXED = "inventory, designation, title, material, author, theme, body"
# FTS5's default buffer of new index entries, and the one used to index many records.
_DEFAULT_WRITE_BUFFER = 1 << 20
_BULK_WRITE_BUFFER = 8 << 20
# The per-value triggers of migration 0002, set aside during a bulk write.
_VALUE_TRIGGERS = tuple(f"{table}_search_{event}" for table in ("record_values", "record_themes")
                        for event in ("insert", "update", "delete"))


@contextmanager
def deferred_indexing(session: Session, *, set_triggers_aside: bool) -> Iterator[None]:
    """Index the records written inside the block once, at its end, in the same transaction.

    Inside the block the triggers only note which records changed (a save touching five
    value rows re-indexes its record once, not five times). With set_triggers_aside, for
    bulk writes, the triggers on values and themes are set aside as well (see
    catalogue_app.storage.triggers) and records are only noted as their rows are inserted or
    updated.
    The contract: a bulk writer that changes a record's values also writes its row
    (insert_records and update_record both do). Nests: only the outermost block indexes. If
    the block raises, the caller's transaction must roll back, which restores everything."""
    if session.execute(text("SELECT count(*) FROM search_deferral")).scalar():
        yield
        return
    session.execute(text("INSERT INTO search_deferral (since) VALUES (:now)"), {"now": now_iso()})
    with triggers_set_aside(session, _VALUE_TRIGGERS if set_triggers_aside else ()):
        yield
    session.execute(text("DELETE FROM search_deferral"))
    many = session.execute(text("SELECT count(*) FROM search_pending")).scalar() \
        >= BULK_THRESHOLD
    with _write_buffer(session, _BULK_WRITE_BUFFER) if many else nullcontext():
        index_pending(session)


@contextmanager
def _write_buffer(session: Session, size: int) -> Iterator[None]:
    """FTS5's in-memory buffer of new index entries set to size bytes for the block.

    FTS5 writes the buffer out as a new segment whenever it is full (1 MB by default) and
    merges segments as they pile up: indexing 70,000 records through a larger one costs a
    fifth less. The option is stored in the index: set back, in the same transaction."""
    previous = session.execute(text(
        "SELECT v FROM record_search_config WHERE k = 'hashsize'")).scalar()
    set_option = text("INSERT INTO record_search (record_search, rank) VALUES ('hashsize', :v)")
    session.execute(set_option, {"v": size})
    yield
    session.execute(set_option, {"v": previous or _DEFAULT_WRITE_BUFFER})


def bulk_indexing(session: Session) -> AbstractContextManager[None]:
    return deferred_indexing(session, set_triggers_aside=True)


def indexing_for(session: Session, record_count: int) -> AbstractContextManager[None]:
    """The cheapest way to keep the index in step with a write of record_count records."""
    return deferred_indexing(session, set_triggers_aside=record_count >= BULK_THRESHOLD)


def note_for_indexing(session: Session, record_ids: list[str]) -> None:
    """Note records as the triggers do, for a bulk writer that set a noting trigger aside."""
    session.connection().exec_driver_sql("INSERT OR IGNORE INTO search_pending VALUES (?)",
                                         [(record_id,) for record_id in sorted(record_ids)])


def index_pending(session: Session) -> None:
    """Index, set-based, the records noted while indexing was deferred."""
    # CROSS JOIN keeps search_pending as the outer loop: without it SQLite scans every record
    # to find the few pending ones, which made a single save cost tens of milliseconds.
    # Rows go to FTS5 in rowid order: it writes its in-memory segment out whenever a rowid is
    # not above the last one, so the pending ids' (random) order made a 70,000-record import
    # write tens of thousands of tiny segments, and merge them.
    session.execute(text("""DELETE FROM record_search WHERE rowid IN
        (SELECT r.rowid FROM search_pending p CROSS JOIN records r ON r.id = p.record_id)"""))
    session.execute(text(f"""INSERT INTO record_search (rowid, {_INDEXED})
        SELECT s.record_rowid, {', '.join(f's.{c}' for c in _INDEXED.split(', '))}
        FROM search_pending p CROSS JOIN record_search_source s ON s.record_id = p.record_id
        ORDER BY s.record_rowid"""))
    session.execute(text("DELETE FROM search_pending"))


def rebuild(session: Session) -> None:
    """Index every record again from scratch (repairs an index suspected of drifting)."""
    session.execute(text("DELETE FROM record_search"))
    with _write_buffer(session, _BULK_WRITE_BUFFER):
        session.execute(text(f"INSERT INTO record_search (rowid, {_INDEXED}) "
                             f"SELECT record_rowid, {_INDEXED} FROM record_search_source "
                             "ORDER BY record_rowid"))
