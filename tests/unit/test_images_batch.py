"""Details given to several images at once (a photographer's batch): all or none, and undone."""

from __future__ import annotations

import pytest

from catalogue_app.errors import CatalogueError
from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.images.gallery import record_images
from catalogue_app.records import store as records
from catalogue_app.records.blank import blank_record
from tests.image_samples import photo


@pytest.fixture
def images(catalogue, tmp_path):
    with catalogue.writing() as session:
        record_id = records.create_record(
            session, {**blank_record(), "inventory_number": "2004.12.3"}, "tester")
    files = [str(photo(tmp_path / f"shot{n}.jpg", (64, 48), artist=f"a{n}")) for n in range(3)]
    attach_files(catalogue, requests_for_record(catalogue, files, "2004.12.3"), workers=1)
    return record_id


def shown(catalogue, record_id):
    with catalogue.reading() as session:
        return [(i.view_type, i.photographer, i.publishable)
                for i in record_images(session, record_id)]


def test_a_batch_is_given_whole_and_taken_back(catalogue, images):
    before = shown(catalogue, images)
    ids = [i.id for i in catalogue.images(images)]
    changes = catalogue.edit_images(ids, {"view_type": "uv", "photographer": "É. Marchand",
                                          "publishable": True})
    assert changes.images == {images}
    assert shown(catalogue, images) == [("uv", "É. Marchand", True)] * 3
    catalogue.detach(images, [ids[0]])  # removed since: the undo leaves it alone
    catalogue.undo_images_edit(changes.result)
    assert shown(catalogue, images) == before[1:]


def test_a_refused_value_changes_no_image(catalogue, images):
    before = shown(catalogue, images)
    ids = [i.id for i in catalogue.images(images)]
    with pytest.raises(CatalogueError) as refused:
        catalogue.edit_images(ids, {"photographer": "X", "view_type": "infrarouge"})
    # The same refusal as an attach with an unknown view type (test_images_attach.py).
    assert refused.value.code == "images.unknown_view_type"
    assert refused.value.message.text("fr") == (
        "Type de vue inconnu « infrarouge » ; choisissez parmi : « general », « detail », "
        "« verso », « raking », « uv », « ir », « xray », « other ».")
    assert refused.value.message.text("en") == (
        "Unknown view type 'infrarouge'; use one of: 'general', 'detail', 'verso', 'raking', "
        "'uv', 'ir', 'xray', 'other'.")
    with pytest.raises(CatalogueError) as refused:
        catalogue.edit_images(ids, {"photographer": "X", "width": 10, "sha256": "0" * 64})
    assert refused.value.message.text("fr") == (
        "ces champs d'image ne sont pas modifiables : « sha256 », « width »")
    assert refused.value.message.text("en") == (
        "these image fields cannot be edited: 'sha256', 'width'")
    assert shown(catalogue, images) == before
