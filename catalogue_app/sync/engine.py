"""One sync of a desk catalogue with the regional base (design.md §7).

Order: check the museum, finish any batch a crash left on the wire, pull the feed (each page
applied with its cursor in one transaction), send the originals the server lacks, push the
pending records in batches (each batch written down with its Idempotency-Key before it is
sent, its answer applied in one transaction). Killed at any moment, the next run resumes:
nothing is lost and nothing is applied twice."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from catalogue_app.catalogue import Catalogue
from catalogue_app.clock import now_iso
from catalogue_app.folding import fold
from catalogue_app.images.store import ImageStore
from catalogue_app.search.index import bulk_indexing
from catalogue_app.sync import outbox, reconcile
from catalogue_app.sync.client import CursorExpired, RegionalClient, SyncError, TokenRefused
from catalogue_app.sync.images import download_missing, upload_missing
from catalogue_app.sync.reconcile import ServerRecord
from catalogue_app.sync.wire import image_hashes, records_fields
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

BATCH_SIZE = 100
BATCHES_PER_WRITE = 10  # batches written down per transaction (each commit is an fsync)
PAGE_SIZE = 500
PUSH_ROUNDS = 3  # a merged record goes out again in the same sync, a bounded number of times

Progress = Callable[[int, int, str], None]


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("Sync cancelled. What was already exchanged is kept; sync again to"
                         " continue.")


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
    pending: int = 0

    def summary(self) -> str:
        parts = [f"{self.received} record(s) received", f"{self.sent} sent"]
        for count, label in ((self.merged, "merged"), (self.deleted, "deleted"),
                             (self.images_sent, "image(s) sent"),
                             (self.images_received, "image(s) received"),
                             (self.conflicts, "conflict(s) to decide"),
                             (len(self.refused), "refused")):
            if count:
                parts.append(f"{count} {label}")
        return ", ".join(parts) + "."


class Synchroniser:
    def __init__(self, catalogue: Catalogue, client: RegionalClient, token: str, *,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> None:
        self.catalogue = catalogue
        self.client = client
        self.token = token
        self.store = ImageStore(catalogue.images_dir)
        self.report = SyncReport()
        self._progress = progress or (lambda _done, _total, _text: None)
        self._cancelled = cancelled

    def run(self) -> SyncReport:
        self._check_museum()
        self._resend_stored_batches()
        self._pull()
        for _round in range(PUSH_ROUNDS):
            if not self._push():
                break
        with self.catalogue.writing() as session:
            outbox.set_meta(session, outbox.LAST_SYNC_AT, now_iso())
            outbox.set_meta(session, outbox.SERVER_URL, self.client.server_url)
            self.report.pending = outbox.pending_count(session)
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
            if outbox.get_meta(session, outbox.CHECKED_TOKEN) == fingerprint:
                return  # this token's museum was checked already: no request needed
        self._checkpoint("checking the token")
        museum = self.client.whoami()["museum"]
        with self.catalogue.writing() as session:
            local = session.get(Museum, 1)
            if local is None:
                session.add(Museum(id=1, code=museum["code"], name=museum["name"],
                                   created_at=now_iso(), bound_at=now_iso()))
            elif local.code.strip().casefold() != museum["code"].strip().casefold():
                raise TokenRefused(
                    f"This catalogue belongs to museum {local.code} ({local.name}), but the token"
                    f" is one of museum {museum['code']} ({museum['name']}). Nothing was sent;"
                    f" use a token of museum {local.code}.")
            else:
                if local.bound_at is None:
                    local.bound_at = now_iso()
                local.code, local.name = museum["code"], museum["name"]
            outbox.set_meta(session, outbox.CHECKED_TOKEN, fingerprint)

    # --- pull ------------------------------------------------------------------------------

    def _pull(self) -> None:
        with self.catalogue.reading() as session:
            cursor = outbox.get_meta(session, outbox.CURSOR)
        while True:
            self._checkpoint("receiving changes", self.report.received)
            try:
                page = self.client.changes(cursor, PAGE_SIZE)
            except CursorExpired:
                if cursor is None:
                    raise
                self._start_full_resync()
                cursor = None
                continue
            changes = page["changes"]
            records = [ServerRecord.from_wire(c["record"]) for c in changes
                       if c["kind"] == "record"]
            self.report.images_received += download_missing(
                self.client, self.store, self._unknown_images(records), self._checkpoint)
            with self.catalogue.writing() as session, outbox.applying(session), \
                    bulk_indexing(session):
                self._apply_page(session, changes)
                outbox.set_meta(session, outbox.CURSOR, page["next_cursor"])
                if not page["has_more"]:
                    self._finish_full_resync(session)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return

    def _unknown_images(self, records: list[ServerRecord]) -> list[str]:
        with self.catalogue.reading() as session:
            known = outbox.states(session, [r.id for r in records])
        return [sha256 for r in records if not r.deleted
                and not (r.id in known and known[r.id].version == r.version)
                for sha256 in image_hashes(r.fields)]

    def _apply_page(self, session: Session, changes: list[dict[str, Any]]) -> None:
        # Load the page's states at once; held here, session.get finds them without a query.
        states = outbox.states(session, [c["record"]["id"] for c in changes
                                         if c["kind"] == "record"])
        for change in changes:
            kind = change["kind"]
            if kind == "theme":
                _apply_theme(session, change["theme"])
            elif kind == "vocabulary_term":
                _apply_term(session, change["vocabulary_term"])
            elif kind == "record":
                self._count(self._apply_record(session, ServerRecord.from_wire(change["record"])))
            elif kind == "tombstone":
                tomb = change["tombstone"]
                self._count(self._apply_record(
                    session, ServerRecord(tomb["id"], {}, tomb["version"], True)))
            # Kinds this version does not know are skipped: a newer server may add some.
        del states

    def _apply_record(self, session: Session, server: ServerRecord) -> str:
        try:
            return reconcile.apply_server_record(session, server)
        except reconcile.Unappliable as problem:
            self.report.refused.append(str(problem))
            return reconcile.KNOWN

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
            outbox.set_meta(session, outbox.FULL_RESYNC, now_iso())
            outbox.set_meta(session, outbox.CURSOR, None)

    def _finish_full_resync(self, session: Session) -> None:
        if outbox.get_meta(session, outbox.FULL_RESYNC) is None:
            return
        for record_id in session.scalars(select(SyncState.record_id).where(~SyncState.seen)):
            outbox.drop_state(session, record_id)
            if session.get(Record, record_id) is not None:
                outbox.queue(session, record_id)
        outbox.set_meta(session, outbox.FULL_RESYNC, None)

    # --- push ------------------------------------------------------------------------------

    def _push(self) -> bool:
        """Send every sendable pending record once; return whether any was sent."""
        with self.catalogue.reading() as session:
            pending = outbox.sendable(session)
        if not pending:
            return False
        with self.catalogue.reading() as session:
            hashes = list(session.scalars(select(Image.sha256).distinct().where(
                Image.record_id.in_(select(SyncOutbox.record_id)))))
        self._checkpoint("checking which images the regional base lacks")
        sent, absent = upload_missing(self.client, self.store, hashes, self._checkpoint)
        self.report.images_sent += sent
        for sha256 in absent:
            self.report.refused.append(f"Image {sha256} is missing from this desk's image"
                                       " store; its record cannot be sent (run check).")
        step = BATCH_SIZE * BATCHES_PER_WRITE
        with _Wire(self) as wire:
            for start in range(0, len(pending), step):
                self._checkpoint("sending records", start, len(pending))
                for batch in self._write_batches(pending[start:start + step]):
                    self._checkpoint("sending records", start, len(pending))
                    wire.send(batch)
        return True

    def _write_batches(self, record_ids: list[str]) -> list[SyncBatch]:
        """Write batches and their keys down before sending them, in one transaction."""
        batches = []
        with self.catalogue.writing() as session:
            for start in range(0, len(record_ids), BATCH_SIZE):
                revisions = outbox.revisions(session, record_ids[start:start + BATCH_SIZE])
                payload = _push_items(session, list(revisions))
                for record_id in set(revisions) - {item["id"] for item in payload}:
                    outbox.clear(session, record_id)  # nothing the server needs to hear
                    del revisions[record_id]
                if payload:
                    batches.append(SyncBatch(
                        idempotency_key=str(uuid.uuid4()), created_at=now_iso(),
                        payload_json=json.dumps(payload, ensure_ascii=False),
                        revisions_json=json.dumps(revisions)))
            session.add_all(batches)
        return batches

    def _resend_stored_batches(self) -> None:
        """A batch written but not answered (a crash, a lost answer) goes again, same key."""
        with self.catalogue.reading() as session:
            batches = list(session.scalars(select(SyncBatch).order_by(SyncBatch.created_at)))
        with _Wire(self) as wire:
            for batch in batches:
                self._checkpoint("sending records left from the last sync")
                wire.send(batch)

    def settle_batch(self, batch: SyncBatch, answer: dict[str, Any]) -> None:
        """Apply the server's answer to a batch and forget the batch, in one transaction."""
        payload = json.loads(batch.payload_json)
        revisions: dict[str, int] = json.loads(batch.revisions_json)
        sent = {item["id"]: item for item in payload}
        accepted: list[dict[str, Any]] = []
        with self.catalogue.writing() as session, outbox.applying(session):
            for result in answer["results"]:
                item = sent[result["id"]]
                if result["status"] in ("ok", "unchanged"):
                    accepted.append({**result, "item": item})
                    self.report.sent += result["status"] == "ok"
                else:
                    self._settle_refusal(session, item, result)
            outbox.settle_accepted(session, [
                (a["id"], a.get("version"), a["item"]["fields"], a["item"]["deleted"],
                 revisions.get(a["id"])) for a in accepted])
            session.execute(delete(SyncBatch)
                            .where(SyncBatch.idempotency_key == batch.idempotency_key))

    def _settle_refusal(self, session: Session, item: dict[str, Any],
                        result: dict[str, Any]) -> None:
        record_id = item["id"]
        if result["status"] == "conflict":
            current = ServerRecord.from_wire(result["current"])
            try:
                self._count(reconcile.settle_push_conflict(session, record_id, current))
            except reconcile.Unappliable as problem:
                self.report.refused.append(str(problem))
            return
        message = result.get("message") or "refused without a reason"
        number = item["fields"].get("inventory_number") or record_id
        self.report.refused.append(f"Record {number}: {message}")
        session.merge(SyncRefusal(record_id=record_id, refused_at=now_iso(), message=message))


class _Wire:
    """Keeps one batch on the wire while the previous answer is applied and the next batch is
    prepared, so the desk's database work overlaps the server's. The answers are applied in
    order, on the calling thread (sessions never cross threads)."""

    def __init__(self, synchroniser: Synchroniser) -> None:
        self._sync = synchroniser
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="sync-wire")
        self._in_flight: tuple[SyncBatch, Future] | None = None

    def send(self, batch: SyncBatch) -> None:
        payload = json.loads(batch.payload_json)
        future = self._pool.submit(self._sync.client.push, batch.idempotency_key, payload)
        self._settle_in_flight()
        self._in_flight = (batch, future)

    def _settle_in_flight(self) -> None:
        if self._in_flight is not None:
            batch, future = self._in_flight
            self._in_flight = None
            self._sync.settle_batch(batch, future.result())

    def __enter__(self) -> _Wire:
        return self

    def __exit__(self, error_type, _error, _traceback) -> None:
        try:
            if error_type is None:
                self._settle_in_flight()
        finally:
            # On an error the batch in flight is left written down: the next sync resends it.
            self._pool.shutdown(wait=True)


def _push_items(session: Session, record_ids: list[str]) -> list[dict[str, Any]]:
    """What the server must hear about these pending records (nothing, for some)."""
    states = outbox.states(session, record_ids)
    fields = records_fields(session, record_ids)
    items = []
    for record_id in record_ids:
        state = states.get(record_id)
        version = state.version if state is not None else None
        if record_id in fields:
            items.append({"id": record_id, "base_version": version,
                          "fields": fields[record_id], "deleted": False})
        elif state is not None:  # deleted here: the server deletes its version too
            items.append({"id": record_id, "base_version": version,
                          "fields": outbox.base_fields(state), "deleted": True})
        # else: created and purged between two syncs, the server never knew it
    return items


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
