"""One object record, as every part of the application holds it: the store reads and writes it,
exports and the sync wire format are made from it, the regional base checks pushed records with
it. Its fields are the canonical ones (catalogue_app.records.fields, design.md §11), the
structure derived from them (years, measurement rows), the register status and who changed it
when, the images, and `extra`: the keys this version does not know, kept untouched so that a
newer desk's fields survive a round trip through an older one (design.md §7).

A record's *fields* are the same record as a plain dict (JSON-able: the form, drafts, the
history, the wire): `Record.from_fields` reads one, checking each known key's type from the
field registry, and `Record.to_fields` writes one. Both go through the registry, so a new field
is declared there, given an attribute here and a column in the schema, and nothing else."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.fields import (
    ENTRY_TYPES,
    FIELDS_BY_NAME,
    KEY_TYPES,
    FieldLabel,
    choice_codes,
)

NOT_A_RECORD = declare("record.not_an_object", "A record must be an object of named fields.")
# What a key should hold, said to whoever sent something else (key type -> message), the key
# named by its label (_label); every list of entries is refused alike when it is no list.
_NOT_LIST = declare("record.not_list", "Field «{label}» must be a list.")
_WRONG = {
    "text": declare("record.not_text", "Field «{label}» must be text."),
    "list": declare("record.not_texts", "Field «{label}» must be a list of texts."),
    "themes": declare("record.not_theme_ids",
                      "Field «{label}» must be a list of theme ids (texts)."),
    "boolean": declare("record.not_boolean", "Field «{label}» must be true or false."),
    "year": declare("record.not_year",
                    "Field «{label}» must be a year (a whole number) or empty."),
    "choice": declare("record.not_choice", "Field «{label}» must be one of: {codes}."),
    **{kind: _NOT_LIST for kind in (*ENTRY_TYPES, "authors", "measurement_rows", "images")},
}
# A choice that may be left empty says so in words rather than listing an empty code.
NOT_CHOICE_OR_EMPTY = declare(
    "record.not_choice_or_empty", "Field «{label}» must be one of: {codes}, or empty.")
_WRONG_ITEM = {
    "authors": declare(
        "record.bad_author",
        "Field «{label}», author {position}: an author is a name, or a name and a role (texts)."),
    "measurement_rows": declare(
        "record.bad_measurement_row",
        "Field {field}, row {position}: a measurement row has a kind, a value (a number), a"
        " unit and a note (texts)."),
    "images": declare(
        "record.bad_image",
        "Field {field}, image {position}: an image needs a sha256 and a file name (texts), and"
        " each of its other keys of the right type."),
    "rectifications": declare(
        "record.bad_rectification",
        "Field «{label}», rectification {position}: a rectification has a date, a field, the old"
        " and the new value, a reason and a user (texts)."),
    "movements": declare(
        "record.bad_movement",
        "Field «{label}», movement {position}: a movement has an id, a date (YYYY-MM-DD), where"
        " the object went and a reason (one of: {codes}); where it came from, who moved it and"
        " a note are texts too."),
    "loans": declare(
        "record.bad_loan",
        "Field «{label}», loan {position}: a loan has an id, a direction (out or in), dates"
        " written YYYY-MM-DD or left empty (start, end, returned_on) and texts for the rest."),
    "condition_reports": declare(
        "record.bad_condition_report",
        "Field «{label}», report {position}: a condition report has an id, a date written"
        " YYYY-MM-DD, a state (good, fair, poor, to_restore or empty), texts for the rest and a"
        " list of image sha256s."),
    "recolement_checks": declare(
        "record.bad_recolement_check",
        "Field «{label}», check {position}: a récolement check has an id, a campaign, a date and"
        " a user (texts), a result (found or not_found), a state (good, fair, poor, to_restore"
        " or empty), conformity and marking true, false or null, texts for the rest and a"
        " list of image sha256s."),
}


@dataclass(slots=True)
class Author:
    name: str
    role: str | None = None


@dataclass(slots=True)
class Measurement:
    """One structured measurement, as stored: ``Measurement("height", 49.0, "cm")``."""

    kind: str
    value: float
    unit: str
    note: str = ""  # qualifier: "(coeur)", "totale"...


@dataclass(slots=True)
class Rectification:
    """One dated correction of a locked column of an inscribed record (design.md §3)."""

    date: str
    field: str
    old: str
    new: str
    reason: str
    user: str

    def to_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in RECTIFICATION_KEYS}


RECTIFICATION_KEYS = ("date", "field", "old", "new", "reason", "user")

# A movement (catalogue_app.locations.movements): a dict of texts, kept as written (a newer
# desk's keys included), since an entry never changes once written and merges by its id.
MOVEMENT_KEYS = ("id", "date", "from", "from_id", "to", "to_id", "reason", "user", "note")
MOVEMENT_REQUIRED = ("id", "date", "to", "reason")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# One object seen (or not) by a récolement campaign, as stored: a dict with these keys (and any
# a newer desk adds, kept), immutable once written; `result` is found or not_found.
RECOLEMENT_CHECK_DEFAULTS: dict[str, Any] = {
    "id": None, "campaign_id": None, "date": None, "user": None, "result": None,
    "conforms": None, "differences": "", "state": "", "marked": None, "location_id": "",
    "location": "", "note": "", "images": []}
RECOLEMENT_RESULTS = ("found", "not_found")


# A loan out or in and a condition report, as stored: a dict with these keys (and any a newer
# desk adds, kept), oldest first. Each has its own id, so that two desks' entries merge by id;
# a loan's `modified_at` says which desk's edit of its return is the latest.
LOAN_DEFAULTS: dict[str, Any] = {
    "id": None, "direction": None, "party": "", "exhibition": "", "start": "", "end": "",
    "returned_on": "", "insurance_value": "", "condition_departure": "",
    "condition_return": "", "note": "", "modified_at": ""}
CONDITION_REPORT_DEFAULTS: dict[str, Any] = {
    "id": None, "date": None, "author": "", "state": "", "description": "", "images": []}


@dataclass(slots=True)
class RecordImage:
    """An image attached to the record: its metadata; the original is named by its sha256."""

    sha256: str
    file_name: str
    media_type: str = ""
    byte_size: int = 0
    width: int | None = None
    height: int | None = None
    view_type: str = "general"
    photographer: str = ""
    date_taken: str = ""
    licence: str = ""
    credit: str = ""
    caption: str = ""
    position: int = 0
    is_primary: bool = False
    publishable: bool = False
    note: str = ""  # what was wrong with the file, if anything
    attached_at: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)  # EXIF/XMP/IPTC as read

    def to_fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in IMAGE_KEYS}


IMAGE_KEYS = tuple(f.name for f in fields(RecordImage))
IMAGE_COLUMNS = IMAGE_KEYS[:-1]  # all but metadata, which the desk keeps as JSON


@dataclass(slots=True)
class Record:
    # The canonical fields, in register order (catalogue_app.records.fields).
    inventory_number: str = ""
    acquisition_mode: str = ""
    acquisition_source: str = ""
    acquisition_date: str = ""
    committee_opinion: str = ""
    acquisition_price: str = ""
    register_date: str = ""
    designation: str = ""
    inscriptions: str = ""
    materials: list[str] = field(default_factory=list)
    techniques: list[str] = field(default_factory=list)
    measurements: str = ""
    condition_at_acquisition: str = ""
    authors: list[Author] = field(default_factory=list)
    dating: str = ""
    function: str = ""
    origin_place: str = ""
    observations: str = ""
    title: str = ""
    description: str = ""
    subjects: list[str] = field(default_factory=list)
    number_of_parts: str = ""  # text as entered ("3 (dont 1 couvercle)")
    current_location: str = ""
    credit_line: str = ""
    public: bool = False
    themes: list[str] = field(default_factory=list)  # theme ids
    legal_status: str = "inventory"
    depositor: str = ""
    deposit_owner_number: str = ""
    deposit_reference: str = ""
    deposit_term: str = ""
    deposit_returned: str = ""
    former_numbers: list[str] = field(default_factory=list)
    status: str = "active"
    deaccession_case: str = ""
    deaccession_date: str = ""
    deaccession_decision: str = ""
    inscribed: bool = False
    rectifications: list[Rectification] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    joconde_ref: str = ""
    bibliography: str = ""
    exhibitions: str = ""
    ownership_history: str = ""
    movements: list[dict[str, str]] = field(default_factory=list)  # oldest first
    loans: list[dict[str, Any]] = field(default_factory=list)
    condition_reports: list[dict[str, Any]] = field(default_factory=list)
    recolement_checks: list[dict[str, Any]] = field(default_factory=list)
    # Derived from the text beside them (catalogue_app.records.derive).
    date_earliest: int | None = None
    date_latest: int | None = None
    measurement_rows: list[Measurement] = field(default_factory=list)
    # Who changed the record when (set by the store).
    id: str | None = None
    trashed_at: str | None = None
    created_at: str | None = None
    created_by: str | None = None
    modified_at: str | None = None
    modified_by: str | None = None
    images: list[RecordImage] | None = None  # None: not read (the form edits no image)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> Record:
        """The record a dict of fields describes, each known key checked against its type
        (RecordError says which key and what it should be); a missing or null key is empty,
        unknown keys go to `extra` untouched."""
        if not isinstance(data, Mapping):
            raise RecordError(NOT_A_RECORD)
        known: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for name, value in data.items():
            kind = KEY_TYPES.get(name)
            if kind is None:
                extra[name] = value
            elif value is not None:
                known[name] = _READERS[kind](name, value)
        return cls(**known, extra=extra)

    def to_fields(self) -> dict[str, Any]:
        """The record as a dict of fields (authors, rows and images as dicts), extra included;
        images only when they were read."""
        result = dict(zip(RECORD_KEYS, _record_values(self), strict=True))
        for name in LIST_KEYS:
            result[name] = list(result[name])
        result["authors"] = [{"name": a.name, "role": a.role} for a in self.authors]
        result["measurement_rows"] = [
            {"kind": m.kind, "value": m.value, "unit": m.unit, "note": m.note}
            for m in self.measurement_rows]
        result["rectifications"] = [r.to_fields() for r in self.rectifications]
        for name in ENTRY_DICT_KEYS:
            result[name] = [dict(entry) for entry in result[name]]
        if self.images is not None:
            result["images"] = [image.to_fields() for image in self.images]
        result.update(self.extra)
        return result


# Every key of a record's fields but images (only there when read) and extra (spread out).
RECORD_KEYS = tuple(f.name for f in fields(Record) if f.name not in ("images", "extra"))
LIST_KEYS = tuple(name for name in RECORD_KEYS if KEY_TYPES[name] in ("list", "themes"))
# The entry lists held as plain dicts (rectifications have a type of their own).
ENTRY_DICT_KEYS = tuple(name for name in RECORD_KEYS
                        if KEY_TYPES[name] in ENTRY_TYPES and name != "rectifications")
_record_values = attrgetter(*RECORD_KEYS)  # one call for every value: exports read 70,000


# --- reading each type of key --------------------------------------------------------------


def _wrong(name: str, kind: str) -> RecordError:
    return RecordError(_WRONG[kind], field=name, **_label(name))


def _wrong_item(name: str, kind: str, position: int) -> RecordError:
    # Only a movement's words list codes (its reasons): a list, each quoted by the language.
    codes = {"codes": list(choice_codes(name))} if kind == "movements" else {}
    return RecordError(_WRONG_ITEM[kind], field=name, position=position + 1,
                       **_label(name), **codes)


def _label(name: str) -> dict[str, FieldLabel | str]:
    """The field as the curator knows it, for words that name it: said as its label in each
    language, while `field` keeps its canonical name for machines (PROTOCOL.md). A key no form
    shows (the record's id and dates, the years and rows derived from the dating and the
    measurements, images) has no label: its name stands for one."""
    return {"label": FieldLabel(name) if name in FIELDS_BY_NAME else name}


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong(name, "text")
    return value


def _texts(kind: str) -> Callable[[str, Any], list[str]]:
    def read(name: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _wrong(name, kind)
        return list(value)
    return read


def _boolean(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong(name, "boolean")
    return value


def _year(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong(name, "year")
    return value


def _choice(name: str, value: Any) -> str:
    codes = choice_codes(name)
    if not isinstance(value, str) or value not in codes:
        kind = NOT_CHOICE_OR_EMPTY if "" in codes else _WRONG["choice"]
        raise RecordError(kind, field=name, **_label(name), codes=[c for c in codes if c])
    return value


def _items(kind: str, read_item: Callable[[Any], Any]) -> Callable[[str, Any], list[Any]]:
    def read(name: str, value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _wrong(name, kind)
        items = []
        for position, item in enumerate(value):
            read_one = read_item(item)
            if read_one is None:
                raise _wrong_item(name, kind, position)
            items.append(read_one)
        return items
    return read


def _author(item: Any) -> Author | None:
    if isinstance(item, str):
        return Author(item)
    if isinstance(item, Mapping) and isinstance(item.get("name"), str) \
            and isinstance(item.get("role"), str | None):
        return Author(item["name"], item.get("role") or None)
    return None


def _rectification(item: Any) -> Rectification | None:
    if not isinstance(item, Mapping) \
            or not all(isinstance(item.get(k), str) for k in RECTIFICATION_KEYS):
        return None
    return Rectification(*(item[k] for k in RECTIFICATION_KEYS))


def _movement(item: Any) -> dict[str, str] | None:
    if not isinstance(item, Mapping) or not all(k in item for k in MOVEMENT_REQUIRED) \
            or not all(isinstance(item[k], str) for k in MOVEMENT_KEYS if k in item) \
            or not ISO_DATE.fullmatch(item["date"]) \
            or item["reason"] not in choice_codes("movements"):
        return None
    return dict(item)


def is_iso_date(value: Any, *, empty: bool = True) -> bool:
    """A calendar date written YYYY-MM-DD (or "" when empty is allowed)."""
    if value == "" and empty:
        return True
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _entry(defaults: Mapping[str, Any],
           checks: Mapping[str, Callable[[Any], bool]]) -> Callable[[Any], dict | None]:
    """A reader of one entry: its keys over the defaults, each key checked (texts when no
    check is named), keys a newer desk adds kept as they are."""
    def read(item: Any) -> dict[str, Any] | None:
        if not isinstance(item, Mapping):
            return None
        entry = {**defaults, **item}
        if not isinstance(entry["id"], str) or not entry["id"]:
            return None
        for name in defaults:
            if name != "id" and not checks.get(name, _is_text)(entry[name]):
                return None
        return {name: list(value) if isinstance(value, list) else value
                for name, value in entry.items()}
    return read


_LOAN_DIRECTIONS = choice_codes("loans")
_STATES = choice_codes("condition_reports")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_loan = _entry(LOAN_DEFAULTS, {
    "direction": lambda v: v in _LOAN_DIRECTIONS,
    "start": is_iso_date, "end": is_iso_date, "returned_on": is_iso_date})
_condition_report = _entry(CONDITION_REPORT_DEFAULTS, {
    "date": lambda v: is_iso_date(v, empty=False),
    "state": lambda v: v in _STATES,
    "images": lambda v: isinstance(v, list)
    and all(isinstance(i, str) and _SHA256.fullmatch(i) for i in v)})


_recolement_check = _entry(RECOLEMENT_CHECK_DEFAULTS, {
    "campaign_id": _is_text, "date": _is_text, "user": _is_text,
    "result": lambda v: v in RECOLEMENT_RESULTS,
    "state": lambda v: v in _STATES,
    "conforms": lambda v: v is None or isinstance(v, bool),
    "marked": lambda v: v is None or isinstance(v, bool),
    "images": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)})


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and math.isfinite(value)


def _measurement(item: Any) -> Measurement | None:
    if not isinstance(item, Mapping):
        return None
    kind, value, unit, note = (item.get(k) for k in ("kind", "value", "unit", "note"))
    if not (isinstance(kind, str) and _number(value) and isinstance(unit, str)
            and isinstance(note, str | None)):
        return None
    return Measurement(kind, float(value), unit, note or "")


# The type of each key of an image, beside its sha256 and file name (texts, both required).
_IMAGE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "byte_size": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    "width": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    "height": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    "position": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "is_primary": lambda v: isinstance(v, bool),
    "publishable": lambda v: isinstance(v, bool),
    "metadata": lambda v: isinstance(v, Mapping),
}


def _image(item: Any) -> RecordImage | None:
    if not isinstance(item, Mapping) or not isinstance(item.get("sha256"), str) \
            or not isinstance(item.get("file_name"), str):
        return None
    values = {}
    for name in IMAGE_KEYS:
        if name not in item or (item[name] is None and name not in ("width", "height")):
            continue
        value = item[name]
        if not _IMAGE_CHECKS.get(name, lambda v: isinstance(v, str))(value):
            return None
        values[name] = dict(value) if name == "metadata" else value
    return RecordImage(**values)


_READERS: dict[str, Callable[[str, Any], Any]] = {
    "text": _text,
    "list": _texts("list"),
    "themes": _texts("themes"),
    "authors": _items("authors", _author),
    "boolean": _boolean,
    "year": _year,
    "measurement_rows": _items("measurement_rows", _measurement),
    "choice": _choice,
    "rectifications": _items("rectifications", _rectification),
    "loans": _items("loans", _loan),
    "condition_reports": _items("condition_reports", _condition_report),
    "recolement_checks": _items("recolement_checks", _recolement_check),
    "images": _items("images", _image),
    "movements": _items("movements", _movement),
}
