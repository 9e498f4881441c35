"""Joconde/POP export: the CSV delivery POP imports, values as entered, private fields at home;
and the import mapping for the real Joconde open-data file."""

from __future__ import annotations

import csv
import io

from catalogue_app.exchange.export import export_joconde
from catalogue_app.exchange.joconde import COLUMNS, PRIVATE_COLUMNS, write_joconde
from catalogue_app.exchange.mapping import shipped_mappings
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.lifecycle import radiate_record
from catalogue_app.records.store import insert_records
from tests.support import JOCONDE_SAMPLE, require, run_cli
from tests.unit.exchange_records import MUSEUM, PRIVATE_VALUES, full_record

REAL_JOCONDE_CSV = JOCONDE_SAMPLE


# POP's Joconde data model (github.com/betagouv/pop, doc/joconde.md): the fields a museum may
# deliver (generated ones left out), with True for the Array fields POP splits on ";".
POP_FIELDS = {
    "REF": False, "REFMIS": False, "ADPT": True, "APPL": False, "APTN": False, "ATTR": False,
    "AUTR": False, "BIBL": False, "COMM": False, "COOR": False, "COPY": False, "DACQ": False,
    "DDPT": False, "DECV": False, "DENO": True, "DEPO": False, "DESC": False, "DIMS": False,
    "DOMN": True, "DREP": False, "ECOL": True, "EPOQ": True, "ETAT": True, "EXPO": False,
    "GENE": True, "GEOHI": True, "HIST": False, "INSC": True, "INV": False, "LIEUX": False,
    "LOCA": False, "MILL": True, "MILU": False, "MSGCOM": False, "MUSEO": False, "NSDA": False,
    "ONOM": True, "PAUT": False, "PDEC": False, "PEOC": True, "PERI": True, "PERU": True,
    "PHOT": False, "PINS": False, "PLIEUX": False, "PREP": True, "PUTI": False, "REDA": True,
    "REFIM": False, "REPR": False, "SREP": True, "STAT": True, "TECH": True, "TITR": False,
    "UTIL": True, "WWW": False,
}
POP_REQUIRED = {"REF", "INV", "DOMN", "STAT", "MUSEO"}
REF = "M0694000123"


def joconde_record(**changes) -> dict:
    """A full record as POP knows it: a reference, a domain, published."""
    return {**full_record(), "joconde_ref": REF, "domains": ["costume - accessoires du costume",
                                                            "dentellerie"],
            "former_numbers": ["2625 (MD)"], "legal_status": "inventory", "status": "active",
            "ownership_history": "Collection Jacoby ; vente Drouot 1955",
            "bibliography": "Revue des musées de France, 2016, p. 105",
            "exhibitions": "Alençon, 1994", **changes}


def export(records, new_notices=None, **options):
    out = io.StringIO(newline="")
    report = write_joconde(records, out, museum=MUSEUM, new_notices=new_notices, **options)
    return out.getvalue(), report


def read_back(text: str) -> list[dict[str, str]]:
    """Read the delivery as POP does: ";" delimiter, '"' quote, first row of field codes."""
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";", quotechar='"'))


def test_the_delivery_is_a_semicolon_csv_headed_by_pop_field_codes():
    text, _ = export([joconde_record()])
    assert text.splitlines()[0] == ";".join(COLUMNS)
    assert set(COLUMNS) <= set(POP_FIELDS) and set(COLUMNS) >= POP_REQUIRED
    assert set(PRIVATE_COLUMNS) <= set(POP_FIELDS)


def test_every_field_reaches_its_joconde_field_exactly_as_entered():
    record = joconde_record()
    [row] = read_back(export([record])[0])
    assert row["REF"] == REF
    assert row["INV"] == f"{record['inventory_number']} ; 2625 (MD)"  # former numbers follow
    assert row["MUSEO"] == "M0694"
    assert row["DOMN"] == "costume - accessoires du costume ; dentellerie"
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
    assert row["STAT"] == "propriété de la commune ; don"  # the owner, then how it came
    assert row["DACQ"] == record["acquisition_date"]
    assert row["APTN"] == record["ownership_history"]  # the provenance, never the donor
    assert row["BIBL"] == record["bibliography"]
    assert row["EXPO"] == record["exhibitions"]
    assert row["LOCA"] == f"Alençon ; {MUSEUM['name']}"
    # Array fields read back value by value as POP splits them.
    for code in ("DOMN", "STAT", "TECH", "MILL"):
        assert POP_FIELDS[code] and all(v.strip() for v in row[code].split(";"))


def test_a_deposit_says_whose_it_is_and_that_it_is_a_deposit():
    record = joconde_record(legal_status="deposit", depositor="propriété de l'État, Cnap")
    [row] = read_back(export([record])[0])
    assert row["STAT"] == "propriété de l'État, Cnap ; dépôt"


def test_a_missing_object_is_flagged_manquant():
    [row] = read_back(export([joconde_record(status="missing")])[0])
    assert row["LOCA"] == f"Alençon ; {MUSEUM['name']} ; manquant"  # POP's MANQUANT flag


def test_only_what_the_joconde_channel_publishes_leaves_the_desk(catalogue, tmp_path):
    catalogue.set_museum("M0694", "musée", owner="propriété de la commune")
    notice = {"public": True, "joconde_ref": "M0694000123", "domains": ["dentellerie"],
              "register_date": "2004-05-01"}
    with catalogue.writing() as session:
        ids = insert_records(session, [
            {**notice, "inventory_number": "2004.1.1"},
            {**notice, "inventory_number": "2004.1.2", "status": "missing"},
            {**notice, "inventory_number": "2004.1.3"},  # radiated below
            {**notice, "inventory_number": "2004.1.4", "public": False},  # not "Diffusable"
        ], "test")
        radiate_record(session, ids[2], "destroyed", "2020-03-01", "Arrêté du 2 mars", "t")
    report = export_joconde(catalogue, tmp_path / "j.csv")
    rows = read_back((tmp_path / "j.csv").read_text("utf-8"))
    assert [(r["INV"], r["LOCA"]) for r in rows] == [("2004.1.1", "musée"),
                                                    ("2004.1.2", "musée ; manquant")]
    assert (report.written, report.withheld) == (2, 2)


def test_no_joconde_reference_is_invented_new_notices_are_listed_apart():
    new = io.StringIO(newline="")
    text, report = export([joconde_record(), joconde_record(id="n", joconde_ref="",
                                                            inventory_number="2020.1.1",
                                                            former_numbers=[])],
                          new_notices=new)
    assert [r["INV"] for r in read_back(text)] == ["1968.3.244.1 ; 1968.3.244.2 ; 2625 (MD)"]
    [apart] = read_back(new.getvalue())
    assert apart["REF"] == "" and apart["INV"] == "2020.1.1"
    assert (report.written, report.new) == (1, ["2020.1.1"])


def test_a_notice_pop_would_refuse_is_left_out_and_said():
    text, report = export([joconde_record(domains=[])])
    assert read_back(text) == [] and report.incomplete == [
        ("1968.3.244.1 ; 1968.3.244.2 ; 2625 (MD)", ("DOMN",))]
    _, report = export([joconde_record(acquisition_mode="")])
    assert report.written == 1  # the owner alone says the status
    out = io.StringIO(newline="")
    report = write_joconde([joconde_record(acquisition_mode="")], out,
                           museum={"code": "M0694", "name": "musée"})
    assert report.incomplete == [("1968.3.244.1 ; 1968.3.244.2 ; 2625 (MD)", ("STAT",))]


def test_private_fields_are_left_out_unless_asked_for():
    public_text, _ = export([joconde_record()])
    assert [v for v in PRIVATE_VALUES.values() if v in public_text] == []
    [row] = read_back(export([joconde_record()], include_private=True)[0])
    assert row["COMM"] == PRIVATE_VALUES["observations"]
    assert PRIVATE_VALUES["acquisition_source"] not in row.values()  # the donor stays home


def test_a_sparse_record_leaves_its_other_fields_empty():
    [row] = read_back(export([{"id": "x", "inventory_number": "OA 10426", "public": True,
                               "joconde_ref": "M0694000001", "domains": ["ethnologie"]}])[0])
    assert row["INV"] == "OA 10426"
    assert {code for code, value in row.items() if value} == {
        "REF", "INV", "MUSEO", "DOMN", "STAT", "LOCA"}


def test_many_records_give_one_row_each():
    rows = read_back(export(joconde_record(id=str(n), inventory_number=f"2004.1.{n}")
                            for n in range(50))[0])
    assert [r["INV"] for r in rows] == [f"2004.1.{n} ; 2625 (MD)" for n in range(50)]


def test_the_mapping_for_the_real_joconde_export_names_its_columns_and_our_fields():
    require("joconde-sample")
    mapping = shipped_mappings()["joconde"]
    with REAL_JOCONDE_CSV.open(encoding="utf-8", newline="") as source:
        headers = next(csv.reader(source))
    assert set(mapping.columns) <= set(headers) and mapping.inscribed
    for header, target in mapping.columns.items():
        field = FIELDS_BY_NAME.get(target.field)
        if target.join is not None:  # a further column of a one-value field
            assert field is not None and not field.multi_valued, header
        if target.split != ";":
            assert field is not None and field.multi_valued, header
    assert mapping.columns["Numero_inventaire"].former_numbers
    assert mapping.columns["Domaine"].field == "domains"  # Joconde's domains, not our themes
    assert mapping.columns["Ancienne_appartenance"].field == "ownership_history"
    assert {t.field for t in mapping.columns.values()} >= {
        "dating", "years", "inscriptions", "bibliography", "exhibitions"}


def test_a_record_names_its_own_museum_when_the_export_spans_several():
    record = joconde_record(museum={"code": "M5031", "name": "musée Christian Dior",
                                    "town": "Granville"})
    [row] = read_back(export([record])[0])
    assert (row["MUSEO"], row["LOCA"]) == ("M5031", "Granville ; musée Christian Dior")


def test_the_command_line_writes_the_delivery_and_the_new_notices_apart(catalogue, tmp_path):
    catalogue.set_museum("M0694", "musée des beaux-arts et de la dentelle",
                         owner="propriété de la commune", town="Alençon")
    known = {"inventory_number": "56.8.31", "designation": "col", "public": True,
             "joconde_ref": "M0694000123", "domains": ["dentellerie"], "acquisition_mode": "don"}
    with catalogue.writing() as session:
        insert_records(session, [
            known,
            {**known, "inventory_number": "2018.2.1", "joconde_ref": ""},  # new on POP
            {**known, "inventory_number": "2018.2.2", "joconde_ref": "", "domains": []},
            {**known, "inventory_number": "2018.2.3", "public": False},  # not "Diffusable"
        ], "test")
    catalogue.close()
    out = tmp_path / "joconde.csv"
    result = run_cli("--catalogue", str(catalogue.directory), "export", "joconde", str(out),
                     env={"CATALOGUE_APP_LANG": "en"})
    assert result.returncode == 1, result.stderr  # one notice POP would refuse
    assert [r["INV"] for r in read_back(out.read_text("utf-8"))] == ["56.8.31"]
    new = out.with_name("joconde-nouvelles-notices.csv")
    assert [r["INV"] for r in read_back(new.read_text("utf-8"))] == ["2018.2.1"]
    assert f"1 record(s) have no Joconde reference yet: written apart as new notices to {new}" \
        in result.stderr
    assert "2018.2.2: left out, POP requires 'DOMN'" in result.stderr
    assert "1 record(s) not published on Joconde" in result.stderr
