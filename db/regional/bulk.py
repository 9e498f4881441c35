"""Many rows written with one statement on PostgreSQL: the rows travel as one JSON parameter that
`json_to_recordset` turns back into rows, so a push's hundred rows cost one parse, one plan and
one round trip instead of a hundred executions (each with its own parameters to convert on both
sides). SQLite runs in the process: there the rows go as an executemany, already cheap."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import JSON, Insert, Select, Table, TableValuedAlias, bindparam, cast, column, func
from sqlalchemy import insert as insert_into
from sqlalchemy import select as select_from
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from db.regional import json_codec
from db.regional.engine import is_postgresql

_ROWS = bindparam("rows")


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, columns of `table`)."""
    if not rows:
        return
    if not is_postgresql(session.get_bind()):
        session.execute(insert_into(table), rows)
        return
    names = tuple(rows[0])
    session.execute(_insert_statement(table, names), as_parameter(rows))


def as_parameter(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The parameters of a statement reading `rows` from `recordset`."""
    return {"rows": json_codec.dumps_text(rows)}


@functools.cache
def recordset(table: Table, names: tuple[str, ...],
              extra: tuple[tuple[str, TypeEngine], ...] = ()) -> TableValuedAlias:
    """The rows of the parameter, as columns `names` of `table` (with their types) and `extra`."""
    columns = [column(name, table.c[name].type) for name in names]
    columns += [column(name, type_) for name, type_ in extra]
    return (func.json_to_recordset(cast(_ROWS, JSON)).table_valued(*columns)
            .render_derived(name="r", with_types=True))


def select_rows(table: Table, names: tuple[str, ...]) -> Select:
    source = recordset(table, names)
    return select_from(*(source.c[name] for name in names))


@functools.cache
def _insert_statement(table: Table, names: tuple[str, ...]) -> Insert:
    return insert_into(table).from_select(list(names), select_rows(table, names))
