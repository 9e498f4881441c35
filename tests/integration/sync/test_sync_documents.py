"""Museum documents (protocol 1.1: locations, récolement campaigns) between desks of one
museum through a real base: made on one desk, seen on the other; last writer wins; deletions
travel; a base without the endpoint keeps them waiting on the desk; a kind learnt later is
read in full; a push cut off is sent again without loss."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from catalogue_app.locations import tree
from catalogue_app.settings import DOCUMENT_KINDS_READ, in_catalogue
from catalogue_app.sync.client import RegionalClient, SyncError
from catalogue_app.sync.document_kinds import DOCUMENT_KINDS
from catalogue_app.sync.engine import Synchroniser
from db.local.models import Location, SyncDocument
from tests.integration.sync.conftest import Desk
from tests.integration.sync.faulty_proxy import DROP_RESPONSE


def paths(desk: Desk) -> list[str]:
    with desk.catalogue.reading() as session:
        return sorted(place.path for place in tree.places(session))


def server_documents(server, token: str, kind: str = "location") -> dict[str, dict]:
    with server.client(token) as http:
        page = http.get("/api/v1/documents", params={"kind": kind, "limit": 1000}).json()
    return {c["document"]["id"]: c["document"] for c in page["changes"]}


def add(desk: Desk, path: str, **details: str) -> str:
    with desk.catalogue.writing() as session:
        return tree.add_location(session, path, **details)


def test_locations_made_on_one_desk_appear_on_the_other(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    add(first, "Réserve A", kind="building")
    add(first, "Réserve A > Travée 27", kind="furniture")
    shelf = add(first, "Réserve A > Travée 27 > Étagère 3", code="RA-27-3", kind="shelf")

    report = first.sync()
    assert report.documents_sent == 3 and report.notices == []
    received = second.sync()
    assert received.documents_received == 3
    assert paths(second) == paths(first) == [
        "Réserve A", "Réserve A > Travée 27", "Réserve A > Travée 27 > Étagère 3"]
    with second.catalogue.reading() as session:
        assert tree.find_labelled(session, "RA-27-3") == shelf
    again = second.sync()
    assert (again.documents_sent, again.documents_received) == (0, 0)


def test_the_later_change_wins_and_deletions_travel(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    room = add(first, "Salle 1", kind="room")
    add(first, "Salle 2", kind="room")
    first.sync()
    second.sync()
    with first.catalogue.writing() as session:
        tree.update_location(session, room, name="Salle des coiffes", parent_id=None, code="",
                             kind="room")
    first.sync()  # the earlier edit reaches the base first...
    with second.catalogue.writing() as session:  # ...edited later on a desk that missed it
        tree.update_location(session, room, name="Salle 1 bis", parent_id=None, code="",
                             kind="room")
        tree.delete_location(session, tree.find_location(session, "Salle 2"))
    second.sync()
    first.sync()

    assert paths(first) == paths(second) == ["Salle 1 bis"]
    stored = server_documents(museum_server, first.token)
    assert sorted((d["body"]["name"], d["deleted"]) for d in stored.values()) == [
        ("Salle 1 bis", False), ("Salle 2", True)]


def test_two_desks_changing_one_location_both_keep_what_they_changed(make_desk):
    first, second = make_desk("first"), make_desk("second")
    room = add(first, "Salle 1", kind="room")
    first.sync()
    second.sync()
    with first.catalogue.writing() as session:
        tree.update_location(session, room, name="Salle des coiffes", parent_id=None, code="",
                             kind="room")
    with second.catalogue.writing() as session:
        tree.update_location(session, room, name="Salle 1", parent_id=None, code="S-1",
                             kind="room")
    first.sync()
    second.sync()  # meets the renamed room in the feed: merged, then sent
    first.sync()

    for desk in (first, second):
        with desk.catalogue.reading() as session:
            assert [(p.name, p.code) for p in tree.places(session)] == [
                ("Salle des coiffes", "S-1")]
    assert second.sync().documents_sent == first.sync().documents_sent == 0


def test_a_base_without_documents_keeps_them_here_and_says_so_plainly(
    make_desk, museum_server, proxy, french,
):
    desk = make_desk("desk")
    add(desk, "Réserve B")
    proxy.unknown_paths.add(b"/api/v1/documents")  # a base of protocol 1.0
    report = desk.sync(proxy.url)
    assert report.notices == [
        "La base régionale ne connaît pas encore les emplacements et les campagnes de"
        " récolement : ils restent sur cet ordinateur et seront envoyés lors d'une prochaine"
        " synchronisation, une fois la base mise à jour."]
    assert report.refused == [] and paths(desk) == ["Réserve B"]
    assert server_documents(museum_server, desk.token) == {}

    proxy.unknown_paths.clear()  # the base is upgraded
    later = desk.sync(proxy.url)
    assert later.documents_sent == 1 and later.notices == []
    assert [d["body"]["name"] for d in server_documents(museum_server, desk.token).values()] \
        == ["Réserve B"]


def test_a_kind_learnt_later_is_read_in_full(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    first.sync()
    second.sync()
    add(first, "Site de Caen", kind="site")
    add(first, "Site de Caen > Atelier", kind="room")
    first.sync()
    # The second desk was a version that skipped locations in the feed: its cursor is past
    # them and it has never read the kind in full.
    second.sync()
    with second.catalogue.writing() as session:
        session.execute(delete(Location))
        session.execute(delete(SyncDocument))
        in_catalogue.write(session, DOCUMENT_KINDS_READ, {})

    report = second.sync()
    assert report.documents_received == 2
    assert paths(second) == ["Site de Caen", "Site de Caen > Atelier"]
    with second.catalogue.reading() as session:
        assert in_catalogue.read(session, DOCUMENT_KINDS_READ) == dict.fromkeys(DOCUMENT_KINDS)


def test_a_push_cut_off_before_its_answer_loses_nothing_and_applies_nothing_twice(
    make_desk, museum_server, proxy,
):
    desk, other = make_desk("desk"), make_desk("other")
    for n in range(5):
        add(desk, f"Salle {n}")
    proxy.inject_on("/api/v1/documents:batch", DROP_RESPONSE)
    with pytest.raises(SyncError), RegionalClient(proxy.url, desk.token) as client:
        Synchroniser(desk.catalogue, client, desk.token).run()
    assert len(server_documents(museum_server, desk.token)) == 5  # applied, answer lost

    retry = desk.sync()
    assert retry.documents_sent == 0  # already there: the feed said so
    with desk.catalogue.reading() as session:
        assert len(session.scalars(select(SyncDocument)).all()) == 5
    other.sync()
    assert paths(other) == paths(desk) == [f"Salle {n}" for n in range(5)]
