"""Opening, creating and upgrading a catalogue never damages what is there."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.errors import CatalogueLocationError
from catalogue_app.records import store as records
from catalogue_app.storage.filesystems import is_network_filesystem
from db.local import schema
from db.local.models import Theme
from tests.support import run_cli


def test_new_catalogue_has_current_schema_folders_and_shared_themes(catalogue_dir: Path):
    catalogue = Catalogue.open(catalogue_dir)
    with catalogue.reading() as session:
        themes = session.scalars(select(Theme)).all()
    catalogue.close()
    assert (catalogue_dir / "images").is_dir() and (catalogue_dir / "cache").is_dir()
    conn = sqlite3.connect(catalogue_dir / DB_FILE_NAME)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
        schema.HEAD_REVISION,)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    labels = {t.label_fr for t in themes if t.parent_id is None}
    assert {"Textile", "Céramique", "Ivoire"} <= labels


def test_connections_are_crash_safe(catalogue):
    with catalogue.reading() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() in (1, 2)  # NORMAL or FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_closing_leaves_planner_statistics_refreshed_as_the_catalogue_grows(
        catalogue_dir: Path):
    def analysed_rows() -> int:
        with sqlite3.connect(catalogue_dir / DB_FILE_NAME) as conn:
            stat = conn.execute("SELECT stat FROM sqlite_stat1 "
                                "WHERE idx = 'ix_records_inventory_sort'").fetchone()
        return int(stat[0].split()[0])

    def add_records(count: int, start: int) -> None:
        catalogue = Catalogue.open(catalogue_dir)
        with catalogue.writing() as session:
            records.insert_records(session, ({"inventory_number": f"2001.1.{n}",
                                              "designation": "Assiette"}
                                             for n in range(start, start + count)), "test")
        catalogue.close()

    add_records(10, 0)
    assert analysed_rows() == 10
    add_records(5, 10)  # grown by half: the statistics still describe it well enough
    assert analysed_rows() == 10
    add_records(10, 15)  # more than doubled since they were taken
    assert analysed_rows() == 25


def _prepare_file(catalogue_dir: Path, content: bytes) -> Path:
    catalogue_dir.mkdir(parents=True)
    path = catalogue_dir / DB_FILE_NAME
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("content", [b"", b"This is a shopping list, not a database.\n" * 200,
                                     os.urandom(8192)], ids=["empty-bytes", "text", "random"])
def test_corrupt_file_is_refused_and_left_untouched(catalogue_dir: Path, content: bytes):
    path = _prepare_file(catalogue_dir, content)
    if not content:  # a zero-byte file is a valid empty SQLite database: it becomes a catalogue
        Catalogue.open(catalogue_dir).close()
        return
    result = run_cli("--catalogue", str(catalogue_dir), "backup", str(catalogue_dir / "out"))
    assert result.returncode == 2
    assert "cannot be read as a catalogue" in result.stderr
    assert path.read_bytes() == content
    assert not (catalogue_dir / "out").exists()


def test_foreign_sqlite_database_is_refused_and_left_untouched(catalogue_dir: Path):
    catalogue_dir.mkdir()
    path = catalogue_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CatalogueLocationError, match="not a catalogue"):
        Catalogue.open(catalogue_dir)
    assert path.read_bytes() == before


def test_catalogue_from_a_newer_version_is_refused(catalogue_dir: Path):
    Catalogue.open(catalogue_dir).close()
    path = catalogue_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = run_cli("--catalogue", str(catalogue_dir), "backup", str(catalogue_dir / "out"))
    assert result.returncode == 2
    assert "newer version" in result.stderr


def test_unwritable_folder_gives_a_clear_message(tmp_path: Path):
    if os.geteuid() == 0:
        # root writes anywhere a curator could not; /proc refuses even root
        target = Path("/proc/catalogue")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        target = locked / "catalogue"
    result = run_cli("--catalogue", str(target), "check")
    assert result.returncode == 2
    assert f"Cannot create the catalogue folder {target}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_network_filesystems_are_recognised():
    assert is_network_filesystem("cifs") and is_network_filesystem("NFS4")
    assert not is_network_filesystem("ext4") and not is_network_filesystem("apfs")


def test_upgrade_from_first_revision_keeps_data_and_writes_a_backup(catalogue_dir: Path):
    from alembic import command
    from alembic.config import Config

    from db.local.engine import make_engine

    catalogue_dir.mkdir()
    db_path = catalogue_dir / DB_FILE_NAME
    engine = make_engine(db_path)
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, schema.KNOWN_REVISIONS[0])
        conn.exec_driver_sql(
            "INSERT INTO records (id, inventory_number, inventory_key, inventory_sort, "
            "acquisition_mode, acquisition_source, acquisition_date, committee_opinion, "
            "acquisition_price, register_date, designation, inscriptions, measurements, "
            "condition_at_acquisition, dating, function, origin_place, observations, title, "
            "description, number_of_parts, current_location, credit_line, public, status, "
            "deaccession_date, deaccession_reason, created_at, created_by, modified_at, "
            "modified_by, extra_json) VALUES ('11111111-1111-1111-1111-111111111111', "
            "'1990.1.1', '1990.1.1', '000000001990.000000000001.000000000001', '', '', '', "
            "'', '', '', 'Coiffe', '', '', '', '', '', '', '', '', '', '', '', '', 0, "
            "'active', '', '', '2020', 'x', '2020', 'x', '{}')")
    engine.dispose()

    catalogue = Catalogue.open(catalogue_dir)
    assert catalogue.record_count() == 1
    catalogue.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
        schema.HEAD_REVISION,)
    backups = list(catalogue_dir.glob(f"{DB_FILE_NAME}.schema-*.bak"))
    assert len(backups) == (1 if len(schema.KNOWN_REVISIONS) > 1 else 0)


def test_failed_upgrade_leaves_the_catalogue_as_it_was(catalogue_dir: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    """A migration that fails half-way rolls back whole; the file and its data are intact."""
    import shutil

    Catalogue.open(catalogue_dir).close()
    db_path = catalogue_dir / DB_FILE_NAME
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO users (name, created_at) VALUES ('marie', '2020')")
    conn.commit()
    conn.close()

    broken = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, broken)
    (broken / "versions" / "9000_broken.py").write_text(
        "from alembic import op\n"
        f"revision = '9000'\ndown_revision = {schema.HEAD_REVISION!r}\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    op.execute('DELETE FROM users')\n"
        "    op.execute('CREATE TABLE half_done (x INTEGER)')\n"
        "    raise RuntimeError('disk full')\n")
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", broken)
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", (*schema.KNOWN_REVISIONS, "9000"))
    monkeypatch.setattr(schema, "HEAD_REVISION", "9000")

    with pytest.raises(CatalogueLocationError) as error:
        Catalogue.open(catalogue_dir)
    assert "left as it was" in str(error.value) and ".bak" in str(error.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM users").fetchall() == [("marie",)]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables


def test_known_revisions_match_the_shipped_migrations():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == schema.KNOWN_REVISIONS
    assert script.get_heads() == [schema.HEAD_REVISION]
