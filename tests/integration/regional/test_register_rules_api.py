"""The register's rules enforced by the regional base (design.md §3, §7), on both backends: a
push that changes a locked column without a new rectification, a rectification without a
reason, a trash or deletion of an inscribed record, a radiation without its legal case, a
deposit radiated, a record never inscribed radiated — each refused for that record alone with
the core's code and parameters, which a desk says exactly as its own core does, and the stored
record left as it was; the same change with its rectification goes in."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from catalogue_app.errors import RecordError
from catalogue_app.records.register_rules import check_change
from catalogue_app.sync.refusals import refusal_message
from tests.integration.regional.conftest import Museum, new_record, push_ok

INSCRIBED = {"register_date": "1990-03-01", "inscribed": True, "acquisition_mode": "don",
             "rectifications": []}


def _stored(museum: Museum, record_id: str) -> dict[str, Any]:
    return museum.reader.get(f"/api/v1/records/{record_id}").json()


def _inscribed(museum: Museum, number: str = "1990.1.1", **fields: Any) -> dict[str, Any]:
    record = new_record(number, **{**INSCRIBED, **fields})
    assert push_ok(museum.editor, [record])[0]["status"] == "ok"
    return record


def _next(record: dict[str, Any], deleted: bool = False, **fields: Any) -> dict[str, Any]:
    return {"id": record["id"], "base_version": 1, "deleted": deleted,
            "fields": {**record["fields"], **fields}}


def _refused(museum: Museum, record: dict[str, Any], pushed: dict[str, Any], code: str,
             words: str) -> dict[str, Any]:
    before = _stored(museum, record["id"])
    other = new_record(f"2024.9.{uuid.uuid4().hex[:8]}")  # the rest of the batch goes in
    results = push_ok(museum.editor, [pushed, other])
    assert results[0]["status"] == "error", results[0]
    assert results[0]["code"] == code
    assert words in results[0]["message"]
    assert results[1]["status"] == "ok"
    assert _stored(museum, record["id"]) == before
    if not code.startswith("register."):
        return results[0]
    # The desk says what its own core says of the same change, in French.
    with pytest.raises(RecordError) as core:
        check_change(before["fields"], pushed["fields"], deleted=pushed["deleted"])
    number = pushed["fields"]["inventory_number"]
    assert refusal_message(number, results[0]).text("fr") == core.value.message.text("fr")
    return results[0]


RECTIFICATION = {"date": "2024-05-02", "field": "inventory_number", "old": "1990.1.1",
                 "new": "1990.1.10", "reason": "Erreur de report", "user": "marie"}


def test_a_locked_column_changes_only_with_a_new_rectification(museum_a: Museum) -> None:
    record = _inscribed(museum_a)
    _refused(museum_a, record, _next(record, inventory_number="1990.1.10"),
             "register.locked_field", "rectification")
    _refused(museum_a, record, _next(record, inventory_number="1990.1.10",
                                     rectifications=[{**RECTIFICATION, "reason": " "}]),
             "register.rectification_reason", "needs a reason")

    rectified = _next(record, inventory_number="1990.1.10", rectifications=[RECTIFICATION])
    assert push_ok(museum_a.editor, [rectified])[0]["status"] == "ok"
    stored = _stored(museum_a, record["id"])
    assert stored["fields"]["inventory_number"] == "1990.1.10"
    assert stored["fields"]["rectifications"] == [RECTIFICATION]
    # Kept as made: a later push cannot drop it.
    dropped = {**rectified, "base_version": 2,
               "fields": {**rectified["fields"], "rectifications": []}}
    _refused(museum_a, record, dropped, "register.rectifications_kept", "kept")


def test_an_older_desk_without_the_mark_cannot_clear_a_register_date(museum_a: Museum) -> None:
    record = new_record("1990.1.2", register_date="1990-03-01")  # no `inscribed` key at all
    assert push_ok(museum_a.editor, [record])[0]["status"] == "ok"
    _refused(museum_a, record, _next(record, register_date=""), "register.inscription_kept",
             "stays inscribed")
    completed = _next(record, acquisition_mode="achat")  # an empty column is filled in
    assert push_ok(museum_a.editor, [completed])[0]["status"] == "ok"


@pytest.mark.parametrize("how", ["trash", "delete"])
def test_an_inscribed_record_is_never_trashed_or_deleted(museum_a: Museum, how: str) -> None:
    record = _inscribed(museum_a)
    pushed = (_next(record, trashed_at="2024-05-02T10:00:00.000+00:00") if how == "trash"
              else _next(record, deleted=True))
    _refused(museum_a, record, pushed, "register.never_deleted", "can never be deleted")


def test_a_draft_is_trashed_and_deleted(museum_a: Museum) -> None:
    draft = new_record("brouillon 1")
    push_ok(museum_a.editor, [draft])
    assert push_ok(museum_a.editor, [_next(draft, deleted=True)])[0]["status"] == "ok"


def test_a_radiation_needs_case_date_and_decision_and_is_never_a_deposits(
        museum_a: Museum) -> None:
    record = _inscribed(museum_a)
    _refused(museum_a, record, _next(record, status="deaccessioned", deaccession_date="2020",
                                     deaccession_decision="Arrêté du 2 mai 2020"),
             "register.radiation_incomplete", "legal case")
    deposit = _inscribed(museum_a, "D.2010.1.1", legal_status="deposit", depositor="Louvre")
    _refused(museum_a, deposit, _next(deposit, status="deaccessioned",
                                      deaccession_case="destroyed", deaccession_date="2020",
                                      deaccession_decision="Arrêté"),
             "register.deposit_not_radiated", "deposit")
    radiated = _next(record, status="deaccessioned", deaccession_case="destroyed",
                     deaccession_date="2020-05-02", deaccession_decision="Arrêté du 2 mai 2020")
    assert push_ok(museum_a.editor, [radiated])[0]["status"] == "ok"


def test_a_record_never_inscribed_is_not_radiated(museum_a: Museum) -> None:
    draft = new_record("brouillon 2")
    assert push_ok(museum_a.editor, [draft])[0]["status"] == "ok"
    _refused(museum_a, draft, _next(draft, status="deaccessioned", deaccession_case="destroyed",
                                    deaccession_date="2020-05-02", deaccession_decision="Arrêté"),
             "register.radiation_not_inscribed", "trash")


def test_an_enumeration_takes_only_its_codes(museum_a: Museum) -> None:
    record = _inscribed(museum_a)
    result = _refused(museum_a, record, _next(record, legal_status="Dépôt"),
                      "record.not_choice", "«Legal status»")
    # The core's code and parameters, the codes as a list each language quotes its way and
    # the field by its canonical name, and as a label each language names: the desk says it
    # in French after the record's number, not the base's English.
    assert result["params"] == {"field": "legal_status", "label": {"field": "legal_status"},
                                "codes": ["inventory", "deposit", "outside"]}
    assert result["message"] == \
        "Field «Legal status» must be one of: 'inventory', 'deposit', 'outside'."
    assert refusal_message("1990.1.1", result).text("fr") == (
        "Fiche 1990.1.1 : Le champ « Statut juridique » doit prendre l'une de ces valeurs : "
        "« inventory », « deposit », « outside ».")
    # An older base's answer (`invalid_field`, English words) still reads, as before.
    older = {**result, "code": "invalid_field"}
    del older["params"]
    assert refusal_message("1990.1.1", older).text("fr") == (
        "Fiche 1990.1.1 : la base régionale refuse l'un de ses champs. (la base régionale a"
        " répondu : Field «Legal status» must be one of: 'inventory', 'deposit', 'outside'.)")


def test_a_refusal_names_the_field_and_number_whatever_the_desk_language(
        museum_a: Museum) -> None:
    record = _inscribed(museum_a, "1990.1.5")
    result = push_ok(museum_a.editor, [_next(record, acquisition_mode="achat")])[0]
    assert result["params"] == {"number": "1990.1.5", "label": {"field": "acquisition_mode"}}
    said = refusal_message("1990.1.5", result)
    assert "1990.1.5" in said.text("fr") and "« Mode d'acquisition »" in said.text("fr")
    assert said.text("en") == result["message"]
    assert "«Acquisition method»" in result["message"]
    # A part of the sentence travels as its own code: said in the desk's language too.
    result = push_ok(museum_a.editor, [_next(record, status="deaccessioned")])[0]
    assert result["params"]["missing"]["code"] == "register.three"
    assert "sans son motif légal, sa date et la décision" in refusal_message(
        "1990.1.5", result).text("fr")
    # An older base sends no parameters: the desk says what it can, with the base's words.
    older = {key: value for key, value in result.items() if key != "params"}
    assert result["message"] in refusal_message("1990.1.5", older).text("fr")
