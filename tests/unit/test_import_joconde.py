"""The real Joconde sample (206 objects of 18 Normandy museums): one museum's rows imported with
the shipped mapping, kept as given, and exported again to Joconde, LIDO and CSV."""

from __future__ import annotations

import csv
from importlib import resources

import pytest
from lxml import etree

from catalogue_app.exchange.catalogue_records import all_record_ids
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.lido import lido_schema
from catalogue_app.exchange.mapping import (
    auto_mapping,
    load_mapping,
    shipped_mappings,
    suggested_mapping,
)
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import ImportOptions, run_import
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
        record = exported[row["Numero_inventaire"]]
        assert record["designation"] == row["Denomination_1"]
        assert record["measurements"] == row["Mesures"]
        assert record["dating"] == row["Periode_de_creation_1"]
        assert record["acquisition_date"] == row["Date_d_acquisition"]


def test_joconde_and_lido_exports_of_the_imported_museum(catalogue, imported, source_rows,
                                                         tmp_path):
    # Nothing goes out until the curator marks it public (Diffusable): then every notice does.
    assert export_catalogue(catalogue, "joconde", tmp_path / "none.csv") == 0
    with catalogue.reading() as session:
        ids = all_record_ids(session)
    catalogue.batch_edit(ids, "public", "set", True)
    assert export_catalogue(catalogue, "joconde", tmp_path / "joconde.csv") == len(source_rows)
    with (tmp_path / "joconde.csv").open(encoding="utf-8", newline="") as stream:
        notices = list(csv.DictReader(stream, delimiter=";"))
    assert sorted(n["INV"] for n in notices) == sorted(r["Numero_inventaire"] for r in source_rows)
    assert {n["MUSEO"] for n in notices} == {"M0001"}

    export_catalogue(catalogue, "lido", tmp_path / "lido.xml")
    schema = lido_schema()
    assert schema.validate(etree.parse(str(tmp_path / "lido.xml"))), schema.error_log


def test_the_shipped_joconde_mapping_is_suggested_for_joconde_files():
    headers = open_table(JOCONDE_FILE).headers
    assert suggested_mapping(headers) == shipped_mappings()["joconde"]
    assert auto_mapping(headers).columns["Numero_inventaire"].field == "inventory_number"
