"""Setting per-row triggers aside for the length of a bulk write, inside its transaction.

A trigger that fires for every row costs more than the row itself when an import writes
hundreds of thousands of them; a bulk writer that does the trigger's work set-based instead
drops it for the block. DDL is transactional in SQLite and the writer holds the write lock, so
no other connection ever sees a trigger missing, and a rollback brings it back."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

_DEFINITIONS = text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND name IN :names").bindparams(bindparam("names", expanding=True))


@contextmanager
def triggers_set_aside(session: Session, names: Collection[str]) -> Iterator[None]:
    """Drop the named triggers for the block and create them again, as they were, at its end.

    Their SQL is read back from the schema, not copied. If the block raises, the caller's
    transaction must roll back, which restores them."""
    triggers = session.execute(_DEFINITIONS, {"names": list(names)}).all() if names else []
    for name, _sql in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _name, sql in triggers:
        session.execute(text(sql))
