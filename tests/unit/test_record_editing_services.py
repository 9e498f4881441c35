"""Inventory number checks and suggestions, and duplicate as template."""

from __future__ import annotations

from catalogue_app.records.inventory_numbers import lot_of
from catalogue_app.records.number_checks import check_number, next_number_in_lot
from catalogue_app.records.store import create_record, insert_records
from catalogue_app.records.templates import template_from


def test_a_duplicate_number_is_an_error_and_an_unusual_one_a_warning(catalogue):
    with catalogue.writing() as session:
        rid = create_record(session, {"inventory_number": "2004.12.3", "designation": "coiffe"},
                            "marie")
    with catalogue.reading() as session:
        duplicate = check_number(session, " 2004.12.3 ", None)
        historic = check_number(session, "OA 10426", None)
        itself = check_number(session, "2004.12.3", rid)
    assert [p.code for p in duplicate.errors] == ["duplicate"]
    assert "«coiffe»" in duplicate.errors[0].message.text()
    assert historic.ok and [p.code for p in historic.warnings] == ["pattern"]
    assert itself.ok and not itself.warnings


def test_the_next_free_number_of_a_lot_follows_its_highest_item(catalogue):
    with catalogue.writing() as session:
        insert_records(session, [{"inventory_number": n} for n in
                                 ("2004.12.1", "2004.12.7", "2004.120.40", "D.2004.12.9")],
                       "marie")
    with catalogue.reading() as session:
        assert next_number_in_lot(session, "2004.12") == "2004.12.8"
        assert next_number_in_lot(session, "D.2004.12") == "D.2004.12.10"
        assert next_number_in_lot(session, "2005.1") == "2005.1.1"
    assert lot_of("2004.12.7") == "2004.12"
    assert lot_of("OA 10426") == ""


def test_a_template_copies_the_description_but_not_number_register_date_or_publication():
    source = {"id": "x", "inventory_number": "2004.12.3", "register_date": "2004-05-01",
              "public": True, "designation": "coiffe", "materials": ["lin"],
              "authors": [{"name": "Atelier", "role": "maker"}], "dating": "XIXe siècle",
              "date_earliest": 1801, "date_latest": 1900, "themes": ["t1"],
              "created_by": "marie"}
    template = template_from(source)
    assert template["inventory_number"] == "" and template["register_date"] == ""
    assert template["public"] is False and "id" not in template and "created_by" not in template
    assert (template["designation"], template["materials"], template["date_earliest"]) == \
        ("coiffe", ["lin"], 1801)
    template["authors"][0]["role"] = "author"
    assert source["authors"][0]["role"] == "maker"  # a copy, not the same lists
