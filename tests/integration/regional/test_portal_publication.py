"""What the public sees of the regional base: only published records, their public fields and
publishable images, on every public route, over real HTTP on both backends."""

from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image

from tests.integration.conftest import PROTOCOL_HEADERS, RegionalServer
from tests.integration.regional.conftest import (
    RADIATION,
    SECRET,
    Collection,
    Museum,
    published,
    push_ok,
    wait_for,
)


def test_the_public_search_finds_only_published_records_with_an_exact_total(
    collection: Collection, visitor: httpx.Client
) -> None:
    answer = visitor.get("/api/public/v1/search", params={"q": "coiffe"})
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == "*"
    body = answer.json()
    assert body["total"] == 1
    assert [r["id"] for r in body["results"]] == [collection.public["id"]]
    hit = body["results"][0]
    assert hit["inventory_number"] == "1995.3.1" and hit["museum"] == "MA"
    assert hit["url"].endswith(f"/objets/{collection.public['id']}")


def test_search_ignores_accents_and_case_and_puts_the_exact_number_first(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    push_ok(museum_a.editor, [published("2001.1", designation="Étude", title="1995.3.1 copie")])
    for words in ("ETRETAT", "brode", "Bonnet Brodé", "dentelles"):
        hits = visitor.get("/api/public/v1/search", params={"q": words}).json()["results"]
        assert collection.public["id"] in [h["id"] for h in hits], words
    ranked = visitor.get("/api/public/v1/search", params={"q": "1995.3.1"}).json()
    assert ranked["results"][0]["id"] == collection.public["id"]


def test_a_visitor_finds_an_object_by_its_public_register_fields_never_by_a_private_one(
    museum_a: Museum, visitor: httpx.Client
) -> None:
    record = published(
        "2001.17.1179", designation="Bonnet", former_numbers=["10288 (Ancien n° inventaire)"],
        bibliography="Verdier, Les coiffes normandes", exhibitions="Dentelles d'Alençon, 1999",
        ownership_history="collection Pellerin", legal_status="deposit",
        depositor="Mobilier Secretnational", deposit_owner_number="GME 98765")
    push_ok(museum_a.editor, [record])
    for words in ("10288", "Verdier", "Alençon", "Pellerin"):
        hits = visitor.get("/api/public/v1/search", params={"q": words}).json()["results"]
        assert [h["id"] for h in hits] == [record["id"]], words
    for words in ("Secretnational", "98765"):
        assert visitor.get("/api/public/v1/search", params={"q": words}).json()["total"] == 0


@pytest.mark.parametrize("odd", ["", " ", "\"", "*", "AND OR NOT", "((", "'; DROP", "a" * 600,
                                 "é*\\", "NEAR(", "-", "%00", "coiffe\x00", "\x00", "a\x01b\x7f"])
def test_an_empty_or_odd_query_never_errors(
    collection: Collection, visitor: httpx.Client, odd: str
) -> None:
    answer = visitor.get("/api/public/v1/search", params={"q": odd})
    assert answer.status_code in (200, 422), answer.text
    if answer.status_code == 200:
        body = answer.json()
        assert body["total"] >= len(body["results"])


def test_an_object_shows_its_public_fields_and_publishable_images_only(
    collection: Collection, visitor: httpx.Client
) -> None:
    answer = visitor.get(f"/api/public/v1/objects/{collection.public['id']}")
    assert answer.status_code == 200
    text = answer.text
    for secret in (SECRET, "1200 F", "Réserve B", "1995.3.1_uv.jpg", "49.43",
                   collection.hidden_image):
        assert secret not in text
    fields = answer.json()["fields"]
    assert fields["title"] == "Bonnet brodé d'Étretat"
    assert fields["materials"] == ["lin", "dentelle"]
    assert [i["sha256"] for i in fields["images"]] == [collection.shown_image]
    assert fields["images"][0]["credit"] == "Musée A"


@pytest.mark.parametrize("which", ["private", "radiated", "trashed"])
def test_an_unpublished_record_is_404_everywhere(
    collection: Collection, visitor: httpx.Client, which: str
) -> None:
    record = getattr(collection, which)
    assert visitor.get(f"/api/public/v1/objects/{record['id']}").status_code == 404
    found = visitor.get("/api/public/v1/search",
                        params={"q": record["fields"]["designation"]}).json()
    assert record["id"] not in [r["id"] for r in found["results"]]


def test_a_record_unpublished_on_a_desk_leaves_the_portal_at_the_next_push(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    record = collection.public
    assert visitor.get(f"/api/public/v1/objects/{record['id']}").status_code == 200
    changed = {**record, "base_version": 1,
               "fields": {**record["fields"], **RADIATION}}
    assert push_ok(museum_a.editor, [changed])[0]["status"] == "ok"
    assert visitor.get(f"/api/public/v1/objects/{record['id']}").status_code == 404
    assert visitor.get("/api/public/v1/search", params={"q": "coiffe"}).json()["total"] == 0


def test_derivatives_are_made_without_metadata_and_originals_are_never_served(
    collection: Collection, visitor: httpx.Client
) -> None:
    record_id = collection.public["id"]

    def images() -> list[dict]:
        return visitor.get(f"/api/public/v1/objects/{record_id}").json()["fields"]["images"]

    wait_for(lambda: "thumb" in images()[0], "the derivatives")
    sizes = {}
    for kind in ("thumb", "web", "zoom"):
        answer = visitor.get(httpx.URL(images()[0][kind]).path)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "image/jpeg"
        assert "max-age" in answer.headers["cache-control"]
        picture = Image.open(io.BytesIO(answer.content))
        assert not picture.getexif(), "EXIF (GPS, photographer) must be stripped"
        sizes[kind] = max(picture.size)
    assert sizes["thumb"] <= 300 and sizes["web"] <= 1200 and sizes["zoom"] == 2400
    hidden = f"/images/{record_id}/{collection.hidden_image}/thumb.jpg"
    assert visitor.get(hidden).status_code == 404
    original = visitor.get(f"/api/v1/blobs/{collection.shown_image}", headers=PROTOCOL_HEADERS)
    assert original.status_code == 401
    other = f"/images/{collection.private['id']}/{collection.shown_image}/web.jpg"
    assert visitor.get(other).status_code == 404


def test_pages_answer_not_modified_until_the_data_changes(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    first = visitor.get("/api/public/v1/search", params={"q": "coiffe"})
    tag = first.headers["etag"]
    assert "last-modified" in first.headers
    again = visitor.get("/api/public/v1/search", params={"q": "coiffe"},
                        headers={"If-None-Match": tag})
    assert again.status_code == 304
    push_ok(museum_a.editor, [published("2001.2", designation="Coiffe neuve")])
    changed = visitor.get("/api/public/v1/search", params={"q": "coiffe"},
                          headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.json()["total"] == 2


def test_the_public_api_is_in_the_openapi_document(regional_server: RegionalServer,
                                                    visitor: httpx.Client) -> None:
    paths = visitor.get("/openapi.json").json()["paths"]
    assert "/api/public/v1/search" in paths
    assert "/api/public/v1/objects/{record_id}" in paths


def test_a_base_upgraded_with_records_publishes_them_at_its_first_start(
    regional_server: RegionalServer, museum_a: Museum
) -> None:
    from sqlalchemy import update

    from catalogue_app.regional.api import close_app, create_app
    from db.regional.models import PublicRecord, SharedState

    record = published("1890.1", designation="Rouet")
    push_ok(museum_a.editor, [record])
    with regional_server.database.write_session() as session:  # as before the portal existed
        session.query(PublicRecord).delete()
        session.execute(update(SharedState).values(portal_built=False))
    app = create_app(regional_server.config)
    close_app(app)
    with regional_server.database.read_session() as session:
        assert session.get(PublicRecord, record["id"]) is not None
