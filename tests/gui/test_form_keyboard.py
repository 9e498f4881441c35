"""Keyboard first: Tab walks the form in reading order, every field and button has its own
Alt+letter, Ctrl+number jumps to a group, and every record action is in a menu."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.gui.form_helpers import CTRL, answers_fixture  # noqa: F401
from ui.form.mnemonics import mnemonic_of
from ui.object_form import SECTION_FIELDS

DERIVED_AFTER = {"dating": ["date_earliest", "date_latest"], "measurements": ["measurement_rows"]}


def _field_of(form, widget) -> str | None:
    return next((name for name, editor in form.editors.items()
                 if editor is widget or editor.isAncestorOf(widget)), None)


def test_tab_walks_every_field_in_the_order_of_the_form(qtbot, answers, window):
    form = window.form
    expected = []
    for _key, names in SECTION_FIELDS:
        for name in names:
            editor = form.editors[name]
            if editor.isVisibleTo(form) and editor.isEnabled():  # what a new record shows
                expected += [name, *DERIVED_AFTER.get(name, [])]
    form.focus_first_field()
    visited = []
    for _ in range(200):
        name = _field_of(form, QApplication.focusWidget())
        if name and (not visited or visited[-1] != name):
            visited.append(name)
        if name == "observations":
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert visited == expected


def test_fields_and_buttons_have_their_own_alt_letter_apart_from_the_menus(answers, window):
    form = window.form
    labels = [w for w in form.widget().findChildren(QLabel) if w.buddy() is not None]
    given = [mnemonic_of(w.text()) for w in form._mnemonic_widgets()]
    menus = [mnemonic_of(a.text()) for a in window.menuBar().actions()]
    letters = [m for m in given + menus if m]
    assert not [m for m, n in Counter(letters).items() if n > 1]  # no Alt+letter is ambiguous
    assert all(mnemonic_of(b.text()) for b in form._mnemonic_widgets()[:4])
    for label in labels:  # a label goes without only when each of its letters is taken
        if not mnemonic_of(label.text()):
            assert {c for c in label.text().casefold() if c.isascii() and c.isalpha()} \
                <= set(letters), label.text()


def test_ctrl_and_a_number_jumps_to_a_group(qtbot, answers, window):
    form = window.form
    form.focus_first_field()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, CTRL)
    assert form.editors["designation"].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    assert form.editors["acquisition_mode"].hasFocus()


def test_every_record_action_is_in_a_menu_with_its_shortcut(answers, window):
    texts = {a.text().replace("&", ""): a.shortcut().toString()
             for menu in (window.record_menu, window.edit_menu) for a in menu.actions()}
    assert texts["Duplicate as template"] == "Ctrl+D"
    assert texts["Batch edit the selection…"] == "Ctrl+Shift+B"
    assert texts["Undo"] == "Ctrl+Z" and texts["Redo"]
    assert {"Deaccession…", "Show the trash…", "Undo the last batch edit"} <= set(texts)
