"""The kinds of museum documents this desk syncs (protocol 1.1), each kept by its own module:
its table, its `to_document` and `apply_document` (documents.DocumentKind). A kind added here
in a later version is read in full from the base at its first sync (document_sync.py)."""

from __future__ import annotations

from catalogue_app.locations import documents as locations
from catalogue_app.messages import declare
from catalogue_app.recolement import documents as campaigns
from catalogue_app.sync.documents import DocumentKind
from db.local.models import Location, RecolementCampaign

DOCUMENT_KINDS: dict[str, DocumentKind] = {kind.kind: kind for kind in (
    DocumentKind(locations.KIND, Location, locations.to_document, locations.apply_document,
                 declare("sync.kind.location", "the locations")),
    DocumentKind(campaigns.KIND, RecolementCampaign, campaigns.to_document,
                 campaigns.apply_document, declare("sync.kind.campaign",
                                                   "the récolement campaigns")),
)}
