"""Locations and movements (design.md §3, issue 18): the current location is the last movement
by date, then by order of entry; a place is named by its path; moving many records is one
transaction, and a refusal (unknown place, unknown number, wrong date or reason) says why in
French and changes nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError, RecordError
from catalogue_app.locations.movements import current_location_id, current_movement
from catalogue_app.locations.paths import parse_path
from catalogue_app.publication import CHANNELS
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.record import Record
from catalogue_app.records.store import create_record
from tests.support import requires, run_cli

USER = "régisseur"
SHELF = "Réserve A > Travée 27 > Étagère 3"


def _record(catalogue: Catalogue, number: str, **fields) -> str:
    with catalogue.writing() as session:
        return create_record(session, {"inventory_number": number, **fields}, USER)


def _movement(date: str, to: str, **more) -> dict:
    return {"id": f"m-{date}-{to}", "date": date, "to": to, "reason": "storage", **more}


def test_the_current_location_is_the_last_movement_by_date_then_by_entry():
    history = [_movement("2020-05-01", "Salle 1"), _movement("2023-01-10", "Réserve"),
               _movement("2021-06-01", "Restauration", to_id="loc-r")]
    assert current_movement(history)["to"] == "Réserve"  # entered late, dated earlier
    same_day = [_movement("2023-01-10", "Salle 1", to_id="loc-1"),
                _movement("2023-01-10", "Salle 2", to_id="loc-2")]
    assert current_movement(same_day)["to"] == "Salle 2"  # the later entry of that day
    assert current_location_id(same_day) == "loc-2"
    assert current_movement([]) is None and current_location_id([]) is None
    # A place outside the hierarchy (text from another desk) has no id.
    assert current_location_id([_movement("2024-01-01", "Chez le restaurateur")]) is None


def test_a_path_is_read_with_its_spaces_tidied_and_an_empty_part_refused():
    assert parse_path("  Réserve A >Travée  27> Étagère 3 ") == ["Réserve A", "Travée 27",
                                                                "Étagère 3"]
    with pytest.raises(CatalogueError) as empty:
        parse_path("Réserve A >  > Étagère 3")
    assert empty.value.code == "location.empty_part"


def test_a_movement_is_checked_like_every_field_of_a_record():
    good = _movement("2024-02-29", "Salle 1", note="vitrine 4", modified_by_newer_desk="kept")
    assert Record.from_fields({"movements": [good]}).to_fields()["movements"] == [good]
    for wrong in ({**good, "date": "29/02/2024"}, {**good, "reason": "vacances"},
                  {key: value for key, value in good.items() if key != "id"},
                  {**good, "note": 4}):
        with pytest.raises(RecordError) as refused:
            Record.from_fields({"movements": [good, wrong]})
        assert refused.value.code == "record.bad_movement"
        assert refused.value.message.text("fr").startswith(
            "Champ « Mouvements », mouvement 2 : un mouvement a un identifiant")
        assert refused.value.message.text("en").startswith(
            "Field «Movements», movement 2: a movement has an id")
    # The reasons are a list, each quoted as the language quotes a value.
    assert "un motif (l'un de : « other », « recolement », « exhibition », « loan », " \
           "« restoration », « storage ») ;" in refused.value.message.text("fr")
    assert "a reason (one of: 'other', 'recolement', 'exhibition', 'loan', 'restoration', " \
           "'storage');" in refused.value.message.text("en")
    with pytest.raises(RecordError) as not_a_list:
        Record.from_fields({"movements": "Salle 1"})
    assert not_a_list.value.code == "record.not_list"


def test_adding_a_path_adds_the_places_above_it_and_names_each_once(catalogue):
    shelf = catalogue.add_location(SHELF, code="RA-27-3", kind="shelf").result
    places = {place.path: place for place in catalogue.places()}
    assert list(places) == ["Réserve A", "Réserve A > Travée 27", SHELF]
    assert (places[SHELF].id, places[SHELF].code, places[SHELF].kind) == (shelf, "RA-27-3",
                                                                          "shelf")
    assert places["Réserve A"].code == "" and places["Réserve A"].kind == ""
    assert catalogue.location_id_of("réserve a > travée 27 >  étagère 3") == shelf
    for path, code, expected in ((SHELF, "", "location.exists"),
                                 ("Réserve B", "ra-27-3", "location.code_taken")):
        with pytest.raises(CatalogueError) as refused:
            catalogue.add_location(path, code=code)
        assert refused.value.code == expected
    assert len(catalogue.places()) == 3


def test_an_unknown_path_says_which_part_is_missing_in_french(catalogue):
    catalogue.add_location("Réserve A > Travée 27")
    with pytest.raises(CatalogueError) as refused:
        catalogue.location_id_of("Réserve A > Travée 28 > Étagère 1")
    assert refused.value.code == "location.no_such_path"
    assert refused.value.message.text("fr") == (
        "Il n'y a pas d'emplacement « Réserve A > Travée 28 > Étagère 1 » : « Travée 28 » n'est"
        " pas dans Réserve A. Ajoutez-le d'abord (catalogue-app location add).")


def _outbox(catalogue: Catalogue) -> dict[str, int]:
    with sqlite3.connect(catalogue.db_path) as connection:
        return dict(connection.execute("SELECT record_id, revision FROM sync_outbox"))


def test_moving_records_appends_a_movement_and_writes_the_path(catalogue):
    shelf = catalogue.add_location(SHELF).result
    bay = catalogue.location_id_of("Réserve A > Travée 27")
    vase = _record(catalogue, "1990.1.1", current_location="réserve, armoire 2")
    plate = _record(catalogue, "1990.1.2")
    queued_before = _outbox(catalogue)
    changes = catalogue.move([vase, plate], shelf, reason="storage", date="2024-03-01",
                             note="récolement de la travée")
    assert changes.changed == {vase, plate}
    first = catalogue.movements(vase)
    assert len(first) == 1
    assert {k: first[0][k] for k in ("date", "from", "from_id", "to", "to_id", "reason",
                                     "user", "note")} == {
        "date": "2024-03-01", "from": "réserve, armoire 2", "from_id": "", "to": SHELF,
        "to_id": shelf, "reason": "storage", "user": catalogue.user,
        "note": "récolement de la travée"}
    assert catalogue.load(vase)["current_location"] == SHELF
    changed = [(e.field, e.user, e.old_value) for e in catalogue.history(vase)[:2]]
    assert sorted(changed) == [("current_location", catalogue.user, "réserve, armoire 2"),
                               ("movements", catalogue.user, "[]")]
    queued = _outbox(catalogue)  # the next sync sends both again
    assert all(queued[i] > queued_before[i] for i in (vase, plate))
    # To a place in the middle of the hierarchy: the bay holds what is on its shelves too.
    catalogue.move([plate], bay, reason="exhibition", date="2024-04-01")
    assert catalogue.load(plate)["current_location"] == "Réserve A > Travée 27"
    assert catalogue.movements(plate)[-1]["from"] == SHELF
    assert catalogue.records_in(bay) == [vase, plate]
    assert catalogue.records_in(shelf) == [vase]
    assert catalogue.records_in(catalogue.location_id_of("Réserve A")) == [vase, plate]


def test_a_movement_entered_late_with_an_earlier_date_does_not_move_the_object(catalogue):
    shelf = catalogue.add_location(SHELF).result
    workshop = catalogue.add_location("Atelier de restauration").result
    vase = _record(catalogue, "1990.1.1")
    catalogue.move([vase], shelf, date="2024-03-01")
    catalogue.move([vase], workshop, reason="restoration", date="2023-01-15")
    assert catalogue.load(vase)["current_location"] == SHELF
    assert catalogue.records_in(shelf) == [vase] and catalogue.records_in(workshop) == []
    assert [m["to"] for m in catalogue.movements(vase)] == [SHELF, "Atelier de restauration"]


def test_a_refused_move_changes_nothing(catalogue):
    shelf = catalogue.add_location(SHELF).result
    vase = _record(catalogue, "1990.1.1", current_location="vitrine 3")
    before = catalogue.load(vase)
    for kwargs, code in (({"date": "2024-02-30"}, "movement.bad_date"),
                         ({"reason": "vacances"}, "movement.bad_reason")):
        with pytest.raises(CatalogueError) as refused:
            catalogue.move([vase], shelf, **kwargs)
        assert refused.value.code == code
    assert refused.value.message.text("fr") == (
        "Le motif d'un mouvement est l'un de : « other », « recolement », « exhibition », "
        "« loan », « restoration », « storage » ; pas « vacances ».")
    assert refused.value.message.text("en") == (
        "The reason of a movement must be one of: 'other', 'recolement', 'exhibition', "
        "'loan', 'restoration', 'storage'; not 'vacances'.")
    with pytest.raises(RecordError):  # one record that does not exist: none moves
        catalogue.move([vase, "no-such-record"], shelf)
    assert catalogue.load(vase) == before
    assert catalogue.records_in(shelf) == []


def test_a_place_of_an_unknown_kind_is_refused_in_the_users_words(catalogue):
    for add in (lambda: catalogue.add_location(SHELF, kind="étagère"),
                lambda: catalogue.add_location_in(None, "Salle 1", kind="étagère")):
        with pytest.raises(CatalogueError) as refused:
            add()
        assert refused.value.code == "location.bad_kind"
        assert refused.value.message.text("fr") == (
            "Le type d'un emplacement est l'un de : « site », « building », « room », "
            "« furniture », « shelf », « box » ; pas « étagère ».")
        assert refused.value.message.text("en") == (
            "The kind of a location is one of: 'site', 'building', 'room', 'furniture', "
            "'shelf', 'box'; not 'étagère'.")
    assert catalogue.places() == []


def _cli(catalogue_dir, *args):
    return run_cli("--catalogue", str(catalogue_dir), *args, env={"CATALOGUE_APP_LANG": "fr"})


def test_the_command_line_adds_places_and_moves_by_inventory_number(catalogue, catalogue_dir):
    vase, plate = _record(catalogue, "1990.1.1"), _record(catalogue, "1990.1.2")
    catalogue.close()
    added = _cli(catalogue_dir, "location", "add", SHELF, "--code", "RA-27-3", "--kind", "shelf")
    assert added.returncode == 0, added.stderr
    shelf = added.stdout.strip()
    assert f"Emplacement ajouté : {SHELF}." in added.stderr

    unknown = _cli(catalogue_dir, "move", "1990.1.1", "1990.9.9", "--to", SHELF)
    assert unknown.returncode == 1
    assert "numéros d'inventaire « 1990.9.9 » ; aucun objet n'a été déplacé" in unknown.stderr
    nowhere = _cli(catalogue_dir, "move", "1990.1.1", "--to", "Réserve Z")
    assert nowhere.returncode == 1 and "Réserve Z" in nowhere.stderr
    assert catalogue.movements(vase) == []  # neither refusal moved anything

    moved = _cli(catalogue_dir, "move", "1990.1.1", "1990.1.2", "--to", SHELF, "--reason",
                 "recolement", "--date", "2024-05-02")
    assert moved.returncode == 0, moved.stderr
    assert f"2 objet(s) déplacé(s) vers {SHELF}." in moved.stderr
    assert catalogue.records_in(shelf) == [vase, plate]
    assert catalogue.movements(plate)[0]["reason"] == "recolement"


def test_fields_lists_the_reasons_of_a_movement(catalogue_dir):
    listed = run_cli("fields", "--json")
    movements = next(f for f in json.loads(listed.stdout) if f["name"] == "movements")
    assert movements["type"] == "movements"
    assert [v["code"] for v in movements["values"]] == [
        "other", "recolement", "exhibition", "loan", "restoration", "storage"]


def test_movements_are_never_published(catalogue):
    assert FIELDS_BY_NAME["movements"].public is False
    shelf = catalogue.add_location(SHELF).result
    vase = _record(catalogue, "1990.1.1", public=True, designation="vase")
    catalogue.move([vase], shelf)
    fields = catalogue.load(vase)
    for channel, publish in CHANNELS.items():
        document = publish(fields)
        assert document is not None and document["designation"] == "vase", channel
        assert "movements" not in document and "current_location" not in document, channel


def test_the_room_a_record_is_in_is_an_indexed_column_of_the_catalogue(catalogue):
    shelf = catalogue.add_location(SHELF).result
    vase = _record(catalogue, "1990.1.1")
    catalogue.move([vase], shelf)
    with sqlite3.connect(catalogue.db_path) as connection:
        plan = " ".join(row[-1] for row in connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM records WHERE current_location_id = ?", (shelf,)))
        stored = connection.execute("SELECT current_location_id FROM records").fetchone()[0]
    assert "ix_records_current_location_id" in plan
    assert stored == shelf


@requires("pdftotext", "pdftoppm", "zbarimg")
def test_labels_print_each_place_with_a_qr_code_that_reads_back_to_it(catalogue,
                                                                       catalogue_dir, tmp_path):
    shelf = catalogue.add_location(SHELF, code="RA-27-3", kind="shelf").result
    catalogue.add_location("Réserve A > Travée 27 > Étagère 4", kind="shelf")
    catalogue.add_location("Salle 1 — Peintures")
    catalogue.close()
    out = tmp_path / "étiquettes.pdf"
    printed = _cli(catalogue_dir, "location", "labels", str(out), "Réserve A > Travée 27")
    assert printed.returncode == 0, printed.stderr
    assert "3 étiquette(s) écrite(s)" in printed.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "RA-27-3" in text and "Étagère 4" in text and "Travée 27" in text
    assert "Salle 1" not in text  # not under the bay
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(out), str(tmp_path / "page")],
                   check=True)
    read = subprocess.run(["zbarimg", "-q", "--raw", *map(str, tmp_path.glob("page*.png"))],
                          capture_output=True, text=True, check=True).stdout.split()
    assert len(read) == 3 and "RA-27-3" in read
    for scanned in read:  # what a scanner reads names its place (a code, or an id)
        assert catalogue.location_id_of(scanned) in catalogue.places_below(
            catalogue.location_id_of("Réserve A > Travée 27"))
    assert catalogue.location_id_of("ra-27-3") == shelf


def test_renaming_or_moving_a_place_gives_its_objects_the_new_path(catalogue):
    shelf = catalogue.add_location(SHELF, code="RA-27-3").result
    bay = catalogue.location_id_of("Réserve A > Travée 27")
    other = catalogue.add_location("Réserve B").result
    vase = _record(catalogue, "1990.1.1")
    catalogue.move([vase], shelf, date="2024-03-01")
    changes = catalogue.update_location(bay, name="Travée 28", parent_id=other)
    assert changes.changed == {vase} and changes.locations
    assert catalogue.load(vase)["current_location"] == "Réserve B > Travée 28 > Étagère 3"
    assert catalogue.movements(vase)[0]["to"] == SHELF  # as written on the day of the move
    assert catalogue.records_in(other) == [vase]
    for name, parent, code in (("Étagère > 5", None, "location.name_has_separator"),
                               ("réserve  a", None, "location.name_taken"),
                               ("Réserve B", shelf, "location.under_itself")):
        with pytest.raises(CatalogueError) as refused:
            catalogue.update_location(other, name=name, parent_id=parent)
        assert refused.value.code == code
    assert catalogue.location_path(other) == "Réserve B"
    with pytest.raises(CatalogueError) as not_empty:
        catalogue.delete_location(shelf)
    assert not_empty.value.code == "location.not_empty"
    empty = catalogue.add_location("Réserve B > Caisse 1").result
    catalogue.delete_location(empty)
    assert "Réserve B > Caisse 1" not in {p.path for p in catalogue.places()}


def test_free_text_locations_are_placed_in_bulk_with_the_text_kept_verbatim(catalogue):
    shelf = catalogue.add_location(SHELF).result
    typed = "Réserve A, travée 27,  étag. 3"
    ids = [_record(catalogue, f"1990.1.{n}", current_location=typed) for n in range(1, 4)]
    other = _record(catalogue, "1990.2.1", current_location="Salle 4")
    _record(catalogue, "1990.2.2")
    assert catalogue.free_locations() == [(typed, 3), ("Salle 4", 1)]
    changes = catalogue.place_free_location(typed, shelf)
    assert changes.changed == set(ids)
    assert catalogue.records_in(shelf) == ids
    assert {catalogue.movements(i)[0]["from"] for i in ids} == {typed}
    assert catalogue.load(ids[0])["current_location"] == SHELF
    assert catalogue.free_locations() == [("Salle 4", 1)]
    assert catalogue.load(other)["current_location"] == "Salle 4"


def test_a_movement_outside_the_hierarchy_keeps_the_text_and_leaves_every_room(catalogue):
    from catalogue_app.locations.moving import add_movement

    shelf = catalogue.add_location(SHELF).result
    vase = _record(catalogue, "1990.1.1")
    catalogue.move([vase], shelf, date="2024-03-01")
    with catalogue.writing() as session:  # a loan's departure (the loans' own verb calls it)
        add_movement(session, vase, "régisseur", to="Musée de Rouen", reason="loan",
                     date="2024-05-01", note="Prêt pour l'exposition")
    assert catalogue.records_in(shelf) == []
    assert catalogue.load(vase)["current_location"] == SHELF
    last = catalogue.movements(vase)[-1]
    assert (last["from"], last["from_id"], last["to"], last["to_id"]) == (
        SHELF, shelf, "Musée de Rouen", "")
    with catalogue.writing() as session:  # its return, to where it left from
        add_movement(session, vase, "régisseur", to="", to_id=last["from_id"], reason="loan",
                     date="2024-09-01")
    assert catalogue.records_in(shelf) == [vase]
