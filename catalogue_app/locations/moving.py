"""Moving records, and reading where a record went. A move appends one movement to each
record, all in the caller's transaction (a record that cannot be moved moves none). The
free-text `current_location` is rewritten to the path of where the object now is, so lists,
CSV and older desks read the place; the text the record had before is kept verbatim as the
first movement's origin."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue_app.clock import today_iso
from catalogue_app.errors import RecordError
from catalogue_app.locations.movements import DEFAULT_REASON, current_movement, new_movement
from catalogue_app.locations.tree import path_of, places, records_in
from catalogue_app.records.reading import NO_SUCH_RECORD
from catalogue_app.records.store import update_columns
from db.local.models import Record as RecordRow


def movements_of(session: Session, record_id: str) -> list[dict[str, Any]]:
    """The record's movements, oldest first (one column read: a history opens at once)."""
    found = session.scalar(select(RecordRow.movements).where(RecordRow.id == record_id))
    if found is None:
        raise RecordError(NO_SUCH_RECORD, record_id=record_id)
    return json.loads(found)


def write_paths(session: Session, location_id: str, user: str) -> list[str]:
    """Give the records in this place and under it the current path of where they are (after
    a place was renamed or moved); return the ids of those whose text changed."""
    paths = {place.id: place.path for place in places(session)}
    stale = [(record_id, paths[place_id]) for record_id, place_id, text in session.execute(
        select(RecordRow.id, RecordRow.current_location_id, RecordRow.current_location)
        .where(RecordRow.id.in_(records_in(session, location_id))))
        if paths.get(place_id, text) != text]
    return update_columns(session, {record_id: {"current_location": path}
                                    for record_id, path in stale}, user)


def free_texts(session: Session) -> list[tuple[str, int]]:
    """The locations typed as free text by records not yet placed in the hierarchy, with how
    many records have each, the most frequent first."""
    count = func.count().label("count")
    return [(text, n) for text, n in session.execute(
        select(RecordRow.current_location, count)
        .where(RecordRow.current_location_id.is_(None), RecordRow.current_location != "",
               RecordRow.trashed_at.is_(None))
        .group_by(RecordRow.current_location).order_by(count.desc(), RecordRow.current_location))]


def place_free_text(session: Session, text: str, location_id: str, user: str) -> list[str]:
    """Place in the hierarchy every record not yet in it whose location reads exactly `text`:
    a movement to that place dated today, whose origin keeps the text verbatim."""
    record_ids = list(session.scalars(select(RecordRow.id).where(
        RecordRow.current_location == text, RecordRow.current_location_id.is_(None),
        RecordRow.trashed_at.is_(None))))
    return move_records(session, record_ids, location_id, user) if record_ids else []


def move_records(session: Session, record_ids: Sequence[str], location_id: str, user: str, *,
                 reason: str = DEFAULT_REASON, date: str | None = None,
                 note: str = "") -> list[str]:
    """Move the records to the location (on `date`, today by default); return their ids."""
    return _append(session, record_ids, path_of(session, location_id), location_id, user,
                   reason=reason, date=date, note=note)


def add_movement(session: Session, record_id: str, user: str, *, to: str, to_id: str = "",
                 reason: str = DEFAULT_REASON, date: str | None = None, note: str = "") -> None:
    """One movement of one record, to a place of the hierarchy (to_id, whose path is written)
    or outside it (to_id "": a borrower, a restorer's workshop; `to` says who or where). An
    object outside the hierarchy keeps its current_location text and is in no room."""
    to = path_of(session, to_id) if to_id else to
    _append(session, [record_id], to, to_id, user, reason=reason, date=date, note=note)


def _append(session: Session, record_ids: Sequence[str], to: str, to_id: str, user: str, *,
            reason: str, date: str | None, note: str) -> list[str]:
    record_ids = list(dict.fromkeys(record_ids))  # a number scanned twice moves once
    date = date or today_iso()
    found = {}
    for start in range(0, len(record_ids), 500):  # under SQLite's bound-parameter limit
        found.update((record_id, (json.loads(movements), text)) for record_id, movements, text
                     in session.execute(select(RecordRow.id, RecordRow.movements,
                                               RecordRow.current_location)
                                        .where(RecordRow.id.in_(record_ids[start:start + 500]))))
    changes = {}
    for record_id in record_ids:
        if record_id not in found:
            raise RecordError(NO_SUCH_RECORD, record_id=record_id)
        movements, text = found[record_id]
        # Where it was on that date (a movement entered late may be dated before others).
        before = current_movement([m for m in movements if m["date"] <= date])
        origin, origin_id = (before["to"], before.get("to_id") or "") if before else (text, "")
        movement = new_movement(date=date, to=to, to_id=to_id, reason=reason, user=user,
                                note=note, origin=origin, origin_id=origin_id)
        movements = [*movements, movement]
        now = current_movement(movements)
        changes[record_id] = {"movements": movements,
                              "current_location": now["to"] if now.get("to_id") else text}
    update_columns(session, changes, user)
    return record_ids
