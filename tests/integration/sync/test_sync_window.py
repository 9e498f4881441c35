"""Sync from the window: in the background, with its status, its error banner quoting the
server, and the conflict dialog."""

from __future__ import annotations

import pytest

from catalogue_app.records import create_record, update_record
from catalogue_app.sync import outbox, tokens
from catalogue_app.sync.conflicts import list_conflicts

pytest.importorskip("pytestqt")


@pytest.fixture
def window_of(qtbot):
    from ui.main_window import MainWindow

    def make(desk):
        with desk.catalogue.writing() as session:
            outbox.set_meta(session, outbox.SERVER_URL, desk.server_url)
        tokens.save_token(desk.server_url, desk.token)
        window = MainWindow(desk.catalogue)
        qtbot.addWidget(window)
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


def test_a_refused_token_shows_the_servers_message_in_a_banner(qtbot, make_desk, window_of):
    desk = make_desk("desk")
    window = window_of(desk)
    tokens.save_token(desk.server_url, "revoked-or-wrong")

    _sync_and_wait(qtbot, window)

    assert not window.sync_actions.banner.isHidden()
    assert "this token is unknown or has been revoked" in \
        window.sync_actions.banner_label.text()


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
