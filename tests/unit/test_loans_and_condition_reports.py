"""Loans out and in and condition reports (issue 18, design.md §3): entries of their record,
checked when saved, kept in its history; what they say today (on loan, overdue, latest
state); coded French refusals."""

from __future__ import annotations

import pytest

from catalogue_app.catalogue import Changes
from catalogue_app.condition.state import latest_report
from catalogue_app.errors import RecordError
from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.loans.rules import current_loan_out, is_overdue, overdue_loans, shown_location
from catalogue_app.records.record import Record
from tests.image_samples import photo

LOAN = {"direction": "out", "party": "Musée des Beaux-Arts de Lyon",
        "exhibition": "Coiffes de Normandie", "start": "2026-03-01", "end": "2026-09-30",
        "insurance_value": "15 000 €", "condition_departure": "Bon état, petite usure"}


@pytest.fixture
def record_id(catalogue) -> str:
    return catalogue.save({"inventory_number": "1995.3.1", "designation": "Coiffe",
                           "current_location": "Réserve B > Armoire 3"}).focus


def test_a_loan_is_recorded_then_its_return_and_both_stay_in_the_record(catalogue, record_id):
    saved = catalogue.save_loan(record_id, LOAN)
    loan = saved.result
    assert saved == Changes.of(changed=[record_id])
    assert loan["id"] and loan["modified_at"] and loan["returned_on"] == ""
    returned = catalogue.save_loan(record_id, {"id": loan["id"], "returned_on": "2026-10-02",
                                               "condition_return": "Inchangé"}).result
    assert returned["party"] == LOAN["party"] and returned["returned_on"] == "2026-10-02"
    assert returned["modified_at"] >= loan["modified_at"]
    record = catalogue.load(record_id)
    assert [(entry["id"], entry["condition_return"]) for entry in record["loans"]] == \
        [(loan["id"], "Inchangé")]
    assert any(entry.field == "loans" for entry in catalogue.history(record_id))


def test_removing_a_loan_entered_by_mistake(catalogue, record_id):
    loan = catalogue.save_loan(record_id, LOAN).result
    catalogue.remove_loan(record_id, loan["id"])
    assert catalogue.load(record_id)["loans"] == []
    with pytest.raises(RecordError) as refused:
        catalogue.remove_loan(record_id, loan["id"])
    assert refused.value.code == "record.no_such_entry"


@pytest.mark.parametrize(("change", "code"), [
    ({"party": "  "}, "loans.party_required"),
    ({"start": ""}, "loans.start_required"),
    ({"end": "2026-02-01"}, "loans.end_before_start"),
    ({"returned_on": "2026-02-27"}, "loans.return_before_start"),
    ({"direction": "sideways"}, "record.bad_loan"),
    ({"end": "30/09/2026"}, "loans.not_a_date"),
])
def test_a_loan_that_makes_no_sense_is_refused_in_french_and_nothing_is_saved(
        catalogue, record_id, change, code):
    with pytest.raises(RecordError) as refused:
        catalogue.save_loan(record_id, {**LOAN, **change})
    assert refused.value.code == code
    french = refused.value.message.text("fr")
    assert "Rien n'a été enregistré" in french or french.startswith(
        "Champ « Prêts et entrées temporaires », prêt 1 : un prêt a un identifiant")
    assert catalogue.load(record_id)["loans"] == []


def test_the_record_type_checks_each_entry_and_keeps_a_newer_desks_keys():
    loan = {"id": "l1", "direction": "in", "party": "Collection X", "start": "2026-01-02",
            "a_key_of_a_newer_desk": [1, 2]}
    read = Record.from_fields({"loans": [loan]}).to_fields()["loans"][0]
    assert read["a_key_of_a_newer_desk"] == [1, 2] and read["end"] == ""
    for bad in ({**loan, "id": ""}, {**loan, "start": "2026-02-30"}, {**loan, "note": 3}, "x"):
        with pytest.raises(RecordError) as refused:
            Record.from_fields({"loans": [bad]})
        assert refused.value.code == "record.bad_loan"
    report = {"id": "c1", "date": "2026-01-02", "state": "poor", "images": ["a" * 64]}
    assert Record.from_fields({"condition_reports": [report]}).to_fields()[
        "condition_reports"][0]["description"] == ""
    for bad in ({**report, "date": ""}, {**report, "state": "broken"},
                {**report, "images": ["not-a-hash"]}):
        with pytest.raises(RecordError) as refused:
            Record.from_fields({"condition_reports": [bad]})
        assert refused.value.code == "record.bad_condition_report"


def test_what_the_loans_say_today(french):
    away = {**LOAN, "id": "a"}
    back = {**LOAN, "id": "b", "start": "2024-01-01", "end": "2024-02-01",
            "returned_on": "2024-02-03"}
    coming = {**LOAN, "id": "c", "party": "Rouen", "start": "2027-01-01", "end": "2027-03-01"}
    lent_to_us = {**LOAN, "id": "d", "direction": "in", "party": "Collection X",
                  "start": "2025-01-01", "end": "2025-06-30"}
    fields = {"current_location": "Réserve B", "loans": [back, away, coming, lent_to_us]}
    assert current_loan_out(fields, "2026-05-01")["id"] == "a"
    assert current_loan_out(fields, "2026-02-28") is None  # not gone yet
    assert [loan["id"] for loan in overdue_loans(fields, "2026-10-01")] == ["a", "d"]
    assert not is_overdue(away, "2026-09-30")  # due today is not late yet
    assert shown_location(fields, "2026-05-01") == "En prêt : Musée des Beaux-Arts de Lyon"
    assert shown_location(fields, "2026-12-01") == "En prêt : Musée des Beaux-Arts de Lyon"
    assert shown_location({**fields, "loans": [back]}, "2026-05-01") == "Réserve B"


def test_a_condition_report_with_images_of_the_record_and_the_latest_state(
        catalogue, record_id, tmp_path):
    [attached] = attach_files(catalogue, requests_for_record(
        catalogue, [str(photo(tmp_path / "tache.jpg"))], "1995.3.1"))
    first = catalogue.save_condition_report(record_id, {
        "date": "2025-05-02", "author": "C. Martin", "state": "fair",
        "description": "Taches d'humidité au revers.", "images": [attached.sha256]}).result
    catalogue.save_condition_report(record_id, {"date": "2026-01-10", "author": "C. Martin",
                                                "state": "to_restore"})
    catalogue.save_condition_report(record_id, {"date": "2024-01-01", "author": "X",
                                                "state": "good"})  # an old one, typed late
    record = catalogue.load(record_id)
    assert latest_report(record)["state"] == "to_restore"
    catalogue.save_condition_report(record_id, {"id": first["id"], "description": "Corrigé"})
    assert catalogue.load(record_id)["condition_reports"][0]["images"] == [attached.sha256]
    with pytest.raises(RecordError) as refused:
        catalogue.save_condition_report(record_id, {"date": "2026-01-11", "author": "X",
                                                    "images": ["f" * 64]})
    assert refused.value.code == "condition.image_not_attached"
    for missing, code in (("date", "condition.date_required"),
                          ("author", "condition.author_required")):
        with pytest.raises(RecordError) as refused:
            catalogue.save_condition_report(record_id, {
                **{"date": "2026-01-11", "author": "X"}, missing: ""})
        assert refused.value.code == code
    catalogue.remove_condition_report(record_id, first["id"])
    assert len(catalogue.load(record_id)["condition_reports"]) == 2


def test_a_template_copies_no_entries_and_a_batch_cannot_edit_them(catalogue, record_id):
    from catalogue_app.records.batch_edit import batch_editable_fields
    from catalogue_app.records.templates import template_from

    catalogue.save_loan(record_id, LOAN)
    template = template_from(catalogue.load(record_id))
    assert template["loans"] == [] and template["designation"] == "Coiffe"
    assert not {"loans", "condition_reports", "rectifications"} & set(batch_editable_fields())


def test_an_object_sheet_writes_each_loan_and_report_on_a_line_in_french():
    from catalogue_app.documents.record_text import field_text

    record = {"loans": [{**LOAN, "returned_on": "2026-10-02"}],
              "condition_reports": [{"date": "2026-01-10", "author": "C. Martin",
                                     "state": "to_restore"}]}
    assert field_text(record, "loans", "fr") == (
        "Prêt : Musée des Beaux-Arts de Lyon « Coiffes de Normandie », du 2026-03-01 au"
        " 2026-09-30 (rendu le 2026-10-02)")
    assert field_text(record, "condition_reports", "fr") == \
        "2026-01-10, À restaurer, par C. Martin"


def test_a_form_opened_before_a_loan_was_added_does_not_take_it_back(catalogue, record_id):
    opened = catalogue.load(record_id)  # the form, before a loan (or a sync) added one
    catalogue.save_loan(record_id, LOAN)
    catalogue.save_condition_report(record_id, {"date": "2026-01-10", "author": "C. M."})
    catalogue.save({**opened, "title": "Bonnet"})
    saved = catalogue.load(record_id)
    assert saved["title"] == "Bonnet"
    assert len(saved["loans"]) == len(saved["condition_reports"]) == 1


def _loan_moves(catalogue, record_id) -> list[tuple]:
    return [(m["date"], m["from"], m["from_id"], m["to"], m["to_id"])
            for m in catalogue.movements(record_id) if m["reason"] == "loan"]


def test_a_loan_out_takes_the_object_away_and_its_return_brings_it_back(catalogue, record_id):
    shelf = catalogue.add_location("Réserve A > Armoire 3").result
    catalogue.move([record_id], shelf, reason="storage", date="2025-01-02")
    party = LOAN["party"]
    loan = catalogue.save_loan(record_id, LOAN).result  # started on 2026-03-01
    assert _loan_moves(catalogue, record_id) == [
        ("2026-03-01", "Réserve A > Armoire 3", shelf, party, "")]
    assert catalogue.records_in(shelf) == []  # away: in no room of the museum
    assert catalogue.load(record_id)["current_location"] == "Réserve A > Armoire 3"
    catalogue.save_loan(record_id, {"id": loan["id"], "note": "Convention signée"})
    assert len(_loan_moves(catalogue, record_id)) == 1  # written once
    catalogue.save_loan(record_id, {"id": loan["id"], "returned_on": "2026-10-02"})
    catalogue.save_loan(record_id, {"id": loan["id"], "condition_return": "Inchangé"})
    assert _loan_moves(catalogue, record_id)[1:] == [
        ("2026-10-02", party, "", "Réserve A > Armoire 3", shelf)]
    assert catalogue.records_in(shelf) == [record_id]


def test_a_loan_not_started_moves_nothing_until_a_save_on_or_after_its_start(
        catalogue, record_id):
    from catalogue_app.clock import today_iso

    loan = catalogue.save_loan(record_id, {**LOAN, "start": "2999-01-01",
                                           "end": "2999-02-01"}).result
    assert _loan_moves(catalogue, record_id) == []
    catalogue.save_loan(record_id, {"id": loan["id"], "start": today_iso()})
    assert _loan_moves(catalogue, record_id) == [
        (today_iso(), "Réserve B > Armoire 3", "", LOAN["party"], "")]


def test_an_object_never_placed_comes_back_to_its_text_and_a_loan_in_goes_back(
        catalogue, record_id):
    loan = catalogue.save_loan(record_id, {**LOAN, "returned_on": "2026-10-02"}).result
    assert _loan_moves(catalogue, record_id)[-1] == (
        "2026-10-02", LOAN["party"], "", "Réserve B > Armoire 3", "")
    assert catalogue.load(record_id)["current_location"] == "Réserve B > Armoire 3"
    catalogue.remove_loan(record_id, loan["id"])  # the movements stay: they happened
    assert len(_loan_moves(catalogue, record_id)) == 2
    lent = catalogue.save_loan(record_id, {"direction": "in", "party": "Collection Dupont",
                                           "start": "2025-01-06"}).result
    assert len(_loan_moves(catalogue, record_id)) == 2  # where it stands is the curator's
    catalogue.save_loan(record_id, {"id": lent["id"], "returned_on": "2025-06-30"})
    assert _loan_moves(catalogue, record_id)[-1][3:] == ("Collection Dupont", "")
