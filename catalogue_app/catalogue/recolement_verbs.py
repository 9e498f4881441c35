"""The Catalogue's verbs of récolement (catalogue_app.recolement): campaigns, checks at the
shelf, closing, the procès-verbal. Mixed into Catalogue (facade.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from catalogue_app.catalogue.changes import Changes

if TYPE_CHECKING:
    from catalogue_app.documents.model import Renderer
    from catalogue_app.recolement.campaigns import Campaign
    from catalogue_app.recolement.checks import Observation
    from catalogue_app.recolement.progress import Progress


class RecolementVerbs:
    def start_campaign(self, name: str, *, query: str = "", location_ids: tuple[str, ...] = (),
                       include_deposits: bool = True, starts_on: str = "", ends_on: str = "",
                       plan: str = "") -> Changes:
        """Result: the new Campaign."""
        from catalogue_app.recolement.campaigns import start_campaign

        with self.writing() as session:
            campaign = start_campaign(session, name, query=query, location_ids=location_ids,
                                      include_deposits=include_deposits, starts_on=starts_on,
                                      ends_on=ends_on, plan=plan)
        return Changes(campaigns=True, result=campaign)

    def campaigns(self) -> list[Campaign]:
        from catalogue_app.recolement.campaigns import campaigns

        with self.reading() as session:
            return campaigns(session)

    def campaign(self, reference: str) -> Campaign:
        """The campaign with this id, or the one with this name (CatalogueError otherwise)."""
        from catalogue_app.recolement.campaigns import find_campaign

        with self.reading() as session:
            return find_campaign(session, reference)

    def campaign_progress(self, reference: str) -> Progress:
        from catalogue_app.recolement.campaigns import find_campaign
        from catalogue_app.recolement.progress import progress

        with self.reading() as session:
            return progress(session, find_campaign(session, reference))

    def check(self, campaign: str, record_id: str, observation: Observation) -> Changes:
        """One object seen (or not) at the shelf; result: the check as its record keeps it."""
        from catalogue_app.recolement.checks import record_check

        with self.writing() as session:
            check = record_check(session, campaign, record_id, observation, self.user)
        return Changes.of(changed=[record_id], campaigns=True, result=check)

    def add_unlisted_find(self, campaign: str, description: str, *, location_id: str = "",
                          note: str = "", images: tuple[str, ...] = ()) -> Changes:
        """An object found without a number or not in the catalogue; result: the find."""
        from catalogue_app.recolement.campaigns import add_unlisted_find

        with self.writing() as session:
            find = add_unlisted_find(session, campaign, description, self.user,
                                     location_id=location_id, note=note, images=images)
        return Changes(campaigns=True, result=find)

    def close_campaign(self, campaign: str) -> Changes:
        """After review, what stayed not found becomes missing; result: how many records."""
        from catalogue_app.recolement.checks import close_campaign

        with self.writing() as session:
            missing = close_campaign(session, campaign, self.user)
        return Changes.of(changed=missing, campaigns=True, result=len(missing))

    def print_recolement_report(self, campaign: str, out: Path, render: Renderer) -> int:
        """The campaign's procès-verbal as a PDF; return its number of pages."""
        from catalogue_app.documents.recolement_report import report_document

        return render(report_document(self, campaign), out)
