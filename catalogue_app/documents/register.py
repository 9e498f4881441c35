"""The regulatory inventory register (arrêté of 25 May 2004: 18 columns) and the register of
deposits, as PDF editions (register_edition.py says which entries and in what state).

A register is a French legal document whatever language the interface speaks, so its words
are written here in French rather than declared as translatable messages: there is no other
language to show them in. An edition opens with a title page (museum, edition, number of
pages, room to sign), lists the entries in order of entry with every cell whole (long cells
wrap; an entry taller than a page continues on the next), radiations struck through and
kept, rectifications and radiations written in the observations, and ends with the closing
statement and its signatures. Every page carries its number and a space for initials."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogue_app.catalogue import Catalogue
from catalogue_app.clock import now_iso
from catalogue_app.documents.model import (
    Block,
    Column,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Renderer,
    Row,
    Signatures,
    Space,
    Table,
)
from catalogue_app.documents.record_text import choice_text
from catalogue_app.documents.register_edition import (
    as_of,
    edition_end,
    entry_ids,
    rectifications,
)
from catalogue_app.exchange.catalogue_records import export_records
from catalogue_app.records.calendar_dates import parse_partial_date
from catalogue_app.records.fields import FIELDS, FIELDS_BY_NAME
from catalogue_app.records.multivalue import author_in_french

_FONT_PT = 7
# Eighteen columns: on A3 (the size of a bound register) every heading's words stay whole and a
# designation or an observation gets a readable width; printed on A4 it shrinks to 5 points.
_PAPER = "A3"
_INVENTORY_TITLE = "Registre d'inventaire"
_DEPOSITS_TITLE = "Registre des biens déposés"
_INVENTORY_SUBTITLE = "des biens affectés aux collections du musée de France"
_DEPOSITS_SUBTITLE = "des biens reçus en dépôt par le musée de France"
_LEGAL_BASIS = ("Tenu conformément à l'arrêté du 25 mai 2004 fixant les normes techniques "
                "relatives à la tenue de l'inventaire, du registre des biens déposés dans un "
                "musée de France et au récolement.")
_EMPTY = "Aucun bien n'est encore inscrit à ce registre."
_FOOTER = "Paraphe : ....................        Page {n} / {total}"
_CONTINUED = "(suite)"
_RADIATED_MARK = "(radié)"
_MISSING_MARK = "(manquant)"


@dataclass(frozen=True)
class _Column:
    field: str
    heading: str
    weight: float


def _numbered(names_weights: tuple[tuple[str, float], ...]) -> tuple[_Column, ...]:
    return tuple(_Column(name, f"{FIELDS_BY_NAME[name].regulatory_column}. "
                               f"{FIELDS_BY_NAME[name].label_fr}", weight)
                 for name, weight in names_weights)


# The 18 columns of the arrêté, in its order; wide for designation, inscriptions, observations.
INVENTORY_COLUMNS = _numbered(tuple(zip(
    (f.name for f in sorted((f for f in FIELDS if f.regulatory_column),
                            key=lambda f: f.regulatory_column)),
    (8, 5, 7, 7, 6, 5, 6, 10, 9, 5, 6, 6, 5, 7, 6, 5, 5, 18), strict=True)))
# The register of deposits says who deposited what, under which convention, until when.
DEPOSIT_COLUMNS = (
    _Column("inventory_number", "Numéro de dépôt", 8),
    _Column("register_date", "Date d'inscription au registre", 6),
    _Column("depositor", "Déposant (propriétaire)", 8),
    _Column("deposit_owner_number", "Numéro d'inventaire chez le propriétaire", 7),
    _Column("deposit_reference", "Référence de l'acte de dépôt (convention, arrêté)", 8),
    _Column("deposit_term", "Échéance du dépôt", 6),
    _Column("designation", "Désignation du bien", 9),
    _Column("inscriptions", "Marques et inscriptions", 7),
    _Column("materials", "Matières ou matériaux", 6),
    _Column("techniques", "Techniques de réalisation", 6),
    _Column("measurements", "Mesures", 6),
    _Column("condition_at_acquisition", "État du bien au moment du dépôt", 6),
    _Column("authors", "Auteur, collecteur, fabricant, commanditaire", 7),
    _Column("dating", "Époque, datation ou date d'utilisation", 6),
    _Column("observations", "Observations", 11),
)


def print_register(catalogue: Catalogue, out: Path, render: Renderer, deposits: bool = False,
                   year: int | None = None) -> int:
    """Write an edition of the register as a PDF (the whole register as it stands, or as it
    stood at the end of `year`); return the number of entries."""
    end = edition_end(year)
    with catalogue.reading() as session:
        ids = entry_ids(session, deposits, end)
    render(register_document(catalogue, ids, deposits, year), out)
    return len(ids)


def register_document(catalogue: Catalogue, ids: list[str], deposits: bool,
                      year: int | None = None) -> Document:
    museum = catalogue.museum()
    end = edition_end(year)
    title = _DEPOSITS_TITLE if deposits else _INVENTORY_TITLE
    running = f"{title} — {museum.name} ({museum.code})" if museum.code else title
    columns = DEPOSIT_COLUMNS if deposits else INVENTORY_COLUMNS

    def rows() -> Iterator[Row]:
        with catalogue.reading() as session:
            for record in export_records(session, ids):
                yield _entry(as_of(record, end), columns)

    table = Table(tuple(Column(c.heading, c.weight) for c in columns), rows, font_pt=_FONT_PT,
                  empty_text=_EMPTY, continued=_CONTINUED)
    edition = (f"Édition arrêtée au 31 décembre {year}" if year is not None
               else f"État du registre au {french_day(now_iso()[:10])}")
    first, last = _bounds(catalogue, ids, end)
    blocks: list[Block] = [
        *_title_page(title, _DEPOSITS_SUBTITLE if deposits else _INVENTORY_SUBTITLE,
                     museum.name, museum.code, edition),
        PageBreak(), table, PageBreak(),
        *_closing(len(ids), first, last, edition),
    ]
    return Document(f"{title} — {museum.name}" if museum.name else title, blocks,
                    landscape=True, paper=_PAPER, running_title=running, footer=_FOOTER,
                    font_pt=_FONT_PT)


def _title_page(title: str, subtitle: str, museum: str, code: str, edition: str) -> list[Block]:
    return [
        Space(35),
        Heading(title.upper(), centred=True),
        Paragraph(subtitle, centred=True),
        Space(10),
        Heading(museum or "Musée (nom à renseigner)", level=2, centred=True),
        Paragraph(f"Code Muséofile : {code}" if code else "", "subtle", centred=True),
        Space(8),
        Heading(edition, level=2, centred=True),
        Paragraph("Le présent registre comporte {total} pages, numérotées de 1 à {total}, "
                  "cotées et paraphées.", centred=True, counts_pages=True),
        Space(6),
        Paragraph(_LEGAL_BASIS, "subtle", centred=True),
        Space(10),
        Signatures(("Ouvert le ............................",
                    "Le responsable des collections (nom, qualité, signature)",
                    "Sceau de l'établissement")),
    ]


def _closing(count: int, first: str, last: str, edition: str) -> list[Block]:
    entries = (f"{count} inscription(s), de la première (n° {first}) à la dernière "
               f"(n° {last})" if count else "aucune inscription")
    return [
        Heading("Clôture", level=2),
        Paragraph("Le présent registre comporte {total} pages, numérotées de 1 à {total}, et "
                  f"{entries}. {edition}.", counts_pages=True),
        Paragraph("Les radiations et les rectifications figurent, datées et motivées, dans la "
                  "colonne des observations de l'inscription qu'elles concernent.", "subtle"),
        Space(4),
        Signatures(("Clos le ............................ à ............................",
                    "Le responsable des collections (nom, qualité, signature)",
                    "Sceau de l'établissement")),
    ]


def _bounds(catalogue: Catalogue, ids: list[str],
            end: datetime.date | None) -> tuple[str, str]:
    """The numbers of the first and last entries, as the edition shows them."""
    if not ids:
        return "", ""
    with catalogue.reading() as session:
        ends = {r["id"]: as_of(r, end)["inventory_number"]
                for r in export_records(session, [ids[0], ids[-1]])}
    return ends[ids[0]], ends[ids[-1]]


def _entry(record: Mapping[str, Any], columns: tuple[_Column, ...]) -> Row:
    cells = [cell_text(record, c.field) for c in columns]
    radiated = record.get("status") == "deaccessioned"
    marks = [m for m, on in ((_RADIATED_MARK, radiated),
                             (_MISSING_MARK, record.get("status") == "missing")) if on]
    if marks:
        cells[0] = "\n".join([cells[0], *marks])
    events = [*(_rectification(r) for r in rectifications(record)), _radiation(record),
              _return(record)]
    cells[-1] = "\n".join(t for t in (cells[-1], *events) if t)
    return Row(tuple(cells), struck=radiated)


def cell_text(record: Mapping[str, Any], name: str) -> str:
    """A field as the register prints it: lists joined with " ; ", authors with their role
    in French, text exactly as entered."""
    value = record.get(name)
    if name == "authors":
        return " ; ".join(author_in_french(a) for a in value or [])
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _radiation(record: Mapping[str, Any]) -> str:
    if record.get("status") != "deaccessioned":
        return ""
    case = str(record.get("deaccession_case") or "")
    decision = record.get("deaccession_decision") or ""
    parts = [f"Radié le {french_day(record.get('deaccession_date'))}",
             f"motif : {choice_text('deaccession_case', case, 'fr').lower()}" if case else "",
             f"décision : {decision}" if decision else ""]
    return " — ".join(p for p in parts if p)


def _return(record: Mapping[str, Any]) -> str:
    """A deposit ends by going back to its owner (never by a radiation)."""
    returned = record.get("deposit_returned")
    return f"Rendu au déposant le {french_day(returned)}" if returned else ""


def _rectification(rectification: Mapping[str, Any]) -> str:
    name = str(rectification.get("field") or "")
    field = FIELDS_BY_NAME.get(name)
    label = field.label_fr if field else name
    by = f" par {rectification['user']}" if rectification.get("user") else ""
    old, new = rectification.get("old") or "", rectification.get("new") or ""
    return (f"Rectifié le {french_day(rectification.get('date'))}{by} : {label} « {old} » "
            f"remplacé par « {new} » — motif : {rectification.get('reason') or ''}")


def french_day(text: Any) -> str:
    """A day written as a French register writes it (21/03/2020); other text as it is."""
    found = parse_partial_date(str(text or ""))
    if found is None or found.day is None:
        return str(text or "")
    return f"{found.day:02d}/{found.month:02d}/{found.year}"

