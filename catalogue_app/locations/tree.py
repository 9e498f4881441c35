"""The museum's hierarchy of locations (site > building > room > furniture > shelf or box):
finding a place by its path, adding one, listing what is in a place and everything below it.

Sibling names are unique (compared as paths.name_key compares them), so a path names one
place; a code, when given, is unique in the museum. Every change sets `modified_at`, the clock
by which the regional base and other desks take the latest version (documents.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError
from catalogue_app.locations.kinds import KIND_CODES
from catalogue_app.locations.paths import join_path, name_key, parse_path
from catalogue_app.messages import declare
from db.local.models import Location
from db.local.models import Record as RecordRow

NO_SUCH_PATH = declare(
    "location.no_such_path",
    "There is no location {path!r}: {missing!r} is not in {parent}. Add it first (catalogue-app"
    " location add).")
ROOT = declare("location.root", "the list of sites")
NO_SUCH_LOCATION = declare("location.no_such_location",
                           "Location {location_id} does not exist (it may have been deleted).")
ALREADY_THERE = declare("location.exists", "The location {path!r} already exists.")
CODE_TAKEN = declare("location.code_taken",
                     "The code {code!r} is already the code of {path!r}; codes are unique in the"
                     " museum.")
NAME_REQUIRED = declare("location.name_required", "A location needs a name.")
NAME_TAKEN = declare("location.name_taken",
                     "{parent} already holds a place named {name!r}; give this one another name.")
NAME_HAS_SEPARATOR = declare(
    "location.name_has_separator",
    "A location's name cannot contain \">\", which separates the places of a path: {name!r}.")
UNDER_ITSELF = declare("location.under_itself",
                       "{path!r} cannot be placed under itself or under a place it holds.")
NOT_EMPTY = declare(
    "location.not_empty",
    "{path!r} still holds {places} place(s) and {records} object(s); move them elsewhere "
    "before deleting it.")
BAD_KIND = declare("location.bad_kind", "The kind of a location is one of: {codes}; not {kind!r}.")


@dataclass(frozen=True)
class Place:
    """A location as lists and pickers show it."""

    id: str
    parent_id: str | None
    name: str
    code: str
    kind: str
    position: int
    path: str


def places(session: Session) -> list[Place]:
    """Every location, parents before their children, siblings in their order."""
    rows = session.execute(select(Location.id, Location.parent_id, Location.name, Location.code,
                                  Location.kind, Location.position)
                           .order_by(Location.position, Location.name)).all()
    children: dict[str | None, list] = {}
    known = {row.id for row in rows}
    for row in rows:  # a child whose parent has not arrived yet (sync) shows at the top
        children.setdefault(row.parent_id if row.parent_id in known else None, []).append(row)
    found: list[Place] = []

    def walk(parent_id: str | None, names: list[str]) -> None:
        for row in children.get(parent_id, ()):
            path = [*names, row.name]
            found.append(Place(row.id, row.parent_id, row.name, row.code, row.kind,
                               row.position, join_path(path)))
            walk(row.id, path)

    walk(None, [])
    return found


def path_of(session: Session, location_id: str) -> str:
    names: list[str] = []
    seen: set[str] = set()
    current: str | None = location_id
    while current is not None and current not in seen:  # a cycle from a sync stops here
        seen.add(current)
        row = session.get(Location, current)
        if row is None:
            if current == location_id:
                raise CatalogueError(NO_SUCH_LOCATION, location_id=location_id)
            break
        names.append(row.name)
        current = row.parent_id
    return join_path(names[::-1])


def find_location(session: Session, path: str) -> str:
    """The id of the location at this path; CatalogueError saying which part is unknown."""
    found, missing = _walk(session, parse_path(path))
    if missing:
        parent = path_of(session, found[-1]) if found else ROOT()
        raise CatalogueError(NO_SUCH_PATH, path=path, missing=missing[0], parent=parent)
    return found[-1]


def find_labelled(session: Session, text: str) -> str:
    """The id of the location a label or a user names: its id (a label's QR code without a
    code), its code, or its path; CatalogueError as find_location's when none."""
    text = text.strip()
    if session.get(Location, text) is not None:
        return text
    if text:
        for location_id, code in session.execute(
                select(Location.id, Location.code).where(Location.code != "")):
            if name_key(code) == name_key(text):
                return location_id
    return find_location(session, text)


def add_location(session: Session, path: str, *, code: str = "", kind: str = "") -> str:
    """Add the location at this path, and the places above it that do not exist yet; the
    code and kind go to the last. Its id; CatalogueError when it exists already."""
    names = parse_path(path)
    code = code.strip()
    if kind not in KIND_CODES:
        raise CatalogueError(BAD_KIND, codes=[c for c in KIND_CODES if c], kind=kind)
    found, missing = _walk(session, names)
    if not missing:
        raise CatalogueError(ALREADY_THERE, path=join_path(names))
    check_code_free(session, code)
    parent_id = found[-1] if found else None
    now = now_iso()
    for depth, name in enumerate(missing):
        last = depth == len(missing) - 1
        location = Location(id=str(uuid.uuid4()), parent_id=parent_id, name=name,
                            code=code if last else "", kind=kind if last else "",
                            position=_next_position(session, parent_id), modified_at=now)
        session.add(location)
        session.flush()
        parent_id = location.id
    return parent_id


def update_location(session: Session, location_id: str, *, name: str,
                    parent_id: str | None, code: str, kind: str) -> None:
    """Rename a place, put it under another parent, change its code or kind. The movements of
    the records in it stay as written (where the object went, in the words of that day);
    moving.write_paths gives their current_location the new path."""
    row = session.get(Location, location_id)
    if row is None:
        raise CatalogueError(NO_SUCH_LOCATION, location_id=location_id)
    if parent_id is not None and parent_id in below(session, location_id):
        raise CatalogueError(UNDER_ITSELF, path=path_of(session, location_id))
    name, code = _checked(session, parent_id, name, code, kind, location_id)
    if row.parent_id != parent_id:
        row.position = _next_position(session, parent_id)
    row.name, row.parent_id, row.code, row.kind = name, parent_id, code, kind
    row.modified_at = now_iso()


def add_child(session: Session, parent_id: str | None, name: str, *, code: str = "",
              kind: str = "") -> str:
    """Add a place inside another (None: at the top of the hierarchy); its id."""
    if parent_id is not None and session.get(Location, parent_id) is None:
        raise CatalogueError(NO_SUCH_LOCATION, location_id=parent_id)
    name, code = _checked(session, parent_id, name, code, kind, None)
    location = Location(id=str(uuid.uuid4()), parent_id=parent_id, name=name, code=code,
                        kind=kind, position=_next_position(session, parent_id),
                        modified_at=now_iso())
    session.add(location)
    session.flush()
    return location.id


def _checked(session: Session, parent_id: str | None, name: str, code: str, kind: str,
             location_id: str | None) -> tuple[str, str]:
    """The name and code tidied, once each is known to fit where the place goes."""
    name, code = " ".join(name.split()), code.strip()
    if not name:
        raise CatalogueError(NAME_REQUIRED)
    if ">" in name:
        raise CatalogueError(NAME_HAS_SEPARATOR, name=name)
    if kind not in KIND_CODES:
        raise CatalogueError(BAD_KIND, codes=[c for c in KIND_CODES if c], kind=kind)
    _check_name_free(session, parent_id, name, location_id)
    check_code_free(session, code, location_id)
    return name, code


def delete_location(session: Session, location_id: str) -> None:
    """Delete an empty place (no place under it, no object in it)."""
    row = session.get(Location, location_id)
    if row is None:
        raise CatalogueError(NO_SUCH_LOCATION, location_id=location_id)
    places = session.scalar(select(func.count()).where(Location.parent_id == location_id))
    records = session.scalar(select(func.count()).where(
        RecordRow.current_location_id == location_id, RecordRow.trashed_at.is_(None)))
    if places or records:
        raise CatalogueError(NOT_EMPTY, path=path_of(session, location_id), places=places,
                             records=records)
    session.delete(row)


def record_counts(session: Session) -> dict[str, int]:
    """How many objects (outside the trash) are in each place itself, by id."""
    return dict(session.execute(
        select(RecordRow.current_location_id, func.count())
        .where(RecordRow.current_location_id.is_not(None), RecordRow.trashed_at.is_(None))
        .group_by(RecordRow.current_location_id)).all())


def _check_name_free(session: Session, parent_id: str | None, name: str,
                     location_id: str | None) -> None:
    siblings = session.execute(select(Location.id, Location.name).where(
        Location.parent_id.is_(None) if parent_id is None else Location.parent_id == parent_id))
    if any(name_key(other) == name_key(name) and other_id != location_id
           for other_id, other in siblings):
        parent = path_of(session, parent_id) if parent_id else ROOT()
        raise CatalogueError(NAME_TAKEN, parent=parent, name=name)


def check_code_free(session: Session, code: str, location_id: str | None = None) -> None:
    if not code:
        return
    for row in session.scalars(select(Location).where(Location.code != "")):
        if name_key(row.code) == name_key(code) and row.id != location_id:
            raise CatalogueError(CODE_TAKEN, code=code, path=path_of(session, row.id))


def below(session: Session, location_id: str) -> list[str]:
    """The location and every location under it, by id."""
    return list(session.scalars(text(f"{_UNDER} SELECT id FROM under"), {"id": location_id}))


def records_in(session: Session, location_id: str) -> list[str]:
    """The records (outside the trash) whose current location is this place or one under
    it, by id, in inventory order: one statement, read from the index alone. Through the
    driver's own cursor: SQLAlchemy's rows cost four times SQLite's work for a room of
    1,000 objects (9 ms instead of 2)."""
    cursor = session.connection().connection.driver_connection.execute(
        f"{_UNDER} SELECT id FROM records WHERE current_location_id IN (SELECT id FROM under)"
        " AND trashed_at IS NULL ORDER BY inventory_sort", {"id": location_id})
    return [record_id for (record_id,) in cursor.fetchall()]


_UNDER = ("WITH RECURSIVE under(id) AS (SELECT :id UNION SELECT l.id FROM locations l "
          "JOIN under ON l.parent_id = under.id)")


def _walk(session: Session, names: list[str]) -> tuple[list[str], list[str]]:
    """The ids of the path's places that exist, from the root, and the names left over."""
    found: list[str] = []
    parent_id: str | None = None
    for depth, name in enumerate(names):
        siblings = session.execute(
            select(Location.id, Location.name).where(
                Location.parent_id.is_(None) if parent_id is None
                else Location.parent_id == parent_id)
            .order_by(Location.position, Location.id)).all()
        match = next((row.id for row in siblings if name_key(row.name) == name_key(name)), None)
        if match is None:
            return found, names[depth:]
        found.append(match)
        parent_id = match
    return found, []


def _next_position(session: Session, parent_id: str | None) -> int:
    siblings = select(Location.position).where(
        Location.parent_id.is_(None) if parent_id is None else Location.parent_id == parent_id)
    positions = list(session.scalars(siblings))
    return max(positions, default=-1) + 1
