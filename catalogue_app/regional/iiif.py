"""IIIF (design.md §12): a Presentation API 3.0 manifest per published object with a publishable
image, an Image API 3.0 level 0 service per image from the pre-made derivatives, and
collections of manifests per museum and per theme.

What a manifest shows is decided by catalogue_app.publication.iiif; an image appears once its
derivatives are made (thumb, web, zoom: the sizes its service offers, the original never).
Collections list what the portal's tables publish (the IIIF rule is the portal's today). Every
answer is open to any origin (CORS), as IIIF viewers load them from other sites."""

from __future__ import annotations

import io
import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from catalogue_app import publication
from catalogue_app.exchange.rights import licence
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.regional.derivatives import SIZES
from catalogue_app.regional.errors import NotFound
from catalogue_app.regional.json_bodies import FastJSONResponse
from catalogue_app.regional.portal import caching
from catalogue_app.regional.portal.site import Site, site
from catalogue_app.regional.portal.templates import image_path
from db.regional.models import (
    ImageDerivative,
    Museum,
    PublicImage,
    PublicRecord,
    PublicRecordTheme,
    Record,
)

PRESENTATION = "http://iiif.io/api/presentation/3/context.json"
IMAGE = "http://iiif.io/api/image/3/context.json"
MEDIA_TYPE = f'application/ld+json;profile="{PRESENTATION}"'
CORS = {"Access-Control-Allow-Origin": "*"}
# The fields a manifest lists as metadata, in this order.
SHOWN = ("inventory_number", "designation", "authors", "dating", "origin_place", "materials",
         "techniques", "measurements", "inscriptions")
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]

router = APIRouter(include_in_schema=False)


def _json(document: dict[str, Any], media_type: str = MEDIA_TYPE) -> Response:
    return FastJSONResponse(document, media_type=media_type,
                            headers={**CORS, "Cache-Control": f"max-age={caching.PAGE_MAX_AGE}"})


@router.get("/iiif/{record_id}/manifest")
def manifest(request: Request, record_id: uuid.UUID) -> Response:
    portal = site(request)
    with portal.read() as session:
        found = _published(session, str(record_id))
        if found is None:
            raise NotFound(f"no published object with a public image has id {record_id}")
        document, museum_name, images = found
    return _json(_manifest(request, portal, str(record_id), document, museum_name, images))


@router.get("/iiif/image/{sha256}/info.json")
def image_info(request: Request, sha256: Sha256) -> Response:
    portal = site(request)
    sizes = _sizes(portal, sha256)
    width, height = sizes["zoom"]
    return _json({
        "@context": IMAGE, "id": portal.absolute(f"/iiif/image/{sha256}"),
        "type": "ImageService3", "protocol": "http://iiif.io/api/image", "profile": "level0",
        "width": width, "height": height,
        "sizes": [{"width": w, "height": h} for w, h in sorted(sizes.values())],
    }, media_type=f'application/ld+json;profile="{IMAGE}"')


@router.get("/iiif/image/{sha256}/full/{size}/0/default.jpg")
def image(request: Request, sha256: Sha256, size: str) -> Response:
    """Level 0: the full image at one of the sizes info.json lists (`max` is the largest)."""
    portal = site(request)
    sizes = _sizes(portal, sha256)
    for kind, (width, height) in sizes.items():
        if size in (f"{width},{height}", f"{width},") or (size == "max" and kind == "zoom"):
            picture = portal.blobs.derivative(sha256, kind)
            if picture is None:
                break
            return Response(picture, media_type="image/jpeg",
                            headers={**CORS, **caching.validators(
                                caching.etag(sha256, kind), None, caching.IMAGE_MAX_AGE)})
    raise NotFound(f"this level 0 service offers the sizes of its info.json, not {size[:20]!r}")


@router.get("/iiif/collection/museum/{code}")
def museum_collection(request: Request, code: Annotated[str, Path(max_length=32)]) -> Response:
    portal = site(request)
    with portal.read() as session:
        museum = session.execute(select(Museum.id, Museum.name).where(Museum.code == code)
                                 ).one_or_none()
        ids = _illustrated(session, PublicRecord.museum_id == museum.id) if museum else []
    if not ids:
        raise NotFound(f"museum {code} publishes no object with a public image")
    return _json(_collection(request, portal, f"/iiif/collection/museum/{code}",
                             {"fr": [museum.name], "en": [museum.name]}, ids))


@router.get("/iiif/collection/theme/{theme_id}")
def theme_collection(request: Request, theme_id: uuid.UUID) -> Response:
    portal = site(request)
    with portal.read() as session:
        tree = portal.themes(session, portal.versions(session).shared)
        node = tree.nodes.get(str(theme_id))
        ids = _illustrated(session, PublicRecord.record_id.in_(
            select(PublicRecordTheme.record_id).where(
                PublicRecordTheme.theme_id.in_(tree.descendants(str(theme_id)))))
        ) if node else []
    if not ids:
        raise NotFound(f"theme {theme_id} holds no published object with a public image")
    return _json(_collection(request, portal, f"/iiif/collection/theme/{theme_id}",
                             {"fr": [node.label_fr], "en": [node.label_en]}, ids))


# --- reading -----------------------------------------------------------------------------------


def _published(session: Session, record_id: str
               ) -> tuple[dict[str, Any], str, list[tuple[dict[str, Any], int, int]]] | None:
    """The IIIF document of a record, its museum's name, and its images whose derivatives are
    made (with the zoom derivative's size); None without any."""
    row = session.execute(
        select(Record.fields, Record.deleted, Museum.name).join(Museum)
        .where(Record.id == record_id)).one_or_none()
    document = publication.iiif(row.fields, row.deleted) if row else None
    if document is None or not document["images"]:
        return None
    made = {sha256: (width, height) for sha256, width, height in session.execute(
        select(ImageDerivative.sha256, ImageDerivative.width, ImageDerivative.height).where(
            ImageDerivative.sha256.in_([i["sha256"] for i in document["images"]]),
            ImageDerivative.state == "ready"))}
    images = [(i, *made[i["sha256"]]) for i in document["images"] if i["sha256"] in made]
    return (document, row.name, images) if images else None


def _sizes(portal: Site, sha256: str) -> dict[str, tuple[int, int]]:
    """The derivatives of a published image and their pixel sizes (read from their headers)."""
    with portal.read() as session:
        shown = session.scalar(
            select(ImageDerivative.sha256)
            .join(PublicImage, PublicImage.sha256 == ImageDerivative.sha256)
            .where(ImageDerivative.sha256 == sha256, ImageDerivative.state == "ready").limit(1))
    if shown is None:
        raise NotFound("no public image has this id")
    sizes = {}
    for kind in SIZES:
        made = portal.blobs.derivative(sha256, kind)
        if made is None:
            raise NotFound("no public image has this id")
        with Image.open(io.BytesIO(made)) as picture:
            sizes[kind] = picture.size
    return sizes


def _illustrated(session: Session, where: Any) -> list[tuple[str, str]]:
    """(record id, label) of published records with a ready image, in the portal's order."""
    ready = select(ImageDerivative.sha256).where(
        ImageDerivative.sha256 == PublicRecord.image_sha256, ImageDerivative.state == "ready")
    return [(row.record_id, row.title or row.designation or row.inventory_number)
            for row in session.execute(
                select(PublicRecord.record_id, PublicRecord.title, PublicRecord.designation,
                       PublicRecord.inventory_number)
                .where(where, ready.exists()).order_by(PublicRecord.sort_key))]


# --- documents ---------------------------------------------------------------------------------


def _manifest(request: Request, portal: Site, record_id: str, document: Mapping[str, Any],
              museum_name: str, images: list[tuple[dict[str, Any], int, int]]) -> dict[str, Any]:
    def url(path: str) -> str:
        return portal.absolute(path)

    base = url(f"/iiif/{record_id}")
    title = _text(document.get("title")) or _text(document.get("designation")) or _text(
        document.get("inventory_number"))
    credit = _text(document.get("credit_line")) or museum_name
    canvases = []
    for n, (picture, width, height) in enumerate(images, start=1):
        sha256 = picture["sha256"]
        canvas = f"{base}/canvas/{n}"
        canvases.append({
            "id": canvas, "type": "Canvas", "width": width, "height": height,
            **({"label": {"fr": [picture["caption"]]}} if _text(picture.get("caption")) else {}),
            "thumbnail": [{"id": url(image_path(record_id, sha256, "thumb")), "type": "Image",
                           "format": "image/jpeg"}],
            "items": [{"id": f"{canvas}/page", "type": "AnnotationPage", "items": [{
                "id": f"{canvas}/page/image", "type": "Annotation", "motivation": "painting",
                "target": canvas,
                "body": {"id": url(image_path(record_id, sha256, "zoom")), "type": "Image",
                         "format": "image/jpeg", "width": width, "height": height,
                         "service": [{"id": url(f"/iiif/image/{sha256}"),
                                      "type": "ImageService3", "profile": "level0"}]},
            }]}],
        })
    answer: dict[str, Any] = {
        "@context": PRESENTATION, "id": f"{base}/manifest", "type": "Manifest",
        "label": {"fr": [title], "en": [title]},
        "metadata": [pair for name in SHOWN if (pair := _pair(name, document.get(name)))]
        + [{"label": {"fr": ["Musée"], "en": ["Museum"]}, "value": {"none": [museum_name]}}],
        "requiredStatement": {"label": {"fr": ["Mention obligatoire"], "en": ["Attribution"]},
                              "value": {"fr": [credit]}},
        "homepage": [{"id": url(f"/objets/{record_id}"), "type": "Text",
                      "label": {"fr": [title], "en": [title]}, "format": "text/html"}],
        "thumbnail": canvases[0]["thumbnail"],
        "items": canvases,
    }
    rights = licence(_text(images[0][0].get("licence")))
    if rights.uri:
        answer["rights"] = rights.uri
    return answer


def _collection(request: Request, portal: Site, path: str, label: dict[str, list[str]],
                records: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@context": PRESENTATION, "id": portal.absolute(path), "type": "Collection",
        "label": label,
        "items": [{"id": portal.absolute(f"/iiif/{record_id}/manifest"),
                   "type": "Manifest", "label": {"none": [name]}}
                  for record_id, name in records],
    }


def _pair(name: str, value: Any) -> dict[str, Any] | None:
    if isinstance(value, list):
        texts = [_text(v.get("name")) if isinstance(v, dict) else _text(v) for v in value]
        texts = [t for t in texts if t]
    else:
        texts = [_text(value)] if _text(value) else []
    if not texts:
        return None
    field = FIELDS_BY_NAME[name]
    return {"label": {"fr": [field.label_fr], "en": [field.label_en]},
            "value": {"none": texts}}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
