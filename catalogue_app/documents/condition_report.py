"""The printed condition report (constat d'état) of one object: who the object is, the
report's date, author and overall state, what was seen, the images it names (previews, each
with its file name) and room for the signatures; in the interface language, through the one
document engine (catalogue_app.documents.model, drawn by ui/documents/pdf.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from catalogue_app.catalogue import Catalogue
from catalogue_app.clock import today_iso
from catalogue_app.documents.model import (
    CONTINUED,
    PAGE_NUMBER,
    Block,
    Document,
    Heading,
    Image,
    Paragraph,
    Renderer,
    Signatures,
)
from catalogue_app.documents.object_sheets import IMAGES
from catalogue_app.documents.record_blocks import label_table, preview
from catalogue_app.documents.record_text import choice_text, field_text
from catalogue_app.exchange.catalogue_records import export_records
from catalogue_app.images.store import ImageStore
from catalogue_app.loans.rules import shown_location
from catalogue_app.messages import current_language, declare
from catalogue_app.records.entries import find_entry
from catalogue_app.records.fields import FIELDS_BY_NAME

CONDITION_REPORT = declare("documents.condition_report", "Condition report")
THE_OBJECT = declare("documents.the_object", "The object")
THE_REPORT = declare("documents.the_report", "The report")
REPORT_DATE = declare("documents.report_date", "Date of the report")
WRITTEN_BY = declare("documents.written_by", "Written by")
OVERALL_STATE = declare("documents.overall_state", "Overall state")
NOT_STATED = declare("documents.not_stated", "not stated")
SEEN = declare("documents.what_was_seen", "What was seen")
NOTHING_WRITTEN = declare("documents.nothing_written", "(nothing written)")
IMAGE_UNREADABLE = declare("documents.image_unreadable",
                           "{file}: the original is missing or unreadable")
SIGNED_AUTHOR = declare("documents.signed_author", "The author of the report")
SIGNED_CURATOR = declare("documents.signed_curator", "The curator of the collections")
# Who the object is, as the report names it.
IDENTITY = ("inventory_number", "designation", "title", "authors", "dating", "materials",
            "techniques", "measurements", "current_location")
IMAGE_HEIGHT_MM = 75


def print_condition_report(catalogue: Catalogue, record_id: str, report_id: str, out: Path,
                           render: Renderer) -> int:
    """Write the report to out as PDF; return its number of pages."""
    language = current_language()
    with catalogue.reading() as session:
        [record] = export_records(session, [record_id])
    report = find_entry(record, "condition_reports", report_id)
    store = ImageStore(catalogue.images_dir)
    pictures = []
    for sha256 in report.get("images") or ():
        image = next((i for i in record.get("images") or () if i["sha256"] == sha256), None)
        name = image["file_name"] if image else sha256[:12]
        # A missing or unreadable original is said on the page, under its name.
        pictures.append((name, preview(catalogue, store, image) if image else None))
    document = condition_report_document(record, report, pictures, catalogue.museum().name,
                                         language)
    return render(document, out)


def condition_report_document(record: Mapping[str, Any], report: Mapping[str, Any],
                              pictures: list[tuple[str, Path | None]], museum: str,
                              language: str) -> Document:
    def say(kind) -> str:
        return kind().text(language)

    number = record.get("inventory_number") or ""
    identity = dict(record, current_location=shown_location(record, today_iso()))
    identity_facts = [(FIELDS_BY_NAME[name].label(language), text) for name in IDENTITY
                      if (text := field_text(identity, name, language))]
    state = choice_text("condition_reports", report.get("state"), language) or say(NOT_STATED)
    report_facts = ((say(REPORT_DATE), report.get("date") or ""),
                    (say(WRITTEN_BY), report.get("author") or ""),
                    (say(OVERALL_STATE), state))
    blocks: list[Block] = [
        Heading(say(CONDITION_REPORT), centred=True),
        Paragraph(museum, "subtle", centred=True),
        Heading(say(THE_OBJECT), 2),
        label_table(identity_facts, continued=CONTINUED().text(language)),
        Heading(say(THE_REPORT), 2),
        label_table(report_facts),
        Heading(say(SEEN), 2),
        Paragraph(report.get("description") or say(NOTHING_WRITTEN)),
    ]
    if pictures:
        blocks.append(Heading(IMAGES().text(language), 2))
    for name, path in pictures:
        if path is None:
            blocks.append(Paragraph(IMAGE_UNREADABLE(file=name).text(language), "alert"))
        else:
            blocks += [Image(path, IMAGE_HEIGHT_MM), Paragraph(name, "subtle", centred=True)]
    blocks.append(Signatures((say(SIGNED_AUTHOR), say(SIGNED_CURATOR))))
    title = f"{say(CONDITION_REPORT)} — {number} — {report.get('date') or ''}"
    return Document(title, blocks, running_title=title, footer=PAGE_NUMBER().text(language))
