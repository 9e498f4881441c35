"""Automatic backups from the window (daily, on close, in the background), their status line,
and Restore from the Record menu with its safety copy and its refusal of a damaged backup."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid as shiboken_alive

from catalogue_app.settings import BACKUP_FOLDER, LAST_BACKUP_AT
from catalogue_app.storage.backup_folder import BackupFolder
from tests.gui.conftest import show_active
from tests.gui.form_helpers import on_next_dialog
from ui import messages
from ui.main_window import MainWindow


@pytest.fixture
def usb_key(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-key"
    folder.mkdir()
    return folder


@pytest.fixture
def opened(qtbot, shown_errors):
    """open(catalogue) -> a shown window; each is closed at the end of the test, waiting for
    its backup on close (failures to back up are recorded in shown_errors, not shown), rather
    than by pytest-qt, which would delete it with its backup under way."""
    windows = []

    def open_window(catalogue) -> MainWindow:
        window = MainWindow(catalogue)
        with qtbot.waitSignal(window.firstPainted):
            show_active(qtbot, window)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        if shiboken_alive(window):  # a restore deletes the window it replaces
            window.close()
            qtbot.waitUntil(lambda window=window: not window.isVisible()
                            and window.backup_actions.job is None, timeout=30_000)
            window.deleteLater()


def test_the_status_line_warns_until_backups_are_set_up_and_after_7_days(opened, catalogue):
    window = opened(catalogue)
    status = window.backup_actions.status_label
    assert "Automatic backups are off" in status.text() and status.text().startswith("⚠")
    catalogue.change_setting(BACKUP_FOLDER, "/nonexistent/usb-key")
    nine_days_ago = datetime.now() - timedelta(days=9, minutes=1)
    catalogue.change_setting(LAST_BACKUP_AT, nine_days_ago.isoformat())
    window.backup_actions.update_status()
    assert status.text() == "⚠ No backup for 9 days"
    yesterday = datetime.now() - timedelta(hours=20)
    catalogue.change_setting(LAST_BACKUP_AT, yesterday.isoformat(timespec="seconds"))
    window.backup_actions.update_status()
    assert status.text() == f"Last backup: {yesterday.isoformat(' ', 'minutes')}"


def test_a_due_backup_runs_in_the_background_once_the_window_is_open(qtbot, opened, catalogue,
                                                                      usb_key):
    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    catalogue.change_setting(BACKUP_FOLDER, str(usb_key))
    window = opened(catalogue)
    assert window.backup_actions.job is not None  # under way, the window answering
    assert window.backup_actions.status_label.text() == "Backing up…"
    qtbot.waitUntil(lambda: window.backup_actions.job is None, timeout=30_000)
    assert window.backup_actions.status_label.text().startswith("Last backup: ")
    assert len(BackupFolder(usb_key).backups()) == 1
    window.backup_actions.back_up_if_due()  # done today: not again
    assert window.backup_actions.job is None


def test_closing_the_window_backs_up_first_then_closes(qtbot, opened, catalogue, usb_key):
    catalogue.change_setting(BACKUP_FOLDER, str(usb_key))
    catalogue.change_setting(LAST_BACKUP_AT, datetime.now().isoformat())  # none due today
    window = opened(catalogue)
    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    assert not window.close()  # kept open while the backup is written
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    backups = BackupFolder(usb_key).backups()
    assert len(backups) == 1


def test_a_failed_backup_on_close_is_said_and_the_window_closes_all_the_same(
        qtbot, opened, catalogue, tmp_path, shown_errors):
    catalogue.change_setting(BACKUP_FOLDER, str(tmp_path / "unplugged"))
    catalogue.change_setting(LAST_BACKUP_AT, datetime.now().isoformat())
    window = opened(catalogue)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert "cannot be reached" in shown_errors[0][1]


def _restore(qtbot, window, backup: Path, monkeypatch) -> MainWindow:
    """Record > Restore a backup…, choosing `backup` with Another backup…; the new window."""
    from ui.backups import restore as restore_module

    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    monkeypatch.setattr(restore_module.QFileDialog, "getExistingDirectory",
                        lambda *_args: str(backup))

    def choose(dialog) -> None:
        dialog.browse()
        dialog.accept()

    on_next_dialog(qtbot, choose)
    window.backup_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) and w.isVisible() and w is not window
                                for w in QApplication.topLevelWidgets()), timeout=30_000)
    reopened = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible() and w is not window)
    qtbot.addWidget(reopened)
    return reopened


def test_restore_from_the_window_reopens_on_the_backup_and_keeps_a_safety_copy(
        qtbot, opened, catalogue, catalogue_dir, tmp_path, monkeypatch):
    from catalogue_app.storage.backup import backup_catalogue

    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    backup_catalogue(catalogue, tmp_path / "copy")
    catalogue.save({"inventory_number": "2024.1.2", "designation": "Bonnet"})
    said = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, _title, text: said.append(text))
    window = opened(catalogue)
    assert window.model.rowCount() == 2

    reopened = _restore(qtbot, window, tmp_path / "copy", monkeypatch)

    assert reopened.model.rowCount() == 1
    assert "Restored 1 records" in said[0]
    safety, = catalogue_dir.glob("catalogue.sqlite.before-restore.*.bak")
    assert str(safety) in said[0]
    reopened.catalogue.close()


def test_a_damaged_backup_is_refused_and_the_catalogue_reopens_as_it_was(
        qtbot, opened, catalogue, catalogue_dir, tmp_path, monkeypatch, shown_errors):
    from catalogue_app.storage.backup import backup_catalogue

    catalogue.save({"inventory_number": "2024.1.1", "designation": "Coiffe"})
    backup_catalogue(catalogue, tmp_path / "copy")
    with open(tmp_path / "copy" / "catalogue.sqlite", "r+b") as f:
        f.seek(200)
        f.write(b"damaged")
    catalogue.save({"inventory_number": "2024.1.2", "designation": "Bonnet"})
    window = opened(catalogue)

    reopened = _restore(qtbot, window, tmp_path / "copy", monkeypatch)

    assert "is damaged and was not restored" in shown_errors[0][1]
    assert reopened.model.rowCount() == 2
    assert not list(catalogue_dir.glob("*.before-restore.*"))
    reopened.catalogue.close()
