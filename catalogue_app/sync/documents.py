"""Museum documents on the desk (protocol 1.1): the museum's locations, its récolement
campaigns, each kept by its own module in a table of its own (document_kinds.py lists them).

The desk remembers, per document, the version it last agreed on with the base (sync_documents).
A document is pending when its module's `to_document` of the row differs from that version, or
when the row is gone while the agreed version is alive (deleted here: a tombstone goes out).
No trigger nor flag in the modules' tables: whatever code path wrote a row, the comparison sees
it. The base keeps the later of two versions (protocol.document_precedence); since a desk reads
the feed before it pushes, what it changed merges with what another desk sent meanwhile before
it goes out (`merged`), so two desks adding to one campaign both keep what they added."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.messages import Message, declare
from catalogue_app.protocol import DOCUMENT_TIME_PATTERN, document_precedence
from catalogue_app.sync.document_codec import Document, DocumentKind
from catalogue_app.sync.merge import merge_records
from db.local.models import SyncDocument

NOT_SENDABLE = declare(
    "sync.document_not_sendable", "One of {kinds} ({id}) cannot be sent: its modification time"
    " {modified_at!r} is not one the regional base reads. It stays on this computer.")
_TIME = re.compile(DOCUMENT_TIME_PATTERN)


def canonical(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def pending(session: Session, kind: DocumentKind, refused: list[Message]) -> list[Document]:
    """The documents of `kind` the base has not agreed on yet, as they go out; a document
    the base could never read is left out and said in `refused`."""
    local = _local(session, kind)
    agreed = _agreed(session, kind.kind)
    found = []
    for document_id in dict.fromkeys([*local, *agreed]):
        document = _outgoing(local.get(document_id), agreed.get(document_id))
        if document is None:
            continue
        if not _TIME.fullmatch(str(document["modified_at"])):
            refused.append(NOT_SENDABLE(kinds=kind.label(), id=document_id,
                                        modified_at=document["modified_at"]))
            continue
        found.append(document)
    return found


def apply_from_base(session: Session, kind: DocumentKind, theirs: Document) -> bool:
    """Bring the base's version of a document in (from the feed, or the one a push met); it
    is the version agreed on from now. When this desk changed the document too, since the
    version both last agreed on, the two merge (`merged`): the result stays pending and goes
    out. Returns whether the document here changed."""
    row = session.get(kind.model, theirs["id"])
    agreed = _agreed(session, kind.kind, [theirs["id"]]).get(theirs["id"])
    mine = _outgoing(kind.to_document(row) if row is not None else None, agreed)
    result = theirs if mine is None else merged(agreed, mine, theirs)
    written = result != mine
    if written:
        kind.apply_document(session, result)
        session.flush()
    agree(session, [theirs])
    return written


def merged(agreed: Document | None, mine: Document, theirs: Document) -> Document:
    """One document changed here (`mine`, not sent yet) and on the base (`theirs`) since
    `agreed`. A deletion on either side: the later version wins whole. Otherwise the bodies
    merge as records do (merge.py): a key changed on one side takes that side's value, lists
    of entries (a campaign's unlisted finds) keep what either side added, a key both changed
    takes the later version's. A result that is not the base's version is dated after it, so
    that the base takes it when it goes out."""
    if mine["deleted"] or theirs["deleted"]:
        return max(mine, theirs, key=document_precedence)
    common = agreed["body"] if agreed is not None and not agreed["deleted"] else {}
    merge = merge_records(common, mine["body"], theirs["body"])
    later = max(mine, theirs, key=document_precedence)
    body = merge.fields
    for name in merge.conflicts:
        body.pop(name, None)
        if name in later["body"]:
            body[name] = later["body"][name]
    if body == theirs["body"]:
        return theirs
    if body == mine["body"] and later is mine:
        return mine
    return {**theirs, "body": body, "modified_at": _after(theirs["modified_at"])}


def agree(session: Session, documents: Iterable[Document]) -> None:
    """Remember these versions as the ones the base holds."""
    for document in documents:
        session.merge(SyncDocument(kind=document["kind"], document_id=document["id"],
                                   document_json=canonical(document)))


def forget_agreements(session: Session) -> None:
    """A full resync: the base may have lost documents, so every one of this desk is sent
    again (those the base holds come back `unchanged`)."""
    session.execute(delete(SyncDocument))


def idempotency_key(documents_json: str) -> str:
    """The batch's key, made from its content: a batch sent again after a crash or a lost
    answer carries the same key without being written down first, and any other batch a new
    one."""
    return "documents-" + hashlib.sha256(documents_json.encode()).hexdigest()


def _after(moment: str) -> str:
    """Now, or a millisecond after `moment` if this computer's clock is behind it."""
    just_after = datetime.fromisoformat(moment) + timedelta(milliseconds=1)
    return max(now_iso(), just_after.isoformat(timespec="milliseconds"))


def _outgoing(local: Document | None, agreed: Document | None) -> Document | None:
    """What this desk would send for one document (None: in step with the base)."""
    if local is not None:
        return None if local == agreed else local
    if agreed is None or agreed["deleted"]:
        return None
    # Deleted here since the last agreement; a deletion comes after what it deletes.
    return {**agreed, "deleted": True, "modified_at": max(now_iso(), agreed["modified_at"])}


def _local(session: Session, kind: DocumentKind) -> dict[str, Document]:
    return {row.id: kind.to_document(row) for row in session.scalars(select(kind.model))}


def _agreed(session: Session, kind: str,
            document_ids: list[str] | None = None) -> dict[str, Document]:
    query = select(SyncDocument.document_id, SyncDocument.document_json).where(
        SyncDocument.kind == kind)
    if document_ids is not None:
        query = query.where(SyncDocument.document_id.in_(document_ids))
    return {document_id: json.loads(text) for document_id, text in session.execute(query)}
