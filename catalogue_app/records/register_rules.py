"""The register's rules (design.md §3), on a record's fields as a plain dict: the desk's store
checks every save with them and the regional base every pushed record against the one it holds,
so that no path (form, import, history, batch edit, an older desk, a script on the API) gets
round them. Free of SQLAlchemy: the base and the form use it too.

- A record is inscribed once it has a register date, or when it was imported from an existing
  inventory; it never stops being.
- The locked columns of an inscribed record (the number, the register date, acquisition columns
  2 to 6; once radiated, the radiation too) change only together with a new rectification
  naming the column and its new value, with a reason. Filling a column left empty is not a
  change: it completes the entry. Rectifications are only ever added.
- What a record's entry lists say happened (its récolement checks) is only ever added to: an
  entry, known by its id, stays as it was written.
- An inscribed record is never trashed or deleted: it can only be radiated.
- Only an inscribed record is radiated (the arrêté radiates entries of the register): a draft
  or a mistake never inscribed goes to the trash instead.
- A radiation needs its legal case, its date and the decision; a deposit is never radiated (it
  is returned to its owner)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from catalogue_app.errors import RecordError
from catalogue_app.messages import declare
from catalogue_app.records.calendar_dates import parse_partial_date
from catalogue_app.records.fields import FieldLabel
from catalogue_app.records.record import Record

# Columns 1 to 7 of the register: the entry itself, as written the day it was made.
LOCKED_FIELDS = ("inventory_number", "acquisition_mode", "acquisition_source",
                 "acquisition_date", "committee_opinion", "acquisition_price", "register_date")
RADIATION_FIELDS = ("status", "deaccession_case", "deaccession_date", "deaccession_decision")
RECTIFIABLE_FIELDS = LOCKED_FIELDS + RADIATION_FIELDS

INSCRIPTION_KEPT = declare(
    "register.inscription_kept",
    "Record {number} is inscribed in the register; it stays inscribed. Nothing was saved.")
NEVER_DELETED = declare(
    "register.never_deleted",
    "Record {number} is inscribed in the register and can never be deleted or put in the"
    " trash; it can only be radiated. Nothing was changed.")
LOCKED_FIELD = declare(
    "register.locked_field",
    "Record {number} is inscribed in the register: its field «{label}» changes only by a"
    " rectification (with a reason). Nothing was saved.")
RECTIFICATION_REASON = declare(
    "register.rectification_reason",
    "A rectification of «{label}» of record {number} needs a reason. Nothing was saved.")
RECTIFICATION_FIELD = declare(
    "register.rectification_field",
    "«{label}» is not a column that is rectified; edit it directly. Nothing was saved.")
RECTIFICATIONS_KEPT = declare(
    "register.rectifications_kept",
    "The rectifications of record {number} are kept as they were made; a new one can only be"
    " added. Nothing was saved.")
RADIATION_INCOMPLETE = declare(
    "register.radiation_incomplete",
    "Record {number} cannot be radiated without {missing}. Nothing was saved.")
RADIATION_CASE = declare("register.radiation_case", "its legal case")
RADIATION_DATE = declare("register.radiation_date", "its date")
RADIATION_DECISION = declare("register.radiation_decision", "the decision")
# A list of one to three parts, as a sentence says it.
JOINED = (declare("register.one", "{a}"), declare("register.two", "{a} and {b}"),
          declare("register.three", "{a}, {b} and {c}"))
NOT_INSCRIBED_NOT_RADIATED = declare(
    "register.radiation_not_inscribed",
    "Record {number} is not inscribed in the register: only an entry of the register is"
    " radiated. A draft or a mistake goes to the trash instead. Nothing was saved.")
ENTRIES_KEPT = declare(
    "register.entries_kept",
    "«{label}» of record {number}: each entry is kept as it was made; a new one can only be"
    " added. Nothing was saved.")
# The record's lists of dated entries, each with an id, that only ever grow.
ENTRY_FIELDS = ("recolement_checks",)
DEPOSIT_NOT_RADIATED = declare(
    "register.deposit_not_radiated",
    "Record {number} is a deposit: a deposit is returned to its owner or renewed, never"
    " radiated. Nothing was saved.")


# Every key the rules read (an import's update is checked only when it maps one of them).
RULE_KEYS = ("inventory_number", "register_date", "inscribed", "trashed_at", "legal_status",
             "rectifications", *LOCKED_FIELDS[1:-1], *RADIATION_FIELDS, *ENTRY_FIELDS)


def is_inscribed(fields: Mapping[str, Any]) -> bool:
    """In the register: marked so, or given a register date (even by a desk that does not know
    the mark yet)."""
    return fields.get("inscribed") is True or bool(_text(fields, "register_date").strip())


def check_change(old: Mapping[str, Any] | None, new: Mapping[str, Any], *,
                 deleted: bool = False) -> None:
    """Raise RecordError when the record may not go from `old` (None: a new record) to `new`
    (`deleted`: purged, a tombstone)."""
    number = _text(new, "inventory_number") or _text(old or {}, "inventory_number")
    was_inscribed = old is not None and is_inscribed(old)
    if was_inscribed and not is_inscribed(new):
        raise RecordError(INSCRIPTION_KEPT, number=number)
    if (was_inscribed or is_inscribed(new)) and (deleted or new.get("trashed_at")):
        raise RecordError(NEVER_DELETED, number=number)
    added = _added_rectifications(old, new, number)
    for name in ENTRY_FIELDS:
        _check_entries_kept(old, new, name, number)
    if was_inscribed:
        locked = LOCKED_FIELDS + (RADIATION_FIELDS if _radiated(old) else ())
        for name in locked:
            before, after = _text(old, name), _text(new, name)
            if before != after and before.strip() and not any(
                    r.get("field") == name and r.get("new") == after for r in added):
                raise RecordError(LOCKED_FIELD, number=number, label=FieldLabel(name))
    if _radiated(new) and (old is None or any(
            _text(old, name) != _text(new, name) for name in RADIATION_FIELDS)):
        if new.get("legal_status") == "deposit":
            raise RecordError(DEPOSIT_NOT_RADIATED, number=number)
        if not _radiated(old or {}) and not is_inscribed(new):
            raise RecordError(NOT_INSCRIBED_NOT_RADIATED, number=number)
        missing = {key: part() for key, part in zip("abc", (part for name, part in (
            ("deaccession_case", RADIATION_CASE), ("deaccession_date", RADIATION_DATE),
            ("deaccession_decision", RADIATION_DECISION)) if not _text(new, name).strip()),
            strict=False)}
        if missing:
            raise RecordError(RADIATION_INCOMPLETE, number=number,
                              missing=JOINED[len(missing) - 1](**missing))


def check_new(record: Record) -> None:
    """check_change for a new record, cheap enough for an import of 70,000: only a trash date,
    rectifications or a radiation can be refused in a record that had no past."""
    if record.trashed_at or record.rectifications or record.status == "deaccessioned":
        fields = {name: getattr(record, name) for name in RULE_KEYS}
        fields["rectifications"] = [r.to_fields() for r in record.rectifications]
        check_change(None, fields)


def deposit_expired(fields: Mapping[str, Any], today: date) -> bool:
    """A deposit still here whose term (a date the app can read) is past."""
    if fields.get("legal_status") != "deposit" or _text(fields, "deposit_returned").strip():
        return False
    term = parse_partial_date(_text(fields, "deposit_term"))
    if term is None:
        return False
    last_day = (term.year, term.month or 12, term.day or 31)  # a term of "2025" runs the year
    return last_day < (today.year, today.month, today.day)


def _added_rectifications(old: Mapping[str, Any] | None, new: Mapping[str, Any],
                          number: str) -> list[Mapping[str, Any]]:
    before = list((old or {}).get("rectifications") or [])
    after = list(new.get("rectifications") or [])
    if after[:len(before)] != before:
        raise RecordError(RECTIFICATIONS_KEPT, number=number)
    added = after[len(before):]
    for rectification in added:
        name = rectification.get("field")
        if name not in RECTIFIABLE_FIELDS:
            raise RecordError(RECTIFICATION_FIELD, label=name)
        if not str(rectification.get("reason") or "").strip():
            raise RecordError(RECTIFICATION_REASON, number=number, label=FieldLabel(name))
    return added


def _check_entries_kept(old: Mapping[str, Any] | None, new: Mapping[str, Any], name: str,
                        number: str) -> None:
    after = {entry.get("id"): entry for entry in new.get(name) or () if isinstance(entry, Mapping)}
    if any(after.get(entry.get("id")) != entry for entry in (old or {}).get(name) or ()
           if isinstance(entry, Mapping)):
        raise RecordError(ENTRIES_KEPT, number=number, label=FieldLabel(name))


def _radiated(fields: Mapping[str, Any]) -> bool:
    return fields.get("status") == "deaccessioned"


def _text(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""
