"""Export for the national Joconde catalogue on POP (Plateforme ouverte du patrimoine, Ministère
de la Culture).

Source of the format: the POP code base, github.com/betagouv/pop —
  * apps/production/src/scenes/import/joconde.js: a museum delivers Joconde notices as a CSV
    file (UTF-8, ";" delimiter, '"' quote, first row = Joconde field codes) or as an "ajout
    piloté" text file; images (.jpg) go beside it, named in REFIM. A REF shorter than 11
    characters is padded with zeros, so an empty REF would become 00000000000 for every new
    notice: notices without a reference never go in the delivery (see below);
  * apps/production/src/entities/Notice.js: fields of type Array are split on ";" and trimmed;
  * apps/production/src/entities/Joconde.js: a LOCA that says "manquant" (or "volé", "détruit")
    flags the notice MANQUANT;
  * doc/joconde.md: the Joconde data model (field codes, labels, which are Arrays, which are
    required: REF, INV, DOMN, STAT, MUSEO).
The open-data Joconde export (resources/mappings/joconde.json reads it) shows the conventions
followed here: an author's role in brackets after the name ("Lefébure (fabricant)"), LOCA as
"Ville ; musée", several values separated by " ; ", former numbers after the number in INV.

Which records go is the Joconde channel's rule (catalogue_app.publication.joconde: marked
"Diffusable", active or missing, never radiated, never in the trash), applied by the callers
(the desk's export, the base's). Our fields go to Joconde as follows:

  REF    joconde_ref, the notice's reference on POP; never invented: a record without one is
         a new notice, written apart (write_joconde's new_notices) for the Joconde service
  INV    inventory_number ; former_numbers      MUSEO  the museum's Muséofile code
  DOMN   domains (the Joconde Domaine thesaurus)
  DENO   designation                      TITR   title
  AUTR   authors, "name (rôle)"           PERI   dating, as entered
  MILL   date_earliest ; date_latest      LIEUX  origin_place
  TECH   materials ; techniques           DIMS   measurements, as entered
  PINS   inscriptions                     DESC   description
  REPR   subjects                         UTIL   function
  ETAT   condition_at_acquisition         DACQ   acquisition_date
  STAT   owner ; acquisition_mode — the museum's owner ("propriété de la commune"); for a
         deposit, the depositor and "dépôt"
  APTN   ownership_history (Ancienne appartenance: the provenance, not the donor)
  BIBL   bibliography                     EXPO   exhibitions
  LOCA   "town ; museum name", with "manquant" for a missing object
  COMM   observations: private, only with include_private

Joconde has no place for register_date, number_of_parts, credit_line, current_location,
acquisition_price or committee_opinion; the donor (acquisition_source) never leaves the museum;
images are delivered as files, not by this export. POP splits Array fields on ";", so a ";"
inside one value (say a subject) reads back as two.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from catalogue_app.exchange.record_values import (
    authors,
    holding_museum,
    list_values,
    text_value,
)
from catalogue_app.records.multivalue import author_in_french

VALUE_SEPARATOR = " ; "
COLUMNS = ("REF", "INV", "MUSEO", "DOMN", "DENO", "TITR", "AUTR", "PERI", "MILL", "LIEUX",
           "TECH", "DIMS", "PINS", "DESC", "REPR", "UTIL", "ETAT", "STAT", "DACQ", "APTN",
           "BIBL", "EXPO", "LOCA")
PRIVATE_COLUMNS = ("COMM",)
REQUIRED = ("REF", "INV", "DOMN", "STAT", "MUSEO")  # POP refuses a notice without one
MISSING_MARK = "manquant"
DEPOSIT_MARK = "dépôt"


@dataclass
class JocondeReport:
    written: int = 0  # notices with a reference, in the delivery
    new: list[str] = field(default_factory=list)  # inventory numbers of the new notices
    withheld: int = 0  # records the Joconde channel does not publish
    # Records left out for lack of a field POP requires (other than REF): (inventory number,
    # the codes of the fields they lack).
    incomplete: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def write_joconde(records: Iterable[Mapping[str, Any]], out: TextIO, *,
                  museum: Mapping[str, str], include_private: bool = False,
                  new_notices: TextIO | None = None) -> JocondeReport:
    """Write records (those the Joconde channel publishes: the caller decides) as a Joconde
    delivery CSV; those without a Joconde reference go to new_notices (same columns, REF
    empty) when given, and those POP would refuse (no DOMN, STAT or MUSEO) are only listed in
    the report.

    Streams are text streams opened with newline="" (the csv module writes the line ends) and
    encoding="utf-8". museum is {"code", "name"} and may carry "owner" and "town" (a record's
    own "museum" takes precedence)."""
    columns = COLUMNS + (PRIVATE_COLUMNS if include_private else ())
    known, new = _writer(out, columns), _writer(new_notices, columns) if new_notices else None
    report = JocondeReport()
    for record in records:
        row = joconde_row(record, museum, include_private)
        missing = tuple(code for code in REQUIRED if code != "REF" and not row.get(code))
        if missing:  # POP would refuse it: listed, for the curator to complete
            report.incomplete.append((row.get("INV", ""), missing))
        elif row.get("REF"):
            known.writerow({code: row.get(code, "") for code in columns})
            report.written += 1
        else:
            report.new.append(row.get("INV", ""))
            if new is not None:
                new.writerow({code: row.get(code, "") for code in columns})
    return report


def _writer(out: TextIO, columns: tuple[str, ...]) -> csv.DictWriter:
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", quotechar='"',
                            quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    return writer


def joconde_row(record: Mapping[str, Any], museum: Mapping[str, str],
                include_private: bool = False) -> dict[str, str]:
    """One record as {Joconde field code: value}; empty fields are left out."""
    museum = holding_museum(record, museum)

    def text(name: str) -> str:
        return text_value(record, name, include_private) or ""

    def joined(values: Iterable[str]) -> str:
        return VALUE_SEPARATOR.join(v for v in values if v)

    years = [str(y) for y in (record.get("date_earliest"), record.get("date_latest"))
             if y is not None]
    row = {
        "REF": text("joconde_ref").strip(),
        "INV": joined([text("inventory_number"), *list_values(record, "former_numbers")]),
        "MUSEO": museum.get("code", ""),
        "DOMN": joined(list_values(record, "domains")),
        "DENO": text("designation"),
        "TITR": text("title"),
        "AUTR": joined(author_in_french(a) for a in authors(record)),
        "PERI": text("dating"),
        "MILL": joined(dict.fromkeys(years)),
        "LIEUX": text("origin_place"),
        "TECH": joined(list_values(record, "materials") + list_values(record, "techniques")),
        "DIMS": text("measurements"),
        "PINS": text("inscriptions"),
        "DESC": text("description"),
        "REPR": joined(list_values(record, "subjects")),
        "UTIL": text("function"),
        "ETAT": text("condition_at_acquisition"),
        "STAT": joined(_status(record, museum)),
        "DACQ": text("acquisition_date"),
        "APTN": text("ownership_history"),
        "BIBL": text("bibliography"),
        "EXPO": text("exhibitions"),
        "LOCA": joined([museum.get("town", ""), museum.get("name", ""),
                        MISSING_MARK if record.get("status") == "missing" else ""]),
        "COMM": text("observations"),
    }
    return {code: value for code, value in row.items() if value}


def _status(record: Mapping[str, Any], museum: Mapping[str, str]) -> list[str]:
    """STAT: the kind of ownership, then how the object came (POP's statut juridique)."""
    if record.get("legal_status") == "deposit":
        # The depositor keeps the property: its name says whose, "dépôt" says how.
        return [str(record.get("depositor") or "").strip(), DEPOSIT_MARK]
    return [museum.get("owner", "").strip(), str(record.get("acquisition_mode") or "").strip()]
