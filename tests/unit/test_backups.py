"""Backups a museum can count on: verified, incremental, rotated; and a restore that brings
every record and image back, keeps what it replaces, and refuses a damaged backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.demo.builder import create_demo_catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.images.store import ImageStore
from catalogue_app.storage.backup_folder import BackupFolder
from catalogue_app.storage.backup_rotation import backups_to_keep
from tests.support import run_cli


def _picture(path: Path, shade: int) -> str:
    Image.new("RGB", (40, 30), (shade, 90, 200)).save(path)
    return str(path)


def _state(directory: Path) -> tuple[str, list[str]]:
    """What a curator would miss: every record as exported, and the originals."""
    out = directory.parent / f"{directory.name}-export.csv"
    result = run_cli("--catalogue", str(directory), "export", "csv", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    out.unlink()
    return text, [p.name for p in ImageStore(directory / "images").originals()]


def _damage_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records'").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as f:  # a bad sector in the records table
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)


@pytest.fixture
def filled(catalogue_dir: Path) -> Path:
    catalogue = Catalogue.open(catalogue_dir)
    create_demo_catalogue(catalogue, count=40)
    catalogue.close()
    return catalogue_dir


def test_backup_then_damage_then_restore_brings_every_record_and_image_back(
        filled: Path, tmp_path: Path):
    before = _state(filled)
    backups = tmp_path / "usb-key"
    made = run_cli("--catalogue", str(filled), "backup", "--rotate", str(backups))
    assert made.returncode == 0, made.stderr
    (backup,) = [path for path in backups.iterdir() if path.name != "images"
                 and not path.name.startswith("images")]

    _damage_database(filled / DB_FILE_NAME)
    lost = ImageStore(filled / "images").originals()[0]
    lost.unlink()
    damaged = (filled / DB_FILE_NAME).read_bytes()
    assert run_cli("--catalogue", str(filled), "check").returncode == 1

    restored = run_cli("--catalogue", str(filled), "restore", str(backup))

    assert restored.returncode == 0, restored.stderr
    assert run_cli("--catalogue", str(filled), "check", "--fixity").returncode == 0
    assert _state(filled) == before
    (safety,) = filled.glob(f"{DB_FILE_NAME}.before-restore.*.bak")
    assert safety.read_bytes() == damaged  # what it replaced is kept, as it was
    assert str(safety) in restored.stderr


def test_restore_to_another_folder_makes_a_working_catalogue(filled: Path, tmp_path: Path):
    copy = tmp_path / "copy"
    assert run_cli("--catalogue", str(filled), "backup", str(copy)).returncode == 0
    elsewhere = tmp_path / "new-desk"
    restored = run_cli("restore", str(copy), "--to", str(elsewhere))
    assert restored.returncode == 0, restored.stderr
    assert _state(elsewhere) == _state(filled)
    assert not list(elsewhere.glob("*.bak"))  # nothing was there to keep


def test_a_damaged_backup_is_refused_in_french_and_the_catalogue_left_as_it_was(
        filled: Path, tmp_path: Path):
    backups = tmp_path / "backups"
    assert run_cli("--catalogue", str(filled), "backup", "--rotate",
                   str(backups)).returncode == 0
    (backup,) = BackupFolder(backups).backups()
    altered = ImageStore(backups / "images").originals()[0]
    altered.write_bytes(altered.read_bytes()[:-10] + b"0123456789")
    before = {p: p.read_bytes() for p in filled.rglob("*") if p.is_file()}

    refused = run_cli("--catalogue", str(filled), "restore", str(backup[1]),
                      env={"CATALOGUE_APP_LANG": "fr"})

    assert refused.returncode == 2
    assert f"La sauvegarde {backup[1]} est endommagée" in refused.stderr
    assert f"l'original {altered.name} est altéré" in refused.stderr
    assert {p: p.read_bytes() for p in filled.rglob("*") if p.is_file()} == before


def test_a_backup_whose_database_changed_since_it_was_written_is_refused(filled: Path,
                                                                         tmp_path: Path):
    copy = tmp_path / "copy"
    assert run_cli("--catalogue", str(filled), "backup", str(copy)).returncode == 0
    with sqlite3.connect(copy / DB_FILE_NAME) as conn:
        conn.execute("UPDATE records SET designation = 'Faux'")
    conn.close()
    refused = run_cli("--catalogue", str(filled), "restore", str(copy))
    assert refused.returncode == 2
    assert "its database is not the one written at backup time" in refused.stderr


def test_originals_are_copied_once_whatever_the_number_of_backups(catalogue, tmp_path: Path):
    from catalogue_app.records.store import create_record

    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2024.1.1"}, "tester")
    files = [_picture(tmp_path / f"{n}.png", n * 40) for n in range(3)]
    attach_files(catalogue, requests_for_record(catalogue, files, "2024.1.1"))
    folder = BackupFolder(tmp_path / "backups")
    day = datetime(2025, 3, 1, 18, 0)

    first = folder.back_up(catalogue, day)
    second = folder.back_up(catalogue, day + timedelta(days=1))
    attach_files(catalogue, requests_for_record(
        catalogue, [_picture(tmp_path / "new.png", 250)], "2024.1.1"))
    third = folder.back_up(catalogue, day + timedelta(days=2))

    assert [(s.images, s.copied) for s in (first, second, third)] == [(3, 3), (3, 0), (4, 1)]
    assert len(ImageStore(folder.root / "images").originals()) == 4
    assert folder.last_good() == day + timedelta(days=2)


def test_rotation_keeps_7_daily_4_weekly_and_12_monthly_backups_over_a_year():
    start = datetime(2025, 1, 1, 17, 30)
    year = [start + timedelta(days=n) for n in range(365)]
    kept = backups_to_keep(year)
    last = year[-1]
    daily = {last - timedelta(days=n) for n in range(7)}
    # The newest backup of each of the last 4 ISO weeks and 12 months.
    weekly = {max(t for t in year if t.isocalendar()[:2] == week)
              for week in sorted({t.isocalendar()[:2] for t in year})[-4:]}
    monthly = {max(t for t in year if (t.year, t.month) == month)
               for month in sorted({(t.year, t.month) for t in year})[-12:]}
    assert kept == daily | weekly | monthly
    assert len(kept) <= 7 + 4 + 12


def test_a_year_of_daily_backups_leaves_the_rotation_and_only_the_originals_it_uses(
        catalogue, tmp_path: Path):
    from catalogue_app.images import gallery
    from catalogue_app.records.store import create_record

    with catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "2024.1.1"}, "tester")
    folder = BackupFolder(tmp_path / "backups")
    start = datetime(2025, 1, 1, 17, 30)
    for n in range(365):
        if n % 30 == 0:  # now and then the photograph is replaced by a new one
            with catalogue.writing() as session:
                for image in gallery.record_images(session, record_id):
                    gallery.detach_image(session, image.id)
            attach_files(catalogue, requests_for_record(
                catalogue, [_picture(tmp_path / f"{n}.png", n % 256)], "2024.1.1"))
        folder.back_up(catalogue, start + timedelta(days=n))

    made_at = [when for when, _ in folder.backups()]
    assert set(made_at) == backups_to_keep(start + timedelta(days=n) for n in range(365))
    used = {sha for _, path in folder.backups() for sha in _manifest_images(path)}
    assert {p.name for p in ImageStore(folder.root / "images").originals()} == used
    assert not folder.is_overdue(made_at[-1] + timedelta(days=6))
    assert folder.is_overdue(made_at[-1] + timedelta(days=7))


def _manifest_images(path: Path) -> list[str]:
    from catalogue_app.storage.backup import read_manifest

    return read_manifest(path)["images"]


def test_a_backup_that_cannot_be_read_back_is_not_left_behind(catalogue, tmp_path: Path):
    from catalogue_app.records.store import create_record

    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2024.1.1"}, "tester")
    attach_files(catalogue, requests_for_record(
        catalogue, [_picture(tmp_path / "a.png", 10)], "2024.1.1"))
    original = ImageStore(catalogue.images_dir).originals()[0]
    original.write_bytes(b"bit rot")
    folder = BackupFolder(tmp_path / "backups")
    with pytest.raises(CatalogueError, match="could not be backed up"):
        folder.back_up(catalogue)
    assert folder.backups() == [] and ImageStore(folder.root / "images").originals() == []
