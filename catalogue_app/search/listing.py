"""What the object list shows: the ordered ids of the records in view, and the rows of the
few that are on screen. Holding ids and fetching rows by page is what lets 70,000+ records
open and scroll instantly (design.md §5).

These reads take a plain sqlite3 connection (Catalogue.plain, or a session's own through
driver_connection): the window's first page is read before SQLAlchemy is loaded."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalogue_app.clock import today_iso
from catalogue_app.loans.sql import LATEST_STATE, PARTY_AWAY

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The list's columns, in order: key -> SQL expression used to sort on it.
COLUMNS: dict[str, str] = {
    "inventory_number": "r.inventory_sort",
    "designation": "r.designation COLLATE NOCASE",
    "title": "r.title COLLATE NOCASE",
    "authors": "(SELECT v.value FROM record_values v WHERE v.record_id = r.id "
               "AND v.field = 'authors' AND v.position = 0) COLLATE NOCASE",
    "dating": "r.date_earliest",
    "image_count": "(SELECT count(*) FROM images i WHERE i.record_id = r.id)",
    # Shown when the curator asks for them (the header's menu).
    "current_location": "r.current_location COLLATE NOCASE",
    "condition_state": f"CASE {LATEST_STATE} WHEN 'good' THEN 1 WHEN 'fair' THEN 2 "
                       "WHEN 'poor' THEN 3 WHEN 'to_restore' THEN 4 END",
}
OPTIONAL_COLUMNS = ("current_location", "condition_state")


@dataclass(frozen=True)
class ListRow:
    id: str
    inventory_number: str
    designation: str
    title: str
    authors: str
    dating: str
    image_count: int
    status: str
    current_location: str = ""  # as entered
    loan_party: str | None = None  # who has it, while it is away on loan
    condition_state: str | None = None  # of the latest condition report


def driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under a session (inside its transaction)."""
    return session.connection().connection.driver_connection


def record_ids(connection: sqlite3.Connection, sort: str = "inventory_number",
               descending: bool = False, where: str = "", params: dict | None = None,
               limit: int | None = None) -> list[str]:
    """Ids of the records in view (trash excluded), in the list's order (the first `limit`).

    The inventory order breaks ties of every other column, so the order is stable."""
    direction = "DESC" if descending else "ASC"
    order = f"{COLUMNS[sort]} {direction}"
    if sort != "inventory_number":
        order += f", r.inventory_sort {direction}"
    bound = "" if limit is None else f"LIMIT {int(limit)}"
    sql = f"SELECT r.id FROM records r WHERE {_in_view(where)} ORDER BY {order} {bound}"
    # Straight from the driver: 500,000 ids through SQLAlchemy's result rows cost seconds.
    return [row[0] for row in connection.execute(sql, params or {}).fetchall()]


def count_in_view(connection: sqlite3.Connection) -> int:
    """Records in the catalogue, trash excluded."""
    return connection.execute(f"SELECT count(*) FROM records r WHERE {_in_view('')}"
                              ).fetchone()[0]


def _in_view(where: str) -> str:
    return "r.trashed_at IS NULL" + (f" AND ({where})" if where else "")


def list_rows(connection: sqlite3.Connection, ids: Sequence[str]) -> dict[str, ListRow]:
    """The displayed columns of the given records (one page), by id."""
    if not ids:
        return {}
    marks = ", ".join(f":id{n}" for n in range(len(ids)))
    params = {f"id{n}": record_id for n, record_id in enumerate(ids)}
    rows = connection.execute(f"""
        SELECT r.id, r.inventory_number, r.designation, r.title,
               (SELECT group_concat(value, '; ') FROM
                  (SELECT value FROM record_values v WHERE v.record_id = r.id
                   AND v.field = 'authors' ORDER BY v.position)) AS authors,
               r.dating,
               (SELECT count(*) FROM images i WHERE i.record_id = r.id) AS image_count,
               r.status, r.current_location, {PARTY_AWAY}, {LATEST_STATE}
        FROM records r WHERE r.id IN ({marks})""", {**params, "today": today_iso()})
    return {row[0]: ListRow(*row[:4], row[4] or "", *row[5:]) for row in rows}
