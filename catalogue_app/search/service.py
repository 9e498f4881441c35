"""Running a search: which records match, how many, and in what order (design.md §5).

A record whose inventory number is exactly the text typed comes first. A narrow search (at
most RANKED_LIMIT matches) is ordered by relevance (FTS5 bm25, inventory number, designation
and title weighing most). A broad one comes back at once in the catalogue's entry order (the
index's own order), reading only the page asked for, so that "a" over 500,000 records never
ranks them all. The index holds only records in view (trash excluded), so a search made of
words alone is counted and paged from the index without looking each record up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from catalogue_app.folding import fold
from catalogue_app.search.query import Query, parse
from catalogue_app.themes import subtree_ids

RANKED_LIMIT = 2_000
# bm25 weights of the FTS columns: inventory, designation, title, material, author, theme, body.
_WEIGHTS = "10.0, 8.0, 6.0, 3.0, 3.0, 2.0, 1.0"


@dataclass(frozen=True)
class SearchResult:
    total: int  # exact number of matching records (trash excluded)
    ids: list[str]  # matching record ids, best first; at most the limit asked for
    ranked: bool  # ordered by relevance (narrow search) rather than entry order


def condition(session: Session, query: Query, theme_ids: Sequence[str] = ()) -> tuple[str, dict]:
    """SQL condition on `records r` selecting the records the query matches (filters included),
    also limited to theme_ids (with their sub-themes) when given. '' selects every record."""
    parts: list[str] = []
    params: dict = {}
    expression = _expression(session, query, theme_ids)
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
    return " AND ".join(parts), params


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
    bound = "" if limit is None else f"LIMIT {int(limit) + 1}"  # + 1: room for the exact match
    if expression and query.filters_are_empty():  # all in the index: no record looked up
        total = session.execute(sql("SELECT count(*) FROM record_search "
                                    "WHERE record_search MATCH :fts"), {"fts": expression}).scalar()
        ranked = total <= RANKED_LIMIT
        order = f"ORDER BY bm25(record_search, {_WEIGHTS})" if ranked else ""
        rowids = list(session.execute(sql(f"SELECT rowid FROM record_search WHERE "
                                          f"record_search MATCH :fts {order} {bound}"),
                                      {"fts": expression}).scalars())
        found = _ids_of(session, rowids)
    else:
        where, params = condition(session, query, theme_ids)
        live = "r.trashed_at IS NULL" + (f" AND {where}" if where else "")
        total = session.execute(sql(f"SELECT count(*) FROM records r WHERE {live}"),
                                params).scalar()
        ranked = bool(expression) and total <= RANKED_LIMIT
        if ranked:
            statement = f"""SELECT r.id FROM record_search s JOIN records r ON r.rowid = s.rowid
                WHERE record_search MATCH :fts AND {live}
                ORDER BY bm25(record_search, {_WEIGHTS}) {bound}"""
        else:
            statement = f"SELECT r.id FROM records r WHERE {live} ORDER BY r.rowid {bound}"
        found = list(session.execute(sql(statement), params).scalars())
    exact = _exact_match(session, query)
    if exact is not None:
        if exact in found:
            found.remove(exact)
        elif not _matches(session, exact, query, theme_ids):
            total += 1  # matched by its number alone (e.g. punctuation the index ignores)
        found.insert(0, exact)
    return SearchResult(total, found if limit is None else found[:limit], ranked)


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


@dataclass(frozen=True)
class ListFilter:
    """What the object list is narrowed to: the search box's text and the filter panels."""

    text: str = ""
    theme_ids: tuple[str, ...] = ()
    designation: str | None = None
    has_image: bool | None = None
    public: bool | None = None
    acquired_from: int | None = None  # acquisition year range
    acquired_to: int | None = None


# The year of an acquisition date as entered ("1997", "1997-11-13"; other forms do not match).
_ACQUISITION_YEAR = "CAST(substr(r.acquisition_date, 1, 4) AS INTEGER)"


def list_condition(session: Session, wanted: ListFilter) -> tuple[str, dict]:
    """SQL condition on `records r` for the object list ('' when nothing narrows it)."""
    query = parse(wanted.text)
    for name in ("has_image", "public"):
        if getattr(wanted, name) is not None:
            setattr(query, name, getattr(wanted, name))
    where, params = condition(session, query, wanted.theme_ids)
    parts = [where] if where else []
    if wanted.acquired_from is not None:
        parts.append(f"{_ACQUISITION_YEAR} >= :acquired_from")
        params["acquired_from"] = wanted.acquired_from
    if wanted.acquired_to is not None:
        parts.append(f"{_ACQUISITION_YEAR} BETWEEN 1 AND :acquired_to")
        params["acquired_to"] = wanted.acquired_to
    if wanted.designation is not None:
        parts.append("r.designation = :designation COLLATE NOCASE")
        params["designation"] = wanted.designation
    return " AND ".join(parts), params


def designation_counts(session: Session, limit: int = 300) -> list[tuple[str, int]]:
    """The most frequent designations (trash excluded, case ignored) with their counts."""
    return [(row[0], row[1]) for row in session.execute(sql(
        "SELECT min(designation), count(*) AS n FROM records WHERE trashed_at IS NULL "
        "AND designation != '' GROUP BY designation COLLATE NOCASE "
        "ORDER BY n DESC, 1 LIMIT :limit"),
        {"limit": limit})]
