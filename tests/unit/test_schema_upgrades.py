"""A catalogue written by any earlier schema opens in this version with its data intact; one
written by a newer version is refused with an explanation and left exactly as it was.

tests/data/catalogues/<REV>/ holds a catalogue of each shipped revision and what it held, as
that version exported it (scripts/schema_fixture.py makes the one for a new revision)."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.images.store import ImageStore
from catalogue_app.search.service import search
from catalogue_app.storage.integrity import check_catalogue
from db.local import schema
from tests.support import REPO, run_cli

FIXTURES = REPO / "tests" / "data" / "catalogues"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _revision(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_every_shipped_revision_has_a_fixture_catalogue():
    kept = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
    assert kept == list(schema.KNOWN_REVISIONS), (
        "run `.venv/bin/python scripts/schema_fixture.py` after adding a migration")


@pytest.mark.parametrize("revision", schema.KNOWN_REVISIONS)
def test_a_catalogue_of_each_revision_upgrades_with_its_data_intact(revision: str,
                                                                    tmp_path: Path):
    fixture = FIXTURES / revision
    directory = tmp_path / "catalogue"
    shutil.copytree(fixture, directory)
    assert _revision(directory / DB_FILE_NAME) == revision
    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))

    catalogue = Catalogue.open(directory)
    try:
        out = tmp_path / "now.csv"
        export_catalogue(catalogue, "csv", out)
        with catalogue.reading() as session:
            hits = {word: search(session, word).total for word in expected["searches"]}
        records = catalogue.record_count()
    finally:
        catalogue.close()

    assert _revision(directory / DB_FILE_NAME) == schema.HEAD_REVISION
    assert records == expected["records"]
    then, now = _rows(fixture / "expected.csv"), _rows(out)
    # Every column that version exported still reads the same; later versions may add some.
    assert [{column: row[column] for column in then[0]} for row in now] == then
    assert hits == expected["searches"]
    store = ImageStore(directory / "images")
    assert [path.name for path in store.originals()] == expected["images"]
    assert check_catalogue(directory, fixity=True) == []
    copies = list(directory.glob(f"{DB_FILE_NAME}.schema-{revision}.*.bak"))
    assert len(copies) == (0 if revision == schema.HEAD_REVISION else 1)


def test_a_catalogue_from_a_newer_version_is_refused_untouched_with_an_explanation(
        tmp_path: Path):
    directory = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / schema.HEAD_REVISION, directory)
    db_path = directory / DB_FILE_NAME
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001'")
        conn.execute("CREATE TABLE from_the_future (x)")
    conn.close()
    before = {path: path.read_bytes() for path in directory.rglob("*") if path.is_file()}

    result = run_cli("--catalogue", str(directory), "export", "csv", str(tmp_path / "out.csv"),
                     env={"CATALOGUE_APP_LANG": "fr"})

    assert result.returncode == 2
    assert (f"{db_path} a été écrit par une version plus récente de l'application "
            "(schéma 9001)") in result.stderr
    assert "le fichier n'a pas été modifié" in result.stderr
    after = {path: path.read_bytes() for path in directory.rglob("*") if path.is_file()}
    assert after == before  # not a byte changed, no journal or copy left beside it
    assert not (tmp_path / "out.csv").exists()
