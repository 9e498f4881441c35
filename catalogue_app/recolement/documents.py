"""A campaign as the museum-level document the sync exchanges with the regional base (kind
"campaign", protocol 1.1; catalogue_app.sync owns the wire and decides which side wins by
`modified_at` before apply_document writes). Keys of the body this version does not know (a
newer desk's) are kept in `extra_json` and sent back as they came."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from db.local.models import RecolementCampaign

KIND = "campaign"
_TEXTS = ("name", "query", "starts_on", "ends_on", "plan")
_JSON = ("location_ids", "unlisted_finds")
BODY_KEYS = (*_TEXTS, *_JSON, "include_deposits", "closed_at")


def to_document(row: RecolementCampaign) -> dict[str, Any]:
    body = {**json.loads(row.extra_json or "{}"),
            **{name: getattr(row, name) for name in _TEXTS},
            **{name: json.loads(getattr(row, name)) for name in _JSON},
            "include_deposits": bool(row.include_deposits), "closed_at": row.closed_at}
    return {"kind": KIND, "id": row.id, "modified_at": row.modified_at, "deleted": False,
            "body": body}


def apply_document(session: Session, document: dict[str, Any]) -> None:
    row = session.get(RecolementCampaign, document["id"])
    if document.get("deleted"):
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = RecolementCampaign(id=document["id"])
        session.add(row)
    body = document["body"]
    for name in _TEXTS:
        setattr(row, name, str(body.get(name) or ""))
    for name in _JSON:
        setattr(row, name, json.dumps(list(body.get(name) or []), ensure_ascii=False))
    row.include_deposits = bool(body.get("include_deposits", True))
    row.closed_at = body.get("closed_at") or None
    row.extra_json = json.dumps({k: v for k, v in body.items() if k not in BODY_KEYS},
                                ensure_ascii=False)
    row.modified_at = document["modified_at"]
