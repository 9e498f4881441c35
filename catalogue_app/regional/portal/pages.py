"""The portal's pages (design.md §12): thin views that read through portal_queries, build a
context and render one template. Every page is cached by the portal's version (ETag), and an
unknown or unpublished object, museum or theme is a 404 page, in the visitor's language."""

from __future__ import annotations

import dataclasses
import json
import math
import random
import uuid
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from markupsafe import Markup
from sqlalchemy.orm import Session
from starlette.responses import HTMLResponse, Response

from catalogue_app.records.fields import FIELDS
from catalogue_app.regional import portal_queries
from catalogue_app.regional.portal import caching, compression, i18n, searches
from catalogue_app.regional.portal.site import Site, site
from catalogue_app.regional.portal.templates import image_path
from catalogue_app.regional.portal_queries import Query as SearchQuery
from catalogue_app.regional.theme_tree import ThemeTree, theme_tree

PAGE_SIZE = 24
SITEMAP_SIZE = 40_000
TIMELINE = 5
DISCOVER = 8
MAX_PAGE = 1000
# Shown on an object page, in this order (the public fields, as the register lists them).
SHOWN_FIELDS = [f.name for f in FIELDS if f.public and f.name not in (
    "public", "register_date", "themes", "title", "designation", "inventory_number",
    "description")]

router = APIRouter(include_in_schema=False)
Context = dict[str, Any]


@dataclasses.dataclass(frozen=True)
class Reading:
    """What a page's builder reads with: the request's read transaction, the visitor's
    language, the theme tree, the versions it was read at and the one the page depends on."""

    session: Session
    lang: str
    tree: ThemeTree
    versions: portal_queries.Versions
    version: str


Builder = Callable[[Reading], Context | None]
# The version a page depends on (None: nothing to show, a 404 page); the network-wide pages'
# (Site.network) when none is given.
Scope = Callable[[Session, portal_queries.Versions], str | None]


def page(request: Request, template: str, build: Builder, cached: bool = True,
         scope: Scope | None = None) -> Response:
    """Render `template` with what `build(reading)` returns (None: a 404 page), or answer 304
    when the visitor's copy is still the current one. A page is kept as served (compressed)
    until its version changes, so most visits send the database nothing; a page drawn at
    random (a game) is not `cached`."""
    portal = site(request)
    lang = i18n.language(request)
    with portal.read() as session:
        versions = portal.versions(session)
        version = portal.network(versions) if scope is None else scope(session, versions)
        if version is None:
            return not_found(request)
        reading = Reading(session, lang, portal.themes(session, versions.shared), versions,
                          version)
        if not cached:
            html = _rendered(request, portal, template, reading, build)
            return not_found(request) if html is None else HTMLResponse(
                html, headers={"Cache-Control": "no-store"})
        tag = caching.etag(template, request.url.path, request.url.query, version)
        headers = caching.validators(tag, caching.last_modified(version), caching.PAGE_MAX_AGE)
        if caching.not_modified(request, tag):
            return caching.answer_304(headers)
        body = portal.kept(f"page|{request.url.path}?{request.url.query}|{lang}", version,
                           lambda: _made(request, portal, template, reading, build))
    if body is None:
        return not_found(request)
    return compression.html_response(request, body, headers)


def _made(request: Request, portal: Site, template: str, reading: Reading, build: Builder
          ) -> bytes | None:
    """The page as it is kept and served (compressed)."""
    return compression.compressed(_rendered(request, portal, template, reading, build))


def _rendered(request: Request, portal: Site, template: str, reading: Reading,
              build: Builder) -> str | None:
    context = build(reading)
    return None if context is None else render(request, portal, template, reading.lang,
                                               context)


def render(request: Request, portal: Site, template: str, lang: str, context: Context) -> str:
    other = "en" if lang == "fr" else "fr"
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    switch = kept + ([("lang", other)] if other != i18n.DEFAULT else [])
    canonical = [(k, v) for k, v in request.query_params.multi_items() if k in ("lang", "page")]
    return portal.environment(lang).get_template(template).render(
        request_path=request.url.path,
        switch_language=_address(request.url.path, switch),
        canonical=portal.absolute(_address(request.url.path, canonical)),
        absolute=portal.absolute,
        **context,
    )


def _address(path: str, params: list[tuple[str, str]]) -> str:
    return path + ("?" + urlencode(params) if params else "")


def not_found(request: Request) -> Response:
    portal = site(request)
    lang = i18n.language(request)
    return HTMLResponse(render(request, portal, "not_found.html", lang, {}), status_code=404,
                        headers={"Cache-Control": "no-store"})


def _museum_version(versions: portal_queries.Versions, code: str | None) -> str | None:
    """The version of a museum's pages (None: no such museum)."""
    museum_id = versions.codes.get(code) if code else None
    return None if museum_id is None else versions.of_museum(museum_id)


def _with_facets(request: Request, reading: Reading, query: SearchQuery
                 ) -> portal_queries.Results:
    """The results and facets of `query`, kept under the page's version."""
    return searches.with_facets(site(request), reading.session, query, reading.tree,
                                reading.lang, reading.versions, reading.version)


def _facets_aside(request: Request, reading: Reading, found: portal_queries.Results,
                  filters: dict[str, str]) -> Markup:
    """A search's facets with their links and counts (~100 of each), the same on every page of
    it: written once per search and version, not for each page a visitor turns to (writing
    them was most of rendering a result page)."""
    portal = site(request)
    return Markup(portal.kept(
        f"facets-aside|{sorted(filters.items())!r}|{reading.lang}", reading.version,
        lambda: portal.environment(reading.lang).get_template("_facets.html").render(
            results=found, filters=filters)))


def _page_number(value: int) -> int:
    return max(1, min(value, MAX_PAGE))


def _pages(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / size))


# --- pages --------------------------------------------------------------------------------------


@router.get("/")
def home(request: Request) -> Response:
    portal = site(request)

    def build(reading: Reading) -> Context:
        session, version = reading.session, reading.version

        def cards(kept: tuple[str, list[portal_queries.Card]] | None
                  ) -> tuple[str, list[portal_queries.Card]]:
            if kept is not None and kept[0] == version:
                return kept
            return version, portal_queries.root_cards(session, reading.tree,
                                                      kept[1] if kept else ())

        themes = portal.revised("home-themes", cards)[1]
        museums = portal.kept("museums", version, lambda: portal_queries.museums(session))
        discover = portal.kept("discover", version,
                               lambda: portal_queries.discover(session, DISCOVER))
        total = sum(m.count for m in museums)
        return {"themes": themes, "museums": museums, "discover": discover, "total": total,
                "tree": reading.tree}

    return page(request, "home.html", build)


@router.get("/recherche")
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    musee: Annotated[str, Query(max_length=32)] = "",
    theme: Annotated[str, Query(max_length=36)] = "",
    designation: Annotated[str, Query(max_length=200)] = "",
    siecle: Annotated[str, Query(max_length=6)] = "",
    page_number: Annotated[int, Query(alias="page")] = 1,
) -> Response:
    number = _page_number(page_number)
    century = int(siecle) if siecle.lstrip("-").isdigit() else None
    theme_id = _uuid(theme)

    query = SearchQuery(q, musee or None, theme_id, designation or None, century,
                        limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)

    def scope(session: Session, versions: portal_queries.Versions) -> str:
        """A search within a museum changes only with that museum."""
        return _museum_version(versions, musee) or site(request).network(versions)

    def build(reading: Reading) -> Context:
        found = _with_facets(request, reading, query)
        filters = {"q": q, "musee": musee, "theme": theme_id or "", "designation": designation,
                   "siecle": siecle}
        return {"q": q, "query": query, "results": found, "page": number,
                "pages": _pages(found.total), "tree": reading.tree, "filters": filters,
                "facets": _facets_aside(request, reading, found, filters)}

    return page(request, "search.html", build, scope=scope)


@router.get("/musees")
def museums_page(request: Request) -> Response:
    def build(reading: Reading) -> Context:
        return {"museums": portal_queries.museums(reading.session)}

    return page(request, "museums.html", build)


@router.get("/musees/{code}")
def museum_page(request: Request, code: str,
                page_number: Annotated[int, Query(alias="page")] = 1) -> Response:
    number = _page_number(page_number)

    def build(reading: Reading) -> Context | None:
        museum = portal_queries.museum(reading.session, code)
        if museum is None:
            return None
        found = _with_facets(request, reading, SearchQuery(
            museum=code, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE))
        return {"museum": museum, "results": found, "page": number,
                "pages": _pages(found.total), "tree": reading.tree}

    return page(request, "museum.html", build,
                scope=lambda session, versions: _museum_version(versions, code))


@router.get("/themes/{theme_id}")
def theme_page(request: Request, theme_id: str,
               page_number: Annotated[int, Query(alias="page")] = 1) -> Response:
    number = _page_number(page_number)

    def build(reading: Reading) -> Context | None:
        session, tree = reading.session, reading.tree
        node = tree.nodes.get(theme_id)
        if node is None:
            return None
        found = portal_queries.search(
            session, SearchQuery(theme=theme_id, limit=PAGE_SIZE,
                                 offset=(number - 1) * PAGE_SIZE), tree)
        children = portal_queries.theme_cards(session, tree, list(node.children))
        return {"theme": node, "path": tree.path(theme_id), "children": children,
                "results": found, "page": number, "pages": _pages(found.total)}

    return page(request, "theme.html", build)


@router.get("/objets/{record_id}")
def object_page(request: Request, record_id: str) -> Response:
    portal = site(request)

    def scope(session: Session, versions: portal_queries.Versions) -> str | None:
        """An object's page changes only with its museum (its records, ready images and
        words); None when it is not published."""
        museum_id = portal.museum_of(session, versions, record_id) if _uuid(record_id) \
            else None
        return None if museum_id is None else versions.of_museum(museum_id)

    def build(reading: Reading) -> Context | None:
        session, tree = reading.session, reading.tree
        found = portal_queries.public_object(session, record_id)
        if found is None:
            return None
        document = found.document
        themes = [tree.nodes[t] for t in document.get("themes", []) if t in tree.nodes]
        related = portal_queries.related(session, found, tree, 6)
        return {"object": found, "fields": document, "shown_fields": SHOWN_FIELDS,
                "themes": themes, "related": related,
                "images": [i for i in document.get("images", [])
                           if i["sha256"] in found.ready_images],
                "json_ld": json.dumps(_json_ld(request, portal, found), ensure_ascii=False)
                .replace("</", "<\\/")}

    return page(request, "object.html", build, scope=scope)


@router.get("/jeux")
def games_page(request: Request) -> Response:
    return page(request, "games.html", lambda reading: {})


@router.get("/jeux/quel-objet")
def guess_game(
    request: Request,
    objet: Annotated[str, Query(max_length=36)] = "",
    reponse: Annotated[str, Query(max_length=200)] = "",
    choix: Annotated[list[str] | None, Query(max_length=4)] = None,
    score: Annotated[int, Query(ge=0, le=10_000)] = 0,
    tours: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    """\"Quel est cet objet ?\": an image and four designations. Plain links and forms, so it
    is played with the keyboard alone (and without JavaScript); the score travels in the
    address."""
    def build(reading: Reading) -> Context | None:
        session = reading.session
        answered = portal_queries.public_object(session, objet) if _uuid(objet) else None
        if answered is not None and reponse and choix:
            right = answered.document.get("designation", "")
            won = reponse == right
            return {"answered": answered, "right": right, "won": won, "choices": choix,
                    "given": reponse, "score": score + won, "rounds": tours + 1}
        drawn = portal_queries.game_objects(session, 4)
        if len(drawn) < 4:
            return {"too_few": True}
        choices = [hit.designation for hit in drawn]
        random.shuffle(choices)
        return {"hit": drawn[0], "choices": choices, "score": score, "rounds": tours}

    return page(request, "game_guess.html", build, cached=False)


@router.get("/jeux/frise")
def timeline_game(
    request: Request,
    objets: Annotated[list[str] | None, Query(max_length=TIMELINE)] = None,
    rang: Annotated[list[int] | None, Query(max_length=TIMELINE)] = None,
) -> Response:
    """The timeline: five objects to put in the order of their dates, each given a rank from
    a list (keyboard and screen readers need nothing more)."""
    def build(reading: Reading) -> Context | None:
        session = reading.session
        if objets and rang and len(objets) == len(rang) == TIMELINE:
            found = [portal_queries.public_object(session, i) if _uuid(i) else None
                     for i in objets]
            if all(found):
                placed = [o for _, o in sorted(zip(rang, found, strict=True),
                                               key=lambda pair: pair[0])]
                years = [o.document.get("date_earliest") for o in placed]
                truth = sorted(found, key=lambda o: o.document.get("date_earliest") or 0)
                return {"placed": placed, "truth": truth,
                        "won": years == sorted(years, key=lambda y: y or 0)}
        drawn = portal_queries.game_objects(session, TIMELINE, dated=True)
        if len(drawn) < TIMELINE:
            return {"too_few": True}
        return {"hits": drawn, "count": TIMELINE}

    return page(request, "game_timeline.html", build, cached=False)


@router.get("/mentions-legales")
def legal_page(request: Request) -> Response:
    return page(request, "legal.html", _contact(request))


@router.get("/accessibilite")
def accessibility_page(request: Request) -> Response:
    return page(request, "accessibility.html", _contact(request))


def _contact(request: Request) -> Builder:
    """The pages that give the base's contact address (`serve --admin-email`)."""
    return lambda reading: {"admin_email": site(request).admin_email}


@router.get("/robots.txt")
def robots(request: Request) -> Response:
    sitemap = site(request).absolute("/sitemap.xml")
    body = f"User-agent: *\nDisallow: /api/v1/\nAllow: /\nSitemap: {sitemap}\n"
    return Response(body, media_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": f"public, max-age={caching.PAGE_MAX_AGE}"})


@router.get("/sitemap.xml")
def sitemap_index(request: Request) -> Response:
    """An index of the sitemaps: the pages, then the objects by SITEMAP_SIZE (the protocol
    allows 50,000 addresses per file)."""
    def build(session: Session, portal: Site) -> list[str]:
        files = math.ceil(portal_queries.published_count(session) / SITEMAP_SIZE)
        names = ["/sitemap-pages.xml"] + [f"/sitemap-objets-{n}.xml" for n in range(1, files + 1)]
        return [f"<sitemap><loc>{_xml(portal.absolute(name))}</loc></sitemap>"
                for name in names]

    return _sitemap(request, "sitemapindex", build)


@router.get("/sitemap-pages.xml")
def sitemap_pages(request: Request) -> Response:
    def build(session: Session, portal: Site) -> list[str]:
        tree = theme_tree(session)
        addresses = ["/", "/musees", "/jeux", "/mentions-legales", "/accessibilite"]
        addresses += [f"/musees/{m.code}" for m in portal_queries.museums(session)]
        addresses += [f"/themes/{t}" for t in tree.nodes]
        return [f"<url><loc>{_xml(portal.absolute(a))}</loc></url>" for a in addresses]

    return _sitemap(request, "urlset", build)


@router.get("/sitemap-objets-{number}.xml")
def sitemap_objects(request: Request, number: int) -> Response:
    def build(session: Session, portal: Site) -> list[str] | None:
        entries = portal_queries.sitemap_entries(session, (number - 1) * SITEMAP_SIZE,
                                                 SITEMAP_SIZE) if number >= 1 else []
        return [f"<url><loc>{_xml(portal.absolute('/objets/' + record_id))}</loc>"
                f"<lastmod>{updated[:10]}</lastmod></url>"
                for record_id, updated in entries] or None

    return _sitemap(request, "urlset", build)


def _sitemap(request: Request, root: str,
             build: Callable[[Session, Site], list[str] | None]) -> Response:
    portal = site(request)
    with portal.read() as session:
        version = portal.versions(session).whole
        tag = caching.etag(request.url.path, version)
        headers = caching.validators(tag, caching.last_modified(version), caching.PAGE_MAX_AGE)
        if caching.not_modified(request, tag):
            return caching.answer_304(headers)
        lines = build(session, portal)
    if lines is None:
        return not_found(request)
    body = "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', *lines, f"</{root}>",
    ])
    return Response(body + "\n", media_type="application/xml", headers=headers)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(value)) if value else None
    except ValueError:
        return None


def _json_ld(request: Request, portal: Site, found: portal_queries.PublicObject
             ) -> dict[str, Any]:
    """schema.org description of the object, for search engines and aggregators."""
    document = found.document
    url = portal.absolute(f"/objets/{found.id}")
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "VisualArtwork", "@id": url, "url": url,
        "name": document.get("title") or document.get("designation") or "",
        "identifier": document.get("inventory_number", ""),
        "artform": document.get("designation", ""),
        "description": document.get("description", ""),
        "material": document.get("materials") or None,
        "dateCreated": document.get("dating") or None,
        "creator": [{"@type": "Person", "name": a["name"]}
                    for a in document.get("authors", []) if isinstance(a, dict)] or None,
        "locationCreated": document.get("origin_place") or None,
        "creditText": document.get("credit_line") or None,
        "provider": {"@type": "Museum", "name": found.museum_name,
                     "url": portal.absolute(f"/musees/{found.museum_code}")},
        "image": [portal.absolute(image_path(found.id, i["sha256"], "web"))
                  for i in document.get("images", []) if i["sha256"] in found.ready_images]
        or None,
    }
    return {k: v for k, v in data.items() if v not in (None, "")}
