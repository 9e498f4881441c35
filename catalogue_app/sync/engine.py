"""One sync of a desk catalogue with the regional base (design.md §7).

Order: check the museum, finish any batch a crash left on the wire, pull the feed (each page
applied with its cursor in one transaction; museum documents among the records), read in full
the document kinds this desk learnt since, then push: the originals the server lacks go on
a thread of their own while the records that name none of them are pushed in batches (each
batch written down with its Idempotency-Key before it is sent, its answer applied in a
transaction), and the records that name one follow once those are uploaded; the museum
documents last (document_sync.py). Killed at any moment, the next run resumes: nothing is lost
and nothing is applied twice."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from catalogue_app.catalogue import Catalogue
from catalogue_app.clock import now_iso
from catalogue_app.folding import fold
from catalogue_app.images.store import ImageStore
from catalogue_app.messages import declare
from catalogue_app.protocol import MAX_FEED_PAGE, image_hashes
from catalogue_app.search.index import indexing_for
from catalogue_app.settings import (
    CHECKED_TOKEN,
    FULL_RESYNC,
    LAST_SYNC_AT,
    MUSEUM_DETAILS_SENT,
    SERVER_LIMITS,
    SERVER_URL,
    SYNC_CURSOR,
    in_catalogue,
)
from catalogue_app.sync import documents, outbox, reconcile, set_aside
from catalogue_app.sync.client import (
    BaseTooOld,
    CursorExpired,
    RegionalClient,
    SyncError,
    TokenRefused,
)
from catalogue_app.sync.document_sync import KEPT_HERE, DocumentSync, document_kind
from catalogue_app.sync.images import download_missing, missing_on_server
from catalogue_app.sync.push import (
    BATCHES_PER_WRITE,
    Answered,
    BatchLimits,
    ImageUploads,
    Outgoing,
    Wire,
    write_batches,
)
from catalogue_app.sync.reconcile import ServerRecord
from catalogue_app.sync.refusals import refusal_message
from catalogue_app.sync.timing import Stopwatch
from db.local.models import (
    Image,
    Museum,
    Record,
    RecordTheme,
    SyncBatch,
    SyncOutbox,
    SyncRefusal,
    SyncState,
    Term,
    Theme,
)

MUSEUM_DETAILS = declare("sync.museum_details", "the museum's owner, town and presentation")
CANCELLED = declare(
    "sync.cancelled",
    "Sync cancelled. What was already exchanged is kept; sync again to continue.")
OTHER_MUSEUM = declare(
    "sync.other_museum",
    "This catalogue belongs to museum {code} ({name}), but the token is one of museum"
    " {token_code} ({token_name}). Nothing was sent; use a token of museum {code}.")
# The totals a sync ends with, one message each, so that a French curator reads them in French.
TOTAL_RECEIVED = declare("sync.total_received", "{n} record(s) received")
TOTAL_SENT = declare("sync.total_sent", "{n} sent")
TOTAL_MERGED = declare("sync.total_merged", "{n} merged")
TOTAL_DELETED = declare("sync.total_deleted", "{n} deleted")
TOTAL_DOCUMENTS_RECEIVED = declare("sync.total_documents_received",
                                   "{n} location(s) or campaign(s) received")
TOTAL_DOCUMENTS_SENT = declare("sync.total_documents_sent",
                               "{n} location(s) or campaign(s) sent")
TOTAL_IMAGES_SENT = declare("sync.total_images_sent", "{n} image(s) sent")
TOTAL_IMAGES_RECEIVED = declare("sync.total_images_received", "{n} image(s) received")
TOTAL_CONFLICTS = declare("sync.total_conflicts", "{n} conflict(s) to decide")
TOTAL_REFUSED = declare("sync.total_refused", "{n} refused")
TOTAL_SET_ASIDE = declare("sync.total_set_aside", "{n} set aside")
PUSH_ROUNDS = 3  # a merged record goes out again in the same sync, a bounded number of times

Progress = Callable[[int, int, str], None]


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__(CANCELLED)


@dataclass
class SyncReport:
    received: int = 0
    sent: int = 0
    merged: int = 0
    deleted: int = 0
    conflicts: int = 0
    images_sent: int = 0
    images_received: int = 0
    refused: list[str] = field(default_factory=list)  # one message per refused record
    documents_received: int = 0  # museum documents (locations, campaigns) written here
    documents_sent: int = 0
    # What the curator should know although the sync went through (the base is too old for
    # the museum documents: they stay here).
    notices: list[str] = field(default_factory=list)
    # Every record from the base set aside on this desk, with why (set_aside.py).
    set_aside: list[str] = field(default_factory=list)
    pending: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # time per step (timing.py)

    def summary(self) -> str:
        """The totals in the user's language: records received and sent, then whatever else
        happened."""
        parts = [TOTAL_RECEIVED(n=self.received), TOTAL_SENT(n=self.sent)]
        for count, total in ((self.merged, TOTAL_MERGED), (self.deleted, TOTAL_DELETED),
                             (self.documents_received, TOTAL_DOCUMENTS_RECEIVED),
                             (self.documents_sent, TOTAL_DOCUMENTS_SENT),
                             (self.images_sent, TOTAL_IMAGES_SENT),
                             (self.images_received, TOTAL_IMAGES_RECEIVED),
                             (self.conflicts, TOTAL_CONFLICTS),
                             (len(self.refused), TOTAL_REFUSED),
                             (len(self.set_aside), TOTAL_SET_ASIDE)):
            if count:
                parts.append(total(n=count))
        return ", ".join(map(str, parts)) + "."


class Synchroniser:
    def __init__(self, catalogue: Catalogue, client: RegionalClient, token: str, *,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> None:
        self.catalogue = catalogue
        self.client = client
        self.token = token
        self.store = ImageStore(catalogue.images_dir)
        self.report = SyncReport()
        self.stopwatch = Stopwatch()
        self.report.seconds = self.stopwatch.seconds
        self._progress = progress or (lambda _done, _total, _text: None)
        self._cancelled = cancelled
        self.limits = BatchLimits()
        self._set_aside_now: set[str] = set()  # in the page being applied
        self._feed_read_from_start = False
        self.documents = DocumentSync(catalogue, client, self.report, self._checkpoint)
        # Pending records the later rounds of this sync leave out: too large to send, or
        # refused by the base (said once; the next sync tries them again, perhaps corrected).
        self._held_back: set[str] = set()
        # Refused because another record of the museum holds the number on the base, which it
        # may give up in this very sync (a series renumbered): sent again in the next round
        # if this one had any record accepted, said once at the end if still refused.
        self._number_taken: dict[str, str] = {}
        self._accepted_in_round = False

    def run(self) -> SyncReport:
        with self.stopwatch.step("start: museum, batches left"):
            self._check_museum()
            self._send_museum_details()
            self._resend_stored_batches()
        self._pull()
        with self.stopwatch.step("documents: reading new kinds"):
            self.documents.read_new_kinds(feed_read_from_start=self._feed_read_from_start)
        for _round in range(PUSH_ROUNDS):
            self._accepted_in_round = False
            if not self._push():
                break
            if not self._accepted_in_round:
                self._held_back.update(self._number_taken)
        self.report.refused += self._number_taken.values()
        with self.stopwatch.step("documents: pushing"):
            self.documents.push(self.limits)
        with self.stopwatch.step("finish"), self.catalogue.writing() as session:
            in_catalogue.write(session, LAST_SYNC_AT, now_iso())
            in_catalogue.write(session, SERVER_URL, self.client.server_url)
            self.report.pending = outbox.pending_count(session)
            self.report.set_aside = [item.reason for item in set_aside.listed(session)]
        return self.report

    def _checkpoint(self, text: str, done: int = 0, total: int = 0) -> None:
        if self._cancelled():
            raise SyncCancelled()
        self._progress(done, total, text)

    # --- museum --------------------------------------------------------------------------

    def _check_museum(self) -> None:
        """Bind the catalogue to the token's museum at the first sync; refuse another's."""
        fingerprint = hashlib.sha256(self.token.encode()).hexdigest()
        with self.catalogue.reading() as session:
            self.limits = BatchLimits.published(in_catalogue.read(session, SERVER_LIMITS))
            if in_catalogue.read(session, CHECKED_TOKEN) == fingerprint:
                return  # this token's museum was checked already: no request needed
        self._checkpoint("checking the token")
        answer = self.client.whoami()
        museum = answer["museum"]
        limits = answer.get("limits") if isinstance(answer.get("limits"), dict) else {}
        self.limits = BatchLimits.published(limits)
        with self.catalogue.writing() as session:
            in_catalogue.write(session, SERVER_LIMITS, limits)
            local = session.get(Museum, 1)
            if local is None:
                session.add(Museum(id=1, code=museum["code"], name=museum["name"],
                                   created_at=now_iso(), bound_at=now_iso()))
            elif local.code.strip().casefold() != museum["code"].strip().casefold():
                raise TokenRefused(OTHER_MUSEUM, code=local.code, name=local.name,
                                   token_code=museum["code"], token_name=museum["name"])
            else:
                if local.bound_at is None:
                    local.bound_at = now_iso()
                local.code, local.name = museum["code"], museum["name"]
            in_catalogue.write(session, CHECKED_TOKEN, fingerprint)

    def _send_museum_details(self) -> None:
        """The museum's own words (owner, town, presentation) changed on this desk since it last
        sent them: only those, so that the presentation its admin wrote on the base is not
        overwritten by a desk that changed the town (a detail never sent counts as empty, so a
        new desk blanks nothing)."""
        with self.catalogue.reading() as session:
            museum = session.get(Museum, 1)
            sent = in_catalogue.read(session, MUSEUM_DETAILS_SENT)
            if museum is None or museum.details_changed_at in (None, sent.get("changed_at")):
                return
            changed_at = museum.details_changed_at
            changed = {name: getattr(museum, name) for name in ("owner", "town", "presentation")
                       if getattr(museum, name) != sent.get(name, "")}
        if changed:
            self._checkpoint("sending the museum's details")
            try:
                self.client.set_museum_details(changed)
            except BaseTooOld:  # kept unsent: the next sync tries again, the rest goes on
                self.report.notices.append(str(KEPT_HERE(kinds=MUSEUM_DETAILS())))
                return
        with self.catalogue.writing() as session:
            in_catalogue.write(session, MUSEUM_DETAILS_SENT,
                               {**sent, **changed, "changed_at": changed_at})

    # --- pull ------------------------------------------------------------------------------

    def _pull(self) -> None:
        self._retry_set_aside()
        with self.catalogue.reading() as session:
            cursor = in_catalogue.read(session, SYNC_CURSOR)
        self._feed_read_from_start = cursor is None
        while True:
            self._checkpoint("receiving changes", self.report.received)
            try:
                with self.stopwatch.step("pull: waiting for the server"):
                    page = self.client.changes(cursor, MAX_FEED_PAGE)
            except CursorExpired:
                if cursor is None:
                    raise
                self._start_full_resync()
                cursor = None
                self._feed_read_from_start = True
                continue
            records = _page_records(page["changes"])
            with self.stopwatch.step("pull: receiving images"):
                self._receive_images(records)
            if page["changes"] or page["next_cursor"] != cursor:
                with self.stopwatch.step("pull: applying"):
                    self._apply_page(page, records)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return

    def _receive_images(self, records: list[ServerRecord]) -> None:
        """Download the originals that the page's new record versions name and this desk
        lacks, before the page is applied (the write lock is not held meanwhile)."""
        illustrated = [r for r in records if not r.deleted and image_hashes(r.fields)]
        if not illustrated:
            return
        with self.catalogue.reading() as session:
            held = outbox.versions(session, [r.id for r in illustrated])
        self.report.images_received += download_missing(
            self.client, self.store,
            [sha256 for r in illustrated if held.get(r.id) != r.version
             for sha256 in image_hashes(r.fields)], self._checkpoint)

    def _apply_page(self, page: dict[str, Any], records: list[ServerRecord]) -> None:
        """Apply a page and save its cursor, in one transaction."""
        self._set_aside_now = set()
        with self.catalogue.writing() as session, outbox.applying(session):
            held = outbox.versions(session, [r.id for r in records])
            # Our own pushes coming back, or a page read again after a crash: nothing to do.
            known = [r.id for r in records if held.get(r.id) == r.version]
            new = [r for r in records if held.get(r.id) != r.version]
            outbox.mark_seen(session, known)
            # Loaded at once and held here, so that session.get finds them without a query.
            states = outbox.states(session, [r.id for r in new])
            with indexing_for(session, len(new)):
                for change in page["changes"]:
                    if change["kind"] == "theme":
                        _apply_theme(session, change["theme"])
                    elif change["kind"] == "vocabulary_term":
                        _apply_term(session, change["vocabulary_term"])
                    elif kind := document_kind(change):
                        self.documents.apply(session, kind, change["document"])
                    # Kinds this version does not know are skipped: a newer server (or desk,
                    # for documents) may add some; a document kind learnt later is read in
                    # full then (document_sync.py).
                for server in new:
                    self._count(self._apply_record(session, server))
            del states
            # Stored, or replaced by a newer version: no longer set aside.
            set_aside.forget(session, [r.id for r in records if r.id not in self._set_aside_now])
            in_catalogue.write(session, SYNC_CURSOR, page["next_cursor"])
            if not page["has_more"]:
                self._finish_full_resync(session)

    def _apply_record(self, session: Session, server: ServerRecord) -> str:
        try:
            return reconcile.apply_server_record(session, server)
        except reconcile.Unappliable as problem:
            set_aside.put(session, server.id, server.version, server.fields, str(problem))
            self._set_aside_now.add(server.id)
            return reconcile.KNOWN

    def _retry_set_aside(self) -> None:
        """Store the records set aside by earlier syncs that can be stored now (the clash
        resolved here, a newer version of this application)."""
        with self.catalogue.reading() as session:
            kept = set_aside.pending(session)
        if not kept:
            return
        with self.catalogue.writing() as session, outbox.applying(session):
            for record_id, (version, fields) in kept.items():
                self._set_aside_now = set()
                self._count(self._apply_record(session, ServerRecord(record_id, fields,
                                                                     version, False)))
                if record_id not in self._set_aside_now:
                    set_aside.forget(session, [record_id])

    def _count(self, outcome: str) -> None:
        if outcome in (reconcile.APPLIED, reconcile.MERGED):
            self.report.received += 1
        if outcome == reconcile.MERGED:
            self.report.merged += 1
        elif outcome == reconcile.DELETED:
            self.report.deleted += 1
        elif outcome == reconcile.CONFLICT:
            self.report.conflicts += 1

    def _start_full_resync(self) -> None:
        """410: read the whole feed again; records the server no longer knows go out anew."""
        with self.catalogue.writing() as session:
            session.execute(update(SyncState).values(seen=False))
            documents.forget_agreements(session)
            in_catalogue.write(session, FULL_RESYNC, now_iso())
            in_catalogue.write(session, SYNC_CURSOR, None)

    def _finish_full_resync(self, session: Session) -> None:
        if in_catalogue.read(session, FULL_RESYNC) is None:
            return
        for record_id in session.scalars(select(SyncState.record_id).where(~SyncState.seen)):
            outbox.drop_state(session, record_id)
            if session.get(Record, record_id) is not None:
                outbox.queue(session, record_id)
        in_catalogue.write(session, FULL_RESYNC, None)

    # --- push ------------------------------------------------------------------------------

    def _push(self) -> bool:
        """Send every sendable pending record once; return whether any was sent."""
        with self.stopwatch.step("push: reading the outbox"), \
                self.catalogue.reading() as session:
            pending = [r for r in outbox.sendable(session) if r not in self._held_back]
            if not pending:
                return False
            images = session.execute(select(Image.record_id, Image.sha256).where(
                Image.record_id.in_(select(SyncOutbox.record_id)))).all()
        self._checkpoint("checking which images the regional base lacks")
        with self.stopwatch.step("push: checking images"):
            missing = set(missing_on_server(self.client, [sha256 for _r, sha256 in images]))
        # Records naming an image the server lacks wait for it; the others go at once.
        waiting = {record_id for record_id, sha256 in images if sha256 in missing}
        with ImageUploads(self.client, self.store, sorted(missing), self._checkpoint,
                          self.stopwatch) as uploads:
            self._send([r for r in pending if r not in waiting], uploads.raise_if_failed)
            with self.stopwatch.step("push: waiting for images"):
                sent, absent = uploads.wait()
        self.report.images_sent += sent
        for sha256 in absent:
            self.report.refused.append(f"Image {sha256} is missing from this desk's image"
                                       " store; its record cannot be sent (run check).")
        self._send([r for r in pending if r in waiting])
        return True

    def _send(self, record_ids: list[str],
              check_uploads: Callable[[], None] = lambda: None) -> None:
        step = self.limits.records * BATCHES_PER_WRITE
        with Wire(self.client, self._settle_batches, self.stopwatch) as wire:
            for start in range(0, len(record_ids), step):
                self._checkpoint("sending records", start, len(record_ids))
                held_back: dict = {}
                with self.stopwatch.step("push: writing batches"), \
                        self.catalogue.writing() as session:
                    batches = write_batches(session, record_ids[start:start + step],
                                            self.limits, held_back)
                self._held_back.update(held_back)
                self.report.refused += [str(message) for message in held_back.values()]
                for batch in batches:
                    self._checkpoint("sending records", start, len(record_ids))
                    check_uploads()
                    wire.send(batch)

    def _resend_stored_batches(self) -> None:
        """A batch written but not answered (a crash, a lost answer) goes again, same key."""
        with self.catalogue.reading() as session:
            batches = [Outgoing.from_row(row) for row in
                       session.scalars(select(SyncBatch).order_by(SyncBatch.created_at))]
        if not batches:
            return
        with Wire(self.client, self._settle_batches, self.stopwatch) as wire:
            for batch in batches:
                self._checkpoint("sending records left from the last sync")
                wire.send(batch)

    def _settle_batches(self, answered: list[Answered]) -> None:
        """Apply the server's answers to batches and forget the batches, in one transaction."""
        with self.stopwatch.step("push: applying answers"), \
                self.catalogue.writing() as session, outbox.applying(session):
            accepted = []
            for batch, answer in answered:
                for result in answer["results"]:
                    record_id, status = result["id"], result["status"]
                    sent = batch.sent[record_id]
                    if status in ("ok", "unchanged"):
                        self._number_taken.pop(record_id, None)
                        self._accepted_in_round |= status == "ok"
                        accepted.append((record_id, result.get("version"), sent.fields_json,
                                         sent.deleted, batch.revisions.get(record_id)))
                        self.report.sent += status == "ok"
                    else:
                        self._settle_refusal(session, record_id, sent.fields, result)
            outbox.settle_accepted(session, accepted)
            session.execute(delete(SyncBatch).where(SyncBatch.idempotency_key.in_(
                [batch.key for batch, _answer in answered])))

    def _settle_refusal(self, session: Session, record_id: str, fields: dict[str, Any],
                        result: dict[str, Any]) -> None:
        if result["status"] == "conflict":
            current = ServerRecord.from_wire(result["current"])
            try:
                self._count(reconcile.settle_push_conflict(session, record_id, current))
            except reconcile.Unappliable as problem:
                # The base did not refuse the record: this desk cannot store the base's copy
                # to merge with. It is set aside as the feed's copies are (the pull often set
                # it aside already): said once, with the others, and tried again every sync;
                # this desk's version waits unsent until then.
                set_aside.put(session, current.id, current.version, current.fields,
                              str(problem))
                self._held_back.add(record_id)  # the same answer again otherwise, each round
            return
        message = str(refusal_message(fields.get("inventory_number") or record_id, result))
        session.merge(SyncRefusal(record_id=record_id, refused_at=now_iso(), message=message))
        if result.get("code") == "number_taken":
            self._number_taken[record_id] = message
            return
        self._held_back.add(record_id)  # the same answer again otherwise, each round
        self.report.refused.append(message)


def _page_records(changes: list[dict[str, Any]]) -> list[ServerRecord]:
    """The records and tombstones of a feed page."""
    return [ServerRecord.from_wire(c["record"]) if c["kind"] == "record" else
            ServerRecord(c["tombstone"]["id"], {}, c["tombstone"]["version"], True)
            for c in changes if c["kind"] in ("record", "tombstone")]


def _apply_theme(session: Session, wire: dict[str, Any]) -> None:
    theme = session.get(Theme, wire["id"])
    if wire.get("deleted"):
        # A retired theme is removed only when no record and no sub-theme uses it any more.
        used = session.scalar(select(RecordTheme.record_id)
                              .where(RecordTheme.theme_id == wire["id"]).limit(1)) or \
            session.scalar(select(Theme.id).where(Theme.parent_id == wire["id"]).limit(1))
        if theme is not None and not used:
            session.delete(theme)
        return
    values = {"parent_id": wire.get("parent_id"), "label_fr": wire["label_fr"],
              "label_en": wire["label_en"], "position": wire.get("position", 0),
              "source": "shared"}
    if theme is None:
        session.add(Theme(id=wire["id"], **values))
    else:
        for key, value in values.items():
            setattr(theme, key, value)
    session.flush()


def _apply_term(session: Session, wire: dict[str, Any]) -> None:
    term = session.get(Term, wire["id"])
    if wire.get("deleted"):
        if term is not None:
            session.delete(term)
        return
    values = {"vocabulary": wire["vocabulary"], "label": wire["label"],
              "search_key": fold(wire["label"]), "source": "shared"}
    if term is None:
        session.add(Term(id=wire["id"], **values))
    else:
        for key, value in values.items():
            setattr(term, key, value)
