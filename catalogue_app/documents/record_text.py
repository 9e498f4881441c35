"""A record's fields as printed: lists joined with "; ", authors with their role, yes/no, codes
as their labels and dated entries one a line, as the form shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.messages import declare
from catalogue_app.records.fields import FIELDS_BY_NAME, FieldLabel
from catalogue_app.records.multivalue import format_author

YES = declare("documents.yes", "yes")
NO = declare("documents.no", "no")
CHECK_FOUND = declare("documents.check_found", "{date}: found")
CHECK_NOT_FOUND = declare("documents.check_not_found", "{date}: not found")
DEACCESSIONED_ON = declare("documents.deaccessioned_on", "Deaccessioned on {date}: {reason}")
LOAN_LINE = declare("documents.loan_line", "{direction}: {party} {exhibition}, {start} to {end}")
LOAN_RETURNED = declare("documents.loan_returned", "returned on {date}")
REPORT_LINE = declare("documents.condition_report_line", "{date}, {state}, by {author}")
MOVEMENT_LINE = declare("documents.movement_line", "{date}: {to} (from {origin}; {reason}, {user})")
UNKNOWN_ORIGIN = declare("documents.unknown_origin", "unknown")
RECTIFICATION_LINE = declare("documents.rectification_line",
                             "{date}, {field}: « {old} » → « {new} » ({reason}; {user})")


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
    if name == "movements":
        return "\n".join(movement_text(m, language) for m in value or [])
    if name == "rectifications":
        return "\n".join(RECTIFICATION_LINE(**dict(r, field=_field_name(r["field"])))
                         .text(language) for r in value or [])
    if FIELDS_BY_NAME[name].type == "choice":
        return choice_text(name, value, language)
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


def movement_text(movement: Mapping[str, Any], language: str) -> str:
    """One movement on one line: when, where to, from where, why, who (and its note)."""
    line = MOVEMENT_LINE(date=movement["date"], to=movement["to"],
                         origin=movement.get("from") or UNKNOWN_ORIGIN(),
                         reason=choice_text("movements", movement["reason"], language),
                         user=movement.get("user") or "?").text(language)
    return f"{line} — {movement['note']}" if movement.get("note") else line


def choice_text(name: str, code: str | None, language: str) -> str:
    """The label of one of a field's codes in the language; the code itself if unknown."""
    choice = next((c for c in FIELDS_BY_NAME[name].values if c.code == code), None)
    if choice is None:
        return code or ""
    return choice.label_fr if language == "fr" else choice.label_en


def _field_name(name: str) -> FieldLabel | str:
    """A field said as its label; a name this version does not know (a newer desk's), as is."""
    return FieldLabel(name) if name in FIELDS_BY_NAME else name


def deaccession_note(record: Mapping[str, Any], language: str) -> str:
    """What a radiation says on paper; "" for a record that was not deaccessioned."""
    if record.get("status") != "deaccessioned":
        return ""
    return DEACCESSIONED_ON(date=record.get("deaccession_date") or "",
                            reason=record.get("deaccession_decision") or "").text(language)
