"""Automatic backups into the folder chosen for the catalogue, and a restore that refuses to
replace a catalogue a window has open (its lock file), but not one left by a crashed window."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from catalogue_app.errors import CatalogueError
from catalogue_app.settings import BACKUP_FOLDER, LAST_BACKUP_AT
from catalogue_app.storage.automatic_backup import back_up_to_chosen_folder, backup_state
from catalogue_app.storage.backup_folder import BackupFolder
from catalogue_app.storage.window_lock import windows_open_on
from tests.support import REPO, run_cli

HOLD_A_WINDOW_LOCK = """
import sys
from catalogue_app.storage.window_lock import WindowLock
with WindowLock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_backup_goes_to_the_chosen_folder_and_is_remembered(catalogue, tmp_path: Path):
    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    with pytest.raises(CatalogueError, match="No backup folder"):
        back_up_to_chosen_folder(catalogue)
    assert not backup_state(catalogue).is_due(datetime.now())  # nowhere to back up to
    assert backup_state(catalogue).is_overdue(datetime.now())

    usb_key = tmp_path / "usb-key"
    catalogue.change_setting(BACKUP_FOLDER, str(usb_key))
    with pytest.raises(CatalogueError, match="cannot be reached"):  # the key is unplugged
        back_up_to_chosen_folder(catalogue)
    assert not usb_key.exists()  # not recreated on the system disk

    usb_key.mkdir()
    made = back_up_to_chosen_folder(catalogue, datetime(2026, 3, 14, 18, 5, 9))
    assert made.records == 1
    state = backup_state(catalogue)
    assert state.last_good == datetime(2026, 3, 14, 18, 5, 9)
    assert [folder for _, folder in BackupFolder(usb_key).backups()] == [made.folder]
    assert not state.is_due(datetime(2026, 3, 15, 18, 5, 8))
    assert state.is_due(datetime(2026, 3, 15, 18, 5, 9))  # a day later
    assert not state.is_overdue(datetime(2026, 3, 21, 18, 5, 8))
    assert state.is_overdue(datetime(2026, 3, 21, 18, 5, 9))  # 7 days later
    assert catalogue.setting(LAST_BACKUP_AT) == "2026-03-14T18:05:09"


def test_restore_refuses_a_catalogue_open_in_a_window_then_restores_once_it_closed(
        catalogue, catalogue_dir: Path, tmp_path: Path):
    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    backup = tmp_path / "copy"
    assert run_cli("--catalogue", str(catalogue_dir), "backup", str(backup)).returncode == 0
    catalogue.save({"inventory_number": "2024.1.2", "designation": "Bonnet"})
    database = (catalogue_dir / "catalogue.sqlite").read_bytes()

    window = subprocess.Popen([sys.executable, "-c", HOLD_A_WINDOW_LOCK, str(catalogue_dir)],
                              cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert window.stdout.readline().strip() == "held"
        assert windows_open_on(catalogue_dir) == [window.pid]
        refused = run_cli("--catalogue", str(catalogue_dir), "restore", str(backup))
        assert refused.returncode == 2
        assert "is open in a window" in refused.stderr and str(window.pid) in refused.stderr
        assert (catalogue_dir / "catalogue.sqlite").read_bytes() == database
        assert not list(catalogue_dir.glob("*.before-restore.*"))
    finally:
        window.stdin.close()
        window.wait(30)
    assert windows_open_on(catalogue_dir) == []  # its lock went with it

    catalogue.close()
    restored = run_cli("--catalogue", str(catalogue_dir), "restore", str(backup))
    assert restored.returncode == 0, restored.stderr


def test_a_lock_left_by_a_crashed_window_does_not_block_a_restore(catalogue_dir: Path,
                                                                  tmp_path: Path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    pid = int(ended.stdout)
    catalogue_dir.mkdir(parents=True)
    stale = catalogue_dir / f".window-{pid}.lock"
    stale.write_text(json.dumps({"pid": pid, "started": 1.0}), encoding="utf-8")
    # A lock naming a running process (init) that started at another time: its id was reused.
    reused = catalogue_dir / ".window-1.lock"
    reused.write_text(json.dumps({"pid": 1, "started": 1.0}), encoding="utf-8")

    assert windows_open_on(catalogue_dir) == []
    assert not stale.exists() and not reused.exists()


def test_the_last_good_backup_survives_the_disk_being_unplugged(catalogue, tmp_path: Path):
    usb_key = tmp_path / "usb-key"
    usb_key.mkdir()
    catalogue.change_setting(BACKUP_FOLDER, str(usb_key))
    back_up_to_chosen_folder(catalogue)
    usb_key.rename(tmp_path / "unplugged")
    assert backup_state(catalogue).last_good is not None
    assert not backup_state(catalogue).is_due(datetime.now() + timedelta(hours=23))


def test_two_backups_in_the_same_second_are_both_kept(catalogue, tmp_path: Path):
    usb_key = tmp_path / "usb-key"
    usb_key.mkdir()
    catalogue.change_setting(BACKUP_FOLDER, str(usb_key))
    moment = datetime(2026, 3, 14, 18, 5, 9)
    first = back_up_to_chosen_folder(catalogue, moment)
    second = back_up_to_chosen_folder(catalogue, moment)
    assert first.folder != second.folder
    assert backup_state(catalogue).last_good == moment + timedelta(seconds=1)
