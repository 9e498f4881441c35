"""Driving the object form through its real widgets, and answering its questions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.keyboard import type_text
from ui import messages
from ui.form import prompts

CTRL = Qt.KeyboardModifier.ControlModifier


def press_button(qtbot, button: QWidget) -> None:
    """Focus a button and press Space, as a keyboard user does. (Alt+letter mnemonics cannot be
    sent offscreen: QTest's Alt shortcuts never reach the shortcut map there; that each
    button and field has its own letter is checked in test_form_keyboard.)"""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def type_into(window, field: str, text: str) -> None:
    """Focus the field as a curator would (its entry, for a list) and type."""
    editor = window.form.editors[field]
    target = editor.focusProxy() or editor
    target.setFocus()
    type_text(target, text)


def save(qtbot, window) -> None:
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_S, CTRL)


def on_next_dialog(qtbot, handle: Callable[[QWidget], None]) -> None:
    """Run handle(dialog) on the next modal dialog, once it is open (exec() blocks the test)."""
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(20, attempt)
        else:
            handle(dialog)
    QTimer.singleShot(0, attempt)


@pytest.fixture(name="answers")
def answers_fixture(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """The form's questions answered without message boxes; what was asked is recorded."""
    asked: dict[str, list] = {"restore_draft": [], "save_changes": [], "confirm": []}
    replies = {"restore_draft": True, "save_changes": "discard", "confirm": True}
    asked["replies"] = replies  # tests change the replies here

    def restore(_parent, draft):
        asked["restore_draft"].append(draft)
        return replies["restore_draft"]

    monkeypatch.setattr(prompts, "ask_restore_draft", restore)
    monkeypatch.setattr(messages, "ask_save_changes",
                        lambda _p: asked["save_changes"].append(1) or replies["save_changes"])
    monkeypatch.setattr(messages, "confirm",
                        lambda _p, title, text: asked["confirm"].append(text) or replies["confirm"])
    return asked
