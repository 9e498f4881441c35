"""The public JSON API (`/api/public/v1/`, design.md §12) and the public images.

No token, open to any origin for GET (CORS), documented in /openapi.json. Everything comes from
the portal's tables, so it shows exactly what catalogue_app.publication.portal publishes."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel
from starlette.responses import Response

from catalogue_app.regional import portal_queries
from catalogue_app.regional.errors import NotFound
from catalogue_app.regional.json_bodies import FastJSONResponse
from catalogue_app.regional.portal import caching
from catalogue_app.regional.portal.site import Site, site
from catalogue_app.regional.portal.templates import image_path

CORS = {"Access-Control-Allow-Origin": "*", "Vary": "Accept-Encoding"}
MAX_LIMIT = 100

# What a public call may get besides its answer (errors in the base's one shape, errors.py).
PUBLIC_ANSWERS: dict[int | str, dict[str, Any]] = {
    304: {"description": "not modified since the ETag given in If-None-Match"},
    404: {"description": "no published object, or no public image, at this address"},
    422: {"description": "invalid parameters"},
    503: {"description": "the database does not answer: retry after Retry-After seconds"},
}
router = APIRouter(prefix="/api/public/v1", tags=["public"], responses=PUBLIC_ANSWERS)
images = APIRouter(tags=["public"], responses=PUBLIC_ANSWERS)


class SearchHit(BaseModel):
    id: str
    inventory_number: str
    museum: str
    designation: str
    title: str
    url: str
    thumbnail: str | None


class SearchAnswer(BaseModel):
    total: int
    results: list[SearchHit]


def _json(request: Request, content: Any, tag: str, last_modified: str | None) -> Response:
    headers = {**CORS, **caching.validators(tag, last_modified, caching.PAGE_MAX_AGE)}
    if caching.not_modified(request, tag):
        return caching.answer_304(headers)
    return FastJSONResponse(content, headers=headers)


@router.get("/search", response_model=SearchAnswer, summary="Search the published objects")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    museum: Annotated[str | None, Query(max_length=32)] = None,
    theme: Annotated[uuid.UUID, Query()] | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Published objects matching the words (accents and case ignored; an exact inventory
    number first), with the exact total."""
    portal: Site = site(request)
    with portal.read() as session:
        versions = portal.versions(session)
        version = versions.whole
        tag = caching.etag("search", version, str(request.url.query))
        if caching.not_modified(request, tag):
            return _json(request, None, tag, None)
        found = portal_queries.search(session, portal_queries.Query(
            q, museum, str(theme) if theme else None, limit=limit, offset=offset,
        ), portal.themes(session, versions.shared))
    return _json(request, {"total": found.total, "results": [
        {"id": hit.id, "inventory_number": hit.inventory_number, "museum": hit.museum_code,
         "designation": hit.designation, "title": hit.title,
         "url": portal.absolute(f"/objets/{hit.id}"),
         "thumbnail": portal.absolute(image_path(hit.id, hit.image, "thumb"))
         if hit.image else None}
        for hit in found.hits
    ]}, tag, caching.last_modified(version))


@router.get("/objects/{record_id}", summary="One published object: its public fields")
def get_object(request: Request, record_id: uuid.UUID) -> Response:
    portal = site(request)
    with portal.read() as session:
        found = portal_queries.public_object(session, str(record_id))
    if found is None:
        raise NotFound(f"no published object has id {record_id}")
    tag = caching.etag("object", found.id, found.updated_at, ",".join(sorted(found.ready_images)))
    return _json(request, object_json(request, portal, found), tag, found.updated_at)


def object_json(request: Request, portal: Site, found: portal_queries.PublicObject
                ) -> dict[str, Any]:
    document = dict(found.document)
    document["images"] = [
        {**image, **({kind: portal.absolute(image_path(found.id, image["sha256"], kind))
                      for kind in ("thumb", "web", "zoom")}
                     if image["sha256"] in found.ready_images else {})}
        for image in document.get("images", [])
    ]
    return {"id": found.id, "museum": found.museum_code, "museum_name": found.museum_name,
            "url": portal.absolute(f"/objets/{found.id}"), "fields": document}


@images.get("/images/{record_id}/{sha256}/{kind}.jpg", response_class=Response,
            summary="A derivative of a publishable image of a published object")
def get_image(request: Request, record_id: uuid.UUID,
              sha256: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")],
              kind: Literal["thumb", "web", "zoom"]) -> Response:
    portal = site(request)
    with portal.read() as session:
        shown = portal_queries.image_is_public(session, str(record_id), sha256)
    if not shown:
        raise NotFound("no such public image")
    tag = caching.etag(sha256, kind)
    headers = {**CORS, **caching.validators(tag, None, caching.IMAGE_MAX_AGE)}
    if caching.not_modified(request, tag):
        return caching.answer_304(headers)
    picture = portal.blobs.derivative(sha256, kind)  # a few hundred KB at most
    if picture is None:
        raise NotFound("no such public image")
    return Response(picture, media_type="image/jpeg", headers=headers)
