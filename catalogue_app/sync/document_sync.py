"""The museum documents' part of a sync (protocol 1.1; documents.py keeps their state).

After the feed: the kinds this desk learnt since its last full read (a newer version of the
application) are read in full, since the feed's entries of a kind were skipped until then.
After the records: the pending documents go out in batches, each answer applied in one
transaction. A batch's Idempotency-Key comes from its content, so one sent again after a crash
is recognised without being written down first; and since a document goes out as it is now
and the base keeps the later version, sending one twice changes nothing.

A base of protocol 1.0 has neither path (404): the documents stay here, the curator is told
why, and the next sync tries again."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from catalogue_app.catalogue import Catalogue
from catalogue_app.messages import Message, declare
from catalogue_app.protocol import MAX_FEED_PAGE
from catalogue_app.settings import DOCUMENT_KINDS_READ, in_catalogue
from catalogue_app.sync import documents, outbox
from catalogue_app.sync.client import BaseTooOld, CursorExpired, RegionalClient
from catalogue_app.sync.document_codec import Document, DocumentKind
from catalogue_app.sync.document_kinds import DOCUMENT_KINDS
from catalogue_app.sync.push import BatchLimits
from catalogue_app.sync.refusals import WITH_DETAIL

KEPT_HERE = declare(
    "sync.documents_kept_here", "The regional base does not know {kinds} yet: they stay on"
    " this computer and will be sent at a later sync, once the base is upgraded.")
AND = declare("sync.and", "{first} and {second}")
REFUSED = declare(
    "sync.document_refused", "The regional base refused one of {kinds} ({id}); it stays on this"
    " computer and goes again with the next sync.")
_ENVELOPE = len('{"documents": []}')
PUSH_ROUNDS = 3  # a document merged with the base's later version goes out again, this often

if TYPE_CHECKING:
    from catalogue_app.sync.engine import SyncReport


def document_kind(change: dict[str, Any]) -> DocumentKind | None:
    """The registered kind of a feed entry that is a museum document (None otherwise)."""
    kind = DOCUMENT_KINDS.get(change.get("kind", ""))
    return kind if kind is not None and isinstance(change.get("document"), dict) else None


class DocumentSync:
    def __init__(self, catalogue: Catalogue, client: RegionalClient, report: SyncReport,
                 checkpoint: Callable[[str], None]) -> None:
        self.catalogue = catalogue
        self.client = client
        self.report = report
        self._checkpoint = checkpoint

    def apply(self, session: Session, kind: DocumentKind, document: Document) -> None:
        """A document from the base (a feed entry, the version a push met)."""
        self.report.documents_received += documents.apply_from_base(session, kind, document)

    # --- kinds learnt since the last full read ------------------------------------------------

    def read_new_kinds(self, *, feed_read_from_start: bool) -> None:
        """Read in full the kinds not read yet; after a feed read from its beginning (this
        desk's first sync, a full resync) every registered kind has just been read."""
        with self.catalogue.reading() as session:
            progress = dict(in_catalogue.read(session, DOCUMENT_KINDS_READ))
        if feed_read_from_start:
            progress = dict.fromkeys(DOCUMENT_KINDS)
        for name, kind in DOCUMENT_KINDS.items():
            if name in progress and progress[name] is None:
                continue
            try:
                self._read_kind(kind, progress)
            except BaseTooOld:
                return  # nothing to read there; the push says so if this desk has some
        with self.catalogue.writing() as session:
            in_catalogue.write(session, DOCUMENT_KINDS_READ, progress)

    def _read_kind(self, kind: DocumentKind, progress: dict[str, str | None]) -> None:
        cursor = progress.get(kind.kind)
        while True:
            self._checkpoint("receiving locations and campaigns")
            try:
                page = self.client.documents(kind.kind, cursor, MAX_FEED_PAGE)
            except CursorExpired:
                if cursor is None:
                    raise
                cursor = None
                continue
            cursor = page["next_cursor"]
            progress[kind.kind] = cursor if page["has_more"] else None
            # Each page with its place in the read: a read cut short goes on from there.
            with self.catalogue.writing() as session, outbox.applying(session):
                for change in page["changes"]:
                    if document_kind(change) is kind:
                        self.apply(session, kind, change["document"])
                in_catalogue.write(session, DOCUMENT_KINDS_READ, progress)
            if not page["has_more"]:
                return

    # --- push -----------------------------------------------------------------------------

    def push(self, limits: BatchLimits) -> None:
        for _round in range(PUSH_ROUNDS):
            if not self._push_pending(limits):
                return

    def _push_pending(self, limits: BatchLimits) -> bool:
        """Send every pending document once; return whether the base held a later version
        of one (merged here, it goes out again)."""
        refused: list[Message] = []
        with self.catalogue.reading() as session:
            outgoing = [document for kind in DOCUMENT_KINDS.values()
                        for document in documents.pending(session, kind, refused)]
        self._refuse(refused)
        met_later = False
        for group in _batches(outgoing, limits):
            self._checkpoint("sending locations and campaigns")
            documents_json = json.dumps(group, ensure_ascii=False)
            try:
                answer = self.client.push_documents(documents.idempotency_key(documents_json),
                                                    documents_json)
            except BaseTooOld:
                self.report.notices.append(str(KEPT_HERE(kinds=_labels())))
                return False
            with self.catalogue.writing() as session, outbox.applying(session):
                for document, result in zip(group, answer["results"], strict=True):
                    met_later |= self._settle(session, document, result)
        return met_later

    def _settle(self, session: Session, sent: Document, result: dict[str, Any]) -> bool:
        """Apply the base's answer about one document; return whether it held a later one."""
        kind = DOCUMENT_KINDS[sent["kind"]]
        status = result["status"]
        if status in ("ok", "unchanged"):
            documents.agree(session, [sent])
            self.report.documents_sent += status == "ok"
        elif status == "stale":  # another desk's, sent meanwhile: merged with this one
            self.apply(session, kind, result["current"])
            return True
        else:
            refusal = REFUSED(kinds=kind.label(), id=sent["id"])
            said = result.get("message")
            self._refuse([WITH_DETAIL(message=refusal, said=said) if said else refusal])
        return False

    def _refuse(self, messages: list[Message]) -> None:
        """Say each once, however many rounds meet it."""
        self.report.refused += [str(m) for m in messages if str(m) not in self.report.refused]


def _batches(outgoing: list[Document], limits: BatchLimits) -> list[list[Document]]:
    """Groups within the base's published limits, by count and by bytes."""
    budget = limits.body_bytes - _ENVELOPE
    groups: list[list[Document]] = []
    size = 0
    for document in outgoing:
        length = len(json.dumps(document, ensure_ascii=False).encode()) + 2
        if not groups or len(groups[-1]) >= limits.records or size + length > budget:
            groups.append([])
            size = 0
        groups[-1].append(document)
        size += length
    return groups


def _labels() -> Message:
    """Every registered kind as the curator names them: "the locations and the campaigns"."""
    labels = [kind.label() for kind in DOCUMENT_KINDS.values()]
    said = labels[0]
    for label in labels[1:]:
        said = AND(first=said, second=label)
    return said
