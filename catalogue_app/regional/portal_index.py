"""The portal's tables, kept in step with the records a push applies.

For each applied record the portal rows (record, document, themes, images and, on SQLite, the
FTS5 row) are deleted and written again from catalogue_app.publication.portal: whatever the desk
changed (the public flag, the status, a field, an image's publishable flag) the portal shows
exactly the latest published state, and nothing once the record is no longer published. The
museum's published counts (public_facet_counts: in all, per designation, century and root
themes) move by what the push changed, so the portal's unfiltered and per-museum facets are
read, not counted. A batch costs the same few statements whatever its size."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import (
    Insert,
    String,
    Text,
    bindparam,
    case,
    cast,
    column,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.derive import sort_key as natural_sort_key
from catalogue_app.regional import publication_log
from catalogue_app.regional.theme_tree import theme_tree
from catalogue_app.regional.timestamps import utc_now
from db.regional import bulk
from db.regional.engine import among
from db.regional.models import (
    Museum,
    PublicDocument,
    PublicFacetCount,
    PublicImage,
    PublicRecord,
    PublicRecordTheme,
    Record,
    SharedState,
)

# What a visitor's words are searched in (never a private field: only the public document).
_SEARCHED = ("inventory_number", "designation", "title", "description", "inscriptions",
             "materials", "techniques", "dating", "function", "origin_place", "subjects",
             "domains", "acquisition_mode", "former_numbers", "bibliography", "exhibitions",
             "ownership_history")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,15}")
REBUILD_BATCH = 1000
# What public_facet_counts counts per museum.
_COUNTED = (PublicRecord.museum_id, PublicRecord.designation, PublicRecord.century,
            PublicRecord.theme_roots)
_COUNTED_NAMES = tuple(c.key for c in _COUNTED)
_COUNTS = PublicFacetCount.__table__
_PUBLIC_RECORDS = PublicRecord.__table__
_SEARCHED_TEXT = (("searched_text", Text()),)
# SQLite's FTS5 index of public_records (created by migration 0003, not a mapped model).
FTS = table("public_records_fts", column("record_id"), column("search_text"))


@dataclass(frozen=True)
class Applied:
    """A record as a push left it."""

    id: str
    museum_id: int
    fields: dict[str, Any]
    deleted: bool
    change_seq: int  # the record's seq as the push left it


def refresh(session: Session, records: Sequence[Applied]) -> None:
    """Make the portal show the published state of `records` (all of one transaction)."""
    if not records:
        return
    ids = [r.id for r in records]
    # The row's document, themes and images go with it (ON DELETE CASCADE, foreign keys on in
    # SQLite too): deleting them first cost three round trips a push, even for records that
    # were never published.
    sqlite_fts = session.get_bind().dialect.name == "sqlite"
    if sqlite_fts:
        session.execute(delete(FTS).where(FTS.c.record_id.in_(ids)))
    counts: Counter[tuple[int, str, str]] = Counter()
    removed = session.execute(
        delete(PublicRecord).where(among(session, PublicRecord.record_id, ids))
        .returning(PublicRecord.record_id, *_COUNTED)
    ).all()
    _count(counts, (row[1:] for row in removed), -1)
    now = utc_now()
    roots = theme_tree(session).roots_of()
    rows, texts, documents, themes, images = [], [], [], [], []
    for record in records:
        document = publication.portal(record.fields, record.deleted)
        if document is None:
            continue
        rows.append(_public_row(record, document, now, roots))
        texts.append(search_text(document))
        documents.append({"record_id": record.id, "document": document})
        themes.extend({"record_id": record.id, "theme_id": t}
                      for t in dict.fromkeys(_texts(document.get("themes"))))
        extensions = _extensions(record.fields)
        images.extend({"record_id": record.id, "sha256": sha256,
                       "extension": extensions.get(sha256, "")}
                      for sha256 in dict.fromkeys(i["sha256"] for i in document["images"]))
    if rows:
        _insert_rows(session, rows, texts, sqlite_fts)
        bulk.insert_rows(session, PublicDocument.__table__, documents)
        _count(counts, ([r[name] for name in _COUNTED_NAMES] for r in rows), 1)
    bulk.insert_rows(session, PublicRecordTheme.__table__, themes)
    bulk.insert_rows(session, PublicImage.__table__, images)
    _keep_counts(session, counts)
    _mark_museums(session, {r.museum_id for r in records}, now, removed,
                  {row["record_id"] for row in rows})


def _mark_museums(session: Session, museums: set[int], now: str, removed: Sequence[Any],
                  kept: set[str]) -> None:
    """Stamp the pushing museums' publication and count, per museum, the pushes that took its
    published rows off the portal (withdrawn) and those that removed any, replaced or not."""
    withdrawn = {museum_id for record_id, museum_id, *_ in removed if record_id not in kept}
    touched = {museum_id for _, museum_id, *_ in removed}
    session.execute(update(Museum).where(among(session, Museum.id, museums)).values(
        published_at=now,
        withdrawn_seq=Museum.withdrawn_seq + case((Museum.id.in_(withdrawn), 1), else_=0),
        removed_seq=Museum.removed_seq + case((Museum.id.in_(touched), 1), else_=0)))


def _insert_rows(session: Session, rows: list[dict[str, Any]], texts: list[str],
                 sqlite_fts: bool) -> None:
    """The published rows with their searched text: in the FTS5 table on SQLite, as the row's
    tsvector on PostgreSQL (the text itself is not kept: the row stays narrow)."""
    if sqlite_fts:
        session.execute(insert(PublicRecord), rows)
        session.execute(insert(FTS), [{"record_id": r["record_id"], "search_text": t}
                                      for r, t in zip(rows, texts, strict=True)])
        return
    session.execute(_insert_with_vector(tuple(rows[0])), bulk.as_parameter(
        [{**r, "searched_text": t} for r, t in zip(rows, texts, strict=True)]))


@functools.cache
def _insert_with_vector(names: tuple[str, ...]) -> Insert:
    source = bulk.recordset(_PUBLIC_RECORDS, names, _SEARCHED_TEXT)
    # search_vector is the migration's column (PostgreSQL only), not the model's.
    with_vector = table("public_records", *(column(name) for name in names),
                        column("search_vector"))
    return insert(with_vector).from_select([*names, "search_vector"], select(
        *(source.c[name] for name in names),
        func.to_tsvector(literal_column("'portal_fr'"), source.c.searched_text)))


def _count(counts: Counter[tuple[int, str, str]], rows: Iterable[Any], sign: int) -> None:
    """Add `sign` to the counts of each row's _COUNTED values."""
    for museum_id, designation, century, theme_roots in rows:
        counts[museum_id, "total", ""] += sign
        counts[museum_id, "designation", designation] += sign
        counts[museum_id, "century", "" if century is None else str(century)] += sign
        counts[museum_id, "theme_roots", theme_roots] += sign


def _keep_counts(session: Session, counts: Counter[tuple[int, str, str]]) -> None:
    """Move the kept counts by what changed (a record pushed again unchanged moves none; a count
    down to 0 stays, read as none). Only the pushing museum's rows are written: two museums'
    pushes never wait on each other here."""
    changed = [{"museum_id": m, "facet": f, "value": v, "n": n}
               for (m, f, v), n in sorted(counts.items()) if n]
    bulk.insert_rows(session, _COUNTS, changed, on_conflict=_adding_counts)


def _adding_counts(statement: Any) -> Any:
    """`statement` (an insert of counts) adding to a count already kept (dialects' Insert)."""
    return statement.on_conflict_do_update(
        index_elements=["museum_id", "facet", "value"],
        set_={"n": _COUNTS.c.n + statement.excluded.n})


def build_if_needed(session: Session) -> bool:
    """Publish the records a base held before it had a portal or a publication log (once, at
    the first start after the upgrade); True if it did. The caller's write transaction
    serialises two servers."""
    state = session.get(SharedState, 1, with_for_update=True)
    if state is None or state.portal_built:
        return False
    last = ""
    while True:
        batch = session.execute(
            select(Record.id, Record.museum_id, Record.fields, Record.deleted, Record.seq)
            .where(Record.id > last).order_by(Record.id).limit(REBUILD_BATCH)
        ).all()
        if not batch:
            break
        applied = [Applied(*row) for row in batch]
        refresh(session, applied)
        publication_log.record(session, applied)
        last = batch[-1].id
    _recount(session)
    state.portal_built = True
    return True


def reroot(session: Session) -> None:
    """Name again the root themes of every published object, after the theme tree changed
    (shared.import_themes), and count them again."""
    roots = theme_tree(session).roots_of()
    themes: dict[str, list[str]] = {}
    for record_id, theme_id in session.execute(
            select(PublicRecordTheme.record_id, PublicRecordTheme.theme_id)):
        themes.setdefault(record_id, []).append(theme_id)
    changed = [{"id": record_id, "roots": roots_key}
               for record_id, old in session.execute(
                   select(PublicRecord.record_id, PublicRecord.theme_roots))
               if (roots_key := _roots_key(themes.get(record_id, []), roots)) != old]
    if changed:
        session.execute(update(PublicRecord.__table__)
                        .where(PublicRecord.record_id == bindparam("id"))
                        .values(theme_roots=bindparam("roots")), changed)
    _recount(session)


def _recount(session: Session) -> None:
    """The kept counts counted again from the published rows."""
    session.execute(delete(PublicFacetCount))
    century = func.coalesce(cast(PublicRecord.century, String), "")
    for facet, value in (("total", None), ("designation", PublicRecord.designation),
                         ("century", century), ("theme_roots", PublicRecord.theme_roots)):
        by = [PublicRecord.museum_id] + ([] if value is None else [value])
        session.execute(insert(PublicFacetCount).from_select(
            ["museum_id", "facet", "value", "n"],
            select(PublicRecord.museum_id, literal(facet), literal("") if value is None
                   else value, func.count()).group_by(*by)))


def _public_row(record: Applied, document: dict[str, Any], now: str, roots: dict[str, str]
                ) -> dict[str, Any]:
    number = _text(document.get("inventory_number"))
    designation = _text(document.get("designation"))
    earliest = document.get("date_earliest")
    earliest = earliest if isinstance(earliest, int) and not isinstance(earliest, bool) else None
    images = document["images"]
    return {
        "record_id": record.id,
        "museum_id": record.museum_id,
        "inventory_number": number,
        "inventory_norm": normalise_inventory_number(number),
        "designation": designation,
        "title": _text(document.get("title")),
        "sort_key": f"{designation.casefold()}\x1f{natural_sort_key(number)}",
        "date_earliest": earliest,
        "century": None if earliest is None else century_of(earliest),
        "theme_roots": _roots_key(_texts(document.get("themes")), roots),
        "image_sha256": images[0]["sha256"] if images else None,
        "updated_at": now,
        "change_seq": record.change_seq,
    }


def _roots_key(themes: Iterable[str], roots: dict[str, str]) -> str:
    return "|".join(sorted({roots[t] for t in themes if t in roots}))


def century_of(year: int) -> int:
    """1 for years 1 to 100, 19 for 1801 to 1900; 0 and below for the centuries BC (0: the
    1st century BC, years -100 to -1)."""
    return (year - 1) // 100 + 1 if year > 0 else year // 100 + 1


def search_text(document: dict[str, Any]) -> str:
    parts: list[str] = []
    for name in _SEARCHED:
        parts.extend(_texts(document.get(name)))
    parts.extend(_text(a.get("name")) for a in document.get("authors") or []
                 if isinstance(a, dict))
    return "\n".join(p for p in parts if p)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _extensions(fields: dict[str, Any]) -> dict[str, str]:
    """sha256 -> the original's file name extension (lower case), from the private record."""
    found = {}
    for image in fields.get("images") or []:
        if isinstance(image, dict) and isinstance(image.get("sha256"), str):
            suffix = PurePosixPath(str(image.get("file_name") or "")).suffix
            found[image["sha256"]] = suffix.lower() if _EXTENSION.fullmatch(suffix) else ""
    return found
