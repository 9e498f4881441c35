"""The command line contracts of design.md §11: fields, check, backup, exit statuses."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.records.fields import ENTRY_TYPES, FIELDS
from tests.support import REPO, run_cli


def test_fields_json_lists_every_canonical_field_with_the_contract_keys():
    result = run_cli("fields", "--json")
    assert result.returncode == 0
    fields = json.loads(result.stdout)
    assert [f["name"] for f in fields] == [f.name for f in FIELDS]
    assert all(set(f) - {"values"} == {"name", "label_fr", "label_en", "type",
                                       "regulatory_column"} for f in fields)
    # An enumeration lists its values: codes as CSV and the API write them, with labels.
    choices = {f["name"]: [v["code"] for v in f["values"]] for f in fields if "values" in f}
    assert choices["legal_status"] == ["inventory", "deposit", "outside"]
    assert choices["status"] == ["active", "missing", "deaccessioned"]
    assert "transferred_public_person" in choices["deaccession_case"]
    # Dated entries list the codes of their entries' enumeration (issue 18): a movement's
    # reason, a loan's direction, a condition report's state (the récolement's states).
    assert choices["movements"] == ["other", "recolement", "exhibition", "loan",
                                    "restoration", "storage"]
    assert choices["loans"] == ["out", "in"]
    assert choices["condition_reports"] == ["", "good", "fair", "poor", "to_restore"]
    assert choices["recolement_checks"] == choices["condition_reports"]
    assert all(f["type"] == "choice" or f["type"] in ENTRY_TYPES for f in fields if "values" in f)
    assert {v["label_fr"] for f in fields for v in f.get("values", ())} >= {"Dépôt", "Radié"}
    regulatory = {f["regulatory_column"]: f["name"] for f in fields if f["regulatory_column"]}
    assert sorted(regulatory) == list(range(1, 19))
    assert regulatory[1] == "inventory_number" and regulatory[18] == "observations"


def test_catalogue_option_is_accepted_before_and_after_the_command(tmp_path: Path):
    for args in (["--catalogue", str(tmp_path / "a"), "check"],
                 ["check", "--catalogue", str(tmp_path / "b")]):
        assert run_cli(*args).returncode == 0
    assert (tmp_path / "a" / DB_FILE_NAME).exists() and (tmp_path / "b" / DB_FILE_NAME).exists()


def test_environment_variable_names_the_catalogue(tmp_path: Path):
    assert run_cli("check", env={"CATALOGUE_APP_DIR": str(tmp_path / "env")}).returncode == 0
    assert (tmp_path / "env" / DB_FILE_NAME).exists()


def test_usage_error_exits_2():
    assert run_cli("no-such-command").returncode == 2


def test_check_passes_on_a_sound_catalogue(catalogue):
    result = run_cli("--catalogue", str(catalogue.directory), "check")
    assert result.returncode == 0, result.stderr


def test_check_reports_broken_invariants(catalogue):
    from catalogue_app.records import store as records

    with catalogue.writing() as session:
        records.create_record(session, {"inventory_number": "1.1",
                                        "register_date": "2001"}, "m")
    conn = sqlite3.connect(catalogue.directory / DB_FILE_NAME)
    conn.execute("UPDATE records SET trashed_at = '2024', inventory_key = 'other'")
    conn.commit()
    conn.close()
    result = run_cli("--catalogue", str(catalogue.directory), "check")
    assert result.returncode == 1
    assert "in the trash although it is in the register" in result.stderr
    assert "uniqueness key is out of step" in result.stderr


def test_check_finds_a_physically_damaged_database(catalogue):
    from catalogue_app.demo.builder import create_demo_catalogue  # a catalogue with many pages

    create_demo_catalogue(catalogue, count=300)
    catalogue.close()
    path = catalogue.directory / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                        "'ix_records_inventory_sort'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:  # a bad sector: the index's root page turns to garbage
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)
    result = run_cli("--catalogue", str(catalogue.directory), "check")
    assert result.returncode == 1
    assert "database:" in result.stderr


WRITER = """
import sys, time
from catalogue_app.catalogue import Catalogue
from catalogue_app.records import store as records
catalogue = Catalogue.open(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    with catalogue.writing() as session:
        records.insert_records(session, [{"inventory_number": f"W.{n}.{i}",
                                          "designation": "objet " * 20} for i in range(50)],
                               "writer")
    n += 1
    print(n, flush=True)  # batches written so far
"""


def test_backup_while_another_process_writes_restores_a_consistent_catalogue(catalogue,
                                                                              tmp_path: Path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(catalogue.directory)],
                              cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        while int(writer.stdout.readline()) < 20:  # the catalogue is being written to
            pass
        result = run_cli("--catalogue", str(catalogue.directory), "backup",
                         str(tmp_path / "copy"))
        assert writer.stdout.readline().strip().isdigit()  # still writing after the backup
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 0, result.stderr
    check = run_cli("--catalogue", str(tmp_path / "copy"), "check")
    assert check.returncode == 0, check.stderr
    copy = Catalogue.open(tmp_path / "copy")
    count = copy.record_count()
    copy.close()
    # Whole batches only: the snapshot never holds half a transaction.
    assert count > 0 and count % 50 == 0
    assert copy.museum().code == "M0001"


def test_backup_refuses_a_folder_that_is_not_empty(catalogue, tmp_path: Path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("keep me")
    result = run_cli("--catalogue", str(catalogue.directory), "backup", str(tmp_path / "busy"))
    assert result.returncode == 2 and "not empty" in result.stderr
    assert (tmp_path / "busy" / "notes.txt").read_text() == "keep me"


def test_version_names_the_release_and_the_catalogue_schema_it_writes():
    from catalogue_app import __version__
    from db.local.schema import HEAD_REVISION

    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout == f"catalogue-app {__version__} (catalogue schema {HEAD_REVISION})\n"
