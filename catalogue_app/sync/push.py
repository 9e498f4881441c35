"""The machinery of the push: batches written down before they are sent, one batch kept on
the wire while the desk prepares the next and applies the last answers, and the originals the
server lacks sent on a thread of their own meanwhile."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.images.store import ImageStore
from catalogue_app.messages import Message, declare
from catalogue_app.protocol import MAX_BATCH_RECORDS, MAX_BODY_BYTES
from catalogue_app.sync import outbox
from catalogue_app.sync.client import RegionalClient, SyncError
from catalogue_app.sync.images import upload_missing
from catalogue_app.sync.timing import Stopwatch
from catalogue_app.sync.wire import records_fields
from db.local.models import SyncBatch, SyncOutbox

UPLOAD_STOPPED = declare("sync.upload_stopped", "Image upload stopped with the sync.")
NO_NUMBER = declare(
    "sync.no_number", "Record {record_id} has no inventory number: it stays on this computer"
    " until it has one.")
TOO_LARGE_TO_SEND = declare(
    "sync.record_too_large", "Record {number} takes {size} bytes, more than the regional base"
    " accepts in one request ({max}): it stays on this computer; tell your regional base"
    " administrator.")
BATCHES_PER_WRITE = 10  # batches written down, or answers applied, per transaction (an fsync)
IMAGE_STREAMS = 2
_ENVELOPE = len('{"records": []}')


@dataclass(frozen=True)
class BatchLimits:
    """How much one push may carry: the base's published limits (`whoami`), with room kept
    for the envelope; protocol.py's defaults for a base that published none."""

    records: int = MAX_BATCH_RECORDS
    body_bytes: int = MAX_BODY_BYTES

    @classmethod
    def published(cls, limits: dict[str, Any]) -> BatchLimits:
        def positive(name: str, default: int) -> int:
            value = limits.get(name)
            return value if isinstance(value, int) and value > 0 else default

        return cls(positive("batch_records", MAX_BATCH_RECORDS),
                   positive("body_bytes", MAX_BODY_BYTES))


@dataclass(frozen=True)
class Sent:
    """One record of a batch as sent; `fields_json` (canonical) becomes the desk's copy of
    the server's version when the server takes it, without being encoded again."""

    fields: dict[str, Any]
    fields_json: str
    deleted: bool


@dataclass(frozen=True)
class Outgoing:
    """A batch as written down (SyncBatch), with what applying its answer needs at hand."""

    key: str
    records_json: str  # the request's records, sent as they are
    revisions: dict[str, int]  # the outbox revision of each record sent
    sent: dict[str, Sent]

    @classmethod
    def from_row(cls, row: SyncBatch) -> Outgoing:
        """A batch left written down by a sync that stopped before its answer came."""
        items = json.loads(row.payload_json)
        return cls(row.idempotency_key, row.payload_json, json.loads(row.revisions_json),
                   {item["id"]: Sent(item["fields"], outbox.canonical_json(item["fields"]),
                                     item["deleted"]) for item in items})


Answered = tuple[Outgoing, dict[str, Any]]


def write_batches(session: Session, record_ids: list[str], limits: BatchLimits | None = None,
                  held_back: dict[str, Message] | None = None) -> list[Outgoing]:
    """Write down the batches carrying these pending records, keys included, before any is
    sent; read with one query per table for all of them. Each batch stays within `limits`, by
    count and by bytes. Records the server need not hear about (created and purged between
    two syncs) leave the outbox instead; one without an inventory number, or too large for
    any request, stays pending, said in `held_back` (by record id)."""
    limits = limits or BatchLimits()
    held_back = {} if held_back is None else held_back
    revisions = outbox.revisions(session, record_ids)
    ids = [record_id for record_id in record_ids if record_id in revisions]
    states = outbox.states(session, ids)
    fields = records_fields(session, ids)
    items: list[tuple[str, int | None, Sent]] = []
    for record_id in ids:
        state = states.get(record_id)
        version = state.version if state is not None else None
        if record_id in fields:
            record = fields[record_id]
            if not str(record.get("inventory_number") or "").strip():
                held_back[record_id] = NO_NUMBER(record_id=record_id)  # PROTOCOL.md: never sent
                continue
            items.append((record_id, version, Sent(record, outbox.canonical_json(record),
                                                   False)))
        elif state is not None:  # deleted here: the server deletes its version too
            items.append((record_id, version, Sent(outbox.base_fields(state), state.base_json,
                                                   True)))
        else:  # created and purged between two syncs, the server never knew it
            session.execute(delete(SyncOutbox).where(SyncOutbox.record_id == record_id))
    batches = [_outgoing(group, revisions)
               for group in _fitting(items, limits, held_back)]
    created_at = now_iso()
    session.add_all(SyncBatch(idempotency_key=batch.key, created_at=created_at,
                              payload_json=batch.records_json,
                              revisions_json=json.dumps(batch.revisions))
                    for batch in batches)
    return batches


Item = tuple[str, int | None, Sent, str]  # id, base version, what is sent, its JSON


def _fitting(items: list[tuple[str, int | None, Sent]], limits: BatchLimits,
             held_back: dict[str, Message]) -> list[list[Item]]:
    """The items in groups of at most `limits.records` whose request body stays within
    `limits.body_bytes`; an item that could never fit is held back."""
    budget = limits.body_bytes - _ENVELOPE
    groups: list[list[Item]] = []
    group: list[Item] = []
    size = 0
    for record_id, version, sent in items:
        # The records' JSON is put together from each one's fields JSON, encoded once.
        text = (f'{{"id": {json.dumps(record_id)}, "base_version": {json.dumps(version)},'
                f' "fields": {sent.fields_json}, "deleted": {json.dumps(sent.deleted)}}}')
        length = len(text.encode()) + 2  # and its ", " separator
        if length > budget:
            held_back[record_id] = TOO_LARGE_TO_SEND(
                number=sent.fields.get("inventory_number") or record_id, size=length,
                max=limits.body_bytes)
            continue
        if group and (len(group) >= limits.records or size + length > budget):
            groups.append(group)
            group, size = [], 0
        group.append((record_id, version, sent, text))
        size += length
    if group:
        groups.append(group)
    return groups


def _outgoing(items: list[Item], revisions: dict[str, int]) -> Outgoing:
    records_json = "[" + ", ".join(text for _id, _v, _s, text in items) + "]"
    return Outgoing(str(uuid.uuid4()), records_json,
                    {record_id: revisions[record_id] for record_id, _v, _s, _t in items},
                    {record_id: sent for record_id, _v, sent, _t in items})


class Wire:
    """Keeps one batch on the wire while the desk prepares the next and applies the answers
    already in, a group at a time (one transaction, one fsync, per BATCHES_PER_WRITE answers:
    an answer not yet applied when the sync dies is asked again with the same key, so holding
    it back risks nothing). Answers are applied in order, on the calling thread, since
    sessions never cross threads."""

    def __init__(self, client: RegionalClient, settle: Callable[[list[Answered]], None],
                 stopwatch: Stopwatch) -> None:
        self._client = client
        self._settle = settle
        self._stopwatch = stopwatch
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="sync-wire")
        self._in_flight: tuple[Outgoing, Future] | None = None
        self._answered: list[Answered] = []

    def send(self, batch: Outgoing) -> None:
        future = self._pool.submit(self._client.push, batch.key, batch.records_json)
        self._collect_in_flight()
        self._in_flight = (batch, future)
        if len(self._answered) >= BATCHES_PER_WRITE:
            self._settle_answered()

    def _collect_in_flight(self) -> None:
        if self._in_flight is not None:
            batch, future = self._in_flight
            self._in_flight = None
            with self._stopwatch.step("push: waiting for the server"):
                answer = future.result()
            self._answered.append((batch, answer))

    def _settle_answered(self) -> None:
        answered, self._answered = self._answered, []
        if answered:
            self._settle(answered)

    def __enter__(self) -> Wire:
        return self

    def __exit__(self, error_type, _error, _traceback) -> None:
        try:
            if error_type is None:
                self._collect_in_flight()
            # Answers already in are applied even when the sync stops on a network error or
            # a cancellation; the batch still in flight stays written down, for the next sync.
            if error_type is None or issubclass(error_type, SyncError):
                self._settle_answered()
        finally:
            self._pool.shutdown(wait=True)


class ImageUploads:
    """Sends originals, IMAGE_STREAMS at a time (the server's disk work for one overlaps the
    transfer of the other), on threads of their own while the records naming none of them
    are pushed. Records that name one are pushed only after `wait()`: the server refuses a
    record whose image it does not hold yet."""

    def __init__(self, client: RegionalClient, store: ImageStore, hashes: list[str],
                 checkpoint: Callable[[str], None], stopwatch: Stopwatch) -> None:
        self._stopped = threading.Event()
        self._failure: BaseException | None = None

        def checkpoint_or_stop(text: str) -> None:
            if self._stopped.is_set():
                raise SyncError(UPLOAD_STOPPED)
            checkpoint(text)

        def send(sha256: str) -> bool:
            try:
                with stopwatch.step("images: uploading (own threads, summed)"):
                    return upload_missing(client, store, sha256, checkpoint_or_stop)
            except BaseException as error:
                self._failure = self._failure or error
                raise

        self._pool = ThreadPoolExecutor(IMAGE_STREAMS, thread_name_prefix="sync-images")
        self._sent = {sha256: self._pool.submit(send, sha256) for sha256 in hashes}

    def raise_if_failed(self) -> None:
        """Stop the push as soon as an upload fails (the token revoked, the network gone)."""
        if self._failure is not None:
            raise self._failure

    def wait(self) -> tuple[int, list[str]]:
        """(uploaded, missing from this desk's store), once every upload is over."""
        found = {sha256: future.result() for sha256, future in self._sent.items()}
        return sum(found.values()), [sha256 for sha256, here in found.items() if not here]

    def __enter__(self) -> ImageUploads:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopped.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
