"""Two desks of one museum exchanging records, images and deletions through the base."""

from __future__ import annotations

from catalogue_app.images import gallery
from catalogue_app.images.store import ImageStore
from catalogue_app.records.lifecycle import empty_trash, trash_record
from catalogue_app.records.store import create_record, load_record, update_record
from catalogue_app.sync import outbox
from tests.integration.sync.conftest import jpeg_bytes, server_records


def _attach(catalogue, record_id: str, data: bytes, name: str) -> str:
    sha256 = ImageStore(catalogue.images_dir).add_bytes(data)
    with catalogue.writing() as session:
        gallery.add_image(session, record_id, sha256=sha256, file_name=name,
                          media_type="image/jpeg", byte_size=len(data), width=64, height=64,
                          view_type="general", metadata={}, note="")
    return sha256


def test_records_and_images_made_on_one_desk_reach_the_other(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    with first.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "2024.1.1",
                                            "designation": "Coiffe", "materials": ["lin"]},
                                  "alice")
    sha256 = _attach(first.catalogue, record_id, jpeg_bytes(1), "2024.1.1.jpg")

    report = first.sync()
    assert report.sent == 1 and report.images_sent == 1 and report.pending == 0
    second.sync()

    assert second.records() == first.records() == server_records(museum_server, first.token)
    assert ImageStore(second.catalogue.images_dir).verify(sha256) == "ok"
    with second.catalogue.reading() as session:
        assert load_record(session, record_id)["designation"] == "Coiffe"


def test_edits_and_deletions_travel_both_ways(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    with first.catalogue.writing() as session:
        kept = create_record(session, {"inventory_number": "A 1"}, "alice")
        draft = create_record(session, {"inventory_number": "A 2"}, "alice")
    first.sync()
    second.sync()
    with second.catalogue.writing() as session:
        update_record(session, kept, {"title": "Portrait"}, "bob")
        trash_record(session, draft, "bob")
        empty_trash(session, "bob")
    second.sync()
    first.sync()

    assert set(first.records()) == {kept}
    assert first.records() == second.records() == server_records(museum_server, first.token)
    assert first.records()[kept]["title"] == "Portrait"


def test_a_sync_with_nothing_to_do_sends_nothing_and_leaves_nothing_pending(make_desk):
    desk = make_desk("only")
    with desk.catalogue.writing() as session:
        create_record(session, {"inventory_number": "1"}, "alice")
    desk.sync()
    again = desk.sync()
    assert (again.sent, again.received, again.pending) == (0, 0, 0)
    with desk.catalogue.reading() as session:
        assert outbox.pending_count(session) == 0


def test_fields_written_by_a_newer_desk_survive_an_edit_on_this_one(make_desk, museum_server):
    desk = make_desk("older")
    record_id = "6a1f3c1e-0000-4000-8000-000000000001"
    newer = {"inventory_number": "N.1", "title": "", "future_field": {"kept": ["as", "is"]}}
    with museum_server.client(desk.token, **{"Idempotency-Key": "newer-desk-1"}) as http:
        http.post("/api/v1/records:batch", json={"records": [
            {"id": record_id, "base_version": None, "fields": newer}]}).raise_for_status()
    desk.sync()
    with desk.catalogue.writing() as session:
        update_record(session, record_id, {"title": "Edited on an older desk"}, "bob")
    desk.sync()

    on_server = server_records(museum_server, desk.token)[record_id]
    assert on_server["future_field"] == {"kept": ["as", "is"]}
    assert on_server["title"] == "Edited on an older desk"


def test_a_cursor_the_base_no_longer_honours_triggers_a_full_resync_keeping_local_edits(
        make_desk, museum_server):
    from sqlalchemy import update

    from db.regional.models import SharedState

    desk = make_desk("desk")
    with desk.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "R.1"}, "alice")
    desk.sync()
    with desk.catalogue.writing() as session:
        update_record(session, record_id, {"title": "edited before the resync"}, "alice")
    with museum_server.database.write_session() as session:  # the base was restored
        session.execute(update(SharedState).values(epoch="restored-elsewhere"))

    report = desk.sync()

    assert report.pending == 0
    assert desk.records() == server_records(museum_server, desk.token)
    assert desk.records()[record_id]["title"] == "edited before the resync"
