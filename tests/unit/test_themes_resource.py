"""The network theme tree shipped in resources/themes.json (design.md §6)."""

from __future__ import annotations

import json
import uuid
from importlib import resources

import pytest

NETWORK_THEMES = (
    "Textile", "Photographie", "Agriculture", "Artisanat et industrie", "Céramique", "Ivoire",
    "Beaux-arts", "Archéologie", "Ethnologie", "Patrimoine maritime", "Histoire naturelle",
    "Arts décoratifs", "Patrimoine religieux", "Histoire militaire", "Sciences et techniques",
)


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(resources.files("resources").joinpath("themes.json").read_text("utf-8"))


def _nodes(nodes: list[dict]):
    for node in nodes:
        yield node
        yield from _nodes(node["children"])


def test_theme_file_declares_its_format_and_version(document):
    assert document["format"] == "catalogue-themes"
    assert document["version"] == 1


def test_every_theme_has_a_unique_uuid4_and_both_labels(document):
    nodes = list(_nodes(document["themes"]))
    ids = [node["id"] for node in nodes]
    assert len(ids) == len(set(ids))
    for node in nodes:
        assert set(node) == {"id", "label_fr", "label_en", "children"}, node
        assert uuid.UUID(node["id"]).version == 4, node["id"]
        assert node["label_fr"].strip() == node["label_fr"] != "", node
        assert node["label_en"].strip() == node["label_en"] != "", node


def test_network_collections_are_top_level_themes_with_sub_themes(document):
    top = {node["label_fr"]: node for node in document["themes"]}
    assert set(NETWORK_THEMES) <= set(top)
    for label in NETWORK_THEMES:
        children = top[label]["children"]
        assert 4 <= len(children) <= 10, label
        child_labels = [child["label_fr"].casefold() for child in children]
        assert len(child_labels) == len(set(child_labels)), f"duplicate sub-theme under {label}"


@pytest.mark.parametrize(("parent", "child"), [
    ("Textile", "Dentelle"), ("Textile", "Coiffes"), ("Céramique", "Faïence"),
    ("Céramique", "Porcelaine"), ("Ivoire", "Ivoires dieppois"),
    ("Photographie", "Négatifs sur verre"),
])
def test_familiar_sub_themes_sit_under_their_collection(document, parent, child):
    top = {node["label_fr"]: node for node in document["themes"]}
    assert child in {node["label_fr"] for node in top[parent]["children"]}
