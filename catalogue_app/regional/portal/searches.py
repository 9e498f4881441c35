"""A search's results with its facets, from what the portal keeps (site.py).

Counting a broad search's thousands of matches four ways is the dearest part of a page (100 to
300 ms at 70,000 records), and visitors ask the same words, museums and themes again and again,
while desks push all day. So a search's counts are kept per museum, each under that museum's
version: after a push only the pushing museum's matches are counted again (only those among
its new rows while it only adds objects), and the facets are their sum. The results are a page
of an index walk, cheap to read again."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy.orm import Session

from catalogue_app.regional import portal_queries
from catalogue_app.regional.portal.site import Site
from catalogue_app.regional.portal_queries import Counted, FacetValue, Query, Results, Versions
from catalogue_app.regional.theme_tree import ThemeTree

# Above this share of museums to count again (a new theme tree, a first search), one pass over
# every match costs less than a list of museums to filter by.
RECOUNT_ALL_ABOVE = 0.25


@dataclass(frozen=True)
class _Part:
    """A museum's counts of a search's matches, as of its `version`: those of its rows up to
    the change its `counters` tell, under the `shared` data (the theme tree) of then. While
    neither its removals nor the shared data move, the museum has only added rows since, and
    its counts move by the matches among those."""

    version: str
    counts: Counted
    counters: portal_queries.Counters
    shared: str


Parts = dict[int, _Part]


def with_facets(portal: Site, session: Session, query: Query, tree: ThemeTree, lang: str,
                versions: Versions, version: str) -> Results:
    """`query`'s page of results with the facets of all its matches; `version` is what the
    page depends on (the network-wide pages', or its museum's when it is filtered by one)."""
    search = dataclasses.replace(query, text=query.text.strip(), offset=0)
    total, counts = portal.kept(f"facets|{search!r}|{lang}", version,
                                lambda: _facets(portal, session, search, tree, lang, versions))
    found = portal.kept(f"results|{search!r}|{query.offset}", version,
                        lambda: portal_queries.search(session, query, tree, total))
    return dataclasses.replace(found, facets=counts)


def _facets(portal: Site, session: Session, search: Query, tree: ThemeTree, lang: str,
            versions: Versions) -> tuple[int, dict[str, list[FacetValue]]]:
    if not portal_queries.matches_words_or_filters(search):
        counted = portal_queries.kept_counts(session, search.museum)
    elif search.museum:
        counted = portal_queries.merged(
            portal_queries.counted_by_museum(session, search, tree).counts.values())
    else:
        parts = portal.revised(f"counts|{search!r}",
                               lambda kept: _mended(session, search, tree, versions, kept),
                               _counts_in)
        counted = portal_queries.merged(part.counts for part in parts.values())
    return (0, {}) if counted is None else portal_queries.facet_values(session, counted, tree,
                                                                      lang)


def _counts_in(parts: Parts) -> int:
    """What a search's counts per museum weigh in memory: the counts they hold (~150 bytes
    each; ~5,000 for the broadest words at 70,000 records, a few for a narrow one)."""
    return sum(1 + sum(len(values) for values in part.counts.values())
               for part in parts.values())


def _mended(session: Session, search: Query, tree: ThemeTree, versions: Versions,
            kept: Parts | None) -> Parts:
    """The counts per museum, those of the museums that changed since counted again: only
    their new rows when they only added some, all their rows otherwise."""
    kept = kept or {}
    current = {museum_id: versions.museum_data(museum_id) for museum_id in versions.museums}
    stale = [m for m, version in current.items() if m not in kept or kept[m].version != version]
    if not stale:
        return kept
    after = {m: _grown_since(kept.get(m), versions, m) for m in stale}
    if sum(change is None for change in after.values()) > RECOUNT_ALL_ABOVE * len(current):
        counted = portal_queries.counted_by_museum(session, search, tree)
        return {m: _Part(version, counted.counts.get(m, {}), counted.counters[m], versions.shared)
                for m, version in current.items()}
    counted = portal_queries.counted_by_museum(session, search, tree, after)
    # A museum whose push removed rows between the versions and the count: its new rows do not
    # tell what it lost, it is counted again in full.
    removed = [m for m, change in after.items()
               if change is not None and counted.counters[m].removed != kept[m].counters.removed]
    if removed:
        again = portal_queries.counted_by_museum(session, search, tree, dict.fromkeys(removed))
        for m in removed:
            after[m] = None
            counted.counts.pop(m, None)
        counted.counts.update(again.counts)
        counted.counters.update(again.counters)
    mended = dict(kept)
    for m in stale:
        counts = counted.counts.get(m, {})
        if after[m] is not None:
            counts = portal_queries.merged([kept[m].counts, counts])
        mended[m] = _Part(current[m], counts, counted.counters[m], versions.shared)
    return mended


def _grown_since(part: _Part | None, versions: Versions, museum_id: int) -> int | None:
    """The change after which a stale museum's rows are to be counted: the one its counts
    were made at when it has only added rows since, else None (all of them)."""
    if part is None or part.shared != versions.shared:
        return None
    if versions.removed.get(museum_id, 0) > part.counters.removed:
        return None
    return part.counters.changes
