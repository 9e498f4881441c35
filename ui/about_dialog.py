"""Help > About: the release, where the catalogue and the logs are (what museum IT asks first),
and the components the application ships with their licences (catalogue_app/components.py)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.cli import version_line
from catalogue_app.components import bundled_components
from catalogue_app.logs import log_dir


class AboutDialog(QDialog):
    def __init__(self, catalogue_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Catalogue"))
        self.resize(720, 560)
        self.version = QLabel(version_line())
        self.version.setObjectName("aboutVersion")
        form = QFormLayout()
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Catalogue folder:"), _folder_link(catalogue_dir))
        form.addRow(self.tr("Log folder:"), _folder_link(log_dir()))

        components = bundled_components()
        self.components = QTableWidget(len(components), 3)
        self.components.setObjectName("aboutComponents")
        self.components.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for row, component in enumerate(components):
            for column, text in enumerate((component.name, component.version,
                                           component.licence or self.tr("not stated"))):
                self.components.setItem(row, column, QTableWidgetItem(text))
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.components.verticalHeader().setVisible(False)
        self.components.verticalHeader().setDefaultSectionSize(22)
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        intro = QLabel(self.tr(
            "Catalogue is made with these free software components; each keeps its own "
            "licence, whose text is shipped with the application."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(intro)
        layout.addWidget(self.components)
        layout.addWidget(buttons)


def _folder_link(folder: Path) -> QLabel:
    """The folder's path, opening it in the file manager when clicked."""
    url = QUrl.fromLocalFile(str(folder)).toString()
    label = QLabel(f'<a href="{escape(url)}">{escape(str(folder))}</a>')
    label.setObjectName("folderLink")
    label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
    return label
