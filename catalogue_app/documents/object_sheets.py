"""Object sheets: one per record, every field with its label in the interface language, the
primary image (a preview) and the list of images."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from catalogue_app.catalogue import Catalogue
from catalogue_app.documents.model import (
    CONTINUED,
    PAGE_NUMBER,
    Block,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Renderer,
)
from catalogue_app.documents.record_blocks import label_table, preview
from catalogue_app.documents.record_text import deaccession_note, field_text
from catalogue_app.exchange.catalogue_records import export_records
from catalogue_app.images.store import ImageStore
from catalogue_app.images.view_types import VIEW_LABELS
from catalogue_app.messages import current_language, declare
from catalogue_app.records.fields import FIELDS

OBJECT_SHEETS = declare("documents.object_sheets", "Object sheets")
IMAGES = declare("documents.images", "Images")


def print_object_sheets(catalogue: Catalogue, ids: Sequence[str], out: Path,
                        render: Renderer) -> int:
    """Write one sheet per record (each from a new page) in one PDF; return how many."""
    language = current_language()
    store = ImageStore(catalogue.images_dir)
    blocks: list[Block] = []
    count = 0
    with catalogue.reading() as session:
        for count, record in enumerate(export_records(session, ids), start=1):
            if count > 1:
                blocks.append(PageBreak())
            blocks += _sheet(record, _primary_picture(catalogue, store, record), language)
    document = Document(OBJECT_SHEETS().text(language), blocks,
                        footer=PAGE_NUMBER().text(language))
    render(document, out)
    return count


def _sheet(record: Mapping[str, Any], picture: Path | None, language: str) -> list[Block]:
    heading = " — ".join(t for t in (record.get("inventory_number"),
                                     record.get("title") or record.get("designation")) if t)
    blocks: list[Block] = [Heading(heading),
                           Paragraph((record.get("museum") or {}).get("name", ""), "subtle")]
    note = deaccession_note(record, language)
    if note:
        blocks.append(Paragraph(note, "alert"))
    if picture is not None:
        blocks.append(Image(picture))
    facts = [(f.label(language), field_text(record, f.name, language)) for f in FIELDS]
    images = record.get("images") or []
    if images:
        facts.append((IMAGES().text(language),
                      "\n".join(f"{i.get('file_name', '')} ({_view(i, language)})"
                                for i in images)))
    blocks.append(label_table(facts, continued=CONTINUED().text(language)))
    return blocks


def _view(image: Mapping[str, Any], language: str) -> str:
    """What the image shows, said in the language; a view type this version does not know, as
    is."""
    code = image.get("view_type", "")
    return VIEW_LABELS[code]().text(language) if code in VIEW_LABELS else code


def _primary_picture(catalogue: Catalogue, store: ImageStore,
                     record: Mapping[str, Any]) -> Path | None:
    images = record.get("images") or []
    image = next((i for i in images if i.get("is_primary")), images[0] if images else None)
    # An unreadable original: the sheet is printed without it.
    return preview(catalogue, store, image) if image is not None else None
