"""A record's lists of entries (movements, récolement checks, loans, condition reports:
I18-DESIGN.md) through a real base: stored as sent, kept by a desk that edits other fields,
and merged by union of ids when two desks append to the same record."""

from __future__ import annotations

import uuid

from catalogue_app.records.store import create_record, update_record
from catalogue_app.sync.wire import record_fields
from tests.integration.sync.conftest import server_records

RECORD_ID = "6a1f3c1e-0000-4000-8000-0000000000e1"


def _movement(to: str, date: str = "2026-12-01") -> dict:
    return {"id": str(uuid.uuid4()), "date": date, "from": "", "from_id": "", "to": to,
            "to_id": "", "reason": "storage", "user": "anne", "note": ""}


ENTRIES = {
    "movements": [_movement("Réserve A > Travée 27 > Étagère 3")],
    "recolement_checks": [{
        "id": str(uuid.uuid4()), "campaign_id": str(uuid.uuid4()), "date": "2026-12-02",
        "user": "anne", "result": "found", "conforms": True, "differences": "",
        "state": "good", "marked": True, "location_id": "", "location": "Réserve A",
        "note": "", "images": []}],
    "loans": [{
        "id": str(uuid.uuid4()), "direction": "out", "party": "Musée des Beaux-Arts",
        "exhibition": "Coiffes normandes", "start": "2027-01-10", "end": "2027-04-10",
        "returned_on": "", "insurance_value": "12000", "condition_departure": "good",
        "condition_return": "", "note": "", "modified_at": "2026-12-02T10:00:00.000+00:00"}],
    "condition_reports": [{
        "id": str(uuid.uuid4()), "date": "2026-11-30", "author": "Restauratrice",
        "state": "fair", "description": "Empoussièrement", "images": []}],
    # Entries a desk newer than this one writes: kept verbatim all the same.
    "future_entries": [{"id": str(uuid.uuid4()), "what": {"nested": [1, "deux"]}}],
}


def test_entry_fields_are_stored_by_the_base_and_kept_through_a_desks_own_edits(
    make_desk, museum_server,
):
    desk = make_desk("older")
    fields = {"inventory_number": "E.1", "designation": "Coiffe", **ENTRIES}
    with museum_server.client(desk.token, **{"Idempotency-Key": "newer-desk-e1"}) as http:
        answer = http.post("/api/v1/records:batch", json={"records": [
            {"id": RECORD_ID, "base_version": None, "fields": fields}]})
    assert answer.json()["results"][0]["status"] == "ok", answer.text
    desk.sync()
    with desk.catalogue.writing() as session:
        update_record(session, RECORD_ID, {"title": "Coiffe de Caen"}, "bob")
    assert desk.sync().sent == 1

    stored = server_records(museum_server, desk.token)[RECORD_ID]
    assert stored["title"] == "Coiffe de Caen"
    assert {name: stored[name] for name in ENTRIES} == ENTRIES


def test_two_desks_appending_to_one_records_movements_both_end_with_every_entry(make_desk):
    first, second = make_desk("first"), make_desk("second")
    with first.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "E.2", **ENTRIES}, "alice")
    first.sync()
    second.sync()

    moves = {}
    for desk, room in ((first, "Salle 1"), (second, "Salle 2")):
        with desk.catalogue.writing() as session:
            movements = record_fields(session, record_id)["movements"]
            moves[room] = _movement(room, "2026-12-03")
            update_record(session, record_id, {"movements": [*movements, moves[room]]}, "bob")
    first.sync()
    report = second.sync()
    first.sync()

    assert report.conflicts == 0 and report.merged == 1
    expected = [*ENTRIES["movements"], moves["Salle 1"], moves["Salle 2"]]
    for desk in (first, second):
        assert desk.records()[record_id]["movements"] == expected
        assert desk.records()[record_id]["future_entries"] == ENTRIES["future_entries"]
