"""Export for the national Joconde catalogue on POP (Plateforme ouverte du patrimoine, Ministère
de la Culture).

Source of the format: the POP code base, github.com/betagouv/pop —
  * apps/production/src/scenes/import/joconde.js: a museum delivers Joconde notices as a CSV
    file (UTF-8, ";" delimiter, '"' quote, first row = Joconde field codes) or as an "ajout
    piloté" text file; images (.jpg) go beside it, named in REFIM;
  * apps/production/src/entities/Notice.js: fields of type Array are split on ";" and trimmed;
  * apps/api/doc/joconde.md: the Joconde data model (field codes, labels, which are Arrays,
    which are required: REF, INV, DOMN, STAT, MUSEO).
The open-data Joconde export (resources/mappings/joconde.json reads it) shows the conventions
followed here: an author's role in brackets after the name ("Lefébure (fabricant)"), LOCA as
"Ville ; musée", several values separated by " ; ".

We write the CSV form, the one that keeps line breaks. Our fields go to Joconde as follows:

  REF    the notice's Joconde reference when the museum knows it (joconde_refs); POP assigns
         references and updates the notice that carries one, so none is ever invented
  INV    inventory_number                 MUSEO  museum["code"] (the Museofile code)
  DOMN   themes (last segment of each path; Joconde expects its Domaine thesaurus)
  DENO   designation                      TITR   title
  AUTR   authors, "name (role)"           PERI   dating, as entered
  MILL   date_earliest ; date_latest      LIEUX  origin_place
  TECH   materials ; techniques           DIMS   measurements, as entered
  PINS   inscriptions (INSC is the controlled list of kinds of inscription, which we lack)
  DESC   description                      REPR   subjects
  UTIL   function                         ETAT   condition_at_acquisition
  STAT   museum["legal_status"] (e.g. "propriété de la commune") ; acquisition_mode
  DACQ   acquisition_date                 LOCA   museum["name"]
  APTN   acquisition_source, COMM observations: private, only with include_private

Joconde has no place for register_date, number_of_parts, credit_line, current_location,
acquisition_price or committee_opinion; images are delivered as files, not by this export.
POP splits Array fields on ";", so a ";" inside one value (say a subject) reads back as two.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from catalogue_app.exchange.record_values import (
    authors,
    holding_museum,
    list_values,
    text_value,
)

VALUE_SEPARATOR = " ; "
COLUMNS = ("REF", "INV", "MUSEO", "DOMN", "DENO", "TITR", "AUTR", "PERI", "MILL", "LIEUX",
           "TECH", "DIMS", "PINS", "DESC", "REPR", "UTIL", "ETAT", "STAT", "DACQ", "LOCA")
PRIVATE_COLUMNS = ("APTN", "COMM")


def write_joconde(records: Iterable[Mapping[str, Any]], out: TextIO, *,
                  museum: Mapping[str, str], include_private: bool = False,
                  joconde_refs: Mapping[str, str] | None = None) -> int:
    """Write records as a Joconde delivery CSV; return how many were written.

    out is a text stream opened with newline="" (the csv module writes the line ends) and
    encoding="utf-8". museum is {"code", "name"} and may carry "legal_status" (a record's own
    "museum" takes precedence for code and name). joconde_refs maps record ids to the Joconde
    references of notices already on POP."""
    columns = COLUMNS + (PRIVATE_COLUMNS if include_private else ())
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", quotechar='"',
                            quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for record in records:
        row = joconde_row(record, museum, include_private, joconde_refs or {})
        writer.writerow({code: row.get(code, "") for code in columns})
        count += 1
    return count


def joconde_row(record: Mapping[str, Any], museum: Mapping[str, str], include_private: bool,
                joconde_refs: Mapping[str, str]) -> dict[str, str]:
    """One record as {Joconde field code: value}; empty fields are left out."""
    museum = holding_museum(record, museum)

    def text(name: str) -> str:
        return text_value(record, name, include_private) or ""

    def joined(values: Iterable[str]) -> str:
        return VALUE_SEPARATOR.join(values)

    years = [str(y) for y in (record.get("date_earliest"), record.get("date_latest"))
             if y is not None]
    row = {
        "REF": joconde_refs.get(str(record.get("id")), ""),
        "INV": text("inventory_number"),
        "MUSEO": museum.get("code", ""),
        "DOMN": joined(path.split(">")[-1].strip() for path in list_values(record, "themes")),
        "DENO": text("designation"),
        "TITR": text("title"),
        "AUTR": joined(_author(a) for a in authors(record)),
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
        "STAT": joined(v for v in (museum.get("legal_status", ""), text("acquisition_mode"))
                       if v),
        "DACQ": text("acquisition_date"),
        "LOCA": museum.get("name", ""),
        "APTN": text("acquisition_source"),
        "COMM": text("observations"),
    }
    return {code: value for code, value in row.items() if value}


def _author(author: Mapping[str, Any]) -> str:
    role = str(author.get("role") or "").strip()
    return f"{author['name']} ({role})" if role else str(author["name"])
