"""What a desk withdraws from publication reaches OAI-PMH harvesters as deleted records, at
the next incremental harvest after its sync, and stays deleted (persistent deletions)."""

from __future__ import annotations

import httpx

from catalogue_app.records.lifecycle import empty_trash, trash_record
from catalogue_app.records.store import create_record, update_record
from tests.integration.regional.oai_support import NS, harvest, local, next_second, valid


def test_unpublished_radiated_and_trashed_records_are_harvested_as_deleted(
    make_desk, museum_server
) -> None:
    desk = make_desk("desk")
    with desk.catalogue.writing() as session:
        ids = [create_record(session, {"inventory_number": f"2024.{n}", "designation": "Coiffe",
                                       "public": True}, "alice") for n in range(6)]
    desk.sync()
    assert local(harvest(museum_server, "ListIdentifiers", metadataPrefix="lido")) == set(ids)
    since = next_second()

    unpublished, radiated, trashed, purged, edited, untouched = ids
    with desk.catalogue.writing() as session:
        update_record(session, unpublished, {"public": False}, "alice")
        update_record(session, edited, {"title": "Coiffe de Caux"}, "alice")
        update_record(session, radiated, {"register_date": "2024-03-01"}, "alice")
        trash_record(session, purged, "alice")
        empty_trash(session, "alice")  # a tombstone
        trash_record(session, trashed, "alice")  # in the trash, restorable
    desk.catalogue.radiate(radiated, "destroyed", "2026-01-05", "Arrêté du 5 janvier 2026")
    desk.sync()

    since_then = harvest(museum_server, "ListIdentifiers", metadataPrefix="lido",
                         **{"from": since})
    assert local(since_then) == {unpublished, radiated, trashed, purged, edited}
    assert local(i for i, deleted in since_then.items() if deleted) == {
        unpublished, radiated, trashed, purged}
    # Persistent: a full harvest, and GetRecord, still say so.
    everything = harvest(museum_server, metadataPrefix="oai_dc")
    assert local(i for i, deleted in everything.items() if not deleted) == {edited, untouched}
    with httpx.Client(base_url=museum_server.url) as client:
        record = valid(client.get("/oai", params={
            "verb": "GetRecord", "metadataPrefix": "lido",
            "identifier": f"oai:127.0.0.1:{radiated}"}))
    assert record.find(".//oai:header", NS).get("status") == "deleted"
    assert record.find(".//oai:metadata", NS) is None
