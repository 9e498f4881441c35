"""A récolement campaign checked from two desks of one museum (issue 18 part 5): the campaign
travels as a museum document, the checks as the records' synced field, so after syncing both
desks see the whole progress."""

from __future__ import annotations

from catalogue_app.locations import tree
from catalogue_app.locations.moving import move_records
from catalogue_app.recolement.campaigns import add_unlisted_find, campaigns, start_campaign
from catalogue_app.recolement.checks import Observation, record_check
from catalogue_app.recolement.progress import progress
from catalogue_app.records.store import create_record


def test_two_desks_checking_different_rooms_of_one_campaign_both_see_the_whole_progress(
    make_desk, museum_server,
):
    first, second = make_desk("first"), make_desk("second")
    rooms: dict[str, list[str]] = {}
    with first.catalogue.writing() as session:
        for room in ("Salle 1", "Salle 2"):
            location = tree.add_location(session, room, kind="room")
            rooms[room] = [create_record(session, {"inventory_number": f"{room[-1]}.{n}"},
                                         "alice") for n in range(3)]
            move_records(session, rooms[room], location, "alice")
        campaign = start_campaign(session, "Récolement 2026", plan="2026-2035")
    first.sync()
    second.sync()
    with second.catalogue.reading() as session:
        assert [c.id for c in campaigns(session)] == [campaign.id]

    found = Observation(found=True, conforms=True, state="good", marked=True)
    with first.catalogue.writing() as session:
        for record_id in rooms["Salle 1"]:
            record_check(session, campaign.id, record_id, found, "alice")
    with second.catalogue.writing() as session:
        for record_id in rooms["Salle 2"][:2]:
            record_check(session, campaign.id, record_id, found, "bob")
        record_check(session, campaign.id, rooms["Salle 2"][2], Observation(found=False),
                     "bob")
        add_unlisted_find(session, campaign.id, "Coiffe sans numéro", "bob")
    with first.catalogue.writing() as session:
        add_unlisted_find(session, campaign.id, "Fragment de dentelle", "alice")
    for desk in (first, second, first):
        assert desk.sync().conflicts == 0

    seen = []
    for desk in (first, second):
        with desk.catalogue.reading() as session:
            seen.append(progress(session, campaigns(session)[0]))
    assert seen[0] == seen[1]
    assert (seen[0].total, seen[0].checked, seen[0].found, seen[0].missing) == (6, 6, 5, 1)
    assert {path: (t.checked, t.found) for path, t in seen[0].by_location.items()} == {
        "Salle 1": (3, 3), "Salle 2": (3, 2)}
    for desk in (first, second):  # the campaign's own finds, added on both desks, merged
        with desk.catalogue.reading() as session:
            assert sorted(f["description"] for f in campaigns(session)[0].unlisted_finds) == [
                "Coiffe sans numéro", "Fragment de dentelle"]
