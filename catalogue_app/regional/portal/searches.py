"""A search's results with its facets, from what the portal keeps (site.py).

Counting a broad search's thousands of matches four ways is the dearest part of a page (100 to
300 ms at 70,000 records), and visitors ask the same words, museums and themes again and again,
while desks push all day. So a search's counts are kept per museum, each under that museum's
version: after a push only the pushing museum's matches are counted again, and the facets are
their sum. The results are a page of an index walk, cheap to read again."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from catalogue_app.regional import portal_queries
from catalogue_app.regional.portal.site import Site
from catalogue_app.regional.portal_queries import Counted, FacetValue, Query, Results, Versions
from catalogue_app.regional.theme_tree import ThemeTree

# Above this share of museums to count again (a new theme tree, a first search), one pass over
# every match costs less than a list of museums to filter by.
RECOUNT_ALL_ABOVE = 0.25

Parts = dict[int, tuple[str, Counted]]  # museum id -> (its version, its counts)


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
            portal_queries.counted_by_museum(session, search, tree).values())
    else:
        parts = portal.revised(f"counts|{search!r}",
                               lambda kept: _mended(session, search, tree, versions, kept),
                               _counts_in)
        counted = portal_queries.merged(part for _, part in parts.values())
    return (0, {}) if counted is None else portal_queries.facet_values(session, counted, tree,
                                                                      lang)


def _counts_in(parts: Parts) -> int:
    """What a search's counts per museum weigh in memory: the counts they hold (~150 bytes
    each; ~5,000 for the broadest words at 70,000 records, a few for a narrow one)."""
    return sum(1 + sum(len(values) for values in counted.values())
               for _, counted in parts.values())


def _mended(session: Session, search: Query, tree: ThemeTree, versions: Versions,
            kept: Parts | None) -> Parts:
    """The counts per museum, those of the museums that changed since counted again."""
    kept = kept or {}
    current = {museum_id: versions.museum_data(museum_id) for museum_id in versions.museums}
    stale = [m for m, version in current.items() if m not in kept or kept[m][0] != version]
    if not stale:
        return kept
    recount = None if len(stale) > RECOUNT_ALL_ABOVE * len(current) else stale
    counted = portal_queries.counted_by_museum(session, search, tree, recount)
    return {m: (version, counted.get(m, {})) if m in stale else kept[m]
            for m, version in current.items()}
