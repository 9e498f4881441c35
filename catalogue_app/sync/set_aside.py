"""Records from the regional base (from the feed, or in a push's conflict answer) that this
desk cannot store as they are (a field of a type it does not read, no inventory number, a
number another local record holds): each is set aside with the reason, listed for the curator
(the window's Sync menu, `catalogue-app sync`), and the sync goes on with the others. Every
later sync tries them again, and a newer version from the feed replaces them; once one is
stored it leaves the list.

Kept in the catalogue's sync bookkeeping (the SET_ASIDE setting): {record id: {"version",
"number", "reason", "fields", "at"}}; a handful at most, so one small document suffices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.settings import SET_ASIDE, in_catalogue


@dataclass(frozen=True)
class SetAside:
    record_id: str
    inventory_number: str | None
    reason: str
    at: str


def put(session: Session, record_id: str, version: int, fields: dict[str, Any],
        reason: str) -> None:
    kept = in_catalogue.read(session, SET_ASIDE)
    number = fields.get("inventory_number")
    since = kept.get(record_id, {}).get("at") or now_iso()  # tried again: still since then
    kept[record_id] = {"version": version, "fields": fields, "reason": reason, "at": since,
                       "number": number if isinstance(number, str) else None}
    in_catalogue.write(session, SET_ASIDE, kept)


def forget(session: Session, record_ids: Iterable[str]) -> None:
    """Take these records off the list (stored, deleted or replaced since)."""
    kept = in_catalogue.read(session, SET_ASIDE)
    if not kept:
        return
    removed = [kept.pop(record_id) for record_id in set(record_ids) if record_id in kept]
    if removed:
        in_catalogue.write(session, SET_ASIDE, kept)


def pending(session: Session) -> dict[str, tuple[int, dict[str, Any]]]:
    """{record id: (version, fields)} of the records set aside, to try again."""
    return {record_id: (entry["version"], entry["fields"])
            for record_id, entry in in_catalogue.read(session, SET_ASIDE).items()}


def listed(session: Session) -> list[SetAside]:
    """The records set aside, in the order they were."""
    entries = in_catalogue.read(session, SET_ASIDE).items()
    return sorted((SetAside(record_id, entry["number"], entry["reason"], entry["at"])
                   for record_id, entry in entries), key=lambda item: (item.at, item.record_id))
