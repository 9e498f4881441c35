"""Spreadsheet import: bad files are refused whole, messy data is kept as text and flagged,
every problem is reported as "row N, column C: message (value)"."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.mapping import auto_mapping, parse_mapping
from catalogue_app.exchange.sources import SourceError, open_table
from catalogue_app.exchange.spreadsheet_import import (
    ImportOptions,
    ImportReport,
    check_import,
    run_import,
)
from catalogue_app.records.store import create_record, load_record
from tests.support import run_cli
from tests.unit.import_samples import write_rows

HEADER = ["inventory_number", "designation", "dating", "materials"]


def import_file(catalogue, path: Path, mapping=None, **options) -> ImportReport:
    source = open_table(path)
    return run_import(catalogue, source, mapping or auto_mapping(source.headers),
                      ImportOptions(**options))


def messages(report: ImportReport) -> list[str]:
    return [str(p) for p in report.problems]


# --- files that are not tables ----------------------------------------------------------------

@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel .xls"),
    ("inventory_number,designation\n1.1.1,bol en grès\n".encode()
     + "1.1.2,bol en faïence\n".encode("cp1252"), "mixes text encodings: line 2 is UTF-8 but "
                                                  "line 3 is not"),
])
def test_a_file_that_is_not_a_table_is_refused_with_a_clear_message(tmp_path, content,
                                                                    expected):
    path = tmp_path / "objects.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=expected):
        open_table(path)


def test_cli_refuses_a_binary_file_and_imports_nothing(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = run_cli("--catalogue", str(tmp_path / "cat"), "import-csv", str(path))
    assert result.returncode == 1
    assert "not a text file" in result.stderr and "Nothing was imported" in result.stderr


# --- encodings and delimiters -------------------------------------------------------------------

@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", "\t"), ("utf-16", "\t"),
])
def test_encoding_and_delimiter_are_detected(catalogue, tmp_path, encoding, delimiter):
    path = write_rows(tmp_path / "f.csv", HEADER, [["1.1.1", "pichet à cidre", "XIXe siècle",
                                                    "grès; étain"]],
                      encoding=encoding, delimiter=delimiter)
    source = open_table(path)
    assert (source.encoding, source.delimiter) == (encoding, delimiter)
    assert source.headers == HEADER
    report = import_file(catalogue, path)
    assert report.imported
    with catalogue.reading() as session:
        (record,) = [load_record(session, i) for i in _ids(session)]
    assert record["designation"] == "pichet à cidre"
    assert record["materials"] == ["grès", "étain"]
    assert (record["date_earliest"], record["date_latest"]) == (1801, 1900)


def _ids(session) -> list[str]:
    from sqlalchemy import text

    return list(session.execute(text("SELECT id FROM records ORDER BY inventory_sort")).scalars())


# --- errors block the whole import --------------------------------------------------------------

def test_every_error_is_reported_by_row_and_column_and_nothing_is_imported(catalogue, tmp_path):
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2004.1.9"}, "test")
    rows = [
        ["2004.1.1", "assiette", "", ""],
        ["", "bol", "", ""],                       # row 3: no number
        ["2004.1.1", "plat", "", ""],              # row 4: twice in the file
        ["2004.1.2", "tasse", ""],                 # row 5: ragged
        ["2004.1.9", "pot", "", ""],               # row 6: already in the catalogue
        ["2004.1.3", "x" * (1 << 20) + "é", "", ""],  # row 7: a cell over 1 MB
    ]
    report = import_file(catalogue, write_rows(tmp_path / "f.csv", HEADER, rows))

    assert not report.imported
    assert messages(report) == [
        "row 3, column inventory_number: the inventory number is empty ()",
        "row 4, column inventory_number: inventory number already on row 2 (2004.1.1)",
        "row 5: this row has 3 cells but the header has 4; a quote or a delimiter is probably "
        "missing",
        "row 6, column inventory_number: this inventory number is already in the catalogue "
        "(import with update to update its record) (2004.1.9)",
        "row 7, column designation: this cell is over 1 MB; no field holds that much ("
        + "x" * 80 + "…)",
    ]
    assert catalogue.record_count() == 1


def test_header_only_file_and_unmapped_inventory_number_are_errors(catalogue, tmp_path):
    header_only = import_file(catalogue, write_rows(tmp_path / "a.csv", HEADER, []))
    assert messages(header_only) == ["the file has a header but no rows to import"]

    no_number = import_file(catalogue, write_rows(tmp_path / "b.csv", ["Numéro", "Nom"],
                                                  [["1", "bol"]]))
    assert no_number.blocked
    (problem,) = no_number.problems
    assert problem.message.text("fr") == (
        "aucune colonne n'est associée à inventory_number (le numéro d'inventaire) : chaque "
        "fiche en a besoin. Colonnes trouvées : « Numéro », « Nom »")
    assert problem.message.text("en") == (
        "no column is mapped to inventory_number (the inventory number): every record needs "
        "one. Columns found: 'Numéro', 'Nom'")
    assert no_number.unmapped_columns == ["Numéro", "Nom"]
    assert catalogue.record_count() == 0


def test_columns_a_mapping_names_and_the_file_lacks_are_each_quoted(catalogue, tmp_path):
    path = write_rows(tmp_path / "f.csv", ["N°"], [["2004.1.1"]])
    mapping = parse_mapping(json.dumps({"columns": {
        "N°": "inventory_number", "Nom": "designation", "Époque": "dating"}}))
    (warning,) = import_file(catalogue, path, mapping).warnings
    assert warning.message.text("fr") == (
        "la correspondance nomme des colonnes absentes de ce fichier : « Nom », « Époque »")
    assert warning.message.text("en") == (
        "the mapping names columns this file does not have: 'Nom', 'Époque'")


# --- warnings keep the data as text -------------------------------------------------------------

def test_messy_values_are_kept_as_text_and_flagged(catalogue, tmp_path):
    header = ["inventory_number", "acquisition_date", "dating", "measurements", "materials",
              "themes", "number_of_parts", "Notes internes"]
    row = ["OA 10426", "date inconnue", "Second Empire", "grand", "grès; plastoïde",
           "Textile > Dentelle; Tissus anciens", "deux", "à ignorer"]
    report = import_file(catalogue, write_rows(tmp_path / "f.csv", header, [row]))

    assert report.imported and not report.errors
    assert messages(report) == [
        "row 2, column acquisition_date: date not understood; kept as text (date inconnue)",
        "row 2, column dating: dating not understood (no years derived); kept as text "
        "(Second Empire)",
        "row 2, column measurements: measurements not understood; kept as text (grand)",
        "row 2, column materials: not in the material vocabulary; kept as text (plastoïde)",
        "row 2, column themes: unknown theme; kept as text with the record (Tissus anciens)",
        "row 2, column number_of_parts: not a whole number; kept as text (deux)",
        "row 2, column inventory_number: does not follow the museum's numbering pattern "
        "(year.lot.item); kept as given (OA 10426)",
    ]
    assert report.unmapped_columns == ["Notes internes"]
    with catalogue.reading() as session:
        (record,) = [load_record(session, i) for i in _ids(session)]
    assert [record[k] for k in ("acquisition_date", "dating", "measurements",
                                "number_of_parts")] == row[1:4] + ["deux"]
    assert record["materials"] == ["grès", "plastoïde"]
    # The unknown theme travels with the record and comes back in the export.
    export_catalogue(catalogue, "csv", tmp_path / "out.csv")
    assert "Textile > Dentelle; Tissus anciens" in (tmp_path / "out.csv").read_text("utf-8")


def test_measurements_read_from_a_file_keep_their_notes_as_in_the_form(catalogue, tmp_path):
    text = "H. mm 40 (coeur) ; l. 3 cm"
    report = import_file(catalogue, write_rows(tmp_path / "f.csv", ["inventory_number",
                                                                     "measurements"],
                                               [["2004.1.1", text]]))
    assert report.imported
    with catalogue.writing() as session:
        typed = create_record(session, {"inventory_number": "2004.1.2", "measurements": text},
                              "test")
        imported = next(i for i in _ids(session) if i != typed)
        rows = [load_record(session, i)["measurement_rows"] for i in (imported, typed)]
    assert rows[0] == rows[1] and rows[0][0]["note"] == "coeur"


# --- dry run, update, mapping, filter -----------------------------------------------------------

def test_dry_run_reports_without_writing(catalogue, tmp_path):
    path = write_rows(tmp_path / "f.csv", HEADER, [["2004.1.1", "bol", "", ""]])
    source = open_table(path)
    report = check_import(catalogue, source, auto_mapping(source.headers))
    assert not report.blocked and report.to_create == 1 and not report.imported
    assert catalogue.record_count() == 0


def test_update_changes_mapped_fields_of_matched_records_only(catalogue, tmp_path):
    with catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "2004.1.1",
                                            "designation": "bol", "title": "Le bol"}, "test")
    path = write_rows(tmp_path / "f.csv", ["inventory_number", "designation"],
                      [["2004.1.1", "jatte"], ["2004.1.2", "pot"]])
    refused = import_file(catalogue, path)
    assert refused.blocked and catalogue.record_count() == 1

    report = import_file(catalogue, path, update=True)
    assert report.imported and (report.to_create, report.to_update) == (1, 1)
    with catalogue.reading() as session:
        record = load_record(session, record_id)
    assert (record["designation"], record["title"]) == ("jatte", "Le bol")
    assert catalogue.record_count() == 2


def test_mapping_file_renames_columns_and_splits_values(catalogue, tmp_path):
    mapping = parse_mapping(json.dumps({"columns": {
        "N° inv.": "inventory_number",
        "Matériaux": {"field": "materials", "split": ","},
        "Domaine": {"field": "themes", "split": ","},
    }}))
    path = write_rows(tmp_path / "f.csv", ["N° inv.", "Matériaux", "Domaine"],
                      [["2004.1.1", "lin, soie", "dentelle,Ivoire > Tabletterie"]])
    report = import_file(catalogue, path, mapping)
    assert report.imported and not report.problems
    with catalogue.reading() as session:
        (record,) = [load_record(session, i) for i in _ids(session)]
    assert record["materials"] == ["lin", "soie"]
    assert len(record["themes"]) == 2


def test_row_filter_imports_one_museums_rows(catalogue, tmp_path):
    path = write_rows(tmp_path / "f.csv", ["Code_Museofile", "inventory_number"],
                      [["M0694", "1.1.1"], ["M0725", "1.1.1"], ["m0694 ", "1.1.2"]])
    report = import_file(catalogue, path, where=(("Code_Museofile", "M0694"),))
    assert report.imported and (report.rows, report.filtered_out) == (2, 1)
    assert catalogue.record_count() == 2


def test_xlsx_cells_are_read_as_text_dates_in_iso(catalogue, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Numéro d'inventaire", "Désignation", "Date d'inscription au registre",
                  "Nombre d'éléments"])
    sheet.append(["2004.1.1", "bol", datetime.datetime(1973, 2, 27), 3])
    workbook.save(tmp_path / "objects.xlsx")

    report = import_file(catalogue, tmp_path / "objects.xlsx")
    assert report.imported and not report.problems
    with catalogue.reading() as session:
        (record,) = [load_record(session, i) for i in _ids(session)]
    assert (record["designation"], record["register_date"], record["number_of_parts"]) == \
        ("bol", "1973-02-27", "3")


# --- the command line contract ------------------------------------------------------------------

def test_cli_exit_statuses_and_problem_lines(tmp_path):
    cat = ["--catalogue", str(tmp_path / "cat")]
    good = write_rows(tmp_path / "good.csv", HEADER, [["2004.1.1", "bol", "Louis XV", ""]])
    bad = write_rows(tmp_path / "bad.csv", HEADER, [["2004.1.2", "pot", "", ""], ["", "", "", "x"]])

    dry = run_cli(*cat, "import-csv", str(good), "--dry-run")
    assert dry.returncode == 0
    assert "row 2, column dating: dating not understood (no years derived); kept as text " \
           "(Louis XV)" in dry.stderr.splitlines()
    blocked = run_cli(*cat, "import-csv", str(bad))
    assert blocked.returncode == 1
    assert "row 3, column inventory_number: the inventory number is empty ()" \
        in blocked.stderr.splitlines()
    assert run_cli(*cat, "import-csv", str(bad), "--dry-run").returncode == 1
    assert run_cli(*cat, "import-csv", str(good)).returncode == 0
    assert run_cli(*cat, "import-csv", str(good)).returncode == 1  # already there
    assert run_cli(*cat, "import-csv", str(good), "--update").returncode == 0
    (tmp_path / "map.json").write_text('{"columns": {"a": "no_such_field"}}')
    unusable = run_cli(*cat, "import-csv", str(good), "--mapping", str(tmp_path / "map.json"))
    assert unusable.returncode == 2 and "unknown field 'no_such_field'" in unusable.stderr


def test_cli_names_each_ignored_column_in_the_users_words(tmp_path):
    path = write_rows(tmp_path / "f.csv", ["inventory_number", "Notes internes", "Code stagiaire"],
                      [["2004.1.1", "à ignorer", "B12"]])
    said = {language: run_cli("--catalogue", str(tmp_path / "cat"), "import-csv", str(path),
                              "--dry-run", env={"CATALOGUE_APP_LANG": language}).stderr
            for language in ("fr", "en")}
    assert "Colonnes ignorées (associées à aucun champ) : « Notes internes », " \
           "« Code stagiaire »" in said["fr"].splitlines()
    assert "Ignored columns (not mapped to a field): 'Notes internes', 'Code stagiaire'" \
        in said["en"].splitlines()
