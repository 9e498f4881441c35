"""The real Joconde sample (206 objects of 18 Normandy museums): one museum's rows imported with
the shipped mapping, kept as given, and exported again to Joconde, LIDO and CSV."""

from __future__ import annotations

import csv
from importlib import resources

import pytest
from lxml import etree

from catalogue_app.catalogue import Catalogue
from catalogue_app.exchange.catalogue_records import all_record_ids
from catalogue_app.exchange.export import export_catalogue, export_joconde, new_notices_path
from catalogue_app.exchange.joconde import COLUMNS
from catalogue_app.exchange.lido import lido_schema
from catalogue_app.exchange.mapping import (
    auto_mapping,
    load_mapping,
    shipped_mappings,
    suggested_mapping,
)
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import ImportOptions, run_import
from catalogue_app.records.dating_years import parse_dating, parse_years
from catalogue_app.records.multivalue import split_values
from tests.support import JOCONDE_SAMPLE as JOCONDE_FILE
from tests.support import requires

# The real sample lives in shared/, beside the repository (as in CI).
pytestmark = requires("joconde-sample")
MUSEUM = "M0725"  # Musée des traditions et arts normands, 101 objects


@pytest.fixture
def source_rows() -> list[dict[str, str]]:
    with JOCONDE_FILE.open(encoding="utf-8", newline="") as stream:
        return [row for row in csv.DictReader(stream) if row["Code_Museofile"] == MUSEUM]


@pytest.fixture
def imported(catalogue):
    with resources.as_file(resources.files("resources").joinpath("mappings", "joconde.json")) \
            as mapping_path:
        mapping = load_mapping(mapping_path)
    report = run_import(catalogue, open_table(JOCONDE_FILE), mapping,
                        ImportOptions(where=(("Code_Museofile", MUSEUM),)))
    assert report.imported, [str(p) for p in report.errors]
    return report


def test_one_museums_rows_are_imported_and_kept_as_given(catalogue, imported, source_rows,
                                                         tmp_path):
    assert imported.rows == len(source_rows) == catalogue.record_count()
    assert imported.filtered_out == 206 - len(source_rows)
    assert imported.warnings  # real data is messy: flagged, not refused

    export_catalogue(catalogue, "csv", tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as stream:
        exported = {row["inventory_number"]: row for row in csv.DictReader(stream)}
    for row in source_rows:
        number, *former = [part.strip() for part in row["Numero_inventaire"].split(";")]
        record = exported[number]  # former numbers apart, verbatim
        assert split_values(record["former_numbers"]) == former
        assert record["designation"] == expected_notice(row)["DENO"]  # every designation
        assert record["measurements"] == row["Mesures"]
        assert record["dating"].startswith(row["Periode_de_creation_1"])
        assert record["acquisition_date"] == row["Date_d_acquisition"]
        assert record["ownership_history"] == row["Ancienne_appartenance"]  # not the donor
        assert record["acquisition_source"] == ""
        assert split_values(record["domains"]) == row["Domaine"].split(",")
        assert record["bibliography"] == row["Bibliographie"]
        assert record["exhibitions"] == row["Exposition"]
        assert record["inscribed"] in ("yes", "oui", "true")  # an existing inventory
        assert record["themes"] == ""  # Joconde's domains are not the network's themes
    unclear = [p for p in imported.warnings if p.message.code == "exchange.former_number_unclear"]
    assert [p.value for p in unclear] == []  # this museum's other numbers all say what they are


def test_joconde_and_lido_exports_of_the_imported_museum(catalogue, imported, source_rows,
                                                         tmp_path):
    catalogue.set_museum(MUSEUM, "musée des Traditions & Arts Normands",
                         owner="propriété du département", town="Martainville-Epreville")
    # Nothing goes out until the curator marks it public (Diffusable): then every notice does.
    assert export_joconde(catalogue, tmp_path / "none.csv").withheld == len(source_rows)
    publish_everything(catalogue)
    report = export_joconde(catalogue, tmp_path / "joconde.csv")
    # The open data carries no Joconde reference: every notice is new, none is invented.
    assert report.written == 0 and len(report.new) == len(source_rows)
    assert report.incomplete == []
    assert read_delivery(tmp_path / "joconde.csv") == []
    notices = read_delivery(new_notices_path(tmp_path / "joconde.csv"))
    assert list(notices[0]) == list(COLUMNS)
    by_number = {n["INV"]: n for n in notices}
    for row in source_rows:
        notice = by_number[row["Numero_inventaire"]]  # the number and its former numbers
        assert notice == expected_notice(row), row["Numero_inventaire"]

    export_catalogue(catalogue, "lido", tmp_path / "lido.xml")
    schema = lido_schema()
    assert schema.validate(etree.parse(str(tmp_path / "lido.xml"))), schema.error_log


def test_a_joconde_delivery_imports_back_to_the_same_notices(catalogue, imported, tmp_path,
                                                              catalogue_dir):
    catalogue.set_museum(MUSEUM, "musée des Traditions & Arts Normands",
                         owner="propriété du département", town="Martainville-Epreville")
    publish_everything(catalogue)
    export_joconde(catalogue, tmp_path / "first.csv")
    delivered = new_notices_path(tmp_path / "first.csv")

    again = Catalogue.open(catalogue_dir.parent / "again")
    try:
        again.set_museum(MUSEUM, "musée des Traditions & Arts Normands",
                         owner="propriété du département", town="Martainville-Epreville")
        source = open_table(delivered)
        mapping = suggested_mapping(source.headers)  # the POP delivery's own mapping
        assert mapping.columns["REF"].field == "joconde_ref" and mapping.inscribed
        report = run_import(again, source, mapping)
        assert report.imported, [str(p) for p in report.errors]
        publish_everything(again)
        export_joconde(again, tmp_path / "second.csv")
    finally:
        again.close()
    assert read_delivery(new_notices_path(tmp_path / "second.csv")) == \
        read_delivery(delivered)


def publish_everything(catalogue) -> None:
    with catalogue.reading() as session:
        ids = all_record_ids(session)
    catalogue.batch_edit(ids, "public", "set", True)


def read_delivery(path) -> list[dict[str, str]]:
    """As POP reads it: ";" delimiter, '"' quote, a header of field codes."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter=";", quotechar='"'))


def joined(*cells: str, separator: str = " ; ") -> str:
    return separator.join(c for c in cells if c.strip())


def expected_notice(row: dict[str, str]) -> dict[str, str]:
    """What POP's field list asks for, column by column, from one row of the open data:
    values as published (POP splits Array fields on ";", so lists are joined with " ; ")."""
    def values(text: str, separator: str = ";") -> str:
        return " ; ".join(v.strip() for v in text.split(separator) if v.strip())

    years = parse_years(row["Millesime_de_creation_initial"]) \
        if row["Millesime_de_creation_initial"] else parse_dating(expected_period(row)) or ()
    expected = {
        "REF": "",  # not in the open data: a new notice
        "INV": row["Numero_inventaire"],
        "MUSEO": row["Code_Museofile"],
        "DOMN": values(row["Domaine"], ","),
        "DENO": joined(row["Denomination_1"], row["Denomination_2"], row["Denomination 3"],
                       row["Denomination 4"], row["Denomination 5"], row["Denomination 6"],
                       row["Denomination 7"]),
        "TITR": row["Titre"],
        "AUTR": values(row["Auteur"]),
        "PERI": expected_period(row),
        "MILL": " ; ".join(dict.fromkeys(str(y) for y in years if y is not None)),
        "LIEUX": "",
        "TECH": values(row["Materiaux_techniques"]),
        "DIMS": row["Mesures"],
        "PINS": joined(row["Inscription"], row["Precisions_inscriptions"], separator=" : "),
        "DESC": row["Description"],
        "REPR": values(row["Sujet_Represente"]),
        "UTIL": row["Utilisation"],
        "ETAT": "",
        "STAT": "propriété du département",  # the owner; the open data has no mode
        "DACQ": row["Date_d_acquisition"],
        "APTN": row["Ancienne_appartenance"],  # provenance, not the donor
        "BIBL": row["Bibliographie"],
        "EXPO": row["Exposition"],
        "LOCA": "Martainville-Epreville ; musée des Traditions & Arts Normands",  # town ; name
    }
    return expected


def expected_period(row: dict[str, str]) -> str:
    return joined(row["Periode_de_creation_1"], row["Periode_de_creation_2"],
                  row["Periode_de_creation_3"], row["Periode_de_creation_4"], row["Epoque"])


def test_the_shipped_joconde_mapping_is_suggested_for_joconde_files():
    headers = open_table(JOCONDE_FILE).headers
    assert suggested_mapping(headers) == shipped_mappings()["joconde"]
    assert auto_mapping(headers).columns["Numero_inventaire"].field == "inventory_number"
