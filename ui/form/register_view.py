"""The register's side of the object form (design.md §3): an inscribed record's locked columns
are read-only (they change by Record > Rectify…), the radiation is shown only once made and
changed only by a rectification, the deposit's fields only for a deposit; the heading says
what the register still lacks and when a deposit's term is past."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from catalogue_app.records.fields import FIELDS
from catalogue_app.records.register_completeness import register_gaps
from catalogue_app.records.register_rules import LOCKED_FIELDS, deposit_expired
from ui.language import field_label

if TYPE_CHECKING:
    from ui.object_form import ObjectForm

DEPOSIT_FIELDS = ("depositor", "deposit_owner_number", "deposit_reference", "deposit_term",
                  "deposit_returned")
RADIATION_DETAILS = ("deaccession_case", "deaccession_date", "deaccession_decision")


class RegisterView(QObject):
    """Built once the form's editors are: it locks, hides and shows them per record."""

    def __init__(self, form: ObjectForm) -> None:
        super().__init__(form)
        self.form = form
        editors = form.editors
        self.layout: QFormLayout = form.sections["register"].layout()
        editors["inscribed"].setEnabled(False)  # set by the register date or an import
        editors["inscribed"].setToolTip(self.tr(
            "Set once the record has a register date (or came from an existing inventory); "
            "never cleared."))
        for name in RADIATION_DETAILS:  # made by Record > Deaccession…
            _set_read_only(editors[name], True)
        # A radiation is made by its own dialog, with its case, date and decision.
        status = editors["status"]
        deaccessioned = status.findData("deaccessioned")
        model = status.model()
        if isinstance(model, QStandardItemModel):
            model.item(deaccessioned).setEnabled(False)
        editors["legal_status"].changed.connect(self._show_deposit)

    def show(self, record: dict[str, Any]) -> None:
        """Lock and show what the record's place in the register calls for."""
        inscribed = bool(record.get("inscribed"))
        radiated = record.get("status") == "deaccessioned"
        for name in LOCKED_FIELDS:
            # A column left empty is completed in the form; a written one is rectified.
            locked = inscribed and bool(str(record.get(name) or "").strip())
            editor = self.form.editors[name]
            _set_read_only(editor, locked)
            editor.setToolTip(self.tr(
                "Inscribed in the register: changed only by Record > Rectify…, with a reason.")
                if locked else "")
        self.form.next_number_button.setEnabled(not (inscribed and record["inventory_number"]))
        self.form.editors["status"].setEnabled(not radiated)
        for name in RADIATION_DETAILS:
            self.layout.setRowVisible(self.form.editors[name], radiated)
        self._show_deposit()

    def heading_lines(self, record: dict[str, Any]) -> list[str]:
        """What the heading says of the record's place in the register (HTML)."""
        lines = []
        if record.get("inscribed"):
            lines.append(self.tr(
                "<b>Inscribed in the register</b>: its number, register date and acquisition "
                "columns change by Record > Rectify…"))
        # The inventory register's compulsory columns (the deposits register has its own).
        missing = register_gaps(record).missing \
            if record.get("inscribed") and record.get("legal_status") == "inventory" else ()
        if missing:
            lines.append(self.tr("Register columns still to fill in: {columns}").format(
                columns=escape(", ".join(_column_name(column) for column in missing))))
        if deposit_expired(record, date.today()):
            lines.append(self.tr(
                "<b>Deposit term passed</b> ({term}): renew the deposit or return it.").format(
                term=escape(record["deposit_term"])))
        return lines

    def _show_deposit(self) -> None:
        deposit = self.form.editors["legal_status"].value() == "deposit"
        for name in DEPOSIT_FIELDS:
            self.layout.setRowVisible(self.form.editors[name], deposit)




def _column_name(column: int) -> str:
    """`5. Avis des instances scientifiques`: a register column as the form names it."""
    field = next(f for f in FIELDS if f.regulatory_column == column)
    return f"{column}. {field_label(field)}"


def _set_read_only(editor: QWidget, read_only: bool) -> None:
    """Read-only, and seen to be: on the window's colour, not a field's white."""
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        editor.setReadOnly(read_only)
        editor.setStyleSheet(_READ_ONLY if read_only else "")
    else:
        editor.setEnabled(not read_only)


_READ_ONLY = "background: palette(window);"
