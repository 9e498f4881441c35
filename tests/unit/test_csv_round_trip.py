"""The app's own CSV reads back exactly (design.md §11): CSV -> catalogue -> CSV is identical."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import text

from catalogue_app.catalogue import Catalogue
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.mapping import auto_mapping
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import run_import
from catalogue_app.records.store import create_record, load_record
from tests.unit.import_samples import canonical_cells, generated_rows, write_app_csv

TRICKY = {
    "inventory_number": "1968.3.244.1 ; 1968.3.244.2",
    "designation": 'Coiffe "cornette", dite «\u00a0bonnet\u00a0»',
    "title": "Première ligne\nseconde ligne,\r\navec virgule",
    "inscriptions": '"RB" ; au revers\\dos',
    "materials": ["lin", "soie ; fil d'or", "fil\\argent"],
    "techniques": ["dentelle aux fuseaux"],
    "authors": [{"name": "Atelier Lemarchand", "role": "maker"},
                {"name": "Dupont; Jean", "role": None}],
    "subjects": ["épi de blé"],
    "dating": "1973/02/27 décision dation",
    "acquisition_date": "1973/02/27 décision dation",
    "measurements": "Dimensions hors tout en cm : H. 49, l. 68.5 EP 3",
    "number_of_parts": "2",
    "public": True,
    "themes": ["Textile > Coiffes", "Textile > Dentelle"],
    "description": "  espaces gardées  ",
}


def import_file(catalogue: Catalogue, path: Path):
    source = open_table(path)
    return run_import(catalogue, source, auto_mapping(source.headers))


def test_generated_catalogue_csv_reads_back_identically(catalogue, tmp_path):
    original = write_app_csv(tmp_path / "in.csv", generated_rows(300, seed=3))

    report = import_file(catalogue, original)
    assert report.imported and not report.errors
    export_catalogue(catalogue, "csv", tmp_path / "out.csv")

    assert canonical_cells(tmp_path / "out.csv") == canonical_cells(original)


def test_multiline_quotes_accents_and_escaped_separators_survive(catalogue, tmp_path):
    original = write_app_csv(tmp_path / "in.csv", [TRICKY])

    assert import_file(catalogue, original).imported
    with catalogue.reading() as session:
        (record_id,) = session.execute(text("SELECT id FROM records")).scalars()
        stored = load_record(session, record_id)
    for name in ("title", "designation", "inscriptions", "materials", "dating", "description"):
        assert stored[name] == TRICKY[name]
    assert stored["authors"] == TRICKY["authors"]
    export_catalogue(catalogue, "csv", tmp_path / "out.csv")
    assert canonical_cells(tmp_path / "out.csv") == canonical_cells(original)


def test_years_typed_by_a_curator_travel_with_the_csv(catalogue, tmp_path):
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2004.1.1", "dating": "Second Empire",
                                "date_earliest": 1852, "date_latest": 1870}, "test")
    export_catalogue(catalogue, "csv", tmp_path / "first.csv")
    other = Catalogue.open(tmp_path / "other")
    try:
        assert import_file(other, tmp_path / "first.csv").imported
        export_catalogue(other, "csv", tmp_path / "second.csv")
    finally:
        other.close()
    rows = [list(csv.DictReader((tmp_path / name).open(encoding="utf-8", newline="")))[0]
            for name in ("first.csv", "second.csv")]
    assert rows[1]["date_earliest"] == rows[0]["date_earliest"] == "1852"
    assert rows[1]["date_latest"] == "1870"
    assert rows[1]["id"] != rows[0]["id"]  # a copy is a new record of the other catalogue


def test_export_is_utf8_comma_rfc4180_with_canonical_header(catalogue, tmp_path):
    write_app_csv(tmp_path / "in.csv", [TRICKY])
    import_file(catalogue, tmp_path / "in.csv")
    export_catalogue(catalogue, "csv", tmp_path / "out.csv")

    raw = (tmp_path / "out.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.startswith("inventory_number,acquisition_mode,")
    assert '"Première ligne\nseconde ligne,\r\navec virgule"' in text
    assert "lin; soie \\; fil d'or; fil\\\\argent" in text
    assert "Atelier Lemarchand [maker]; Dupont\\; Jean" in text
    assert "Textile > Coiffes; Textile > Dentelle" in text
