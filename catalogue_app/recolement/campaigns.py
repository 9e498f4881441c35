"""Récolement campaigns: start, read, record what was found without a number, close."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso, today_iso
from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from db.local.models import RecolementCampaign

NAME_REQUIRED = declare("recolement.name_required", "A récolement campaign needs a name.")
NO_SUCH_CAMPAIGN = declare(
    "recolement.no_such_campaign", "No récolement campaign is called or numbered {campaign!r}.")
AMBIGUOUS_CAMPAIGN = declare(
    "recolement.ambiguous_campaign",
    "{count} récolement campaigns are called {campaign!r}: give the campaign's id instead.")
ALREADY_CLOSED = declare(
    "recolement.already_closed", "The récolement campaign «{name}» was closed on {date}.")
DESCRIPTION_REQUIRED = declare(
    "recolement.description_required",
    "Describe the object found without a number (what it is, where it was). Nothing was saved.")


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    query: str = ""  # a search (design.md §5): the records it finds; every record when empty
    location_ids: tuple[str, ...] = ()  # in these locations and below; anywhere when empty
    include_deposits: bool = True
    starts_on: str = ""
    ends_on: str = ""
    plan: str = ""  # the ten-year plan it belongs to: "2026-2035"
    closed_at: str | None = None
    unlisted_finds: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, row: RecolementCampaign) -> Campaign:
        return cls(row.id, row.name, row.query, tuple(json.loads(row.location_ids)),
                   row.include_deposits, row.starts_on, row.ends_on, row.plan, row.closed_at,
                   tuple(json.loads(row.unlisted_finds)))


def start_campaign(session: Session, name: str, *, query: str = "",
                   location_ids: tuple[str, ...] = (), include_deposits: bool = True,
                   starts_on: str = "", ends_on: str = "", plan: str = "") -> Campaign:
    if not name.strip():
        raise CatalogueError(NAME_REQUIRED)
    row = RecolementCampaign(
        id=str(uuid.uuid4()), name=name.strip(), query=query.strip(),
        location_ids=json.dumps(list(location_ids)), include_deposits=include_deposits,
        starts_on=starts_on or today_iso(), ends_on=ends_on, plan=plan.strip(),
        closed_at=None, unlisted_finds="[]", modified_at=now_iso(), extra_json="{}")
    session.add(row)
    session.flush()
    return Campaign.of(row)


def campaigns(session: Session) -> list[Campaign]:
    """Every campaign, the most recently started first."""
    rows = session.scalars(select(RecolementCampaign).order_by(
        RecolementCampaign.starts_on.desc(), RecolementCampaign.name))
    return [Campaign.of(row) for row in rows]


def find_campaign(session: Session, reference: str) -> Campaign:
    """The campaign with this id, or the one campaign with this name."""
    return Campaign.of(_row(session, reference))


def add_unlisted_find(session: Session, campaign_id: str, description: str, user: str, *,
                      location_id: str = "", note: str = "",
                      images: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object found without a number, or whose number is not in the catalogue: kept with
    the campaign (and printed in its procès-verbal) until someone identifies or inventories it."""
    if not description.strip():
        raise CatalogueError(DESCRIPTION_REQUIRED)
    row = _row(session, campaign_id)
    find = {"id": str(uuid.uuid4()), "date": now_iso(), "user": user,
            "description": description.strip(), "location_id": location_id,
            "note": note.strip(), "images": list(images)}
    row.unlisted_finds = json.dumps([*json.loads(row.unlisted_finds), find],
                                    ensure_ascii=False)
    row.modified_at = now_iso()
    return find


def mark_closed(session: Session, campaign_id: str) -> Campaign:
    row = _row(session, campaign_id)
    if row.closed_at is not None:
        raise CatalogueError(ALREADY_CLOSED, name=row.name, date=row.closed_at[:10])
    row.closed_at = row.modified_at = now_iso()
    if not row.ends_on:
        row.ends_on = row.closed_at[:10]
    return Campaign.of(row)


def _row(session: Session, reference: str) -> RecolementCampaign:
    row = session.get(RecolementCampaign, reference)
    if row is not None:
        return row
    named = session.scalars(select(RecolementCampaign)
                            .where(RecolementCampaign.name == reference.strip())).all()
    if len(named) > 1:
        raise CatalogueError(AMBIGUOUS_CAMPAIGN, count=len(named), campaign=reference)
    if not named:
        raise CatalogueError(NO_SUCH_CAMPAIGN, campaign=reference)
    return named[0]
