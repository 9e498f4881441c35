"""The publication rule of each channel (design.md §8): who is published and what of them."""

from __future__ import annotations

import pytest

from catalogue_app import publication

RECORD = {
    "inventory_number": "1995.3.1", "designation": "Coiffe", "public": True, "status": "active",
    "acquisition_source": "Famille Dupont", "acquisition_price": "1200 F",
    "committee_opinion": "favorable", "current_location": "Réserve B", "observations": "fragile",
    "depositor": "Ville de Rouen", "rectifications": [{"field": "designation"}],
    "recolement_checks": [{"id": "1", "result": "found", "location": "Réserve A"}],
    "a_field_a_newer_desk_adds": "secret", "date_earliest": 1890,
    "images": [
        {"sha256": "b" * 64, "publishable": True, "is_primary": False, "position": 1,
         "file_name": "x.jpg", "metadata": {"gps": "49,1"}, "note": "n", "credit": "C"},
        {"sha256": "a" * 64, "publishable": True, "is_primary": True, "position": 2},
        {"sha256": "c" * 64, "publishable": False, "is_primary": False, "position": 0},
    ],
}
CHANNELS = [publication.portal, publication.oai, publication.iiif, publication.joconde]


@pytest.mark.parametrize("channel", CHANNELS)
def test_only_public_fields_and_publishable_images_are_published(channel) -> None:
    document = channel(RECORD)
    assert document["designation"] == "Coiffe" and document["date_earliest"] == 1890
    for private in ("acquisition_source", "acquisition_price", "committee_opinion",
                    "current_location", "observations", "depositor", "rectifications",
                    "recolement_checks",
                    "a_field_a_newer_desk_adds"):
        assert private not in document
    assert [i["sha256"] for i in document["images"]] == ["a" * 64, "b" * 64]
    assert set(document["images"][1]) == set(publication.PUBLIC_IMAGE_FIELDS)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("change", [{"public": False}, {"public": None},
                                    {"status": "deaccessioned"},
                                    {"trashed_at": "2026-01-01T00:00:00"}])
def test_private_radiated_and_trashed_records_are_published_nowhere(channel, change) -> None:
    assert channel({**RECORD, **change}) is None


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_deleted_record_is_published_nowhere(channel) -> None:
    assert channel(RECORD, deleted=True) is None


def test_a_missing_object_goes_to_joconde_flagged_but_not_to_the_portal() -> None:
    missing = {**RECORD, "status": "missing"}
    assert publication.portal(missing) is None
    assert publication.oai(missing) is None
    assert publication.joconde(missing)["status"] == "missing"
