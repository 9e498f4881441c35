"""A campaign as the museum-level document the sync exchanges with the regional base (kind
"campaign"; the envelope and the keys a newer desk adds are catalogue_app.sync.document_codec's).
The lists are JSON text in the table and JSON arrays in the body."""

from __future__ import annotations

import json
from typing import Any

from catalogue_app.messages import declare
from catalogue_app.sync.document_codec import DocumentKind
from db.local.models import RecolementCampaign

_TEXTS = ("name", "query", "starts_on", "ends_on", "plan")
_JSON = ("location_ids", "unlisted_finds")
BODY_KEYS = (*_TEXTS, *_JSON, "include_deposits", "closed_at")


def _read_body(row: RecolementCampaign) -> dict[str, Any]:
    return {**{name: getattr(row, name) for name in _TEXTS},
            **{name: json.loads(getattr(row, name)) for name in _JSON},
            "include_deposits": bool(row.include_deposits), "closed_at": row.closed_at}


def _write_body(row: RecolementCampaign, body: dict[str, Any]) -> None:
    for name in _TEXTS:
        setattr(row, name, str(body.get(name) or ""))
    for name in _JSON:
        setattr(row, name, json.dumps(list(body.get(name) or []), ensure_ascii=False))
    row.include_deposits = bool(body.get("include_deposits", True))
    row.closed_at = body.get("closed_at") or None


CAMPAIGNS = DocumentKind("campaign", RecolementCampaign, BODY_KEYS, _read_body, _write_body,
                         declare("sync.kind.campaign", "the récolement campaigns"))
to_document = CAMPAIGNS.to_document
apply_document = CAMPAIGNS.apply_document
