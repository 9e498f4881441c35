"""Writing a condition report (date, author, overall state, description, images of the
record), correcting one and removing one made by mistake."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.loans.edit import NOT_A_DATE
from catalogue_app.messages import declare
from catalogue_app.records.entries import drop_entry, put_entry
from catalogue_app.records.reading import read_record
from catalogue_app.records.record import is_iso_date

DATE_REQUIRED = declare("condition.date_required",
                        "Give the date of the condition report. Nothing was saved.")
AUTHOR_REQUIRED = declare("condition.author_required",
                          "Name who wrote the condition report. Nothing was saved.")
IMAGE_NOT_ATTACHED = declare(
    "condition.image_not_attached",
    "Image {sha256} is not attached to record {number}: attach it first. Nothing was saved.")

_TEXTS = ("author", "description")


def save_condition_report(session: Session, record_id: str, values: Mapping[str, Any],
                          user: str) -> dict[str, Any]:
    """Add the report (values without an id) or correct the one with values' id; return it."""
    attached = {image.sha256 for image in read_record(session, record_id, images=True).images}

    def prepared(values: dict[str, Any], record: Mapping[str, Any]) -> dict[str, Any]:
        report = {name: value.strip() if name in _TEXTS and isinstance(value, str) else value
                  for name, value in values.items()}
        if not report.get("date"):
            raise RecordError(DATE_REQUIRED)
        if not is_iso_date(report["date"]):
            raise RecordError(NOT_A_DATE, value=report["date"])
        if not report.get("author"):
            raise RecordError(AUTHOR_REQUIRED)
        for sha256 in report.get("images") or ():
            if sha256 not in attached:
                raise RecordError(IMAGE_NOT_ATTACHED, sha256=sha256[:12],
                                  number=record["inventory_number"])
        return report

    return put_entry(session, record_id, "condition_reports", values, user, prepared)


def remove_condition_report(session: Session, record_id: str, report_id: str,
                            user: str) -> None:
    drop_entry(session, record_id, "condition_reports", report_id, user)
