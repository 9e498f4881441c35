"""The main window as a curator uses it: type, save, find again, refuse duplicates."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.demo.builder import create_demo_catalogue
from catalogue_app.settings import LANGUAGE, Preferences
from tests.gui.conftest import show_active
from tests.gui.keyboard import type_text
from tests.support import REPO, run_cli
from ui.main_window import MainWindow
from ui.object_list_model import PAGE_SIZE


def type_into(qtbot, window, field: str, text: str) -> None:
    editor = window.form.editors[field]
    editor.setFocus()
    type_text(editor, text)


def test_create_a_record_by_typing_save_reopen_and_find_it(qtbot, window, catalogue):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.form.editors["inventory_number"].hasFocus()
    type_into(qtbot, window, "inventory_number", "2024.5.1")
    type_into(qtbot, window, "designation", "Coiffe brodée")
    type_into(qtbot, window, "materials", "lin; coton")
    type_into(qtbot, window, "dating", "XIXe siècle")
    qtbot.keyClick(window.form.editors["dating"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert not window.form.is_dirty()
    assert window.count_label.text() == "1 records"
    window.close()
    catalogue.close()

    reopened = Catalogue.open(catalogue.directory)
    again = MainWindow(reopened)
    qtbot.addWidget(again)
    show_active(qtbot, again)
    qtbot.keyClick(again, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert again.search_box.hasFocus()
    type_text(again.search_box, "coiffe")
    qtbot.waitUntil(lambda: again.model.rowCount() == 1)
    again.table.selectRow(0)
    assert again.form.editors["designation"].text() == "Coiffe brodée"
    assert again.form.values()["materials"] == ["lin", "coton"]
    assert again.form.values()["date_earliest"] == 1801
    reopened.close()


def test_duplicate_number_shows_a_message_and_changes_nothing(qtbot, window, catalogue,
                                                              shown_errors):
    for number in ("1995.3.12", "  1995.3.12 "):
        window.new_record()
        type_into(qtbot, window, "inventory_number", number)
        type_into(qtbot, window, "designation", "Assiette")
        window.save_record()
    assert len(shown_errors) == 1
    title, text = shown_errors[0]
    assert "1995.3.12" in text and "Assiette" in text
    assert window.form.is_dirty()  # the curator's typing is still there to correct
    conn = sqlite3.connect(catalogue.directory / DB_FILE_NAME)
    assert conn.execute("SELECT count(*) FROM records").fetchone() == (1,)


def test_delete_asks_and_moves_to_trash(qtbot, window, catalogue, monkeypatch):
    from ui import messages

    window.new_record()
    type_into(qtbot, window, "inventory_number", "brouillon")
    window.save_record()
    window.table.selectRow(0)
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a: asked.append(a) or True)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert asked and catalogue.record_count() == 0


def test_closing_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    from ui import messages

    window.new_record()
    type_into(qtbot, window, "inventory_number", "2024.1.1")
    monkeypatch.setattr(messages, "ask_save_changes", lambda _parent: "cancel")
    assert not window.close()
    monkeypatch.setattr(messages, "ask_save_changes", lambda _parent: "discard")
    assert window.close()


def test_large_list_fetches_only_the_visible_pages(qtbot, catalogue):
    create_demo_catalogue(catalogue, count=PAGE_SIZE * 3)
    win = MainWindow(catalogue)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    assert win.model.rowCount() == PAGE_SIZE * 3
    assert win.model.page_fetches == 1
    win.table.scrollToBottom()
    qtbot.wait(50)
    assert win.model.page_fetches == 2


def test_smoke_test_prints_startup_time(tmp_path):
    result = run_cli("--catalogue", str(tmp_path / "c"), "--smoke-test",
                     env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("startup_ms=")
    assert int(result.stdout.strip().split("=")[1]) > 0


def test_smoke_test_saves_a_screenshot_at_the_size_and_in_the_language_asked(tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "docs" / "fenetre.png"
    result = run_cli("--catalogue", str(tmp_path / "c"), "--smoke-test", "--screenshot",
                     str(shot), "--size", "1280x800", "--lang", "fr",
                     env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    picture = QImage(str(shot))
    assert (picture.width(), picture.height()) == (1280, 800)
    assert len({picture.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}) > 4
    assert Preferences().get(LANGUAGE) == ""  # --lang is for this run only: nothing stored


def test_the_window_paints_its_list_before_loading_sqlalchemy(tmp_path):
    """Start-up (issue 13): the first page is read through plain sqlite3; SQLAlchemy and
    everything that needs it load only after the list has painted."""
    catalogue = Catalogue.open(tmp_path / "c")
    catalogue.set_museum("M0001", "Musée d'essai")
    catalogue.save({"inventory_number": "2004.12.3", "designation": "Assiette"})
    catalogue.close()
    # Python's import log and the window's report share one pipe, in the order they happen.
    result = subprocess.run(
        [sys.executable, "-m", "catalogue_app", "--catalogue", str(tmp_path / "c"),
         "--smoke-test"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        timeout=120, cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stdout
    before_paint = result.stdout.split("startup_ms=")[0]
    assert "| ui.main_window" in before_paint  # the log is there: the window was imported
    assert "sqlalchemy" not in before_paint
    assert "alembic" not in before_paint


def test_museum_code_and_name_stay_editable_until_the_first_sync(qtbot, catalogue):
    from sqlalchemy import update

    from db.local.models import Museum
    from ui.museum_dialog import MuseumDialog

    dialog = MuseumDialog(catalogue)
    qtbot.addWidget(dialog)
    dialog.code.setText("M0725")
    dialog.name.setText("Musée des traditions et arts normands")
    dialog.accept()
    assert catalogue.museum().code == "M0725"

    with catalogue.writing() as session:  # as the first sync does
        session.execute(update(Museum).values(bound_at="2026-11-26T00:00:00Z"))
    bound = MuseumDialog(catalogue)
    qtbot.addWidget(bound)
    bound.code.setText("M9999")
    bound.accept()
    assert "bound to museum M0725" in bound.error.text()
    assert catalogue.museum().code == "M0725"


def test_the_museum_dialog_keeps_the_museums_own_words_in_french(qtbot, catalogue, french):
    """Owner, town and presentation at any time (the next sync sends them); the code and name
    read-only once bound; all of it in French within a 1280×800 screen."""
    from sqlalchemy import update

    from db.local.models import Museum
    from ui.museum_dialog import MuseumDialog

    catalogue.set_museum("M0694", "Musée des beaux-arts et de la dentelle")
    with catalogue.writing() as session:  # as the first sync does
        session.execute(update(Museum).values(bound_at="2026-11-26T00:00:00Z"))
    dialog = MuseumDialog(catalogue)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.windowTitle() == "Musée"
    assert dialog.code.isReadOnly() and dialog.name.isReadOnly()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Propriétaire des collections\u00a0:", "&Ville\u00a0:",
            "Pré&sentation\u00a0:"} <= labels
    type_text(dialog.owner, "propriété de la commune")
    type_text(dialog.town, "Alençon")
    type_text(dialog.presentation, "Le point d'Alençon, « reine des dentelles ».")
    size = dialog.frameGeometry()
    assert size.width() <= 1280 and size.height() <= 800, size
    dialog.accept()
    museum = catalogue.museum()
    assert (museum.code, museum.owner, museum.town, museum.presentation) == (
        "M0694", "propriété de la commune", "Alençon",
        "Le point d'Alençon, « reine des dentelles ».")

    too_long = MuseumDialog(catalogue)
    qtbot.addWidget(too_long)
    too_long.town.setText("A" * 201)
    too_long.accept()
    assert "200 caractères au plus" in too_long.error.text()
    assert catalogue.museum().town == "Alençon"
