"""A check at the shelf: what the curator saw of one object, appended to its record's
`recolement_checks` (a synced field, so another desk's progress includes it), and what it
changes: a "found" brings a missing object back (`active`), closing the campaign makes what
stayed not found `missing`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError, RecordError
from catalogue_app.locations.moving import move_records
from catalogue_app.locations.tree import find_labelled, path_of
from catalogue_app.messages import declare
from catalogue_app.recolement.campaigns import Campaign, find_campaign, mark_closed
from catalogue_app.recolement.progress import latest_checks
from catalogue_app.records.fields import choice_codes
from catalogue_app.records.reading import NO_SUCH_RECORD
from catalogue_app.records.store import load_record, update_record
from db.local.models import Image
from db.local.models import Record as RecordRow

BAD_STATE = declare(
    "recolement.bad_state", "{state!r} is not a state a récolement notes; one of: {codes}.")
IMAGE_NOT_ATTACHED = declare(
    "recolement.image_not_attached",
    "The photo {sha256} is not attached to record {number}: attach it first. Nothing was saved.")


@dataclass(frozen=True)
class Observation:
    """What the curator noted of one object at the shelf (None: not said)."""

    found: bool
    conforms: bool | None = None  # the inventory entry describes the object as it is
    differences: str = ""  # what differs, when it does not
    state: str = ""  # good | fair | poor | to_restore | "" (not said)
    marked: bool | None = None  # its number is marked on it
    # Where it was found, when not where its record says: a path, a code or a label's id
    # (catalogue_app.locations); the record is moved there (a movement, reason recolement).
    location: str = ""
    note: str = ""
    images: tuple[str, ...] = ()  # sha256 of photos attached to the record


def record_check(session: Session, campaign_reference: str, record_id: str,
                 observation: Observation, user: str) -> dict[str, Any]:
    """Append the check to the record (and bring a missing object back when found); return it."""
    campaign = find_campaign(session, campaign_reference)
    if observation.state not in choice_codes("recolement_checks"):
        raise CatalogueError(BAD_STATE, state=observation.state, codes=[
            code for code in choice_codes("recolement_checks") if code])
    found = observation.found
    # Where it was found first: a record found elsewhere is moved there before it is read.
    location_id, location = _located(session, record_id, observation, user) if found \
        else ("", "")
    record = load_record(session, record_id)
    attached = set(session.scalars(select(Image.sha256).where(Image.record_id == record_id)))
    for sha256 in observation.images:
        if sha256 not in attached:
            raise CatalogueError(IMAGE_NOT_ATTACHED, sha256=sha256,
                                 number=record["inventory_number"])
    check = {
        "id": str(uuid.uuid4()), "campaign_id": campaign.id, "date": now_iso(), "user": user,
        "result": "found" if found else "not_found",
        "conforms": observation.conforms if found else None,
        "differences": observation.differences.strip() if found else "",
        "state": observation.state if found else "",
        "marked": observation.marked if found else None,
        "location_id": location_id, "location": location,
        "note": observation.note.strip(), "images": list(observation.images)}
    change: dict[str, Any] = {"recolement_checks": [*record["recolement_checks"], check]}
    if found and record["status"] == "missing":
        change["status"] = "active"
    update_record(session, record_id, change, user)
    return check


def _located(session: Session, record_id: str, observation: Observation,
             user: str) -> tuple[str, str]:
    """(location id or "", path) where the object was found: where its record says, or where
    the curator says it is, the record moved there first."""
    where = session.execute(select(RecordRow.current_location_id, RecordRow.current_location)
                            .where(RecordRow.id == record_id)).one_or_none()
    if where is None:
        raise RecordError(NO_SUCH_RECORD, record_id=record_id)
    current_id, current = where
    if not observation.location.strip():
        return current_id or "", current
    location_id = find_labelled(session, observation.location)
    if location_id != current_id:
        move_records(session, [record_id], location_id, user, reason="recolement")
    return location_id, path_of(session, location_id)


def close_campaign(session: Session, campaign_reference: str, user: str) -> list[str]:
    """After review: the records whose latest check in the campaign says not found become
    `missing` (they stay in the register); return their ids."""
    campaign: Campaign = mark_closed(session, campaign_reference)
    missing = [record_id for record_id, check in latest_checks(session, campaign.id).items()
               if check["result"] == "not_found"]
    marked = []
    for record_id in missing:
        if load_record(session, record_id)["status"] == "active":
            update_record(session, record_id, {"status": "missing"}, user)
            marked.append(record_id)
    return marked
