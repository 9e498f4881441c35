"""Two desks of one museum changing the same record, or creating the same object offline."""

from __future__ import annotations

import pytest

from catalogue_app.errors import CatalogueError
from catalogue_app.records.lifecycle import empty_trash, trash_record
from catalogue_app.records.store import create_record, insert_records, update_record
from catalogue_app.sync.conflicts import list_conflicts, resolve
from tests.integration.sync.conftest import server_records


def _shared_record(first, second, **fields) -> str:
    with first.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "1990.2.7", **fields}, "alice")
    first.sync()
    second.sync()
    return record_id


def _edit(desk, record_id: str, **fields) -> None:
    with desk.catalogue.writing() as session:
        update_record(session, record_id, fields, "someone")


def test_changes_to_different_fields_merge_without_asking(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    record_id = _shared_record(first, second)
    _edit(first, record_id, title="Vase aux iris")
    _edit(second, record_id, dating="vers 1900")
    first.sync()
    report = second.sync()
    first.sync()

    assert report.conflicts == 0
    merged = second.records()[record_id]
    assert (merged["title"], merged["dating"]) == ("Vase aux iris", "vers 1900")
    assert first.records() == second.records() == server_records(museum_server, first.token)


def test_the_same_change_on_both_desks_is_not_a_conflict(make_desk):
    first, second = make_desk("first"), make_desk("second")
    record_id = _shared_record(first, second)
    _edit(first, record_id, title="Coiffe")
    _edit(second, record_id, title="Coiffe")
    first.sync()
    assert second.sync().conflicts == 0
    with second.catalogue.reading() as session:
        assert list_conflicts(session) == []


def test_the_same_field_changed_on_both_desks_waits_for_the_curator(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    record_id = _shared_record(first, second, title="Coiffe")
    _edit(first, record_id, title="Coiffe de Caen", observations="vue par Alice")
    _edit(second, record_id, title="Coiffe normande")
    first.sync()
    report = second.sync()

    assert report.conflicts == 1
    with second.catalogue.reading() as session:
        [conflict] = list_conflicts(session)
    assert [(f.name, f.base, f.local, f.server) for f in conflict.fields] == \
        [("title", "Coiffe", "Coiffe normande", "Coiffe de Caen")]
    # Undecided, the record keeps this desk's value and is not sent.
    assert server_records(museum_server, first.token)[record_id]["title"] == "Coiffe de Caen"

    with pytest.raises(CatalogueError) as refused, second.catalogue.writing() as session:
        resolve(session, record_id, {"designation": "local"})
    assert refused.value.message.text("fr") == (
        f"Impossible de choisir local pour le champ designation de la notice {record_id} ; "
        "choisissez « local » ou « server » pour l'un de : « title ».")
    assert refused.value.message.text("en") == (
        f"Cannot choose local for field designation of record {record_id}; choose 'local' or "
        "'server' for one of 'title'.")
    with second.catalogue.writing() as session:
        resolve(session, record_id, {"title": "local"})
    assert second.sync().pending == 0
    first.sync()
    settled = first.records()[record_id]
    assert (settled["title"], settled["observations"]) == ("Coiffe normande", "vue par Alice")
    assert first.records() == second.records() == server_records(museum_server, first.token)


def test_an_edit_against_a_deletion_waits_for_the_curator(make_desk, museum_server):
    first, second = make_desk("first"), make_desk("second")
    record_id = _shared_record(first, second)
    with first.catalogue.writing() as session:
        trash_record(session, record_id, "alice")
        empty_trash(session, "alice")
    _edit(second, record_id, title="Encore utile")
    first.sync()
    assert second.sync().conflicts == 1
    with second.catalogue.reading() as session:
        [conflict] = list_conflicts(session)
    assert conflict.server_deleted and not conflict.local_deleted

    with second.catalogue.writing() as session:
        resolve(session, record_id, "local")
    second.sync()
    first.sync()
    assert first.records()[record_id]["title"] == "Encore utile"
    assert first.records() == second.records() == server_records(museum_server, first.token)


def test_the_same_spreadsheet_imported_on_two_desks_gives_one_record_per_object(
        make_desk, museum_server):
    rows = [{"inventory_number": f"2001.5.{n}", "designation": f"Objet {n}"} for n in range(1, 8)]
    first, second = make_desk("first"), make_desk("second")
    for desk in (first, second):
        with desk.catalogue.writing() as session:
            insert_records(session, rows, "importer")
    first.sync()
    second.sync()
    first.sync()

    on_server = server_records(museum_server, first.token)
    assert sorted(f["inventory_number"] for f in on_server.values()) == \
        sorted(r["inventory_number"] for r in rows)
    assert first.records() == second.records() == on_server
