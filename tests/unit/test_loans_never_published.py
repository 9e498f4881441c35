"""Loans and condition reports stay in the museum (design.md §8): no publication channel,
no LIDO or Joconde file carries them, with or without private fields; the app's own CSV, the
museum's copy, carries them as JSON and reads them back exactly."""

from __future__ import annotations

import csv
import json

import pytest

from catalogue_app import publication
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.mapping import auto_mapping
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import ImportOptions, run_import
from catalogue_app.records.store import insert_records, load_record
from tests.unit.import_samples import write_rows

# Words that appear nowhere but in the entries, so that finding one in a file means a leak.
LOANS = [{"id": "4f0c1a52-7a8e-4b8e-9a55-0c6f9f1d2e01", "direction": "out",
          "party": "Emprunteur Zéphyrin", "exhibition": "Exposition Quasimodo",
          "start": "2026-03-01", "end": "2026-09-30", "returned_on": "",
          "insurance_value": "987 654 €", "condition_departure": "Départ Xylophage",
          "condition_return": "", "note": "Note « Ornithorynque »; \\ échappée",
          "modified_at": "2026-02-01T10:00:00.000+00:00"},
         {"id": "4f0c1a52-7a8e-4b8e-9a55-0c6f9f1d2e02", "direction": "in",
          "party": "Prêteur Barnabé", "exhibition": "", "start": "2025-01-02", "end": "",
          "returned_on": "2025-03-04", "insurance_value": "", "condition_departure": "",
          "condition_return": "Retour Pangolin", "note": "", "modified_at": ""}]
REPORTS = [{"id": "c2b1d6e0-1111-4c4c-8888-5a5a5a5a5a5a", "date": "2025-11-02",
            "author": "Restauratrice Hortense", "state": "to_restore",
            "description": "Déchirure Kangourou,\nsur deux lignes", "images": []}]
SECRETS = ("Zéphyrin", "Quasimodo", "987 654", "Xylophage", "Ornithorynque", "Barnabé",
           "Pangolin", "Hortense", "Kangourou")
PUBLISHED = {"inventory_number": "2004.1.1", "designation": "Coiffe", "public": True,
             "status": "active", "joconde_ref": "M0694000123", "domains": ["ethnologie"],
             "register_date": "2004-05-01", "loans": LOANS, "condition_reports": REPORTS}


@pytest.mark.parametrize("channel", sorted(publication.CHANNELS))
def test_no_publication_channel_shows_loans_or_condition_reports(channel):
    document = publication.CHANNELS[channel](PUBLISHED)
    assert document is not None  # the record itself is published
    assert "loans" not in document and "condition_reports" not in document
    assert not [s for s in SECRETS if s in json.dumps(document, ensure_ascii=False)]


@pytest.mark.parametrize("include_private", [False, True])
@pytest.mark.parametrize("format", ["lido", "joconde"])
def test_no_lido_or_joconde_file_carries_them_even_with_private_fields(
        catalogue, tmp_path, format, include_private):
    catalogue.set_museum("M0694", "musée", owner="propriété de la commune", town="Alençon")
    with catalogue.writing() as session:
        insert_records(session, [PUBLISHED], "test")
    out = tmp_path / f"out.{format}"
    assert export_catalogue(catalogue, format, out, include_private=include_private) == 1
    written = out.read_text("utf-8")
    assert "2004.1.1" in written
    assert [s for s in SECRETS if s in written] == []


def test_the_apps_csv_carries_them_as_json_and_reads_them_back_exactly(catalogue, tmp_path):
    from catalogue_app.catalogue import Catalogue

    with catalogue.writing() as session:
        insert_records(session, [PUBLISHED, {"inventory_number": "2004.1.2"}], "test")
    exported = tmp_path / "out.csv"
    export_catalogue(catalogue, "csv", exported)
    with exported.open(encoding="utf-8", newline="") as stream:
        rows = {row["inventory_number"]: row for row in csv.DictReader(stream)}
    assert json.loads(rows["2004.1.1"]["loans"]) == LOANS
    assert json.loads(rows["2004.1.1"]["condition_reports"]) == REPORTS
    assert rows["2004.1.2"]["loans"] == rows["2004.1.2"]["condition_reports"] == ""

    other = Catalogue.open(tmp_path / "other")
    try:
        source = open_table(exported)
        report = run_import(other, source, auto_mapping(source.headers), ImportOptions())
        assert report.imported, [str(p) for p in report.problems]
        with other.reading() as session:
            (record_id,) = session.connection().exec_driver_sql(
                "SELECT id FROM records WHERE inventory_number = '2004.1.1'").scalars()
            record = load_record(session, record_id)
        assert (record["loans"], record["condition_reports"]) == (LOANS, REPORTS)
    finally:
        other.close()


@pytest.mark.parametrize(("cell", "problem"), [
    ("prêté à Lyon", "the text is not JSON"),
    ('[{"id": "x", "direction": "sideways"}]',
     "Field «Loans out and in», loan 1: a loan has an id"),
])
def test_a_loans_cell_that_is_not_the_apps_json_blocks_the_import_saying_where(
        catalogue, tmp_path, cell, problem):
    path = write_rows(tmp_path / "bad.csv", ["inventory_number", "loans"], [["1", cell]])
    source = open_table(path)
    report = run_import(catalogue, source, auto_mapping(source.headers), ImportOptions())
    assert not report.imported
    [error] = report.errors
    assert str(error).startswith("row 2, column loans: not a list of entries")
    assert problem in str(error)
    assert catalogue.record_count() == 0
