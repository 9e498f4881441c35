"""The register's fields through the app's CSV and imports (design.md §3, §11): every new
field reads back exactly, enumerations are written as codes and read from French labels,
imports from an existing inventory are inscribed, the register's rules are kept row by row,
numbers with a D prefix stay in the inventory and are listed once; the public channels take
what their rule allows; `rectify` from the command line; two faults of issue 14 (item 8)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from catalogue_app import publication
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.mapping import auto_mapping, parse_mapping
from catalogue_app.exchange.sources import open_table
from catalogue_app.exchange.spreadsheet_import import ImportOptions, run_import
from catalogue_app.records.multivalue import join_values, split_values
from catalogue_app.records.number_checks import next_number_in_lot
from catalogue_app.records.store import create_record, insert_records, load_record
from tests.support import run_cli
from tests.unit.import_samples import canonical_cells, write_app_csv, write_rows

REGISTER_FIELDS = {
    "inventory_number": "2010.1.1", "register_date": "2010-04-01", "designation": "tableau",
    "legal_status": "deposit", "depositor": "Musée du Louvre ; service des dépôts",
    "deposit_owner_number": "RF 12", "deposit_reference": "Convention du 3 mars 2010",
    "deposit_term": "2030-03-02", "deposit_returned": "2031-01-02 (convention échue)",
    "former_numbers": ["10288 (Ancien n° inventaire)", "B 64 ; bis"],
    "status": "missing", "inscribed": True,
    "rectifications": [{"date": "2024-05-02", "field": "register_date", "old": "2010-04-02",
                        "new": "2010-04-01", "reason": "Erreur « de report »; voir PV",
                        "user": "marie"}],
    "domains": ["peinture", "dessin"], "joconde_ref": "07270000123",
    "bibliography": "Catalogue, 1998 ;\nn° 12", "exhibitions": "Caen, 2011",
    "ownership_history": "Collection Dupont ; vente 1901",
}
RADIATED = {"inventory_number": "1990.1.1", "register_date": "1990-01-02", "inscribed": True,
            "status": "deaccessioned", "deaccession_case": "transferred_public_person",
            "deaccession_date": "2020-05-02", "deaccession_decision": "Arrêté du 2 mai 2020"}


def _import(catalogue, path: Path, mapping=None, **options):
    source = open_table(path)
    return run_import(catalogue, source, mapping or auto_mapping(source.headers),
                      ImportOptions(**options))


def _only(catalogue) -> dict:
    with catalogue.reading() as session:
        (record_id,) = session.connection().exec_driver_sql("SELECT id FROM records").scalars()
        return load_record(session, record_id)


def test_every_register_field_reads_back_exactly_through_the_apps_csv(catalogue, tmp_path):
    original = write_app_csv(tmp_path / "in.csv", [REGISTER_FIELDS, RADIATED])
    report = _import(catalogue, original)
    assert report.imported, [str(p) for p in report.problems]
    export_catalogue(catalogue, "csv", tmp_path / "out.csv")
    assert canonical_cells(tmp_path / "out.csv") == canonical_cells(original)
    with catalogue.reading() as session:
        ids = session.connection().exec_driver_sql(
            "SELECT id FROM records ORDER BY inventory_number").scalars().all()
        stored = [load_record(session, i) for i in ids]
    assert {k: stored[1][k] for k in REGISTER_FIELDS} == REGISTER_FIELDS
    assert {k: stored[0][k] for k in RADIATED} == RADIATED
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert {r["legal_status"] for r in rows} == {"deposit", "inventory"}  # codes
    assert json.loads(rows[1]["rectifications"]) == REGISTER_FIELDS["rectifications"]


def test_french_labels_are_read_unknown_values_refused_saying_where(catalogue, tmp_path):
    path = write_rows(tmp_path / "labels.csv",
                      ["inventory_number", "Statut juridique", "Statut", "register_date"],
                      [["1", "Dépôt", "manquant", "2001"], ["2", "HORS INVENTAIRE", "", ""]])
    assert _import(catalogue, path).imported
    with catalogue.reading() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT inventory_number, legal_status, status FROM records "
            "ORDER BY inventory_number").fetchall()
    assert rows == [("1", "deposit", "missing"), ("2", "outside", "active")]

    bad = write_rows(tmp_path / "bad.csv", ["inventory_number", "legal_status"],
                     [["3", "prêt"]])
    report = _import(catalogue, bad)
    assert not report.imported
    assert report.errors[0].message.text("fr") == (
        "n'est pas une des valeurs de legal_status (« inventory », « deposit », « outside ») ; "
        "rien n'a été importé")
    assert str(report.errors[0]) == (
        "row 2, column legal_status: not one of the values of legal_status ('inventory', "
        "'deposit', 'outside'); nothing imported (prêt)")


def test_an_inventory_imported_as_such_is_inscribed(catalogue, tmp_path):
    path = write_rows(tmp_path / "old.csv", ["inventory_number", "designation"],
                      [["E 1062 bis", "pot"]])
    assert _import(catalogue, path, inscribed=True).imported
    assert _only(catalogue)["inscribed"] is True
    mapping = parse_mapping(json.dumps({"columns": {"inventory_number": "inventory_number"},
                                        "inscribed": True}))
    assert mapping.inscribed and parse_mapping(mapping.to_json()) == mapping


def test_import_inscribed_from_the_command_line(tmp_path):
    path = write_rows(tmp_path / "old.csv", ["inventory_number", "designation"],
                      [["OA 10426", "vase"], ["D2228", "achat de 1975"]])
    result = run_cli("--catalogue", str(tmp_path / "cat"), "import-csv", str(path),
                     "--inscribed")
    assert result.returncode == 0, result.stderr
    # The D prefix decides nothing: listed once, as possible deposits, and left in the inventory.
    assert result.stderr.count("may be deposits") == 1
    assert "D2228" in result.stderr and "OA 10426" not in result.stderr.split("deposits")[-1]
    exported = tmp_path / "out.csv"
    assert run_cli("--catalogue", str(tmp_path / "cat"), "export", "csv",
                   str(exported)).returncode == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8", newline="")))
    assert {(r["inventory_number"], r["legal_status"], r["inscribed"]) for r in rows} == {
        ("OA 10426", "inventory", "yes"), ("D2228", "inventory", "yes")}


def test_possible_deposits_are_each_quoted_and_a_long_list_says_how_many_it_leaves_out(
        catalogue, tmp_path):
    def warned(name, numbers):
        path = write_rows(tmp_path / name, ["inventory_number"], [[n] for n in numbers])
        report = _import(catalogue, path, inscribed=True)
        [warning] = [w for w in report.warnings if w.message.code == "exchange.possible_deposits"]
        return warning.message

    few = warned("few.csv", ["OA 10426", "D2228", "D.75.3"])
    assert few.text("fr") == (
        "2 numéro(s) d'inventaire commencent par D et sont peut-être des dépôts ; ils sont "
        "importés à l'inventaire, car le préfixe du numéro ne décide de rien (associez une "
        "colonne au statut juridique, ou fixez-le ensuite) : « D2228 », « D.75.3 »")
    assert few.text("en") == (
        "2 inventory number(s) start with D and may be deposits; they are imported in the "
        "inventory, as the number's prefix decides nothing (map a legal_status column, or set "
        "their legal status afterwards): 'D2228', 'D.75.3'")
    many = warned("many.csv", [f"D{n}" for n in range(1, 53)])
    # The first fifty, and how many more.
    assert many.text("fr").endswith(
        " : " + ", ".join(f"« D{n} »" for n in range(1, 51)) + ", … (+2)")
    assert many.text("en").endswith("'D48', 'D49', 'D50', … (+2)")


def test_a_mapped_legal_status_says_nothing_of_the_prefix(catalogue, tmp_path):
    path = write_rows(tmp_path / "s.csv", ["inventory_number", "legal_status"],
                      [["D.2004.1.1", "deposit"]])
    report = _import(catalogue, path)
    assert report.imported and not report.warnings


def test_an_update_that_changes_a_locked_column_is_refused_row_by_row(catalogue, tmp_path):
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "1990.1.1", "register_date": "1990-01-02",
                                "acquisition_mode": "don"}, "marie")
    path = write_rows(tmp_path / "u.csv", ["inventory_number", "acquisition_mode", "title"],
                      [["1990.1.1", "achat", "Titre"]])
    report = _import(catalogue, path, update=True)
    assert not report.imported
    assert str(report.errors[0]).startswith("row 2: Record 1990.1.1 is inscribed")
    assert _only(catalogue)["acquisition_mode"] == "don"
    assert _only(catalogue)["title"] == ""


def test_a_radiation_imported_without_its_case_is_refused(catalogue, tmp_path):
    path = write_app_csv(tmp_path / "r.csv", [{**RADIATED, "deaccession_case": ""}])
    report = _import(catalogue, path)
    assert not report.imported
    assert "without its legal case" in str(report.errors[0])


def test_each_public_channel_takes_what_its_rule_allows():
    base = {"inventory_number": "1", "public": True, "status": "active"}
    missing, radiated = {**base, "status": "missing"}, {**base, **RADIATED, "public": True}
    returned = {**base, "legal_status": "deposit", "deposit_returned": "2024-01-01"}
    for channel in ("portal", "oai", "iiif"):
        assert publication.publishes(channel, base)
        assert not publication.publishes(channel, missing)
    assert publication.joconde(missing)["status"] == "missing"
    for channel in publication.CHANNELS:
        assert not publication.publishes(channel, radiated)
        assert not publication.publishes(channel, returned)
        assert not publication.publishes(channel, {**base, "public": False})  # a draft
    deposit = publication.joconde({**base, "legal_status": "deposit", "depositor": "Louvre"})
    assert (deposit["legal_status"], deposit["depositor"]) == ("deposit", "Louvre")
    assert "depositor" not in publication.portal({**base, "legal_status": "deposit",
                                                  "depositor": "Louvre"})


def test_the_desks_joconde_and_lido_files_leave_radiated_and_unpublished_records_out(
        catalogue, tmp_path):
    notice = {"domains": ["ethnologie"], "acquisition_mode": "don"}  # what POP requires
    with catalogue.writing() as session:
        insert_records(session, [
            {**notice, "inventory_number": "1", "designation": "publiée", "public": True,
             "joconde_ref": "M0001000001"},
            {**notice, "inventory_number": "2", "designation": "brouillon"},
            {**RADIATED, **notice, "inventory_number": "3", "designation": "radiée",
             "public": True, "joconde_ref": "M0001000003"},
            {**notice, "inventory_number": "4", "designation": "manquante", "public": True,
             "status": "missing", "joconde_ref": "M0001000004"}], "marie")
    assert export_catalogue(catalogue, "joconde", tmp_path / "j.csv") == 2
    text = (tmp_path / "j.csv").read_text(encoding="utf-8")
    assert "publiée" in text and "manquante" in text
    assert "radiée" not in text and "brouillon" not in text
    assert export_catalogue(catalogue, "lido", tmp_path / "l.xml") == 1
    assert export_catalogue(catalogue, "csv", tmp_path / "all.csv") == 4  # the museum's copy


def test_rectify_from_the_command_line(tmp_path):
    folder = str(tmp_path / "cat")
    path = write_rows(tmp_path / "i.csv", ["inventory_number", "register_date"],
                      [["1990.1.1", "1990-01-02"]])
    assert run_cli("--catalogue", folder, "import-csv", str(path)).returncode == 0
    refused = run_cli("--catalogue", folder, "rectify", "1990.1.1", "register_date",
                      "1990-01-03", "--reason", " ", env={"CATALOGUE_APP_LANG": "fr"})
    assert refused.returncode == 1
    assert "demande un motif" in refused.stderr
    unknown = run_cli("--catalogue", folder, "rectify", "1990.1.1", "designation", "x",
                      "--reason", "r")
    assert unknown.returncode == 2  # not a column that is rectified: a usage error
    done = run_cli("--catalogue", folder, "rectify", "1990.1.1", "register_date",
                   "1990-01-03", "--reason", "Date mal reportée")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.csv"
    run_cli("--catalogue", folder, "export", "csv", str(out))
    (row,) = csv.DictReader(out.open(encoding="utf-8", newline=""))
    assert row["register_date"] == "1990-01-03"
    assert [(r["old"], r["reason"]) for r in json.loads(row["rectifications"])] == \
        [("1990-01-02", "Date mal reportée")]


def test_the_space_before_a_semicolon_is_typography_not_part_of_the_value():
    assert split_values("dentelle ; lin\u00a0; soie\u202f;bois") == \
        ["dentelle", "lin", "soie", "bois"]
    assert split_values("a\\ ; b") == ["a ", "b"]  # an escaped space stays
    for values in (["dentelle ", "lin"], ["a;b ", " c"], ["x\\y\u00a0", "z"]):
        assert split_values(join_values(values)) == values


def test_the_next_free_number_of_a_short_lot_skips_the_taken_ones(catalogue):
    with catalogue.writing() as session:
        insert_records(session, [{"inventory_number": n} for n in ("47.1.1", "47.1.2")],
                       "marie")
    with catalogue.reading() as session:
        assert next_number_in_lot(session, "47.1") == "47.1.3"
        assert next_number_in_lot(session, "47.2") == "47.2.1"
