"""Which column of a spreadsheet feeds which record field (design.md §11, a contract).

A mapping file is JSON: {"columns": {"CSV header": "field" | {"field": "field", "split": ";"}},
"inscribed": true|false}; "inscribed" says the file is an existing inventory (the Joconde open
data is): every record it brings is inscribed in the register (design.md §3).
"split" is the character that separates several values in one cell of a multi-valued field
(materials, techniques, subjects, authors, themes); it defaults to ";", the app's own separator,
read with the app's backslash escaping. Other keys of a column, for files from other systems:
- "join": this column adds to a one-value field another column already fills (the second to
  seventh periods of a Joconde notice), after the text given ("join": " ; ");
- "former_numbers": true, on the inventory number's column: a cell such as
  "932.3.24.1 ; 2625 (MD)" is a number followed by former numbers (inventory_numbers
  .split_former_numbers); the former numbers go to former_numbers;
- the field "years": one year or a range, in any wording the dating reader knows or in
  Joconde's (a millésime such as "1800 entre,1900 et"), sets date_earliest and date_latest.
A mapping may say "inscribed": true beside "columns": the file is an existing inventory (a
Joconde export), so every record it brings is inscribed.

Without a mapping, a header matches a field by its canonical name or by its French or English
label, whatever the case, accents, spaces or underscores (auto_mapping), so the app's own CSV
reads back as it was written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from catalogue_app.errors import CatalogueError
from catalogue_app.folding import fold
from catalogue_app.messages import declare
from catalogue_app.records.fields import FIELDS

MAPPING_UNREADABLE = declare(
    "exchange.mapping_unreadable",
    "Cannot read the mapping file {path}: {reason}.")
MAPPING_NOT_JSON = declare(
    "exchange.mapping_not_json",
    "{where}: not valid JSON (line {line}: {reason}).")
MAPPING_SHAPE = declare("exchange.mapping_shape", "{where}: expected {example}.")
MAPPING_NO_FIELD = declare(
    "exchange.mapping_no_field",
    "{where}: column {header!r} must name a field.")
MAPPING_UNKNOWN_FIELD = declare(
    "exchange.mapping_unknown_field",
    "{where}: column {header!r} names an unknown field {field!r}; see `catalogue-app fields`.")
MAPPING_INSCRIBED = declare(
    "exchange.mapping_inscribed",
    "{where}: \"inscribed\" must be true or false.")
MAPPING_SPLIT = declare(
    "exchange.mapping_split",
    "{where}: column {header!r}: split must be one character.")
MAPPING_JOIN = declare(
    "exchange.mapping_join",
    "{where}: column {header!r}: join must be a text (the words put between two columns).")
MAPPING_FORMER_NUMBERS = declare(
    "exchange.mapping_former_numbers",
    "{where}: column {header!r}: former_numbers (true or false) belongs to the column mapped "
    "to inventory_number.")

DEFAULT_SPLIT = ";"
# Derived years may be carried by a file (the app's own CSV writes them as extra columns):
# importing them keeps years a curator typed where the dating text cannot be read.
YEAR_FIELDS = ("date_earliest", "date_latest")
YEARS = "years"  # both years at once, from one text
MAPPABLE_FIELDS = tuple(f.name for f in FIELDS) + YEAR_FIELDS + (YEARS,)


class MappingError(CatalogueError):
    """A mapping file that cannot be used; the message says what and where."""


@dataclass(frozen=True)
class ColumnTarget:
    field: str
    split: str = DEFAULT_SPLIT
    join: str | None = None
    former_numbers: bool = False

    def to_json(self) -> str | dict[str, object]:
        options: dict[str, object] = {}
        if self.split != DEFAULT_SPLIT:
            options["split"] = self.split
        if self.join is not None:
            options["join"] = self.join
        if self.former_numbers:
            options["former_numbers"] = True
        return {"field": self.field, **options} if options else self.field


@dataclass(frozen=True)
class ColumnMapping:
    columns: dict[str, ColumnTarget]
    inscribed: bool = False

    def to_json(self) -> str:
        document: dict[str, object] = {
            "columns": {header: target.to_json() for header, target in self.columns.items()}}
        if self.inscribed:
            document["inscribed"] = True
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding="utf-8")


def load_mapping(path: Path) -> ColumnMapping:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(MAPPING_UNREADABLE, path=path, reason=exc) from exc
    return parse_mapping(text, str(path))


def parse_mapping(text: str, where: str = "mapping") -> ColumnMapping:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MappingError(MAPPING_NOT_JSON, where=where, line=exc.lineno,
                           reason=exc.msg) from exc
    if not isinstance(document, dict) or not isinstance(document.get("columns"), dict):
        raise MappingError(MAPPING_SHAPE, where=where,
                           example='{"columns": {"CSV header": "field", ...}}')
    columns = {}
    for header, target in document["columns"].items():
        if isinstance(target, str):
            target = {"field": target}
        if not isinstance(target, dict) or not isinstance(target.get("field"), str):
            raise MappingError(MAPPING_NO_FIELD, where=where, header=header)
        if target["field"] not in MAPPABLE_FIELDS:
            raise MappingError(MAPPING_UNKNOWN_FIELD, where=where, header=header,
                               field=target["field"])
        split = target.get("split", DEFAULT_SPLIT)
        if not isinstance(split, str) or len(split) != 1:
            raise MappingError(MAPPING_SPLIT, where=where, header=header)
        join = target.get("join")
        if join is not None and (not isinstance(join, str) or not join):
            raise MappingError(MAPPING_JOIN, where=where, header=header)
        former_numbers = target.get("former_numbers", False)
        if not isinstance(former_numbers, bool) or (
                former_numbers and target["field"] != "inventory_number"):
            raise MappingError(MAPPING_FORMER_NUMBERS, where=where, header=header)
        columns[header] = ColumnTarget(target["field"], split, join, former_numbers)
    inscribed = document.get("inscribed", False)
    if not isinstance(inscribed, bool):
        raise MappingError(MAPPING_INSCRIBED, where=where)
    return ColumnMapping(columns, inscribed)


_LITTLE_WORDS = frozenset({"d", "de", "du", "des", "l", "la", "le", "les", "of", "the"})


def _key(text: str) -> str:
    """`Numero_inventaire`, `Numéro d'inventaire` and `numero inventaire` are one key."""
    words = re.split(r"[\s_'’.-]+", fold(text))
    return " ".join(w for w in words if w and w not in _LITTLE_WORDS)


_NAMES: dict[str, str] = {}
for _field in FIELDS:
    for _text in (_field.name, _field.label_fr, _field.label_en):
        _NAMES.setdefault(_key(_text), _field.name)
for _name in YEAR_FIELDS:
    _NAMES[_key(_name)] = _name


def auto_mapping(headers: list[str]) -> ColumnMapping:
    """Map each header that names a field (by name or label); the first header wins a field."""
    columns: dict[str, ColumnTarget] = {}
    taken: set[str] = set()
    for header in headers:
        field = _NAMES.get(_key(header))
        if field and field not in taken and header not in columns:
            columns[header] = ColumnTarget(field)
            taken.add(field)
    return ColumnMapping(columns)


def shipped_mappings() -> dict[str, ColumnMapping]:
    """The mappings shipped in resources/mappings/ for known sources, by file stem."""
    folder = resources.files("resources").joinpath("mappings")
    return {entry.name.removesuffix(".json"): parse_mapping(entry.read_text("utf-8"), entry.name)
            for entry in folder.iterdir() if entry.name.endswith(".json")}


def suggested_mapping(headers: list[str]) -> ColumnMapping:
    """A shipped mapping for a known source (the Joconde open data, a Joconde/POP delivery)
    when the file holds its inventory-number column and at least three quarters of its
    columns (a delivery leaves out the private ones), restricted to the columns the file
    holds; else each header matched by the field's name or label (auto_mapping), then by a
    known source's column name (with its options) or a name French museums commonly use
    (column_names.py). The first header wins a field."""
    shipped = shipped_mappings()
    present = set(headers)
    for mapping in shipped.values():
        held = {h: t for h, t in mapping.columns.items() if h in present}
        if any(t.field == "inventory_number" for t in held.values()) \
                and 4 * len(held) >= 3 * len(mapping.columns):
            return ColumnMapping(held, mapping.inscribed)
    columns = dict(auto_mapping(headers).columns)
    taken = {target.field for target in columns.values()}
    for header in headers:
        target = _known_names(shipped).get(_key(header))
        if header not in columns and target and target.field not in taken:
            columns[header] = target
            taken.add(target.field)
    return ColumnMapping(columns)


def _known_names(shipped: dict[str, ColumnMapping]) -> dict[str, ColumnTarget]:
    from catalogue_app.exchange.column_names import COMMON_NAMES

    names = {_key(header): target  # a known source's own names first: they carry its separator
             for mapping in shipped.values() for header, target in mapping.columns.items()}
    for field, common in COMMON_NAMES.items():
        for name in common:
            names.setdefault(_key(name), ColumnTarget(field))
    return names
