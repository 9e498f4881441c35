"""The kinds of museum documents this desk syncs (protocol 1.1), each kept by its own module
(document_codec.DocumentKind). A kind added here in a later version is read in full from the
base at its first sync (document_sync.py)."""

from __future__ import annotations

from catalogue_app.locations.documents import LOCATIONS
from catalogue_app.recolement.documents import CAMPAIGNS
from catalogue_app.sync.document_codec import DocumentKind

DOCUMENT_KINDS: dict[str, DocumentKind] = {kind.kind: kind for kind in (LOCATIONS, CAMPAIGNS)}
