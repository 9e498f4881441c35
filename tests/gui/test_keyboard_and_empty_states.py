"""The window from the keyboard: no two actions share a key, F6 moves between the panes, the
shortcuts are listed under Help; an empty list says what to do."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from catalogue_app.records.blank import blank_record
from ui.keyboard.shortcuts_dialog import ShortcutsDialog, window_shortcuts


def test_no_two_actions_share_a_shortcut(window):
    owners = defaultdict(list)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners[key.toString(QKeySequence.SequenceFormat.PortableText)].append(
                action.text().replace("&", ""))
    assert len(owners) > 15, "the walk found almost no shortcut"
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared


def focused_pane(window) -> str:
    focus = QApplication.focusWidget()
    for name, pane in (("search", window.search_box), ("list", window.table),
                       ("form", window.form)):
        if focus is pane or pane.isAncestorOf(focus):
            return name
    return repr(focus)


def test_f6_moves_between_search_list_and_form(qtbot, window):
    window.focus_search()
    visited = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(focused_pane(window))
    assert visited == ["list", "form", "search"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused_pane(window) == "form"


def test_help_lists_the_shortcuts_by_menu(qtbot, window):
    rows = window_shortcuts(window)
    assert ("Sync", "Sync now", "Ctrl+Shift+Y") in rows
    assert ("Edit", "Undo tagging", "Ctrl+Alt+Z") in rows
    assert ("Window", "Next pane", "F6") in rows
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)
    assert window.help_menu.actions()[0].text() == "&Keyboard shortcuts"


def test_an_empty_list_says_what_to_do(qtbot, window, catalogue):
    assert "Ctrl+N" in window.list_empty_state.text()
    empty = window.table.viewport().grab().toImage()
    catalogue.save({**blank_record(), "inventory_number": "2004.12.3", "designation": "vase"})
    window.model.refresh()
    assert window.list_empty_state.text() == ""
    window.search_box.setText("zzz")
    window.refilter()
    assert window.model.rowCount() == 0
    assert window.list_empty_state.text().startswith("No record matches")
    # The words are painted: the empty viewport is not a blank rectangle.
    assert len({empty.pixel(x, y) for x in range(0, empty.width(), 3)
                for y in range(0, empty.height(), 3)}) > 1


def test_the_sort_indicator_follows_the_search_without_a_qt_warning(qtbot, qtlog, catalogue):
    from ui.main_window import MainWindow

    window = MainWindow(catalogue)
    qtbot.addWidget(window)
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    window.search_box.setText("vase")
    window.refilter()
    assert header.sortIndicatorSection() == -1
    assert not [r for r in qtlog.records if "addMetaMethod" in r.message]
