from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ui import messages

_REAL_ASK_SAVE_CHANGES = messages.ask_save_changes


def show_active(qtbot, widget: QWidget) -> None:
    """Show a window and wait until it is the active one, so shortcuts and focus work."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Errors the window showed, instead of real message boxes."""
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    return errors


@pytest.fixture
def window(qtbot, catalogue, shown_errors, monkeypatch: pytest.MonkeyPatch):
    from ui.main_window import MainWindow

    if messages.ask_save_changes is _REAL_ASK_SAVE_CHANGES:
        # Unless the test decides the answer itself, closing with unsaved edits at teardown
        # discards them instead of opening a real "save changes?" box that nobody answers.
        monkeypatch.setattr(messages, "ask_save_changes", lambda _parent: "discard")
    win = MainWindow(catalogue)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win
