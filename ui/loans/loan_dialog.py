"""A loan out (prêt) or in (entrée temporaire): who, what exhibition, when, the insurance
value and the object's condition as it leaves and as it comes back. "Record the return" opens
it with the return date filled in (today) and the cursor on the condition at return."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from catalogue_app.records.fields import LOAN_DIRECTIONS
from ui.language import choice_label
from ui.loans.entry_dialog import EntryDialog, Submit, line, text_box


class LoanDialog(EntryDialog):
    def __init__(self, number: str, loan: dict[str, Any] | None, submit: Submit,
                 parent: QWidget | None = None, *, returning: bool = False) -> None:
        super().__init__(submit, parent)
        loan = dict(loan or {})
        self._id = loan.get("id")
        today = date.today().isoformat()
        if returning and not loan.get("returned_on"):
            loan["returned_on"] = today
        self.setWindowTitle(self._title(number, returning))
        self.direction = QComboBox()
        self.direction.setObjectName("loanDirection")
        for choice in LOAN_DIRECTIONS:
            self.direction.addItem(choice_label(choice), choice.code)
        self.direction.setCurrentIndex(max(self.direction.findData(loan.get("direction")), 0))
        iso = self.tr("YYYY-MM-DD")
        self.party = line("loanParty", loan.get("party", ""))
        self.exhibition = line("loanExhibition", loan.get("exhibition", ""))
        self.start = line("loanStart", loan.get("start") or today, iso)
        self.end = line("loanEnd", loan.get("end", ""), iso)
        self.insurance_value = line("loanInsurance", loan.get("insurance_value", ""),
                                    self.tr("e.g. 15 000 €"))
        self.condition_departure = text_box("loanConditionDeparture",
                                            loan.get("condition_departure", ""))
        self.returned_on = line("loanReturnedOn", loan.get("returned_on", ""), iso)
        self.condition_return = text_box("loanConditionReturn", loan.get("condition_return", ""))
        self.note = text_box("loanNote", loan.get("note", ""))
        self.add_row(self.tr("&Kind"), self.direction)
        self.party_label = self.add_row("", self.party)
        for text, editor in (
                (self.tr("E&xhibition"), self.exhibition), (self.tr("St&art"), self.start),
                (self.tr("D&ue back"), self.end), (self.tr("&Insurance value"),
                                                   self.insurance_value),
                (self.tr("Condition at &departure"), self.condition_departure),
                (self.tr("&Returned on"), self.returned_on),
                (self.tr("Condition at re&turn"), self.condition_return),
                (self.tr("&Note"), self.note)):
            self.add_row(text, editor)
        self.finish_layout()
        self.direction.currentIndexChanged.connect(self._name_party)
        self._name_party()
        (self.condition_return if returning else self.direction).setFocus()
        self.resize(560, self.sizeHint().height())

    def _title(self, number: str, returning: bool) -> str:
        if returning:
            return self.tr("Return of a loan — {number}").format(number=number)
        if self._id:
            return self.tr("Loan — {number}").format(number=number)
        return self.tr("New loan — {number}").format(number=number)

    def _name_party(self) -> None:
        out = self.direction.currentData() == "out"
        self.party_label.setText(self.tr("&Borrower") if out else self.tr("&Lender"))

    def values(self) -> dict[str, Any]:
        values = {
            "direction": self.direction.currentData(), "party": self.party.text(),
            "exhibition": self.exhibition.text(), "start": self.start.text().strip(),
            "end": self.end.text().strip(), "insurance_value": self.insurance_value.text(),
            "condition_departure": self.condition_departure.toPlainText(),
            "returned_on": self.returned_on.text().strip(),
            "condition_return": self.condition_return.toPlainText(),
            "note": self.note.toPlainText()}
        return {**values, "id": self._id} if self._id else values
