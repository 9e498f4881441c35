"""The register's rules in the core (design.md §3): an inscribed record keeps its inscription,
changes a locked column only by a rectification with a reason, is never trashed, and is radiated
only with its legal case, date and decision; a deposit is never radiated. Each refusal says why
and changes nothing. The upgrade of an earlier catalogue: what its records become."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.errors import RecordError
from catalogue_app.records import lifecycle
from catalogue_app.records.register_rules import check_change, deposit_expired
from catalogue_app.records.store import create_record, load_record, update_record
from tests.support import REPO

USER = "conservatrice"


def _create(catalogue: Catalogue, **fields) -> str:
    with catalogue.writing() as session:
        return create_record(session, {"inventory_number": "1990.1.1", **fields}, USER)



def _load(catalogue: Catalogue, record_id: str) -> dict:
    with catalogue.reading() as session:
        return load_record(session, record_id)


def _refused(catalogue: Catalogue, record_id: str, action, code: str) -> RecordError:
    """The action is refused with that code, and the record is exactly as it was."""
    before = _load(catalogue, record_id)
    with pytest.raises(RecordError) as refused, catalogue.writing() as session:
        action(session)
    assert refused.value.code == code
    assert _load(catalogue, record_id) == before
    return refused.value


def test_a_register_date_inscribes_the_record_for_good(catalogue):
    draft = _create(catalogue, designation="vase")
    assert _load(catalogue, draft)["inscribed"] is False
    with catalogue.writing() as session:
        update_record(session, draft, {"register_date": "1990-03-01"}, USER)
    assert _load(catalogue, draft)["inscribed"] is True
    with catalogue.writing() as session:  # its register date keeps it inscribed
        assert update_record(session, draft, {"inscribed": False}, USER) == []
    imported = _create(catalogue, inventory_number="E 12", inscribed=True)  # from a register
    error = _refused(catalogue, imported, lambda s: update_record(
        s, imported, {"inscribed": False}, USER), "register.inscription_kept")
    assert "E 12" in error.message.text("en")
    _refused(catalogue, draft, lambda s: update_record(s, draft, {"register_date": ""}, USER),
             "register.locked_field")


@pytest.mark.parametrize("name", ["inventory_number", "register_date", "acquisition_mode",
                                  "acquisition_source", "acquisition_date",
                                  "committee_opinion", "acquisition_price"])
def test_a_locked_column_changes_only_by_a_rectification_with_a_reason(catalogue, name):
    record_id = _create(catalogue, register_date="1990-03-01", acquisition_mode="don",
                        acquisition_source="Mme X", acquisition_date="1990-01-02",
                        committee_opinion="favorable", acquisition_price="100 F")
    old = _load(catalogue, record_id)[name]
    error = _refused(catalogue, record_id, lambda s: update_record(
        s, record_id, {name: "1990.1.9"}, USER), "register.locked_field")
    assert "rectification" in error.message.text("en")
    _refused(catalogue, record_id, lambda s: lifecycle.rectify_record(
        s, record_id, name, "1990.1.9", "  ", USER), "register.rectification_reason")

    with catalogue.writing() as session:
        lifecycle.rectify_record(session, record_id, name, "1990.1.9", "Erreur de report", USER)
    record = _load(catalogue, record_id)
    assert record[name] == "1990.1.9"
    (kept,) = record["rectifications"]
    assert kept == {"date": date.today().isoformat(), "field": name, "old": old,
                    "new": "1990.1.9", "reason": "Erreur de report", "user": USER}
    # Kept as made: neither rewritten nor dropped.
    _refused(catalogue, record_id, lambda s: update_record(
        s, record_id, {"rectifications": []}, USER), "register.rectifications_kept")


def test_a_rectification_added_by_hand_must_name_the_field_and_its_new_value(catalogue):
    record_id = _create(catalogue, register_date="1990-03-01")
    other_field = {"date": "2024-01-01", "field": "register_date", "old": "1990-03-01",
                   "new": "1990-03-02", "reason": "erreur", "user": USER}
    _refused(catalogue, record_id, lambda s: update_record(
        s, record_id, {"inventory_number": "1990.1.2", "rectifications": [other_field]}, USER),
        "register.locked_field")
    _refused(catalogue, record_id, lambda s: update_record(
        s, record_id, {"rectifications": [{**other_field, "field": "designation"}]}, USER),
        "register.rectification_field")


def test_a_column_left_empty_is_completed_without_a_rectification(catalogue):
    record_id = _create(catalogue, register_date="1990-03-01")
    with catalogue.writing() as session:
        update_record(session, record_id, {"acquisition_mode": "don",
                                           "designation": "vase"}, USER)
    assert _load(catalogue, record_id)["rectifications"] == []


def test_rectifying_a_draft_or_a_free_field_is_refused_saying_why(catalogue):
    draft = _create(catalogue)
    _refused(catalogue, draft, lambda s: lifecycle.rectify_record(
        s, draft, "inventory_number", "1990.1.2", "erreur", USER), "register.not_inscribed")
    _refused(catalogue, draft, lambda s: lifecycle.rectify_record(
        s, draft, "designation", "vase", "erreur", USER), "register.rectification_field")


def test_an_inscribed_record_is_never_trashed_a_draft_is(catalogue):
    inscribed = _create(catalogue, inscribed=True)  # imported from an inventory: no date
    _refused(catalogue, inscribed, lambda s: lifecycle.trash_record(s, inscribed, USER),
             "register.never_deleted")
    with catalogue.writing() as session:
        draft = create_record(session, {"inventory_number": "brouillon"}, USER)
        lifecycle.trash_record(session, draft, USER)
    assert _load(catalogue, draft)["trashed_at"]


def test_a_radiation_needs_its_case_date_and_decision(catalogue):
    record_id = _create(catalogue, register_date="1990-03-01")
    error = _refused(catalogue, record_id, lambda s: lifecycle.radiate_record(
        s, record_id, "", "2020-01-01", "Arrêté du 2 mai 2020", USER),
        "register.radiation_incomplete")
    assert "legal case" in error.message.text("en")
    assert "son motif légal" in error.message.text("fr")
    _refused(catalogue, record_id, lambda s: lifecycle.radiate_record(
        s, record_id, "destroyed", "", "", USER), "register.radiation_incomplete")
    _refused(catalogue, record_id, lambda s: lifecycle.radiate_record(
        s, record_id, "lost", "2020-01-01", "x", USER), "record.not_choice_or_empty")

    with catalogue.writing() as session:
        lifecycle.radiate_record(session, record_id, "destroyed", "2020-01-01",
                                 "Arrêté du 2 mai 2020 ; avis du 3 avril", USER)
    record = _load(catalogue, record_id)
    assert (record["status"], record["deaccession_case"]) == ("deaccessioned", "destroyed")
    # A radiation stands as made: undone or altered only by a rectification.
    _refused(catalogue, record_id, lambda s: update_record(s, record_id, {"status": "active"},
                                                           USER), "register.locked_field")
    with catalogue.writing() as session:
        lifecycle.rectify_record(session, record_id, "deaccession_date", "2020-01-02",
                                 "Date de l'arrêté mal reportée", USER)
    assert _load(catalogue, record_id)["deaccession_date"] == "2020-01-02"


def test_only_an_inscribed_record_is_radiated_a_draft_goes_to_the_trash(catalogue):
    draft = _create(catalogue, designation="vase")
    error = _refused(catalogue, draft, lambda s: lifecycle.radiate_record(
        s, draft, "destroyed", "2020-01-01", "Arrêté du 2 mai 2020", USER),
        "register.radiation_not_inscribed")
    assert "1990.1.1" in error.message.text("fr")
    assert "corbeille" in error.message.text("fr")
    # Nor does a record arrive radiated without its inscription (an import, a push).
    with pytest.raises(RecordError) as refused:
        check_change(None, {"inventory_number": "2", "status": "deaccessioned",
                            "deaccession_case": "destroyed", "deaccession_date": "2020",
                            "deaccession_decision": "Arrêté"})
    assert refused.value.code == "register.radiation_not_inscribed"
    with catalogue.writing() as session:
        lifecycle.trash_record(session, draft, USER)
    assert _load(catalogue, draft)["trashed_at"]


def test_a_deposit_is_returned_or_renewed_never_radiated(catalogue):
    record_id = _create(catalogue, register_date="2010-01-01", legal_status="deposit",
                        depositor="Musée du Louvre", deposit_term="2020-12-31")
    _refused(catalogue, record_id, lambda s: lifecycle.radiate_record(
        s, record_id, "destroyed", "2021-01-01", "Arrêté", USER),
        "register.deposit_not_radiated")
    record = _load(catalogue, record_id)
    assert deposit_expired(record, date(2021, 1, 1))
    assert not deposit_expired(record, date(2020, 12, 31))
    with catalogue.writing() as session:  # renewed: a new term, no rectification needed
        update_record(session, record_id, {"deposit_term": "2030"}, USER)
    record = _load(catalogue, record_id)
    assert not deposit_expired(record, date(2030, 12, 31))
    assert deposit_expired(record, date(2031, 1, 1))
    assert not deposit_expired({**record, "deposit_returned": "2024-05-02"}, date(2031, 1, 1))


def test_the_rules_read_plain_fields_as_the_base_holds_them():
    old = {"inventory_number": "1", "register_date": "1990"}  # a desk that has no mark yet
    check_change(old, {**old, "designation": "vase"})
    with pytest.raises(RecordError) as refused:
        check_change(old, {**old, "trashed_at": "2024-01-01T00:00:00"})
    assert refused.value.code == "register.never_deleted"
    with pytest.raises(RecordError) as refused:
        check_change(old, old, deleted=True)
    assert refused.value.code == "register.never_deleted"
    check_change({"inventory_number": "2"}, {"inventory_number": "2"}, deleted=True)


def test_an_earlier_catalogue_upgrades_to_the_register_fields(tmp_path: Path):
    """Inscribed when it had a register date; `inventory` whatever its number's prefix; the
    text of an earlier radiation becomes its decision."""
    directory = tmp_path / "catalogue"
    shutil.copytree(REPO / "tests" / "data" / "catalogues" / "0003", directory)
    with sqlite3.connect(directory / DB_FILE_NAME) as conn:
        conn.execute("UPDATE records SET status = 'deaccessioned', deaccession_date = "
                     "'2001-02-03', deaccession_reason = 'Détruit (arrêté du 3 février 2001)' "
                     "WHERE inventory_number = '48.1.1'")
        conn.execute("UPDATE records SET inventory_number = 'D2228', inventory_key = 'd2228' "
                     "WHERE inventory_number = '48.1.2'")
        dated = conn.execute("SELECT count(*) FROM records WHERE trim(register_date) != ''"
                             ).fetchone()[0]
    conn.close()
    catalogue = Catalogue.open(directory)
    try:
        with catalogue.reading() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT inventory_number, inscribed, legal_status, status, deaccession_case, "
                "deaccession_decision FROM records").fetchall()
    finally:
        catalogue.close()
    by_number = {row[0]: row for row in rows}
    assert sum(row[1] for row in rows) == dated > 0
    assert {row[2] for row in rows} == {"inventory"}
    assert by_number["D2228"][2] == "inventory"
    assert by_number["48.1.1"][3:] == ("deaccessioned", "",
                                       "Détruit (arrêté du 3 février 2001)")


def test_a_message_on_the_wire_is_read_only_as_far_as_the_desk_knows_it():
    from catalogue_app.protocol import message_from_wire, message_params

    with pytest.raises(RecordError) as refused:
        check_change({"inventory_number": "1", "inscribed": True, "acquisition_mode": "don"},
                     {"inventory_number": "1", "inscribed": True, "acquisition_mode": "achat"})
    params = message_params(refused.value.message)
    assert params == {"number": "1", "label": {"field": "acquisition_mode"}}
    read = message_from_wire("register.locked_field", params)
    assert read.text("fr") == refused.value.message.text("fr")
    for code, odd in (("register.unknown_to_this_desk", params),
                      ("register.locked_field", {**params, "label": {"field": "no_such"}}),
                      ("register.locked_field", {"number": "1"}),  # the label is missing
                      ("register.locked_field", {**params, "number": [None]}),
                      ("register.locked_field", None)):
        assert message_from_wire(code, odd) is None


def test_a_list_of_values_crosses_the_wire_and_each_language_quotes_them():
    from catalogue_app.protocol import message_from_wire, message_params
    from catalogue_app.records.record import Record

    with pytest.raises(RecordError) as refused:
        Record.from_fields({"legal_status": "D"})
    sent = json.loads(json.dumps(message_params(refused.value.message)))
    # The field by its canonical name for machines, and as a label each language names.
    assert sent == {"field": "legal_status", "label": {"field": "legal_status"},
                    "codes": ["inventory", "deposit", "outside"]}
    read = message_from_wire("record.not_choice", sent)
    assert read.text("en") == refused.value.message.text("en")
    assert read.text("fr") == refused.value.message.text("fr")
    assert "one of: 'inventory', " in read.text("en")
    assert "valeurs : « inventory », " in read.text("fr")
