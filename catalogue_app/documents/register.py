"""The regulatory inventory register (arrêté of 25 May 2004: 18 columns) and the deposits
register, always in French: every inscribed entry of that legal status in inventory order,
deaccessioned entries struck through and kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from catalogue_app.catalogue import Catalogue
from catalogue_app.documents.model import (
    CONTINUED,
    PAGE_NUMBER,
    Column,
    Document,
    Renderer,
    Row,
    Table,
)
from catalogue_app.documents.record_text import deaccession_note, field_text
from catalogue_app.exchange.catalogue_records import export_records, register_record_ids
from catalogue_app.messages import declare
from catalogue_app.records.fields import FIELDS

LANGUAGE = "fr"
REGISTER_FIELDS = sorted((f for f in FIELDS if f.regulatory_column),
                         key=lambda f: f.regulatory_column)
# Relative widths of the 18 columns: wide for designation, inscriptions and observations.
_WEIGHTS = (8, 5, 7, 7, 6, 5, 7, 8, 7, 5, 6, 6, 5, 7, 6, 5, 5, 8)
_FONT_PT = 6

INVENTORY_REGISTER = declare("documents.inventory_register", "Inventory register")
DEPOSITS_REGISTER = declare("documents.deposits_register", "Deposits register")
REGISTER_EMPTY = declare("documents.register_empty",
                         "No record has been entered in this register yet.")
DEACCESSIONED_MARK = declare("documents.deaccessioned_mark", "(deaccessioned)")


def print_register(catalogue: Catalogue, out: Path, render: Renderer,
                   deposits: bool = False) -> int:
    """Write the register as a PDF; return the number of entries."""
    with catalogue.reading() as session:
        ids = register_record_ids(session, deposits)
    render(register_document(catalogue, ids, deposits), out)
    return len(ids)


def register_document(catalogue: Catalogue, ids: list[str], deposits: bool) -> Document:
    museum = catalogue.museum()
    name = (DEPOSITS_REGISTER if deposits else INVENTORY_REGISTER)().text(LANGUAGE)
    title = f"{name} — {museum.name} ({museum.code})" if museum.code else name

    def rows() -> Iterator[Row]:
        with catalogue.reading() as session:
            for record in export_records(session, ids):
                yield _entry(record)

    columns = tuple(Column(f"{f.regulatory_column}. {f.label_fr}", weight)
                    for f, weight in zip(REGISTER_FIELDS, _WEIGHTS, strict=True))
    table = Table(columns, rows, font_pt=_FONT_PT, empty_text=REGISTER_EMPTY().text(LANGUAGE),
                  continued=CONTINUED().text(LANGUAGE))
    return Document(title, [table], landscape=True, running_title=title,
                    footer=PAGE_NUMBER().text(LANGUAGE), font_pt=_FONT_PT)


def _entry(record: dict) -> Row:
    cells = [field_text(record, f.name, LANGUAGE) for f in REGISTER_FIELDS]
    note = deaccession_note(record, LANGUAGE)
    if note:
        cells[0] = f"{cells[0]}\n{DEACCESSIONED_MARK().text(LANGUAGE)}"
        cells[-1] = f"{note}\n{cells[-1]}".strip()
    return Row(tuple(cells), struck=bool(note))
