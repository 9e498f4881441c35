"""Sync from the window: in the background, with its status, its error banner quoting the
server, and the conflict dialog."""

from __future__ import annotations

import time

import pytest

from catalogue_app.records.store import create_record, update_record
from catalogue_app.settings import AUTO_SYNC_MINUTES, INSECURE_HTTP_ALLOWED, SERVER_URL
from catalogue_app.sync import tokens
from catalogue_app.sync.conflicts import list_conflicts


@pytest.fixture
def window_of(qtbot):
    from ui.main_window import MainWindow

    def make(desk):
        desk.catalogue.change_setting(SERVER_URL, desk.server_url)
        tokens.save_token(desk.server_url, desk.token)
        window = MainWindow(desk.catalogue)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.firstPainted):  # the sync status shows from then on
            window.show()
        return window

    return make


def _sync_and_wait(qtbot, window) -> None:
    window.sync_actions.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync_actions.job is None, timeout=30_000)


def test_sync_from_the_window_updates_the_status_and_the_list(qtbot, make_desk, window_of):
    first, second = make_desk("first"), make_desk("second")
    with first.catalogue.writing() as session:
        create_record(session, {"inventory_number": "W.1", "designation": "Pichet"}, "alice")
    first.sync()
    window = window_of(second)
    assert "Never synced" in window.sync_actions.status_label.text()

    _sync_and_wait(qtbot, window)

    assert "Last sync" in window.sync_actions.status_label.text()
    assert "0 change(s) to send" in window.sync_actions.status_label.text()
    assert window.model.rowCount() == 1
    assert window.sync_actions.banner.isHidden()


def test_a_refused_token_is_said_in_a_banner_with_the_servers_words_in_details(
        qtbot, make_desk, window_of, monkeypatch):
    from ui import messages

    desk = make_desk("desk")
    window = window_of(desk)
    tokens.save_token(desk.server_url, "revoked-or-wrong")

    _sync_and_wait(qtbot, window)

    actions = window.sync_actions
    assert not actions.banner.isHidden()
    assert actions.banner_label.text().startswith("The regional base refused the token.")
    shown = []
    monkeypatch.setattr(messages, "show_failure", lambda *args: shown.append(args[1:]))
    actions.details_action.trigger()
    ((title, text, details),) = shown
    assert text == actions.banner_label.text()
    assert "HTTP 401" in details and "this token is unknown, revoked or expired" in details


def test_the_conflict_dialog_settles_a_field_with_the_servers_value(
        qtbot, make_desk, window_of):
    from ui.sync.conflict_dialog import ConflictDialog

    first, second = make_desk("first"), make_desk("second")
    with first.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "W.2", "title": "A"}, "alice")
    first.sync()
    second.sync()
    for desk, title in ((first, "from first"), (second, "from second")):
        with desk.catalogue.writing() as session:
            update_record(session, record_id, {"title": title}, "someone")
    first.sync()
    second.sync()

    dialog = ConflictDialog(second.catalogue)
    qtbot.addWidget(dialog)
    assert dialog.records.count() == 1
    dialog.choices["title"].button(1).setChecked(True)  # the regional base's value
    dialog._resolve(dialog._field_choices())

    assert dialog.records.count() == 0
    with second.catalogue.reading() as session:
        assert list_conflicts(session) == []
    assert second.records()[record_id]["title"] == "from first"


def _idle_and_due(window) -> None:
    """As if nobody had touched the desk, nor synced, for an hour."""
    window.sync_actions.auto_sync.last_input -= 3600
    window.sync_actions.last_started -= 3600


def test_periodic_sync_is_off_by_default(qtbot, make_desk, window_of):
    window = window_of(make_desk("desk"))
    _idle_and_due(window)

    window.sync_actions.auto_sync.tick()

    assert window.sync_actions.job is None
    assert "Never synced" in window.sync_actions.status_label.text()


def test_periodic_sync_runs_when_due_and_idle_but_never_while_a_sync_runs(
        qtbot, make_desk, window_of):

    desk = make_desk("desk")
    with desk.catalogue.writing() as session:
        create_record(session, {"inventory_number": "P.1"}, "alice")
    desk.catalogue.change_setting(AUTO_SYNC_MINUTES, 5)
    window = window_of(desk)
    actions = window.sync_actions

    actions.auto_sync.tick()  # just opened: the first periodic sync waits a full interval
    assert actions.job is None
    _idle_and_due(window)
    actions.auto_sync.last_input = time.monotonic()  # someone is typing
    actions.auto_sync.tick()
    assert actions.job is None

    _idle_and_due(window)
    actions.auto_sync.tick()
    assert actions.job is not None
    qtbot.waitUntil(lambda: actions.job is None, timeout=30_000)
    assert "0 change(s) to send" in actions.status_label.text()
    assert actions.banner.isHidden()
    actions.auto_sync.tick()  # just synced: the next one waits the interval
    assert actions.job is None

    actions.sync_action.trigger()
    running = actions.job
    _idle_and_due(window)
    actions.auto_sync.tick()  # due, but a sync is running: nothing more starts
    assert actions.job is running
    qtbot.waitUntil(lambda: actions.job is None, timeout=30_000)


def test_a_failed_periodic_sync_shows_the_banner_and_waits_the_interval(
        qtbot, make_desk, window_of):

    desk = make_desk("desk")
    desk.catalogue.change_setting(AUTO_SYNC_MINUTES, 1)
    window = window_of(desk)
    tokens.save_token(desk.server_url, "revoked-or-wrong")
    _idle_and_due(window)

    window.sync_actions.auto_sync.tick()
    qtbot.waitUntil(lambda: window.sync_actions.job is None, timeout=30_000)

    assert "refused the token" in window.sync_actions.banner_label.text()
    window.sync_actions.auto_sync.tick()
    assert window.sync_actions.job is None  # no retry before the interval has passed


def test_a_periodic_sync_without_a_token_says_so_in_the_banner(qtbot, make_desk):
    from ui.main_window import MainWindow

    desk = make_desk("desk")
    desk.catalogue.change_setting(SERVER_URL, desk.server_url)  # but no token saved
    desk.catalogue.change_setting(AUTO_SYNC_MINUTES, 1)
    window = MainWindow(desk.catalogue)
    qtbot.addWidget(window)
    _idle_and_due(window)

    window.sync_actions.auto_sync.tick()
    qtbot.waitUntil(lambda: window.sync_actions.job is None, timeout=30_000)

    assert "needs the regional base's address and a token" in \
        window.sync_actions.banner_label.text()


def test_the_sync_settings_dialog_sets_the_periodic_interval(
        qtbot, make_desk, window_of, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.sync.settings_dialog import SyncSettingsDialog

    desk = make_desk("desk")
    window = window_of(desk)
    shown = []

    def fill_in(dialog):
        shown.append(dialog.auto_sync.text())
        dialog.auto_sync.setValue(15)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SyncSettingsDialog, "exec", fill_in)
    window.sync_actions.open_settings()

    assert shown == ["never"]  # off by default
    assert desk.catalogue.setting(AUTO_SYNC_MINUTES) == 15


def test_http_to_another_computer_syncs_only_once_the_user_allows_it(
        qtbot, make_desk, window_of, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.sync.settings_dialog import SyncSettingsDialog

    desk = make_desk("desk")
    window = window_of(desk)
    insecure = "http://192.0.2.10:8765"
    seen = []

    def fill_in(dialog, allow: bool):
        dialog.url_edit.setText(insecure)
        dialog.token_edit.setText(desk.token)
        seen.append(dialog.insecure_box.isVisibleTo(dialog))
        dialog.insecure_box.setChecked(allow)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SyncSettingsDialog, "exec", lambda dialog: fill_in(dialog, False))
    window.sync_actions.open_settings()
    _sync_and_wait(qtbot, window)  # refused before any connection is made
    assert seen == [True]
    assert "is not encrypted" in window.sync_actions.banner_label.text()

    monkeypatch.setattr(SyncSettingsDialog, "exec", lambda dialog: fill_in(dialog, True))
    window.sync_actions.open_settings()
    assert desk.catalogue.setting(INSECURE_HTTP_ALLOWED) == insecure
    dialog = SyncSettingsDialog("https://base.example.org", 0, window, insecure)
    assert not dialog.insecure_box.isVisibleTo(dialog)  # https needs no consent
    dialog.url_edit.setText("http://127.0.0.1:8765")
    assert not dialog.insecure_box.isVisibleTo(dialog)  # nor this computer


def test_a_base_that_is_down_is_said_unavailable_and_the_desk_syncs_when_it_is_back(
        qtbot, make_desk, window_of, monkeypatch, museum_server):
    import socket

    from catalogue_app.sync import client
    from tests.integration.conftest import serving
    from ui.sync import window_actions

    monkeypatch.setattr(client, "OUTAGE_RETRY_SECONDS", 0)
    monkeypatch.setattr(window_actions, "OUTAGE_RETRY_RANGE", (0.5, 2))
    with socket.socket() as probe:  # a port nothing listens on, for the base to come back on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    desk = make_desk("desk")
    desk.server_url = f"http://127.0.0.1:{port}"
    with desk.catalogue.writing() as session:
        create_record(session, {"inventory_number": "O.1", "designation": "Pichet"}, "alice")
    window = window_of(desk)

    _sync_and_wait(qtbot, window)

    actions = window.sync_actions
    assert actions.banner_label.text() == (
        "The regional base is unavailable; your work is safe on this computer.")
    assert actions._outage_retry.isActive()
    with serving(museum_server.config, port):  # the base back, at the same address
        qtbot.waitUntil(lambda: actions.job is None and (
            actions.update_status() or "Last sync" in actions.status_label.text()),
            timeout=30_000)
        assert actions.banner.isHidden()
        assert "0 change(s) to send" in actions.status_label.text()


def test_a_base_without_documents_is_said_in_the_banner_and_the_sync_goes_through(
        qtbot, make_desk, window_of, proxy, tmp_path):
    from catalogue_app.locations import tree
    from tests.integration.sync.conftest import Desk

    desk = make_desk("desk")
    with desk.catalogue.writing() as session:
        tree.add_location(session, "Réserve A")
        create_record(session, {"inventory_number": "W.9"}, "alice")
    proxy.unknown_paths.add(b"/api/v1/documents")  # a base of protocol 1.0
    window = window_of(Desk(desk.catalogue, proxy.url, desk.token))

    _sync_and_wait(qtbot, window)

    actions = window.sync_actions
    assert not actions.banner.isHidden()
    assert actions.banner_label.text().startswith(
        "The regional base does not know the locations and the récolement campaigns yet:"
        " they stay on this computer")
    assert "0 change(s) to send" in actions.status_label.text()  # the record went
    window.grab().save(str(tmp_path / "documents-kept-here.png"))
