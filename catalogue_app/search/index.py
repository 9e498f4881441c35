"""Keeping the full-text index (the FTS5 table `record_search`) in step with the records.

Triggers installed by migration 0002 re-index a record whenever its row, one of its values or
one of its themes changes, so every write path stays searchable on its own. Re-indexing a
record once per value row is fine for one edit but costly for 70,000 new records, so bulk
writers wrap their work in `bulk_indexing(session)`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso

# From this many records on, setting the value triggers aside costs less than their work.
BULK_THRESHOLD = 50
_INDEXED = "inventory, designation, title, material, author, theme, body"
# The per-value triggers, set aside during a bulk write (their SQL is read back, not copied).
_VALUE_TRIGGERS = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                   "AND tbl_name IN ('record_values', 'record_themes') "
                   "AND name LIKE '%\\_search\\_%' ESCAPE '\\'")


@contextmanager
def deferred_indexing(session: Session, *, set_triggers_aside: bool) -> Iterator[None]:
    """Index the records written inside the block once, at its end, in the same transaction.

    Inside the block the triggers only note which records changed (a save touching five
    value rows re-indexes its record once, not five times). With set_triggers_aside, for
    bulk writes, the triggers on values and themes are dropped as well (DDL is transactional
    in SQLite and the writer holds the write lock, so no one else ever sees them missing) and
    records are only noted as their rows are inserted or updated. The contract: a bulk
    writer that changes a record's values also writes its row (insert_records and
    update_record both do). Nests: only the outermost block indexes. If the block raises,
    the caller's transaction must roll back, which restores everything."""
    if session.execute(text("SELECT count(*) FROM search_deferral")).scalar():
        yield
        return
    session.execute(text("INSERT INTO search_deferral (since) VALUES (:now)"), {"now": now_iso()})
    triggers = session.execute(text(_VALUE_TRIGGERS)).all() if set_triggers_aside else []
    for name, _sql in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _name, sql in triggers:
        session.execute(text(sql))
    session.execute(text("DELETE FROM search_deferral"))
    index_pending(session)


def bulk_indexing(session: Session) -> AbstractContextManager[None]:
    return deferred_indexing(session, set_triggers_aside=True)


def indexing_for(session: Session, record_count: int) -> AbstractContextManager[None]:
    """The cheapest way to keep the index in step with a write of record_count records."""
    return deferred_indexing(session, set_triggers_aside=record_count >= BULK_THRESHOLD)


def index_pending(session: Session) -> None:
    """Index, set-based, the records noted while indexing was deferred."""
    # CROSS JOIN keeps search_pending as the outer loop: without it SQLite scans every record
    # to find the few pending ones, which made a single save cost tens of milliseconds.
    session.execute(text("""DELETE FROM record_search WHERE rowid IN
        (SELECT r.rowid FROM search_pending p CROSS JOIN records r ON r.id = p.record_id)"""))
    session.execute(text(f"""INSERT INTO record_search (rowid, {_INDEXED})
        SELECT s.record_rowid, {', '.join(f's.{c}' for c in _INDEXED.split(', '))}
        FROM search_pending p CROSS JOIN record_search_source s ON s.record_id = p.record_id"""))
    session.execute(text("DELETE FROM search_pending"))


def rebuild(session: Session) -> None:
    """Index every record again from scratch (repairs an index suspected of drifting)."""
    session.execute(text("DELETE FROM record_search"))
    session.execute(text(f"INSERT INTO record_search (rowid, {_INDEXED}) "
                         f"SELECT record_rowid, {_INDEXED} FROM record_search_source"))
