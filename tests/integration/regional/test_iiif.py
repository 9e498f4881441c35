"""IIIF over real HTTP on both backends: manifests, level 0 image services and collections of
what is published with an image, valid per the iiif-prezi3 models."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
from iiif_prezi3 import Collection as IIIFCollection
from iiif_prezi3 import Manifest
from PIL import Image

from tests.integration.regional.conftest import (
    COIFFES,
    SECRET,
    TEXTILE,
    Collection,
    Museum,
    published,
    push_illustrated,
    push_ok,
    wait_for,
)


def valid(model, answer: httpx.Response) -> dict:
    """The answer's JSON, asserted to read as the iiif-prezi3 model and back unchanged."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["access-control-allow-origin"] == "*"
    assert answer.headers["content-type"].startswith("application/ld+json")
    document = answer.json()
    assert json.loads(model(**document).json()) == document
    return document


def test_a_published_object_has_a_manifest_of_its_publishable_images(
    collection: Collection, visitor: httpx.Client
) -> None:
    record_id = collection.public["id"]
    answer = visitor.get(f"/iiif/{record_id}/manifest")
    manifest = valid(Manifest, answer)
    for secret in (SECRET, "1200 F", "Réserve B", collection.hidden_image, "49.43"):
        assert secret not in answer.text
    assert manifest["id"].endswith(f"/iiif/{record_id}/manifest")
    assert manifest["label"] == {"fr": ["Bonnet brodé d'Étretat"], "en": ["Bonnet brodé d'Étretat"]}
    labels = {pair["label"]["en"][0]: pair["value"]["none"] for pair in manifest["metadata"]}
    assert labels["Inventory number"] == ["1995.3.1"]
    assert manifest["requiredStatement"]["value"] == {"fr": ["Musée MA"]}
    assert manifest["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    [canvas] = manifest["items"]
    assert (canvas["width"], canvas["height"]) == (2400, 1600)
    body = canvas["items"][0]["items"][0]["body"]
    assert visitor.get(httpx.URL(body["id"]).path).status_code == 200

    service = body["service"][0]
    info = visitor.get(httpx.URL(service["id"]).path + "/info.json")
    assert info.status_code == 200 and info.headers["access-control-allow-origin"] == "*"
    info = info.json()
    assert (info["type"], info["profile"], info["width"]) == ("ImageService3", "level0", 2400)
    for size in info["sizes"]:
        picture = visitor.get(httpx.URL(info["id"]).path
                              + f"/full/{size['width']},{size['height']}/0/default.jpg")
        assert picture.status_code == 200
        assert Image.open(io.BytesIO(picture.content)).size == (size["width"], size["height"])
    largest = visitor.get(httpx.URL(info["id"]).path + "/full/max/0/default.jpg")
    assert Image.open(io.BytesIO(largest.content)).size == (2400, 1600)
    assert visitor.get(httpx.URL(info["id"]).path + "/full/77,33/0/default.jpg"
                       ).status_code == 404


def test_no_manifest_without_a_published_image_and_no_service_for_a_hidden_one(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    bare = published("2001.1", designation="Sans image")
    push_ok(museum_a.editor, [bare])
    for record in (bare, collection.private, collection.radiated, collection.trashed):
        assert visitor.get(f"/iiif/{record['id']}/manifest").status_code == 404
    assert visitor.get(f"/iiif/image/{collection.hidden_image}/info.json").status_code == 404


def test_collections_list_the_manifests_of_a_museum_and_of_a_theme(
    collection: Collection, museum_a: Museum, visitor: httpx.Client, tmp_path: Path
) -> None:
    more = push_illustrated(museum_a, tmp_path, 2)

    def manifests(path: str) -> set[str]:
        document = valid(IIIFCollection, visitor.get(path))
        return {httpx.URL(item["id"]).path for item in document["items"]}

    expected = {f"/iiif/{r['id']}/manifest" for r in [collection.public, *more]}
    wait_for(lambda: manifests("/iiif/collection/museum/MA") == expected, "the derivatives")
    for path in manifests("/iiif/collection/museum/MA"):
        valid(Manifest, visitor.get(path))
    assert manifests(f"/iiif/collection/theme/{TEXTILE}") == {
        f"/iiif/{collection.public['id']}/manifest"}
    assert manifests(f"/iiif/collection/theme/{COIFFES}") == {
        f"/iiif/{collection.public['id']}/manifest"}
    assert visitor.get("/iiif/collection/museum/NOPE").status_code == 404
