"""Récolement in the core (design.md §3, issue 18): a campaign's scope and counts, overall and
per location; the latest check of a record decides; closing makes what stayed not found
missing and a later "found" brings it back; checks are kept as written; a campaign travels to
another desk as the document the sync exchanges."""

from __future__ import annotations

import json

import pytest
from PIL import Image as PILImage

from catalogue_app.errors import CatalogueError, RecordError
from catalogue_app.images.attach import AttachRequest
from catalogue_app.recolement.checks import Observation
from catalogue_app.recolement.documents import apply_document, to_document
from catalogue_app.records.lifecycle import radiate_record
from catalogue_app.records.record import Record
from catalogue_app.records.store import insert_records, load_record, update_record
from db.local.models import RecolementCampaign

FOUND, NOT_FOUND = Observation(found=True), Observation(found=False)


@pytest.fixture
def museum(catalogue):
    """Six records in two rooms: a deposit, a radiated object, one outside the inventory."""
    records = [
        {"inventory_number": "2001.1.1", "designation": "vase", "current_location": "Salle 1"},
        {"inventory_number": "2001.1.2", "designation": "vase", "current_location": "Salle 1"},
        {"inventory_number": "2001.1.3", "designation": "coiffe", "current_location": "Salle 2"},
        {"inventory_number": "D.2001.1", "designation": "vase", "legal_status": "deposit",
         "current_location": "Salle 2"},
        {"inventory_number": "2001.1.4", "designation": "vase", "register_date": "2001-02-01",
         "current_location": "Salle 2"},
        {"inventory_number": "HI.1", "designation": "vase", "legal_status": "outside"},
    ]
    with catalogue.writing() as session:
        ids = insert_records(session, records, "test")
        radiate_record(session, ids[4], "destroyed", "2020-01-01", "Incendie", "test")
    return dict(zip((r["inventory_number"] for r in records), ids, strict=True))


def _counts(catalogue, campaign: str) -> tuple[int, int, int, int, int]:
    p = catalogue.campaign_progress(campaign)
    return p.total, p.checked, p.found, p.missing, p.not_checked


def test_a_campaign_counts_its_scope_overall_and_per_location(catalogue, museum):
    everything = catalogue.start_campaign("Tout le musée", plan="2026-2035").result
    # Radiated and outside-the-inventory records are not checked; deposits are, unless left out.
    assert _counts(catalogue, everything.id) == (4, 0, 0, 0, 4)
    vases = catalogue.start_campaign("Vases", query="vase", include_deposits=False).result
    assert _counts(catalogue, vases.id) == (2, 0, 0, 0, 2)

    catalogue.check(vases.id, museum["2001.1.1"], FOUND)
    catalogue.check(vases.id, museum["2001.1.2"], NOT_FOUND)
    # A coiffe found on the vases' shelf counts in the campaign that saw it.
    catalogue.check(vases.id, museum["2001.1.3"], Observation(found=True, state="poor"))
    assert _counts(catalogue, vases.id) == (3, 3, 2, 1, 0)
    by_location = catalogue.campaign_progress(vases.id).by_location
    assert [(room, t.total, t.checked, t.found, t.missing) for room, t in by_location.items()] \
        == [("Salle 1", 2, 2, 1, 1), ("Salle 2", 1, 1, 1, 0)]
    # Each campaign counts its own checks only.
    assert _counts(catalogue, everything.id) == (4, 0, 0, 0, 4)


def test_the_latest_check_of_a_record_in_the_campaign_decides(catalogue, museum):
    campaign = catalogue.start_campaign("Salle 1").result
    catalogue.check(campaign.id, museum["2001.1.1"], NOT_FOUND)
    catalogue.check(campaign.id, museum["2001.1.1"], Observation(found=True, state="good"))
    assert _counts(catalogue, campaign.id)[:4] == (4, 1, 1, 0)
    checks = catalogue.load(museum["2001.1.1"])["recolement_checks"]
    assert [c["result"] for c in checks] == ["not_found", "found"]
    assert checks[1]["state"] == "good" and checks[1]["location"] == "Salle 1"


def test_closing_makes_what_stayed_not_found_missing_and_a_later_find_reverts_it(
        catalogue, museum):
    first = catalogue.start_campaign("2026", plan="2026-2035").result
    catalogue.check(first.id, museum["2001.1.1"], FOUND)
    catalogue.check(first.id, museum["2001.1.2"], NOT_FOUND)
    assert catalogue.load(museum["2001.1.2"])["status"] == "active"  # not yet missing
    changes = catalogue.close_campaign(first.id)
    assert changes.result == 1 and changes.changed == {museum["2001.1.2"]}
    assert catalogue.load(museum["2001.1.2"])["status"] == "missing"
    assert catalogue.load(museum["2001.1.1"])["status"] == "active"
    assert catalogue.campaign(first.id).closed_at is not None
    with pytest.raises(CatalogueError) as closed:
        catalogue.close_campaign(first.id)
    assert closed.value.code == "recolement.already_closed"

    later = catalogue.start_campaign("2036", plan="2036-2045").result
    # Still looked for, as a missing object stays in the register and in later campaigns.
    assert _counts(catalogue, later.id)[0] == 4
    catalogue.check(later.id, museum["2001.1.2"], FOUND)
    assert catalogue.load(museum["2001.1.2"])["status"] == "active"


def test_a_check_is_refused_with_a_state_it_does_not_know_or_a_photo_not_attached(
        catalogue, museum, tmp_path):
    campaign = catalogue.start_campaign("Salle 1").result
    record_id = museum["2001.1.1"]
    with pytest.raises(CatalogueError) as refused:
        catalogue.check(campaign.id, record_id, Observation(found=True, state="splendid"))
    assert refused.value.code == "recolement.bad_state"
    assert refused.value.message.text("fr") == (
        "« splendid » n'est pas un état noté au récolement ; l'un de : « good », « fair », "
        "« poor », « to_restore ».")
    assert refused.value.message.text("en") == (
        "'splendid' is not a state a récolement notes; one of: 'good', 'fair', 'poor', "
        "'to_restore'.")
    with pytest.raises(CatalogueError) as refused:
        catalogue.check(campaign.id, record_id, Observation(found=True, images=("a" * 64,)))
    assert refused.value.code == "recolement.image_not_attached"
    assert catalogue.load(record_id)["recolement_checks"] == []
    photo = tmp_path / "constat.jpg"
    PILImage.new("RGB", (40, 30), "red").save(photo)
    sha256 = catalogue.attach([AttachRequest(str(photo), record_id)]).result[0].sha256
    check = catalogue.check(campaign.id, record_id, Observation(
        found=True, images=(sha256,), conforms=False, differences="couvercle manquant",
        marked=False, note="étiquette décollée")).result
    assert check["images"] == [sha256] and check["differences"] == "couvercle manquant"
    with pytest.raises(CatalogueError) as refused:
        catalogue.check("Campagne inconnue", record_id, FOUND)
    assert refused.value.code == "recolement.no_such_campaign"


def test_checks_are_kept_as_written_and_only_added_to(catalogue, museum):
    campaign = catalogue.start_campaign("Salle 1").result
    record_id = museum["2001.1.1"]
    check = catalogue.check(campaign.id, record_id, FOUND).result
    for altered in ([], [{**check, "result": "not_found"}]):
        with pytest.raises(RecordError) as refused, catalogue.writing() as session:
            update_record(session, record_id, {"recolement_checks": altered}, "test")
        assert refused.value.code == "register.entries_kept"
    with catalogue.writing() as session:
        assert load_record(session, record_id)["recolement_checks"] == [check]


@pytest.mark.parametrize("check", [
    {"id": "1", "campaign_id": "c", "date": "2026-01-01", "user": "u", "result": "lost"},
    {"id": "1", "campaign_id": "c", "date": "2026-01-01", "user": "u", "result": "found",
     "state": "splendid"},
    {"id": "1", "campaign_id": "c", "date": "2026-01-01", "user": "u", "result": "found",
     "marked": "oui"},
    {"campaign_id": "c", "date": "2026-01-01", "user": "u", "result": "found"},
    "found",
])
def test_a_malformed_check_is_refused_by_the_record_type(check):
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"recolement_checks": [check]})
    assert refused.value.code == "record.bad_recolement_check"


def test_a_check_keeps_the_keys_a_newer_desk_adds():
    check = {"id": "1", "campaign_id": "c", "date": "2026-01-01", "user": "u",
             "result": "found", "weight_kg": 3}
    (kept,) = Record.from_fields({"recolement_checks": [check]}).to_fields()["recolement_checks"]
    assert kept["weight_kg"] == 3 and kept["state"] == "" and kept["images"] == []


def test_an_unlisted_find_is_kept_with_the_campaign(catalogue, museum):
    campaign = catalogue.start_campaign("Salle 2").result
    with pytest.raises(CatalogueError) as refused:
        catalogue.add_unlisted_find(campaign.id, "  ")
    assert refused.value.code == "recolement.description_required"
    catalogue.add_unlisted_find(campaign.id, "Statuette sans numéro", note="étagère du bas")
    (find,) = catalogue.campaign(campaign.id).unlisted_finds
    assert (find["description"], find["note"]) == ("Statuette sans numéro", "étagère du bas")


def test_a_campaign_goes_to_another_desk_and_back_as_the_same_document(
        catalogue, museum, tmp_path):
    from catalogue_app.catalogue import Catalogue

    campaign = catalogue.start_campaign("Réserves", query="vase", plan="2026-2035").result
    catalogue.add_unlisted_find(campaign.id, "Clé ancienne")
    with catalogue.reading() as session:
        document = to_document(session.get(RecolementCampaign, campaign.id))
    assert document["kind"] == "campaign" and document["deleted"] is False
    assert document["body"]["query"] == "vase" and document["body"]["plan"] == "2026-2035"
    document["body"]["a_newer_desks_key"] = {"kept": True}
    other = Catalogue.open(tmp_path / "other", user="autre")
    try:
        with other.writing() as session:
            apply_document(session, document)
        with other.reading() as session:
            assert to_document(session.get(RecolementCampaign, campaign.id)) == document
        assert other.campaign("Réserves").unlisted_finds[0]["description"] == "Clé ancienne"
        with other.writing() as session:
            apply_document(session, {**document, "deleted": True})
        assert other.campaigns() == []
    finally:
        other.close()


def test_checks_travel_with_the_record_as_json(catalogue, museum):
    campaign = catalogue.start_campaign("Salle 1").result
    catalogue.check(campaign.id, museum["2001.1.1"], Observation(found=True, state="fair"))
    with catalogue.plain() as connection:
        stored = connection.execute("SELECT recolement_checks FROM records WHERE id = ?",
                                    (museum["2001.1.1"],)).fetchone()[0]
    assert json.loads(stored)[0]["state"] == "fair"


def test_a_campaign_of_a_room_covers_what_is_in_it_and_below(catalogue, museum):
    shelf = catalogue.add_location("Réserve A > Travée 1 > Étagère 2").result
    other = catalogue.add_location("Réserve B").result
    catalogue.move([museum["2001.1.1"], museum["2001.1.2"]], shelf)
    catalogue.move([museum["2001.1.3"]], other)
    room = catalogue.location_id_of("Réserve A")
    campaign = catalogue.start_campaign("Réserve A", location_ids=(room,)).result
    assert _counts(catalogue, campaign.id) == (2, 0, 0, 0, 2)
    assert list(catalogue.campaign_progress(campaign.id).by_location) == [
        "Réserve A > Travée 1 > Étagère 2"]


def test_a_location_corrected_at_the_shelf_moves_the_record_for_the_recolement(
        catalogue, museum):
    shelf = catalogue.add_location("Réserve A > Étagère 1").result
    catalogue.add_location("Réserve A > Étagère 2")
    catalogue.move([museum["2001.1.1"], museum["2001.1.2"]], shelf)
    campaign = catalogue.start_campaign("Réserve A",
                                        location_ids=(catalogue.location_id_of("Réserve A"),))
    campaign = campaign.result
    confirmed = catalogue.check(campaign.id, museum["2001.1.2"], FOUND).result
    assert (confirmed["location_id"], confirmed["location"]) == (shelf,
                                                                 "Réserve A > Étagère 1")
    corrected = catalogue.check(campaign.id, museum["2001.1.1"], Observation(
        found=True, location="Réserve A > Étagère 2")).result
    assert corrected["location"] == "Réserve A > Étagère 2"
    assert corrected["location_id"] == catalogue.location_id_of("Réserve A > Étagère 2")
    record = catalogue.load(museum["2001.1.1"])
    assert record["current_location"] == "Réserve A > Étagère 2"
    assert (record["movements"][-1]["reason"], record["movements"][-1]["from"]) == (
        "recolement", "Réserve A > Étagère 1")
    by_location = catalogue.campaign_progress(campaign.id).by_location
    assert {room: (t.total, t.found) for room, t in by_location.items()} == {
        "Réserve A > Étagère 1": (1, 1), "Réserve A > Étagère 2": (1, 1)}
    with pytest.raises(CatalogueError) as refused:  # nowhere known: nothing recorded
        catalogue.check(campaign.id, museum["2001.1.1"], Observation(
            found=True, location="Réserve Z"))
    assert refused.value.code == "location.no_such_path"
    assert len(catalogue.load(museum["2001.1.1"])["recolement_checks"]) == 1


def test_a_form_opened_before_a_check_saves_without_taking_it_back(catalogue, museum):
    from catalogue_app.records.templates import template_from

    campaign = catalogue.start_campaign("Salle 1").result
    opened = catalogue.load(museum["2001.1.1"])  # the form, before the check at the shelf
    check = catalogue.check(campaign.id, museum["2001.1.1"], FOUND).result
    catalogue.save({**opened, "designation": "vase à anses"})
    saved = catalogue.load(museum["2001.1.1"])
    assert saved["designation"] == "vase à anses" and saved["recolement_checks"] == [check]
    # A duplicate of the record is another object: never checked yet.
    assert template_from(saved)["recolement_checks"] == []
