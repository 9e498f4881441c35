"""Running a search: which records match, how many, and in what order (design.md §5).

A record whose inventory number is exactly the text typed comes first (if the filters let
it through). A narrow search of words (at most RANKED_LIMIT matches) is ordered by relevance
(FTS5 bm25, inventory number, designation and title weighing most). A broad one, or one of
filters only, comes back at once in the catalogue's entry order (the index's own order),
reading only the page asked for, so that "a" over 500,000 records never ranks them all. The
index holds only records in view (trash excluded), so a search of words and themes alone is
counted and paged from the index without looking each record up. The object list shows a
search in this same order (list_ids)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from catalogue_app.clock import today_iso
from catalogue_app.folding import fold
from catalogue_app.loans.sql import loans_condition
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.listing import driver_connection, record_ids
from catalogue_app.search.query import Query, parse
from catalogue_app.vocabulary.themes import subtree_ids

RANKED_LIMIT = 2_000
# bm25 weights of the FTS columns: inventory, designation, title, material, author, theme, body.
# Ties keep entry order, so that a ranked list is as stable as a broad one.
_WEIGHTS = "10.0, 8.0, 6.0, 3.0, 3.0, 2.0, 1.0"


@dataclass(frozen=True)
class SearchResult:
    total: int  # exact number of matching records (trash excluded)
    ids: list[str]  # matching record ids, best first; at most the limit asked for
    ranked: bool  # ordered by relevance (narrow search) rather than entry order


def condition(session: Session, query: Query, theme_ids: Sequence[str] = ()) -> tuple[str, dict]:
    """SQL condition on `records r` selecting the records the query matches (filters included),
    also limited to theme_ids (with their sub-themes) when given. '' selects every record."""
    return _condition(query, _expression(session, query, theme_ids))


def _condition(query: Query, expression: str) -> tuple[str, dict]:
    parts: list[str] = []
    params: dict = {}
    if expression:
        parts.append("r.rowid IN (SELECT rowid FROM record_search WHERE record_search MATCH :fts)")
        params["fts"] = expression
    elif query.excluded:
        parts.append("r.rowid NOT IN (SELECT rowid FROM record_search "
                     "WHERE record_search MATCH :fts_excluded)")
        params["fts_excluded"] = query.exclusion()
    if query.year_from is not None:
        parts.append("r.date_latest >= :year_from")
        params["year_from"] = query.year_from
    if query.year_to is not None:
        parts.append("r.date_earliest <= :year_to")
        params["year_to"] = query.year_to
    if query.has_image is not None:
        parts.append("EXISTS (SELECT 1 FROM images i WHERE i.record_id = r.id)")
    if query.public is not None:
        parts.append("r.public = :public")
        params["public"] = query.public
    if query.loans is not None:
        parts.append(loans_condition(query.loans))
        params["today"] = today_iso()
    if query.acquired_from is not None:
        parts.append(f"{_ACQUISITION_YEAR} >= :acquired_from")
        params["acquired_from"] = query.acquired_from
    if query.acquired_to is not None:
        parts.append(f"{_ACQUISITION_YEAR} BETWEEN 1 AND :acquired_to")
        params["acquired_to"] = query.acquired_to
    if query.designation is not None:
        parts.append("r.designation = :designation COLLATE NOCASE")
        params["designation"] = query.designation
    return " AND ".join(parts), params


# The year of an acquisition date as entered ("1997", "1997-11-13"; other forms do not match).
_ACQUISITION_YEAR = "CAST(substr(r.acquisition_date, 1, 4) AS INTEGER)"


def _expression(session: Session, query: Query, theme_ids: Sequence[str] = ()) -> str:
    """The whole FTS5 expression: words, themes (as their id tokens) and exclusions."""
    groups = [_theme_group(subtree_ids(session, _themes_labelled(session, fragment)))
              for fragment in query.themes]
    if theme_ids:
        groups.append(_theme_group(subtree_ids(session, theme_ids)))
    positive = " AND ".join(part for part in [query.match(), *groups] if part)
    if positive and query.excluded:
        return f"({positive}) NOT ({query.exclusion()})"
    return positive


# A theme token no record holds (not hex): what a theme filter matching no theme searches.
_NO_THEME = "t" + "x" * 32


def _theme_group(theme_ids: Sequence[str]) -> str:
    """Records tagged with any of the themes (indexed as tokens "t" + the id's hex digits)."""
    tokens = [f"t{theme_id.replace('-', '')}" for theme_id in theme_ids] or [_NO_THEME]
    return "{theme} : (" + " OR ".join(f'"{token}"' for token in tokens) + ")"


def _themes_labelled(session: Session, fragment: str) -> list[str]:
    """Themes whose French or English label contains the (folded) fragment."""
    return [theme_id for theme_id, label_fr, label_en
            in session.execute(sql("SELECT id, label_fr, label_en FROM themes"))
            if fragment in fold(label_fr) or fragment in fold(label_en)]


def search(session: Session, text: str, limit: int | None = 50) -> SearchResult:
    """Records matching the search text; limit=None returns every matching id."""
    return run(session, parse(text), limit)


def run(session: Session, query: Query, limit: int | None = 50,
        theme_ids: Sequence[str] = ()) -> SearchResult:
    expression = _expression(session, query, theme_ids)
    total = _count(session, query, expression)
    ranked = bool(query.groups) and total <= RANKED_LIMIT
    bound = "" if limit is None else f"LIMIT {int(limit) + 1}"  # + 1: room for the exact match
    if _index_only(query, expression):
        if ranked:
            rowids = session.execute(sql(
                f"SELECT rowid FROM record_search WHERE record_search MATCH :fts "
                f"ORDER BY bm25(record_search, {_WEIGHTS}), rowid {bound}"), {"fts": expression})
            found = _ids_of(session, list(rowids.scalars()))
        else:  # the index leads, in its own order: a broad search's first page costs a page
            found = list(session.execute(sql(
                f"SELECT r.id FROM record_search CROSS JOIN records r "
                f"ON r.rowid = record_search.rowid WHERE record_search MATCH :fts "
                f"ORDER BY record_search.rowid {bound}"), {"fts": expression}).scalars())
    else:
        where, params = _condition(query, expression)
        live = "r.trashed_at IS NULL" + (f" AND {where}" if where else "")
        if ranked:
            statement = f"""SELECT r.id FROM record_search s JOIN records r ON r.rowid = s.rowid
                WHERE record_search MATCH :fts AND {live}
                ORDER BY bm25(record_search, {_WEIGHTS}), r.rowid {bound}"""
        else:
            statement = f"SELECT r.id FROM records r WHERE {live} ORDER BY r.rowid {bound}"
        found = list(session.execute(sql(statement), params).scalars())
    exact = _exact_match(session, query)
    if exact in found:
        found.remove(exact)
        found.insert(0, exact)
    elif exact is not None and _matches(session, exact, _without_words(query), theme_ids):
        if not _matches(session, exact, query, theme_ids):
            total += 1  # matched by its number alone (e.g. punctuation the index ignores)
        found.insert(0, exact)
    return SearchResult(total, found if limit is None else found[:limit], ranked)


def count(session: Session, query: Query, theme_ids: Sequence[str] = ()) -> int:
    """How many records the query matches (trash excluded), without the exact inventory match
    that run adds when the index alone misses it."""
    return _count(session, query, _expression(session, query, theme_ids))


def _count(session: Session, query: Query, expression: str) -> int:
    if _index_only(query, expression):  # 60,000 matches in milliseconds, not a hundred
        return session.execute(sql("SELECT count(*) FROM record_search "
                                   "WHERE record_search MATCH :fts"), {"fts": expression}).scalar()
    where, params = _condition(query, expression)
    return session.execute(sql("SELECT count(*) FROM records r WHERE r.trashed_at IS NULL"
                               + (f" AND {where}" if where else "")), params).scalar()


def _index_only(query: Query, expression: str) -> bool:
    """The index alone answers: it holds the records in view, the words and the themes."""
    return bool(expression) and query.filters_are_empty()


def _without_words(query: Query) -> Query:
    return replace(query, groups=[], excluded=[])


def _ids_of(session: Session, rowids: list[int]) -> list[str]:
    """Record ids of the index rows, in the same order."""
    marks = ", ".join(str(int(rowid)) for rowid in rowids) or "NULL"
    by_rowid = dict(session.execute(sql(f"SELECT rowid, id FROM records WHERE rowid IN ({marks})")
                                    ).all())
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def _exact_match(session: Session, query: Query) -> str | None:
    if not query.text:
        return None
    return session.execute(sql("SELECT id FROM records WHERE inventory_key = :key "
                               "AND trashed_at IS NULL"), {"key": query.inventory_key}).scalar()


def _matches(session: Session, record_id: str, query: Query, theme_ids: Sequence[str]) -> bool:
    where, params = condition(session, query, theme_ids)
    return session.execute(sql(f"SELECT 1 FROM records r WHERE r.id = :record_id"
                               f"{' AND ' + where if where else ''}"),
                           {**params, "record_id": record_id}).first() is not None


def list_ids(session: Session, wanted: ListFilter, sort: str | None = None,
             descending: bool = False, limit: int | None = None) -> tuple[int, list[str]]:
    """How many records the object list shows, and their ids in its order (the first `limit`).

    sort=None is the list's natural order: while searching, the search's own order (exact
    inventory number first, then by relevance, or for a broad search the cheap entry order:
    design.md §5); otherwise inventory order. Counting and paging a search go through the
    full-text index alone whenever it can answer (count)."""
    query = wanted.query()
    if sort is None and wanted.searching:
        result = run(session, query, limit, wanted.theme_ids)
        return result.total, result.ids
    where, params = condition(session, query, wanted.theme_ids)
    ids = record_ids(driver_connection(session), sort or "inventory_number", descending,
                     where, params, limit)
    if limit is None or len(ids) < limit:
        return len(ids), ids
    return count(session, query, wanted.theme_ids), ids


def designation_counts(session: Session, limit: int = 300) -> list[tuple[str, int]]:
    """The most frequent designations (trash excluded, case ignored) with their counts."""
    return [(row[0], row[1]) for row in session.execute(sql(
        "SELECT min(designation), count(*) AS n FROM records WHERE trashed_at IS NULL "
        "AND designation != '' GROUP BY designation COLLATE NOCASE "
        "ORDER BY n DESC, 1 LIMIT :limit"),
        {"limit": limit})]
