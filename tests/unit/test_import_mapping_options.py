"""Mapping options for files from other systems (design.md §11, extended): a further column of
a one-value field ("join"), an inventory number followed by former numbers ("former_numbers"),
a column of years ("years"), and a file that is an existing inventory ("inscribed")."""

from __future__ import annotations

import json

import pytest

from catalogue_app.exchange.catalogue_records import all_record_ids
from catalogue_app.exchange.mapping import MappingError, parse_mapping
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import ImportOptions, run_import
from catalogue_app.records.store import load_record
from tests.unit.import_samples import write_rows

MAPPING = {
    "inscribed": True,
    "columns": {
        "N°": {"field": "inventory_number", "former_numbers": True},
        "Période 1": "dating",
        "Période 2": {"field": "dating", "join": " ; "},
        "Millésime": "years",
        "Type": "inscriptions",
        "Précisions": {"field": "inscriptions", "join": " : "},
    },
}


def imported(catalogue, tmp_path, rows):
    path = write_rows(tmp_path / "f.csv", list(MAPPING["columns"]), rows)
    mapping = parse_mapping(json.dumps(MAPPING))
    assert parse_mapping(mapping.to_json()) == mapping  # what the wizard saves reads back
    report = run_import(catalogue, open_table(path), mapping, ImportOptions())
    assert report.imported, [str(p) for p in report.errors]
    with catalogue.reading() as session:
        records = [load_record(session, i) for i in all_record_ids(session)]
    return report, records


def test_joined_columns_years_former_numbers_and_inscription(catalogue, tmp_path):
    report, [first, second] = imported(catalogue, tmp_path, [
        ["932.3.24.1 ; 2625 (MD)", "1er quart 19e siècle", "4e quart 19e siècle",
         "1800 entre,1900 et", "monogramme", "RB ; sur le maître-brin"],
        ["2001.17.1179 ; D. 75.03.375", "19e siècle", "", "", "", "Signé"],
    ])
    assert (first["inventory_number"], first["former_numbers"]) == ("932.3.24.1", ["2625 (MD)"])
    assert first["dating"] == "1er quart 19e siècle ; 4e quart 19e siècle"
    assert (first["date_earliest"], first["date_latest"]) == (1800, 1900)  # the millésime
    assert first["inscriptions"] == "monogramme : RB ; sur le maître-brin"
    assert second["dating"] == "19e siècle" and second["inscriptions"] == "Signé"
    assert (second["date_earliest"], second["date_latest"]) == (1801, 1900)
    assert first["inscribed"] and second["inscribed"]
    [unclear] = [p for p in report.warnings if p.message.code == "exchange.former_number_unclear"]
    assert (unclear.row, unclear.column, unclear.value) == (3, "N°", "D. 75.03.375")


@pytest.mark.parametrize("column, problem", [
    ({"field": "designation", "join": ""}, "join must be a text"),
    ({"field": "designation", "former_numbers": True}, "belongs to the column mapped to"),
    ({"field": "inventory_number", "former_numbers": "yes"}, "belongs to the column mapped"),
])
def test_a_mapping_option_in_the_wrong_place_is_refused_clearly(column, problem):
    with pytest.raises(MappingError, match=problem):
        parse_mapping(json.dumps({"columns": {"A": column}}))
    with pytest.raises(MappingError, match="\"inscribed\" must be true or false"):
        parse_mapping(json.dumps({"columns": {}, "inscribed": "oui"}))


def test_two_columns_for_one_value_without_join_still_block_the_import(catalogue, tmp_path):
    path = write_rows(tmp_path / "f.csv", ["N°", "A", "B"], [["1.1.1", "a", "b"]])
    mapping = parse_mapping(json.dumps({"columns": {"N°": "inventory_number", "A": "title",
                                                    "B": "title"}}))
    report = run_import(catalogue, open_table(path), mapping, ImportOptions())
    assert report.blocked and "both mapped to title" in str(report.errors[0])
