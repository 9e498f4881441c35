"""A record's fields as printed: lists joined with "; ", authors with their role, yes/no."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.messages import declare
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.multivalue import format_author

YES = declare("documents.yes", "yes")
NO = declare("documents.no", "no")
CHECK_FOUND = declare("documents.check_found", "{date}: found")
CHECK_NOT_FOUND = declare("documents.check_not_found", "{date}: not found")
DEACCESSIONED_ON = declare("documents.deaccessioned_on", "Deaccessioned on {date}: {reason}")
LOAN_LINE = declare("documents.loan_line", "{direction}: {party} {exhibition}, {start} to {end}")
LOAN_RETURNED = declare("documents.loan_returned", "returned on {date}")
REPORT_LINE = declare("documents.condition_report_line", "{date}, {state}, by {author}")


def field_text(record: Mapping[str, Any], name: str, language: str) -> str:
    value = record.get(name)
    if name == "authors":
        return "; ".join(format_author(a) for a in value or [])
    if name == "themes":
        return "; ".join(list(value or []) + list(record.get("unmatched_themes") or []))
    if name == "loans":
        return "\n".join(loan_text(loan, language) for loan in value or [])
    if name == "condition_reports":
        return "\n".join(REPORT_LINE(date=r.get("date"), author=r.get("author") or "?",
                                      state=choice_text("condition_reports", r.get("state"),
                                                        language)).text(language)
                         for r in value or [])
    if name == "recolement_checks":
        return "; ".join((CHECK_FOUND if c["result"] == "found" else CHECK_NOT_FOUND)(
            date=c["date"][:10]).text(language) for c in value or [])
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return (YES if value else NO)().text(language)
    return "" if value is None else str(value)


def loan_text(loan: Mapping[str, Any], language: str) -> str:
    """One loan on one line: which way, who, what exhibition, from when to when."""
    text = LOAN_LINE(direction=choice_text("loans", loan.get("direction"), language),
                     party=loan.get("party") or "",
                     exhibition=f"« {loan['exhibition']} »" if loan.get("exhibition") else "",
                     start=loan.get("start") or "?", end=loan.get("end") or "?").text(language)
    if loan.get("returned_on"):
        text += f" ({LOAN_RETURNED(date=loan['returned_on']).text(language)})"
    return text.replace("  ", " ").replace(" ,", ",")


def choice_text(name: str, code: str | None, language: str) -> str:
    """The label of one of a field's codes in the language; the code itself if unknown."""
    choice = next((c for c in FIELDS_BY_NAME[name].values if c.code == code), None)
    if choice is None:
        return code or ""
    return choice.label_fr if language == "fr" else choice.label_en


def deaccession_note(record: Mapping[str, Any], language: str) -> str:
    """What a radiation says on paper; "" for a record that was not deaccessioned."""
    if record.get("status") != "deaccessioned":
        return ""
    return DEACCESSIONED_ON(date=record.get("deaccession_date") or "",
                            reason=record.get("deaccession_decision") or "").text(language)
