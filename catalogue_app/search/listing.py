"""What the object list shows: the ordered ids of the records in view, and the rows of the
few that are on screen. Holding ids and fetching rows by page is what lets 70,000+ records
open and scroll instantly (design.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from catalogue_app.search.service import ListFilter, condition, count, run

# The list's columns, in order: key -> SQL expression used to sort on it.
COLUMNS: dict[str, str] = {
    "inventory_number": "r.inventory_sort",
    "designation": "r.designation COLLATE NOCASE",
    "title": "r.title COLLATE NOCASE",
    "authors": "(SELECT v.value FROM record_values v WHERE v.record_id = r.id "
               "AND v.field = 'authors' AND v.position = 0) COLLATE NOCASE",
    "dating": "r.date_earliest",
    "image_count": "(SELECT count(*) FROM images i WHERE i.record_id = r.id)",
}


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


def record_ids(session: Session, sort: str = "inventory_number", descending: bool = False,
               where: str = "", params: dict | None = None, limit: int | None = None
               ) -> list[str]:
    """Ids of the records in view (trash excluded), in the list's order (the first `limit`).

    The inventory order breaks ties of every other column, so the order is stable."""
    direction = "DESC" if descending else "ASC"
    order = f"{COLUMNS[sort]} {direction}"
    if sort != "inventory_number":
        order += f", r.inventory_sort {direction}"
    bound = "" if limit is None else f"LIMIT {int(limit)}"
    sql = f"SELECT r.id FROM records r WHERE {_in_view(where)} ORDER BY {order} {bound}"
    # Straight from the driver: 500,000 ids through SQLAlchemy's result rows cost seconds.
    cursor = session.connection().connection.driver_connection.execute(sql, params or {})
    return [row[0] for row in cursor.fetchall()]


def list_ids(session: Session, wanted: ListFilter, sort: str | None = None,
             descending: bool = False, limit: int | None = None) -> tuple[int, list[str]]:
    """How many records the object list shows, and their ids in its order (the first `limit`).

    sort=None is the list's natural order: while searching, the search's own order (exact
    inventory number first, then by relevance, or for a broad search the cheap entry order:
    design.md §5); otherwise inventory order. Counting and paging a search go through the
    full-text index alone whenever it can answer (search.service.count)."""
    query = wanted.query()
    if sort is None and wanted.searching:
        result = run(session, query, limit, wanted.theme_ids)
        return result.total, result.ids
    where, params = condition(session, query, wanted.theme_ids)
    ids = record_ids(session, sort or "inventory_number", descending, where, params, limit)
    if limit is None or len(ids) < limit:
        return len(ids), ids
    return count(session, query, wanted.theme_ids), ids


def _in_view(where: str) -> str:
    return "r.trashed_at IS NULL" + (f" AND ({where})" if where else "")


def list_rows(session: Session, ids: Sequence[str]) -> dict[str, ListRow]:
    """The displayed columns of the given records (one page), by id."""
    if not ids:
        return {}
    marks = ", ".join(f":id{i}" for i in range(len(ids)))
    params = {f"id{i}": record_id for i, record_id in enumerate(ids)}
    rows = session.execute(text(f"""
        SELECT r.id, r.inventory_number, r.designation, r.title, r.dating, r.status,
               (SELECT group_concat(value, '; ') FROM
                  (SELECT value FROM record_values v WHERE v.record_id = r.id
                   AND v.field = 'authors' ORDER BY v.position)) AS authors,
               (SELECT count(*) FROM images i WHERE i.record_id = r.id) AS image_count
        FROM records r WHERE r.id IN ({marks})"""), params)
    return {
        row.id: ListRow(row.id, row.inventory_number, row.designation, row.title,
                        row.authors or "", row.dating, row.image_count, row.status)
        for row in rows
    }
