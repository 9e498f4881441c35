"""Attach by file name: before anything is attached, a table of which file goes to which record
(matched), which name fits several records (ambiguous) and which fits none (unmatched)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.attach import AttachRequest, expand_paths, requests_by_file_name
from ui.images.labels import view_type_labels
from ui.labelled_form import wrapped_label
from ui.text_table import text_table

_ORDER = {"matched": 0, "ambiguous": 1, "unmatched": 2}


class MatchPreviewDialog(QDialog):
    def __init__(self, catalogue: Catalogue, paths: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageMatchDialog")
        self.setWindowTitle(self.tr("Attach images by file name"))
        self.resize(820, 520)
        self.requests = sorted(requests_by_file_name(catalogue, expand_paths(paths)),
                               key=lambda r: _ORDER[r.match_status])
        counts = {status: sum(r.match_status == status for r in self.requests)
                  for status in _ORDER}
        summary = wrapped_label(self.tr(
            "{matched} file(s) matched to a record, {ambiguous} ambiguous, {unmatched} "
            "unmatched. Only matched files are attached; the others are listed so you can "
            "rename them or attach them from their record.").format(**counts))
        statuses = {"matched": self.tr("Matched"), "ambiguous": self.tr("Ambiguous"),
                    "unmatched": self.tr("Unmatched")}
        views = view_type_labels()
        rows = []
        for request in self.requests:
            matched = request.match_status == "matched"
            rows.append(((Path(request.file).name, request.file),
                         statuses[request.match_status],
                         request.inventory_number if matched else str(request.refusal or ""),
                         views[request.view_type] if matched else ""))
        self.table = text_table([self.tr("File"), self.tr("Match"), self.tr("Record"),
                                 self.tr("View")], rows)
        self.table.setObjectName("matchTable")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button = buttons.addButton(
            self.tr("Attach {n} matched file(s)").format(n=counts["matched"]),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.attach_button.setEnabled(counts["matched"] > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def matched_requests(self) -> list[AttachRequest]:
        return [r for r in self.requests if r.match_status == "matched"]
