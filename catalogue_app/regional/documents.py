"""Museum documents on the regional base (protocol 1.1): a museum's data that is not an object
record, such as its locations and récolement campaigns. The base keeps the latest version of
each (museum, kind, id), whatever the kind: a kind it has never heard of is stored and given
back as sent, so what a newer desk writes survives the older ones.

Two desks changing one document settle by last writer wins (protocol.document_precedence): a
version older than the one held is not applied, and its answer carries the one held. Pushed
like records (museum_batches.py): one transaction under the museum's lock, each applied
document taking the museum's next change number, so it travels in the museum's feed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.protocol import document_precedence
from catalogue_app.regional.admin import Caller
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.museum_batches import MuseumBatch, check_batch_size
from db.regional import json_codec
from db.regional.engine import among
from db.regional.models import Document


@dataclass(frozen=True)
class PushedDocument:
    kind: str
    id: str
    modified_at: str
    deleted: bool
    body: dict[str, Any]

    def to_wire(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "modified_at": self.modified_at,
                "deleted": self.deleted, "body": self.body}


def document_to_wire(row: Document) -> dict[str, Any]:
    return {"kind": row.kind, "id": row.id, "modified_at": row.modified_at,
            "deleted": row.deleted, "body": row.body}


def _fingerprint(documents: list[PushedDocument]) -> str:
    canonical = json_codec.dumps(["documents", [d.to_wire() for d in documents]],
                                 sort_keys=True)
    return hashlib.sha256(canonical).hexdigest()


def push_documents(session: Session, caller: Caller, idempotency_key: str,
                   documents: list[PushedDocument], limits: Limits) -> dict[str, Any]:
    check_batch_size(len(documents), limits, "documents")
    batch = MuseumBatch.begin(session, caller, idempotency_key, _fingerprint(documents))
    if batch.stored is not None:
        return batch.stored
    held = {(row.kind, row.id): row for row in session.scalars(select(Document).where(
        Document.museum_id == caller.museum_id,
        among(session, Document.id, {d.id for d in documents})))}
    change_seq = batch.change_seq
    results = []
    seen: set[tuple[str, str]] = set()
    for pushed in documents:
        where = {"kind": pushed.kind, "id": pushed.id}
        if (pushed.kind, pushed.id) in seen:
            results.append({**where, "status": "error", "code": "duplicate_in_batch",
                            "message": "this document appears twice in the batch"})
            continue
        seen.add((pushed.kind, pushed.id))
        size = len(json_codec.dumps(pushed.body))
        if size > limits.record_bytes:
            results.append({
                **where, "status": "error", "code": "limit_exceeded",
                "message": f"the document's body takes {size} bytes as JSON, more than"
                           f" {limits.record_bytes}",
                "limit": "record_bytes", "max": limits.record_bytes})
            continue
        current = held.get((pushed.kind, pushed.id))
        if current is not None:
            stored = document_to_wire(current)
            if stored == pushed.to_wire():
                results.append({**where, "status": "unchanged"})
                continue
            if document_precedence(stored) > document_precedence(pushed.to_wire()):
                results.append({**where, "status": "stale", "current": stored,
                                "message": "the regional base holds a later version"})
                continue
        change_seq += 1
        if current is None:
            current = Document(museum_id=caller.museum_id, kind=pushed.kind, id=pushed.id)
            session.add(current)
            held[(pushed.kind, pushed.id)] = current
        current.body, current.modified_at, current.deleted = (
            pushed.body, pushed.modified_at, pushed.deleted)
        current.seq, current.updated_at, current.updated_by = change_seq, batch.now, caller.user
        results.append({**where, "status": "ok"})
    session.flush()
    response = {"results": results}
    batch.finish(response, change_seq)
    return response
