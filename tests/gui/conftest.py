from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget

import ui.language
from catalogue_app import messages as core_messages
from catalogue_app.settings import LANGUAGE, Preferences
from tests.integration.conftest import regional_config, regional_server  # noqa: F401
from ui import messages
from ui.gui_thread_gc import GuiThreadCollector
from ui.language import chosen_language, install_translator

_REAL_ASK_SAVE_CHANGES = messages.ask_save_changes


def show_active(qtbot, widget: QWidget) -> None:
    """Show a window and wait until it is the active one, so shortcuts and focus work."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


@pytest.fixture(autouse=True)
def gc_on_gui_thread(qapp: QApplication):
    """As in the app (ui/app.py): cycles are collected on the GUI thread only."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()


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


@pytest.fixture
def french(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    """The app's language set to French in the settings and installed as ui/app.py does (the
    core's messages included); undone afterwards so other tests keep the English."""
    preferences = Preferences()
    preferences.set(LANGUAGE, "fr")
    monkeypatch.setattr(ui.language, "_current", ui.language._current)
    monkeypatch.setattr(core_messages, "_language", core_messages._language)
    before = set(qapp.findChildren(QTranslator))
    install_translator(qapp, chosen_language(preferences))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    preferences.set(LANGUAGE, None)
