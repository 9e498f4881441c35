"""What the portal reads: search with facets, one object, themes, museums (design.md §12).

Everything here reads the portal's tables only (catalogue_app.regional.portal_index), which hold
nothing but what catalogue_app.publication.portal published: pages, JSON, counts and facets
cannot show what the publication rule keeps back.

Search folds accents everywhere. A query that is exactly an inventory number puts that object
first. Narrow results are ranked by relevance; broad ones (more than RANKED_AT_MOST hits) come in
the stable order of designation and inventory number, never after ranking everything."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.regional.portal_index import FTS
from catalogue_app.regional.theme_tree import ThemeNode, ThemeTree, theme_tree
from db.regional.engine import among
from db.regional.models import (
    ImageDerivative,
    Museum,
    PublicDocument,
    PublicFacetCount,
    PublicRecord,
    PublicRecordTheme,
    SharedState,
)

RANKED_AT_MOST = 2000
FACET_SIZE = 12
MAX_QUERY_CHARS = 200
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Query:
    text: str = ""
    museum: str | None = None  # code
    theme: str | None = None  # id; its sub-themes included
    designation: str | None = None
    century: int | None = None
    limit: int = 24
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    id: str
    inventory_number: str
    museum_code: str
    museum_name: str
    designation: str
    title: str
    date_earliest: int | None
    image: str | None  # sha256 of an image whose derivatives are ready


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def search(session: Session, query: Query, tree: ThemeTree | None = None,
           total: int | None = None) -> Results:
    """Published records matching `query`, with the exact total (counted unless given, as
    `facets` gives it)."""
    tree = tree or theme_tree(session)
    plan = _plan(session, query, tree)
    if plan is None:
        return Results(0, [], {})
    if total is None:
        total = session.scalar(
            select(func.count()).select_from(plan.source).where(plan.where)) or 0
    stable = [PublicRecord.sort_key, PublicRecord.record_id]
    if plan.rank is not None and total <= RANKED_AT_MOST:
        order = [case((plan.exact, 0), else_=1), plan.rank] if plan.exact is not None else []
        return Results(total, _hits(session, plan, order + stable, query.limit, query.offset))
    if plan.exact is None:
        return Results(total, _hits(session, plan, stable, query.limit, query.offset))
    # The exact numbers first, then the other matches in the stable order, each page read
    # from its own index: ordering by exactness would sort every match of a broad word.
    limit, offset = query.limit, query.offset
    exact = _hits(session, dataclasses.replace(plan, where=and_(plan.where, plan.exact)),
                  stable, offset + limit, 0)
    hits = exact[offset:offset + limit]
    if len(hits) < limit:
        others = dataclasses.replace(plan, where=and_(plan.where, not_(plan.exact)))
        hits += _hits(session, others, stable, limit - len(hits), max(0, offset - len(exact)))
    return Results(total, hits)


def matches_words_or_filters(query: Query) -> bool:
    """True if counting `query` means finding its matches; False if the counts pushes keep
    answer it (every published object, or a museum's)."""
    return bool(query.text.strip() or query.theme or query.designation
                or query.century is not None)


def kept_counts(session: Session, museum_code: str | None) -> Counted | None:
    """The counts of every published object, or of one museum's, as pushes keep them (None:
    an unknown museum)."""
    museum_id = None
    if museum_code:
        museum_id = museum_id_by_code(session, museum_code)
        if museum_id is None:
            return None
    return _kept_counts(session, museum_id)


@dataclass(frozen=True)
class _Plan:
    source: FromClause  # public_records, joined to the text matches when there are words
    where: ColumnElement[bool]
    rank: Any = None  # an order by relevance, best first
    exact: ColumnElement[bool] | None = None  # the query is this record's inventory number


def _plan(session: Session, query: Query, tree: ThemeTree) -> _Plan | None:
    """How to find the matches; None when nothing can match (an unknown museum)."""
    conditions: list[ColumnElement[bool]] = []
    source: FromClause = PublicRecord.__table__
    if query.museum:
        museum_id = museum_id_by_code(session, query.museum)
        if museum_id is None:
            return None
        conditions.append(PublicRecord.museum_id == museum_id)
    if query.theme:
        themes = tree.descendants(query.theme)
        conditions.append(PublicRecord.record_id.in_(
            select(PublicRecordTheme.record_id).where(PublicRecordTheme.theme_id.in_(themes))
        ))
    if query.designation:
        conditions.append(PublicRecord.designation == query.designation)
    if query.century is not None:
        conditions.append(PublicRecord.century == query.century)
    text = query.text.strip()[:MAX_QUERY_CHARS]
    if not text:
        return _Plan(source, and_(true(), *conditions))
    exact = PublicRecord.inventory_norm == normalise_inventory_number(text)
    words = _WORD.findall(text)
    if not words:
        return _Plan(source, and_(exact, *conditions), None, exact)
    if session.get_bind().dialect.name == "postgresql":
        tsquery = func.plainto_tsquery(literal_column("'portal_fr'"), " ".join(words))
        vector = literal_column("public_records.search_vector")
        return _Plan(source, and_(or_(vector.op("@@")(tsquery), exact), *conditions),
                     func.ts_rank(vector, tsquery).desc(), exact)
    # FTS5 has no French stemmer: each word becomes a quoted prefix, a plural's final s or x
    # dropped (dentelles finds dentelle). FTS5's rank is best first when ordered ascending.
    expression = " ".join(f'"{_singular(w)}"*' for w in words)
    matches = (select(FTS.c.record_id, literal_column("rank").label("rank"))
               .where(literal_column("public_records_fts").match(expression)).subquery())
    source = source.outerjoin(matches, matches.c.record_id == PublicRecord.record_id)
    return _Plan(source, and_(or_(matches.c.record_id.is_not(None), exact), *conditions),
                 matches.c.rank, exact)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sxSX" else word


def _hits(session: Session, plan: _Plan, order: list[Any], limit: int, offset: int
          ) -> list[Hit]:
    """A page of matches: their ids first, walking the order's index past the earlier pages
    without reading their rows (migration 0015), then those rows."""
    ids = session.scalars(select(PublicRecord.record_id).select_from(plan.source)
                          .where(plan.where).order_by(*order).limit(limit).offset(offset)).all()
    if not ids:
        return []
    ready = _ready_image()
    rows = {row[0]: row for row in session.execute(
        select(PublicRecord.record_id, PublicRecord.inventory_number, Museum.code, Museum.name,
               PublicRecord.designation, PublicRecord.title, PublicRecord.date_earliest,
               case((ready, PublicRecord.image_sha256), else_=literal(None)))
        .join(Museum, Museum.id == PublicRecord.museum_id)
        .where(among(session, PublicRecord.record_id, ids)))}
    return [Hit(*rows[record_id]) for record_id in ids]


def _by_count(values: list[FacetValue], key: Callable[[FacetValue], str]) -> list[FacetValue]:
    return sorted(values, key=lambda f: (-f.count, key(f)))


# facet -> {value: count}; "total" too, under "". No facet shows a null value: none is kept.
Counted = dict[str, dict[str, int]]
# What the facets group each museum's matches by (the museum facet is their total); the theme
# facet by the objects' root themes.
_GROUPED = {"designation": PublicRecord.designation, "century": PublicRecord.century,
            "theme_roots": PublicRecord.theme_roots}


@dataclass(frozen=True)
class Counters:
    """A museum's change counter and how many of its pushes removed published rows, as the
    statement that counted its matches saw them: its counts are those of its rows up to that
    change, and still theirs while the removals stay at that number."""

    changes: int
    removed: int


@dataclass
class CountedRows:
    counts: dict[int, Counted]  # museum id -> the counts of its matches (counted ones only)
    counters: dict[int, Counters]  # museum id -> its counters (every counted one)


# The row that brings a museum's Counters in the counting statement: its grouping (PostgreSQL)
# or facet (SQLite).
_COUNTERS_GROUPING = -1
_COUNTERS_FACET = "#counters"


def counted_by_museum(session: Session, query: Query, tree: ThemeTree,
                      after: dict[int, int | None] | None = None) -> CountedRows:
    """The counts of `query`'s matches per museum (only the museums of `after` if given, each
    among its rows written after that change, or all of them for None), each with its total and
    facets, and the museums' Counters, in one statement (one snapshot of the base): the portal
    keeps each museum's apart and counts again only the museums that pushed since, only their
    new rows when they only added some (portal/searches.py). On PostgreSQL, one pass over the
    matches with grouping sets, each museum's counts of a facet sent as one JSON object: a broad
    word's ~10,000 counts read as rows took more of the server's processor than PostgreSQL took
    to count them. On SQLite, which has neither, the matches are found once (a CTE) and grouped
    three ways."""
    plan = _plan(session, query, tree)
    if plan is None:
        return CountedRows({}, {})
    museum = PublicRecord.museum_id
    where, counted_museums = plan.where, true()
    if after is not None:
        where = and_(where, or_(*(_written_after(m, change) for m, change in after.items())))
        counted_museums = among(session, Museum.id, list(after))
    facets = list(_GROUPED)
    counters: dict[int, Counters] = {}
    if session.get_bind().dialect.name == "postgresql":
        columns = [_GROUPED[f] for f in facets]
        # Each row of a grouping set has the other facets' columns null: its value is the one
        # column it is grouped by, and GROUPING() has a bit set for each column it is not.
        grouped = (select(func.grouping(*columns).label("grouping"), museum.label("museum"),
                          func.coalesce(*(cast(c, String) for c in columns)).label("value"),
                          func.count().label("n"))
                   .select_from(plan.source).where(where)
                   .group_by(func.grouping_sets(*(tuple_(museum, c) for c in columns)))
                   .subquery())
        every = (1 << len(columns)) - 1
        facet_of = {every ^ (1 << (len(columns) - 1 - i)): f for i, f in enumerate(facets)}
        rows = session.execute(union_all(
            select(grouped.c.museum, grouped.c.grouping, func.sum(grouped.c.n),
                   func.json_object_agg(grouped.c.value, grouped.c.n)
                   .filter(grouped.c.value.is_not(None)))
            .group_by(grouped.c.museum, grouped.c.grouping),
            select(Museum.id, literal(_COUNTERS_GROUPING), Museum.change_seq,
                   func.to_json(Museum.removed_seq)).where(counted_museums)))
        counted = []
        for museum_id, grouping, total, values in rows:
            if grouping == _COUNTERS_GROUPING:
                counters[museum_id] = Counters(int(total), values)
            else:
                counted.append((museum_id, facet_of[grouping], total, values or {}))
    else:
        matches = (select(museum.label("museum"), *(_GROUPED[f].label(f) for f in facets))
                   .select_from(plan.source).where(where).cte("matches"))
        by_value: dict[tuple[int, str], dict[str, int]] = {}
        for facet, museum_id, value, n in session.execute(union_all(
            *(select(literal(f), matches.c.museum, cast(matches.c[f], String), func.count())
              .group_by(matches.c.museum, matches.c[f]) for f in facets),
            select(literal(_COUNTERS_FACET), Museum.id, cast(Museum.removed_seq, String),
                   Museum.change_seq).where(counted_museums),
        )):
            if facet == _COUNTERS_FACET:
                counters[museum_id] = Counters(n, int(value))
            else:
                by_value.setdefault((museum_id, facet), {})[value] = n
        counted = [(museum_id, facet, sum(values.values()),
                    {v: n for v, n in values.items() if v is not None})
                   for (museum_id, facet), values in by_value.items()]
    parts: dict[int, Counted] = {}
    for museum_id, facet, total, values in counted:
        part = parts.setdefault(museum_id, {"total": {"": int(total)},
                                            "museum": {str(museum_id): int(total)}})
        part[facet] = values
    return CountedRows(parts, counters)


def _written_after(museum_id: int, change: int | None) -> ColumnElement[bool]:
    """The museum's rows written after `change` (None: all of them)."""
    if change is None:
        return PublicRecord.museum_id == museum_id
    return and_(PublicRecord.museum_id == museum_id, PublicRecord.change_seq > change)


def merged(parts: Iterable[Counted]) -> Counted:
    """The counts of several museums' matches added up."""
    sums: dict[str, Counter[str]] = {}
    for part in parts:
        for facet, values in part.items():
            sums.setdefault(facet, Counter()).update(values)
    return dict(sums)


def _kept_counts(session: Session, museum_id: int | None) -> Counted:
    """The counts of every published object (or of one museum's) as pushes keep them."""
    kept = [PublicFacetCount.n > 0]
    if museum_id is not None:
        kept.append(PublicFacetCount.museum_id == museum_id)
    return _by_facet(session.execute(union_all(
        select(PublicFacetCount.facet, PublicFacetCount.value, func.sum(PublicFacetCount.n))
        .where(*kept).group_by(PublicFacetCount.facet, PublicFacetCount.value),
        select(literal("museum"), cast(PublicFacetCount.museum_id, String), PublicFacetCount.n)
        .where(PublicFacetCount.facet == "total", *kept),
    )))


def _by_facet(rows: Iterable[Any]) -> Counted:
    counted: Counted = {}
    for facet, value, n in rows:
        if value is not None:
            counted.setdefault(facet, {})[value] = int(n)
    return counted


def _root_counts(counted: Counted) -> dict[str, int]:
    """Root theme id -> objects under it, from the counts per set of root themes (an object
    under two roots counted once in each, never twice in one)."""
    roots: dict[str, int] = {}
    for key, n in counted.get("theme_roots", {}).items():
        for root in key.split("|"):
            if root:
                roots[root] = roots.get(root, 0) + n
    return roots


def facet_values(session: Session, counted: Counted, tree: ThemeTree, lang: str
                 ) -> tuple[int, dict[str, list[FacetValue]]]:
    total = sum(counted.get("total", {}).values())
    museums = {str(i): (code, name) for i, code, name
               in session.execute(select(Museum.id, Museum.code, Museum.name))}

    def values(facet: str) -> Iterable[tuple[str, int]]:
        return counted.get(facet, {}).items()
    return total, {
        "museum": _by_count([FacetValue(*museums[m], n) for m, n in values("museum")
                             if m in museums], key=lambda f: f.label)[:FACET_SIZE * 5],
        "theme": _by_count([FacetValue(t, tree.nodes[t].label(lang), n)
                            for t, n in _root_counts(counted).items() if t in tree.nodes],
                           key=lambda f: f.label),
        "designation": _by_count([FacetValue(d, d, n) for d, n in values("designation") if d],
                                 key=lambda f: f.label)[:FACET_SIZE],
        "century": sorted((FacetValue(c, c, n) for c, n in values("century") if c),
                          key=lambda f: int(f.value)),
    }


@dataclass(frozen=True)
class PublicObject:
    id: str
    museum_code: str
    museum_name: str
    document: dict[str, Any]
    updated_at: str
    ready_images: frozenset[str]  # sha256 of the images whose derivatives are ready


def public_object(session: Session, record_id: str) -> PublicObject | None:
    """One published object, or None (never published, unpublished, radiated, deleted)."""
    row = session.execute(
        select(PublicRecord.record_id, Museum.code, Museum.name, PublicDocument.document,
               PublicRecord.updated_at)
        .join(Museum, Museum.id == PublicRecord.museum_id)
        .join(PublicDocument, PublicDocument.record_id == PublicRecord.record_id)
        .where(PublicRecord.record_id == record_id)
    ).one_or_none()
    if row is None:
        return None
    hashes = [i["sha256"] for i in row.document.get("images", [])]
    ready = frozenset(session.scalars(
        select(ImageDerivative.sha256).where(ImageDerivative.sha256.in_(hashes),
                                             ImageDerivative.state == "ready")
    )) if hashes else frozenset()
    return PublicObject(row.record_id, row.code, row.name, row.document, row.updated_at, ready)


def image_is_public(session: Session, record_id: str, sha256: str) -> bool:
    """True if the image is shown with that published object (so its derivatives may be)."""
    found = public_object(session, record_id)
    return found is not None and sha256 in found.ready_images


@dataclass(frozen=True)
class Card:
    """A theme as the home page and the theme pages show it."""

    theme: ThemeNode
    count: int
    image: tuple[str, str] | None  # (record id, sha256) of a representative image


def theme_cards(session: Session, tree: ThemeTree, theme_ids: list[str]) -> list[Card]:
    """The themes with the number of published objects in each (sub-themes included; an
    object counted once per theme) and an image; themes without objects are left out."""
    under = {t: top for top in theme_ids for t in tree.descendants(top)}
    if not under:
        return []
    top = case(under, value=PublicRecordTheme.theme_id)
    return _cards(session, tree, theme_ids, dict(session.execute(
        select(top, func.count(func.distinct(PublicRecordTheme.record_id)))
        .where(PublicRecordTheme.theme_id.in_(list(under))).group_by(top)
    ).all()))


def root_cards(session: Session, tree: ThemeTree, before: Iterable[Card] = ()) -> list[Card]:
    """theme_cards of the root themes, from the counts pushes keep (the home page's). A card
    keeps the image it had `before` while that object is still published under the theme with
    that image ready: the home page is made again after every push, and finding an image is
    a walk of the ready images per theme."""
    counted = _root_counts(_kept_counts(session, None))
    kept = _still_illustrating(session, {card.theme.id: card.image for card in before
                                         if card.image is not None})
    return _cards(session, tree, tree.roots, counted, kept)


def _still_illustrating(session: Session, images: dict[str, tuple[str, str]]
                        ) -> dict[str, tuple[str, str]]:
    """Root theme -> its (record id, sha256) of `images` still published under that root
    with that image ready."""
    if not images:
        return {}
    rows = session.execute(
        select(PublicRecord.record_id, PublicRecord.image_sha256, PublicRecord.theme_roots)
        .where(among(session, PublicRecord.record_id,
                     [record_id for record_id, _ in images.values()]), _ready_image()))
    shown = {(record_id, sha256): set((roots or "").split("|"))
             for record_id, sha256, roots in rows}
    return {root: image for root, image in images.items() if root in shown.get(image, ())}


def _cards(session: Session, tree: ThemeTree, theme_ids: list[str], counted: dict[str, int],
           images: dict[str, tuple[str, str]] | None = None) -> list[Card]:
    images = images or {}
    return [Card(tree.nodes[theme_id], counted[theme_id],
                 images.get(theme_id) or _illustration(session, tree.descendants(theme_id)))
            for theme_id in theme_ids if counted.get(theme_id)]


def _ready_image() -> ColumnElement[bool]:
    return (select(ImageDerivative.sha256)
            .where(ImageDerivative.sha256 == PublicRecord.image_sha256,
                   ImageDerivative.state == "ready").exists())


def _illustration(session: Session, theme_ids: list[str]) -> tuple[str, str] | None:
    """An illustrated object of these themes: found from the images that are ready (far fewer
    than the objects of a large theme), not by walking the theme's objects."""
    row = session.execute(
        select(PublicRecord.record_id, PublicRecord.image_sha256)
        .join(ImageDerivative, and_(ImageDerivative.sha256 == PublicRecord.image_sha256,
                                    ImageDerivative.state == "ready"))
        .join(PublicRecordTheme, PublicRecordTheme.record_id == PublicRecord.record_id)
        .where(PublicRecordTheme.theme_id.in_(theme_ids))
        .order_by(ImageDerivative.sha256).limit(1)
    ).first()
    return (row.record_id, row.image_sha256) if row else None


def discover(session: Session, count: int) -> list[Hit]:
    """A few illustrated objects from somewhere in the collections (another draw each time the
    portal's version changes)."""
    start = str(uuid.uuid4())
    found = _hits_where(session, and_(PublicRecord.record_id >= start, _ready_image()),
                        [PublicRecord.record_id], count)
    if len(found) < count:
        found += _hits_where(session, and_(PublicRecord.record_id < start, _ready_image()),
                             [PublicRecord.record_id], count - len(found))
    return found


def related(session: Session, shown: PublicObject, tree: ThemeTree, count: int) -> list[Hit]:
    """Other objects of the same museum, those sharing a theme first."""
    museum_id = select(Museum.id).where(Museum.code == shown.museum_code).scalar_subquery()
    same_museum = and_(PublicRecord.museum_id == museum_id,
                       PublicRecord.record_id != shown.id)
    themes = [t for t in shown.document.get("themes", []) if t in tree.nodes]
    found: list[Hit] = []
    if themes:
        # EXISTS, probed per object of the museum in order: an IN list would first gather
        # every object of the theme across the network.
        sharing = (select(PublicRecordTheme.record_id)
                   .where(PublicRecordTheme.record_id == PublicRecord.record_id,
                          PublicRecordTheme.theme_id.in_(themes)).exists())
        found = _hits_where(session, and_(same_museum, sharing), [PublicRecord.sort_key], count)
    if len(found) < count:
        seen = [h.id for h in found]
        found += _hits_where(session, and_(same_museum, PublicRecord.record_id.not_in(seen)),
                             [PublicRecord.sort_key], count - len(found))
    return found


def _hits_where(session: Session, where: ColumnElement[bool], order: list[Any],
                count: int) -> list[Hit]:
    return _hits(session, _Plan(PublicRecord.__table__, where), order, count, 0)


def game_objects(session: Session, count: int, dated: bool = False) -> list[Hit]:
    """`count` illustrated objects drawn at random, each of another designation (and, `dated`,
    of another earliest year), for the games; fewer when the collections are too small."""
    start = str(uuid.uuid4())
    condition = and_(_ready_image(), PublicRecord.designation != "")
    if dated:
        condition = and_(condition, PublicRecord.date_earliest.is_not(None))
    drawn = _hits_where(session, and_(condition, PublicRecord.record_id >= start),
                        [PublicRecord.record_id], count * 8)
    drawn += _hits_where(session, and_(condition, PublicRecord.record_id < start),
                         [PublicRecord.record_id], count * 8)
    chosen: list[Hit] = []
    designations: set[str] = set()
    years: set[int | None] = set()
    for hit in drawn:
        if hit.designation.casefold() in designations or (dated and hit.date_earliest in years):
            continue
        chosen.append(hit)
        designations.add(hit.designation.casefold())
        years.add(hit.date_earliest)
        if len(chosen) == count:
            break
    return chosen


def published_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(PublicRecord)) or 0


def sitemap_entries(session: Session, offset: int, limit: int) -> list[tuple[str, str]]:
    """(record id, last change) of published objects, in a stable order."""
    return [tuple(row) for row in session.execute(
        select(PublicRecord.record_id, PublicRecord.updated_at)
        .order_by(PublicRecord.record_id).offset(offset).limit(limit)
    )]


@dataclass(frozen=True)
class MuseumInfo:
    code: str
    name: str
    town: str
    presentation: str
    count: int


def museums(session: Session) -> list[MuseumInfo]:
    """Museums with at least one published object, by name."""
    return [MuseumInfo(*row) for row in session.execute(_museum_infos().order_by(Museum.name))]


def museum(session: Session, code: str) -> MuseumInfo | None:
    row = session.execute(_museum_infos().where(Museum.code == code)).one_or_none()
    return None if row is None else MuseumInfo(*row)


def _museum_infos() -> Select:
    """Museums with their count of published objects (as pushes keep it), those with none left
    out."""
    return (select(Museum.code, Museum.name, Museum.town, Museum.presentation, PublicFacetCount.n)
            .join(PublicFacetCount, and_(PublicFacetCount.museum_id == Museum.id,
                                         PublicFacetCount.facet == "total"))
            .where(PublicFacetCount.n > 0))


@dataclass(frozen=True)
class Versions:
    """The versions of what the portal shows (one statement; Site.versions keeps them for a
    moment). `whole` changes whenever anything the portal shows may have changed: a push, a
    museum's presentation, a derivative made, the theme tree. A museum's own versions change
    only with its pushes and presentation (and the shared data): its object pages, its
    collection and the searches filtered by it keep what was made for them while other museums
    push."""

    museums: dict[int, str]  # museum id -> its last publication and change counter
    codes: dict[str, int]  # museum code -> id
    latest: str  # the latest museum publication
    made: str  # the latest derivative made
    shared: str  # the shared counter (themes, vocabulary)
    logged: int  # the publication log's position
    withdrawn: int  # how many pushes took records off the portal, all museums together
    removed: dict[int, int]  # museum id -> how many of its pushes removed published rows

    @property
    def whole(self) -> str:
        """Every part of the portal. Its parts are timestamps, then counters (#): the shared
        one, the publication log's position and the withdrawals. The position is what makes
        a record leave at once: two pushes commit in its order (publication_log.py), not
        necessarily in the order of their timestamps, so the later commit may not move the
        latest timestamp."""
        return f"{self.latest}|{self.made}|{self.shared}|#{self.logged}|#w{self.withdrawn}"

    @property
    def urgent(self) -> str:
        """What network-wide pages must show at once, not within seconds (Site.network):
        records leaving the portal, the theme tree."""
        return f"{self.shared}|#w{self.withdrawn}"

    def museum_data(self, museum_id: int) -> str:
        """A museum's published records and the themes they are counted under."""
        return f"{self.museums.get(museum_id, '')}|{self.shared}"

    def of_museum(self, museum_id: int) -> str:
        """A museum's pages: its records, themes and ready images."""
        return f"{self.museum_data(museum_id)}|{self.made}"


def versions(session: Session) -> Versions:
    # One statement: pages read it (Site.versions), most of them then answer from what is kept.
    rows = session.execute(select(
        Museum.id, Museum.code, Museum.published_at, Museum.change_seq, Museum.withdrawn_seq,
        Museum.removed_seq,
        select(func.max(ImageDerivative.made_at)).scalar_subquery(),
        select(SharedState.change_seq).where(SharedState.id == 1).scalar_subquery(),
        select(SharedState.publication_seq).where(SharedState.id == 1).scalar_subquery(),
    ).select_from(Museum)).all()
    if not rows:
        return Versions({}, {}, "", "", "#0", 0, 0, {})
    museums = {museum_id: f"{published or ''}|#{changes}"
               for museum_id, _, published, changes, *_ in rows}
    *_, made, shared, logged = rows[0]
    return Versions(museums, {code: museum_id for museum_id, code, *_ in rows},
                    max(published or "" for _, _, published, *_ in rows), made or "",
                    f"#{shared or 0}", logged or 0, sum(row[4] for row in rows),
                    {museum_id: removed for museum_id, _, _, _, _, removed, *_ in rows})


def museum_id_of(session: Session, record_id: str) -> int | None:
    """The museum of a published record (None: not published)."""
    return session.scalar(select(PublicRecord.museum_id)
                          .where(PublicRecord.record_id == record_id))


def museum_id_by_code(session: Session, code: str) -> int | None:
    return session.scalar(select(Museum.id).where(Museum.code == code))
