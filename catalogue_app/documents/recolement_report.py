"""The procès-verbal of a récolement campaign (arrêté of 25 May 2004, art. 12): what was
checked, found and not found, in what state and where, the observations, the objects found
without a number, and room to sign.

Like the register, it is a French legal document whatever language the interface speaks, so its
words are written here in French rather than declared as translatable messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from catalogue_app.clock import now_iso
from catalogue_app.documents.model import (
    Block,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Signatures,
    Space,
    Table,
)
from catalogue_app.documents.record_blocks import label_table
from catalogue_app.documents.register import french_day
from catalogue_app.errors import CatalogueError
from catalogue_app.locations.tree import path_of
from catalogue_app.recolement.campaigns import Campaign, find_campaign
from catalogue_app.recolement.progress import Progress, Tally, entries, progress
from catalogue_app.records.fields import CONDITION_STATES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from catalogue_app.catalogue import Catalogue

_TITLE = "Procès-verbal de récolement"
_FOOTER = "Paraphe : ....................        Page {n} / {total}"
_LEGAL_BASIS = ("Établi conformément à l'article L. 451-2 du code du patrimoine et à l'arrêté "
                "du 25 mai 2004 fixant les normes techniques relatives à la tenue de "
                "l'inventaire, du registre des biens déposés dans un musée de France et au "
                "récolement.")
_STATES = {c.code: c.label_fr for c in CONDITION_STATES}
_NO_LOCATION = "(sans localisation)"


def report_document(catalogue: Catalogue, reference: str) -> Document:
    museum = catalogue.museum()
    with catalogue.reading() as session:
        campaign = find_campaign(session, reference)
        tally = progress(session, campaign)
        listed = entries(session, campaign)
        places = [_place(session, location_id) for location_id in campaign.location_ids]
    found = [e for e in listed if e["check"] and e["check"]["result"] == "found"]
    not_found = [e for e in listed if e["check"] and e["check"]["result"] == "not_found"]
    unchecked = [e for e in listed if e["check"] is None]
    closed = campaign.closed_at is not None
    blocks: list[Block] = [
        Heading(_TITLE.upper(), centred=True),
        Heading(campaign.name, level=2, centred=True),
        Paragraph(f"{museum.name} (code Muséofile : {museum.code})" if museum.code
                  else museum.name, centred=True),
        Paragraph(_LEGAL_BASIS, "subtle", centred=True),
        Heading("Campagne", level=2),
        _facts(campaign, places),
        Heading("Bilan", level=2),
        _counts(tally, closed),
        Heading("Avancement par localisation", level=2),
        _by_location(tally),
        Heading(f"Biens présents ({len(found)})", level=2),
        _listed(found, _found_table),
        Heading(f"Biens {'manquants' if closed else 'non localisés'} ({len(not_found)})",
                level=2),
        Paragraph("Non retrouvés lors du récolement ; portés manquants à la clôture de la "
                  "campagne, ils restent inscrits à l'inventaire." if closed else
                  "Non retrouvés à ce jour ; ils seront portés manquants à la clôture de la "
                  "campagne s'ils ne sont pas retrouvés d'ici là.", "subtle"),
        _listed(not_found, lambda e: _short_table(e, "Dernière localisation connue")),
        Heading(f"Biens non encore récolés ({len(unchecked)})", level=2),
        _listed(unchecked, lambda e: _short_table(e, "Localisation")),
        Heading(f"Biens découverts sans numéro ou absents de l'inventaire "
                f"({len(campaign.unlisted_finds)})", level=2),
        _listed(list(campaign.unlisted_finds), _unlisted_table),
        Heading("Observations", level=2),
        *_observations(found),
        Space(4),
        Signatures(("Fait à ............................ le ............................",
                    "Le responsable du récolement (nom, qualité, signature)",
                    "Le chef d'établissement (visa et sceau)")),
    ]
    return Document(f"{_TITLE} — {campaign.name}", blocks, running_title=(
        f"{_TITLE} — {campaign.name} — {museum.name}" if museum.name else
        f"{_TITLE} — {campaign.name}"), footer=_FOOTER)


def _facts(campaign: Campaign, places: list[str]) -> Table:
    scope = [f"recherche « {campaign.query} »" if campaign.query else "tous les biens",
             *(f"dans « {path} »" for path in places),
             "dépôts compris" if campaign.include_deposits else "hors dépôts"]
    facts = (("Plan de récolement décennal", campaign.plan or "—"),
             ("Périmètre", ", ".join(scope)),
             ("Début", french_day(campaign.starts_on) or "—"),
             ("Fin", french_day(campaign.ends_on) or "—"),
             ("Clôture", french_day(campaign.closed_at[:10]) if campaign.closed_at
              else "campagne en cours"),
             ("Édité le", french_day(now_iso()[:10])))
    return label_table(facts, weights=(1, 2))


def _place(session: Session, location_id: str) -> str:
    try:
        return path_of(session, location_id)
    except CatalogueError:  # deleted since (once empty)
        return "(emplacement supprimé)"


def _counts(tally: Progress, closed: bool) -> Table:
    return label_table((("Biens à récoler", str(tally.total)),
                        ("Biens récolés", str(tally.checked)),
                        ("dont présents", str(tally.found)),
                        ("dont manquants" if closed else "dont non localisés",
                         str(tally.missing)),
                        ("Biens non encore récolés", str(tally.not_checked))),
                       weights=(1, 2))


def _by_location(tally: Progress) -> Table:
    def rows() -> Iterator[Row]:
        for location, counts in tally.by_location.items():
            yield _location_row(location or _NO_LOCATION, counts)

    return Table((Column("Localisation", 4), Column("À récoler", 1), Column("Récolés", 1),
                  Column("Présents", 1), Column("Non localisés", 1), Column("Restants", 1)),
                 rows, empty_text="Aucun bien dans le périmètre.")


def _location_row(location: str, counts: Tally) -> Row:
    return Row((location, *(str(n) for n in (counts.total, counts.checked, counts.found,
                                             counts.missing, counts.not_checked))))


def _found_table(found: list[dict[str, Any]]) -> Table:
    def rows() -> Iterator[Row]:
        for entry in found:
            check = entry["check"]
            yield Row((entry["inventory_number"], entry["designation"],
                       check["location"] or entry["location"], _STATES[check["state"]],
                       _yes_no(check["marked"]), _conformity(check),
                       check["note"], f"{french_day(check['date'][:10])}\n{check['user']}"))

    return Table((Column("Numéro", 3), Column("Désignation", 4), Column("Localisation", 4),
                  Column("État", 3), Column("Marquage", 2.5), Column("Conformité", 3),
                  Column("Observations", 4), Column("Récolé le, par", 3.5)),
                 rows, font_pt=8)


def _short_table(listed: list[dict[str, Any]], location_heading: str) -> Table:
    def rows() -> Iterator[Row]:
        for entry in listed:
            note = entry["check"]["note"] if entry["check"] else ""
            yield Row((entry["inventory_number"], entry["designation"], entry["location"],
                       note))

    return Table((Column("Numéro", 3), Column("Désignation", 5), Column(location_heading, 5),
                  Column("Observations", 5)), rows, font_pt=8)


def _unlisted_table(finds: list[dict[str, Any]]) -> Table:
    def rows() -> Iterator[Row]:
        for find in finds:
            yield Row((french_day(str(find.get("date") or "")[:10]),
                       str(find.get("description") or ""), str(find.get("note") or ""),
                       str(find.get("user") or "")))

    return Table((Column("Date", 2), Column("Description", 6), Column("Observations", 5),
                  Column("Agent", 2)), rows, font_pt=8)


def _listed(listed: list[dict[str, Any]],
            table: Callable[[list[dict[str, Any]]], Table]) -> Block:
    return table(listed) if listed else Paragraph("Aucun.", "subtle")


def _observations(found: list[dict[str, Any]]) -> list[Block]:
    differing = sum(1 for e in found if e["check"]["conforms"] is False)
    unmarked = sum(1 for e in found if e["check"]["marked"] is False)
    to_restore = sum(1 for e in found if e["check"]["state"] == "to_restore")
    return [Paragraph(f"Inscriptions non conformes au bien : {differing}. "
                      f"Biens sans marquage : {unmarked}. Biens à restaurer : {to_restore}."),
            Paragraph("Autres observations :"),
            Paragraph("." * 120, "subtle"), Paragraph("." * 120, "subtle")]


def _conformity(check: Mapping[str, Any]) -> str:
    if check["conforms"] is None:
        return ""
    if check["conforms"]:
        return "conforme"
    return "non conforme" + (f" : {check['differences']}" if check["differences"] else "")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("oui" if value else "non")
