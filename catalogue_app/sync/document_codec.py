"""One kind of museum document synced with the regional base (protocol 1.1) and its envelope,
the same for every kind: {kind, id, modified_at, deleted, body}. Each kind's module gives only
how its table's row reads into a body and is written from one; the envelope does the rest.

The sync decides which version wins before `apply_document`, which writes it as it is (its
modified_at included). A body's keys this version does not know (a newer desk's) are kept in
the row's extra_json and given back, so they survive a round trip through this desk."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.messages import MessageKind

Document = dict[str, Any]


@dataclass(frozen=True)
class DocumentKind:
    """`model` a table whose rows have `id`, `modified_at` and `extra_json`; `read_body(row)`
    the body keys this version knows (`body_keys`), `write_body(row, body)` the reverse."""

    kind: str
    model: type
    body_keys: tuple[str, ...]
    read_body: Callable[[Any], dict[str, Any]]
    write_body: Callable[[Any, dict[str, Any]], None]
    label: MessageKind  # the documents as the curator names them ("the locations")

    def to_document(self, row: Any) -> Document:
        body = {**json.loads(row.extra_json or "{}"), **self.read_body(row)}
        return {"kind": self.kind, "id": row.id, "modified_at": row.modified_at,
                "deleted": False, "body": body}

    def apply_document(self, session: Session, document: Document) -> None:
        """Write the version the sync chose: delete the row for a tombstone, else create it
        if missing (a sync may bring a document this desk never had)."""
        row = session.get(self.model, document["id"])
        if document.get("deleted"):
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = self.model(id=document["id"])
            session.add(row)
        body = document["body"]
        self.write_body(row, body)
        row.modified_at = document["modified_at"]
        unknown = {key: value for key, value in body.items() if key not in self.body_keys}
        row.extra_json = json.dumps(unknown, ensure_ascii=False, sort_keys=True)
