"""Help > About: the release, the catalogue and log folders, the components and licences."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from catalogue_app import __version__
from catalogue_app.logs import log_dir
from tests.gui.form_helpers import on_next_dialog
from tests.support import run_cli


def test_about_shows_the_version_the_folders_and_the_licences(qtbot, window, catalogue):
    seen = {}

    def look(dialog) -> None:
        seen["version"] = dialog.version.text()
        seen["folders"] = [label.text() for label in dialog.findChildren(QLabel, "folderLink")]
        table = dialog.components
        seen["rows"] = {table.item(row, 0).text(): table.item(row, 2).text()
                        for row in range(table.rowCount())}
        dialog.reject()

    on_next_dialog(qtbot, look)
    next(a for a in window.help_menu.actions() if "About" in a.text()).trigger()

    assert seen["version"].startswith(f"catalogue-app {__version__} ")
    assert str(catalogue.directory) in seen["folders"][0]
    assert str(log_dir()) in seen["folders"][1]
    assert "LGPL-3.0" in seen["rows"]["PySide6_Essentials"]
    assert seen["rows"]["SQLAlchemy"] == "MIT"


def test_a_screenshot_shows_a_dialog_over_the_window(tmp_path):
    shot = tmp_path / "a-propos.png"
    result = run_cli("--catalogue", str(tmp_path / "c"), "--smoke-test", "--screenshot",
                     str(shot), "--size", "1280x800", "--lang", "fr", "--dialog", "about",
                     env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    picture = QImage(str(shot))
    assert (picture.width(), picture.height()) == (1280, 800)
    # The dialog's title bar, drawn in its colour across the middle of the picture.
    bar = [y for y in range(800) if picture.pixelColor(640, y).name() == "#3c4048"]
    assert bar and 20 <= len(bar) <= 40

    unknown = run_cli("--catalogue", str(tmp_path / "c"), "--smoke-test", "--screenshot",
                      str(shot), "--dialog", "nonesuch", env={"QT_QPA_PLATFORM": "offscreen"})
    assert unknown.returncode == 2
    assert "about" in unknown.stderr


def test_help_opens_the_user_guide_shipped_with_the_app(qtbot, window):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    from ui.main_window import GUIDE

    class Opened(QObject):
        urls: list = []

        @Slot("QUrl")
        def open(self, url) -> None:
            self.urls.append(url.toLocalFile())

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        next(a for a in window.help_menu.actions() if "guide" in a.text()).trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == [str(GUIDE)]
    assert GUIDE.read_text(encoding="utf-8").startswith("# Guide de l'utilisateur")
