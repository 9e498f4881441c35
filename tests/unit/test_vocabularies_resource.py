"""The French starter vocabularies shipped in resources/vocabularies/ (design.md §3)."""

from __future__ import annotations

import json
import uuid
from importlib import resources

import pytest

from catalogue_app.folding import fold

VOCABULARIES = ("designation", "material", "technique", "place", "person", "period")


def _load(name: str) -> dict:
    path = resources.files("resources").joinpath("vocabularies", f"{name}.json")
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("name", VOCABULARIES)
def test_vocabulary_is_shared_and_has_a_few_hundred_terms(name):
    document = _load(name)
    assert document["vocabulary"] == name
    assert document["source"] == "shared"
    assert len(document["terms"]) >= 150


@pytest.mark.parametrize("name", VOCABULARIES)
def test_labels_are_unique_ignoring_case_and_accents(name):
    labels = [term["label"] for term in _load(name)["terms"]]
    folded = [fold(label) for label in labels]  # the autocomplete's key
    duplicates = sorted({label for label, key in zip(labels, folded, strict=True)
                         if folded.count(key) > 1})
    assert not duplicates
    assert all(label == label.strip() != "" for label in labels)


def test_term_ids_are_uuid4_and_unique_across_vocabularies():
    ids = [term["id"] for name in VOCABULARIES for term in _load(name)["terms"]]
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(term_id).version == 4 for term_id in ids)


@pytest.mark.parametrize(("name", "label"), [
    ("designation", "coiffe"), ("designation", "assiette"), ("material", "lin"),
    ("material", "faïence"), ("material", "ivoire"), ("technique", "dentelle aux fuseaux"),
    ("technique", "huile sur toile"), ("place", "Rouen"), ("place", "Pays de Caux"),
    ("person", "Boudin, Eugène"), ("person", "Manufacture de Sèvres"),
    ("period", "XIXe siècle"), ("period", "Second Empire"), ("period", "Belle Époque"),
])
def test_terms_a_curator_expects_are_there(name, label):
    assert label in {term["label"] for term in _load(name)["terms"]}
