"""A condition report (constat d'état): its date, who wrote it, the object's overall state
(the récolement's states), what was seen, and which of the record's images show it (ticked in
the list of the record's images, with their thumbnails when made)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from catalogue_app.images.derived import derived_path
from catalogue_app.records.fields import CONDITION_STATES
from ui.images.labels import view_type_labels
from ui.language import choice_label
from ui.loans.entry_dialog import EntryDialog, Submit, line, text_box

THUMB = 48


class ConditionReportDialog(EntryDialog):
    def __init__(self, number: str, report: dict[str, Any] | None, author: str, images: list,
                 cache_dir: Path, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        report = dict(report or {})
        self._id = report.get("id")
        self.setWindowTitle((self.tr("Condition report — {number}") if self._id
                             else self.tr("New condition report — {number}")).format(
            number=number))
        self.date = line("reportDate", report.get("date") or date.today().isoformat(),
                         self.tr("YYYY-MM-DD"))
        self.author = line("reportAuthor", report.get("author", author))
        self.state = QComboBox()
        self.state.setObjectName("reportState")
        for choice in CONDITION_STATES:
            self.state.addItem(choice_label(choice) or self.tr("(not stated)"), choice.code)
        self.state.setCurrentIndex(max(self.state.findData(report.get("state", "")), 0))
        self.description = text_box("reportDescription", report.get("description", ""), 110)
        self.images = QListWidget()
        self.images.setObjectName("reportImages")
        self.images.setIconSize(QSize(THUMB, THUMB))
        self.images.setFixedHeight(THUMB * 2 + 16)
        chosen = set(report.get("images") or ())
        views = view_type_labels()
        for image in images:
            item = QListWidgetItem(
                f"{image.file_name} ({views.get(image.view_type, image.view_type)})")
            thumb = derived_path(cache_dir, "thumbs", image.sha256)
            if thumb.is_file():
                item.setIcon(QIcon(str(thumb)))
            item.setData(Qt.ItemDataRole.UserRole, image.sha256)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if image.sha256 in chosen
                               else Qt.CheckState.Unchecked)
            self.images.addItem(item)
        self.images.setToolTip(self.tr("Space ticks the image shown by the cursor"))
        for text, editor in ((self.tr("&Date"), self.date), (self.tr("&Author"), self.author),
                             (self.tr("Overall s&tate"), self.state),
                             (self.tr("D&escription"), self.description),
                             (self.tr("&Images"), self.images)):
            self.add_row(text, editor)
        self.images.setVisible(bool(images))
        self.form.labelForField(self.images).setVisible(bool(images))
        self.finish_layout()
        self.date.setFocus()
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        ticked = [self.images.item(n).data(Qt.ItemDataRole.UserRole)
                  for n in range(self.images.count())
                  if self.images.item(n).checkState() == Qt.CheckState.Checked]
        values = {"date": self.date.text().strip(), "author": self.author.text(),
                  "state": self.state.currentData(),
                  "description": self.description.toPlainText(), "images": ticked}
        return {**values, "id": self._id} if self._id else values
