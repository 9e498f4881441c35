"""Joconde/POP export: the CSV delivery POP imports, values as entered, private fields at home;
and the import mapping for the real Joconde open-data file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from catalogue_app.exchange.joconde import COLUMNS, write_joconde
from catalogue_app.records.fields import FIELDS_BY_NAME
from tests.support import JOCONDE_SAMPLE, require
from tests.unit.exchange_records import MUSEUM, PRIVATE_VALUES, full_record

REPOSITORY = Path(__file__).resolve().parents[2]
REAL_JOCONDE_CSV = JOCONDE_SAMPLE


def export(records, **options) -> str:
    out = io.StringIO(newline="")
    write_joconde(records, out, museum=MUSEUM, **options)
    return out.getvalue()


def read_back(text: str) -> list[dict[str, str]]:
    """Read the delivery as POP does: ";" delimiter, '"' quote, first row of field codes."""
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";", quotechar='"'))


def test_the_delivery_is_a_semicolon_csv_headed_by_joconde_field_codes():
    text = export([full_record()])
    assert text.splitlines()[0] == ";".join(COLUMNS)
    assert set(COLUMNS) >= {"REF", "INV", "DOMN", "STAT", "MUSEO"}  # required by POP


def test_every_field_reaches_its_joconde_field_exactly_as_entered():
    record = full_record()
    [row] = read_back(export([record], joconde_refs={record["id"]: "M0694000123"}))
    assert row["REF"] == "M0694000123"
    assert row["INV"] == record["inventory_number"]
    assert row["MUSEO"] == "M0694"
    assert row["DOMN"] == "Dentelle ; Costume & accessoires"
    assert row["DENO"] == record["designation"]
    assert row["TITR"] == record["title"]
    assert row["AUTR"] == "Atelier Lemarchand (fabricant) ; anonyme"
    assert row["PERI"] == record["dating"]
    assert row["MILL"] == "1880 ; 1900"
    assert row["LIEUX"] == record["origin_place"]
    assert row["TECH"] == "lin ; soie ; fil d'or ; dentelle aux fuseaux ; point d'Alençon"
    assert row["DIMS"] == record["measurements"]
    assert row["PINS"] == record["inscriptions"]
    assert row["DESC"] == record["description"]
    assert row["REPR"] == "fleur (ornement) ; épi de blé"
    assert row["UTIL"] == record["function"]
    assert row["ETAT"] == record["condition_at_acquisition"]
    assert row["STAT"] == "propriété de la commune ; don"
    assert row["DACQ"] == record["acquisition_date"]
    assert row["LOCA"] == MUSEUM["name"]


def test_no_joconde_reference_is_invented_for_a_record_pop_does_not_know():
    [row] = read_back(export([full_record()]))
    assert row["REF"] == ""


def test_private_fields_are_left_out_unless_asked_for():
    public_text = export([full_record()])
    assert [v for v in PRIVATE_VALUES.values() if v in public_text] == []
    [row] = read_back(export([full_record()], include_private=True))
    assert row["APTN"] == PRIVATE_VALUES["acquisition_source"]
    assert row["COMM"] == PRIVATE_VALUES["observations"]


def test_a_sparse_record_leaves_its_other_fields_empty():
    [row] = read_back(export([{"id": "x", "inventory_number": "OA 10426"}]))
    assert row["INV"] == "OA 10426"
    assert {code for code, value in row.items() if value} == {"INV", "MUSEO", "STAT", "LOCA"}


def test_many_records_give_one_row_each():
    rows = read_back(export(full_record(n) for n in range(50)))
    assert [r["INV"] for r in rows] == [full_record(n)["inventory_number"] for n in range(50)]


def test_the_mapping_for_the_real_joconde_export_names_its_columns_and_our_fields():
    require("joconde-sample")
    mapping = json.loads((REPOSITORY / "resources" / "mappings" / "joconde.json")
                         .read_text(encoding="utf-8"))
    with REAL_JOCONDE_CSV.open(encoding="utf-8", newline="") as source:
        headers = next(csv.reader(source))
    for header, target in mapping["columns"].items():
        assert header in headers
        field = target if isinstance(target, str) else target["field"]
        assert field in FIELDS_BY_NAME, field
        if isinstance(target, dict):
            assert FIELDS_BY_NAME[field].multi_valued and len(target["split"]) == 1
    assert mapping["columns"]["Numero_inventaire"] == "inventory_number"


def test_a_record_names_its_own_museum_when_the_export_spans_several():
    record = {**full_record(), "museum": {"code": "M5031", "name": "Granville ; musée Dior"}}
    [row] = read_back(export([record]))
    assert (row["MUSEO"], row["LOCA"]) == ("M5031", "Granville ; musée Dior")
