"""Which records a campaign covers and how far it has come, overall and per location.

The scope: records in the inventory or the deposits (unless left out), active or missing, that
the campaign's search finds (all when it has none) and whose current location is one of its
locations or below (anywhere when it has none).

The scope is read afresh each time (a record inventoried during the campaign joins it), and a
record checked in the campaign always counts in it, even when it was found outside the scope
(an object strayed from another room) or has since moved out. What a record's checks say is its
latest check in the campaign, by date then order of entry (checks merged from other desks come
in any order)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from catalogue_app.locations.tree import below
from catalogue_app.recolement.campaigns import Campaign
from catalogue_app.search.query import parse
from catalogue_app.search.service import condition

# A radiated record has left the collection; a missing one is still looked for.
CHECKED_STATUSES = ("active", "missing")
# Records whose checks name the campaign (a cheap scan of text; latest_checks reads them).
_MENTIONS = "instr(r.recolement_checks, :campaign) > 0"


@dataclass
class Tally:
    total: int = 0
    checked: int = 0
    found: int = 0
    missing: int = 0  # not found at the shelf (missing for good only once the campaign closes)

    @property
    def not_checked(self) -> int:
        return self.total - self.checked

    def add_check(self, check: dict[str, Any]) -> None:
        self.checked += 1
        if check["result"] == "found":
            self.found += 1
        else:
            self.missing += 1


@dataclass
class Progress(Tally):
    # Per location (its path as records show it, "" where none is known), in path order.
    by_location: dict[str, Tally] = field(default_factory=dict)


def scope_condition(session: Session, campaign: Campaign) -> tuple[str, dict[str, Any]]:
    """SQL condition on `records r` selecting the records the campaign's scope covers."""
    statuses = ", ".join(f"'{s}'" for s in CHECKED_STATUSES)
    registers = "('inventory', 'deposit')" if campaign.include_deposits else "('inventory')"
    parts = ["r.trashed_at IS NULL", f"r.status IN ({statuses})",
             f"r.legal_status IN {registers}"]
    where, params = condition(session, parse(campaign.query)) if campaign.query else ("", {})
    if where:
        parts.append(where)
    places = {place for location_id in campaign.location_ids
              for place in below(session, location_id)}
    if campaign.location_ids:
        params = {**params, **{f"place{i}": place for i, place in enumerate(sorted(places))}}
        parts.append("r.current_location_id IN ("
                     + ", ".join(f":place{i}" for i in range(len(places))) + ")")
    return " AND ".join(parts), params


def latest_checks(session: Session, campaign_id: str) -> dict[str, dict[str, Any]]:
    """The latest check of the campaign of each record it checked, by record id."""
    return {record_id: check for record_id, _location, _scoped, check
            in _checked(session, campaign_id)}


def progress(session: Session, campaign: Campaign) -> Progress:
    where, params = scope_condition(session, campaign)
    result = Progress()
    in_scope = session.execute(text(
        f"SELECT r.current_location, count(*) FROM records r WHERE {where} "
        "GROUP BY r.current_location"), params).all()
    for location, count in in_scope:
        result.by_location.setdefault(location, Tally()).total += count
    for _record_id, location, scoped, check in _checked(session, campaign.id, where, params):
        tally = result.by_location.setdefault(location, Tally())
        if not scoped:  # outside the scope, counted because it was checked
            tally.total += 1
        tally.add_check(check)
    result.by_location = dict(sorted(result.by_location.items()))
    for tally in result.by_location.values():
        for name in ("total", "checked", "found", "missing"):
            setattr(result, name, getattr(result, name) + getattr(tally, name))
    return result


def entries(session: Session, campaign: Campaign) -> list[dict[str, Any]]:
    """Every record of the campaign in inventory order: id, number, designation, location and
    its latest check in the campaign (None when not checked yet)."""
    where, params = scope_condition(session, campaign)
    checks = latest_checks(session, campaign.id)
    rows = session.execute(text(
        "SELECT r.id, r.inventory_number, r.designation, r.current_location FROM records r "
        f"WHERE ({where}) OR {_MENTIONS} ORDER BY r.inventory_sort"),
        {**params, "campaign": campaign.id})
    return [{"id": record_id, "inventory_number": number, "designation": designation,
             "location": location, "check": checks.get(record_id)}
            for record_id, number, designation, location in rows]


def _checked(session: Session, campaign_id: str, where: str = "0",
             params: dict[str, Any] | None = None
             ) -> Iterator[tuple[str, str, bool, dict[str, Any]]]:
    """(record id, its location, whether `where` selects it, its latest check) of each
    record the campaign checked."""
    rows = session.execute(text(
        f"SELECT r.id, r.current_location, {where}, r.recolement_checks FROM records r "
        f"WHERE {_MENTIONS}"), {**(params or {}), "campaign": campaign_id})
    for record_id, location, scoped, checks_json in rows:
        checks = [(c["date"], position, c) for position, c in enumerate(json.loads(checks_json))
                  if c.get("campaign_id") == campaign_id]
        if checks:
            yield record_id, location, bool(scoped), max(checks, key=lambda d: d[:2])[2]
