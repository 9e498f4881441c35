"""Many rows written with one statement on PostgreSQL: the rows travel as one JSON parameter that
`json_to_recordset` turns back into rows, so a push's hundred rows cost one parse, one plan and
one round trip instead of a hundred executions (each with its own parameters to convert on both
sides). SQLite runs in the process: there the rows go as an executemany, already cheap.

Bytes travel in bytea's hex form, which PostgreSQL reads back as bytes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Insert, Select, Table, TableValuedAlias, bindparam, cast, column, func
from sqlalchemy import select as select_from
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from db.regional import json_codec
from db.regional.engine import is_postgresql

_ROWS = bindparam("rows")


# What an insert does with a row whose key is already in the table: a module-level function
# giving the dialect's insert with its ON CONFLICT clause (the statements are built once each).
OnConflict = Callable[[Any], Insert]


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]],
                on_conflict: OnConflict | None = None) -> None:
    """Insert `rows` (dicts with the same keys, columns of `table`), each row whose key is
    already there handled by `on_conflict` (none: the insert fails)."""
    if not rows:
        return
    if not is_postgresql(session.get_bind()):
        session.execute(_sqlite_insert(table, on_conflict), rows)
        return
    names = tuple(rows[0])
    session.execute(_postgresql_insert(table, names, on_conflict), as_parameter(rows))


def as_parameter(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The parameters of a statement reading `rows` from `recordset`."""
    return {"rows": json_codec.dumps_text(rows, default=_as_bytea)}


def _as_bytea(value: Any) -> str:
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    raise TypeError(f"{type(value).__name__} is not a column value")


@functools.cache
def recordset(table: Table, names: tuple[str, ...],
              extra: tuple[tuple[str, TypeEngine], ...] = ()) -> TableValuedAlias:
    """The rows of the parameter, as columns `names` of `table` (with their types) and `extra`."""
    columns = [column(name, table.c[name].type) for name in names]
    columns += [column(name, type_) for name, type_ in extra]
    return (func.json_to_recordset(cast(_ROWS, JSON)).table_valued(*columns)
            .render_derived(name="r", with_types=True))


def _select_rows(table: Table, names: tuple[str, ...]) -> Select:
    source = recordset(table, names)
    return select_from(*(source.c[name] for name in names))


@functools.cache
def _postgresql_insert(table: Table, names: tuple[str, ...], on_conflict: OnConflict | None
                      ) -> Insert:
    statement = postgresql.insert(table).from_select(list(names), _select_rows(table, names))
    return on_conflict(statement) if on_conflict else statement


@functools.cache
def _sqlite_insert(table: Table, on_conflict: OnConflict | None) -> Insert:
    statement = sqlite.insert(table)
    return on_conflict(statement) if on_conflict else statement
