"""A new récolement campaign: its name, its scope (a search, a location and below; deposits or
not) and the ten-year plan it belongs to."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLineEdit, QWidget

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from ui.labelled_form import add_labelled_rows, error_label, ok_cancel, placeholder_in_full


class CampaignDialog(QDialog):
    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.campaign = None  # the campaign started, once accepted
        self.setWindowTitle(self.tr("New récolement campaign"))
        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        self.name.setPlaceholderText(self.tr("e.g. Réserve A, 2026"))
        self.query = QLineEdit()
        self.query.setObjectName("campaignQuery")
        self.query.setPlaceholderText(self.tr("a search, as in the search box (empty: every "
                                              "object)"))
        self.location = QLineEdit()
        self.location.setObjectName("campaignLocation")
        self.location.setPlaceholderText(self.tr("e.g. Réserve A (empty: every location)"))
        self.plan = QLineEdit()
        self.plan.setPlaceholderText(self.tr("e.g. 2026-2035"))
        # As wide as its hints need in the user's language (a fixed width cut the French).
        for editor in (self.name, self.query, self.location, self.plan):
            placeholder_in_full(editor)
        self.deposits = QCheckBox(self.tr("Include &deposits"))
        self.deposits.setChecked(True)
        self.error = error_label()
        layout = QFormLayout(self)
        add_labelled_rows(layout, ((self.tr("&Name:"), self.name),
                                   (self.tr("&Objects:"), self.query),
                                   (self.tr("In the &location:"), self.location)))
        layout.addRow("", self.deposits)  # under the scope's editors, as part of it
        add_labelled_rows(layout, ((self.tr("Ten-year &plan:"), self.plan),))
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self))

    def accept(self) -> None:
        try:
            where = self.location.text().strip()
            location_ids = (self.catalogue.location_id_of(where),) if where else ()
            self.campaign = self.catalogue.start_campaign(
                self.name.text(), query=self.query.text(), plan=self.plan.text(),
                location_ids=location_ids, include_deposits=self.deposits.isChecked()).result
        except CatalogueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
