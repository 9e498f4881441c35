"""Object records on the regional base: the batch push (design.md §7) and reading one record.

A push is one transaction under the museum's lock (museum_batches.py): versions are checked,
the records that are ok are applied, each applied record takes the next value of the museum's
change counter (that is the change feed), and the answer is stored under the Idempotency-Key
before the commit.

A batch costs the same few statements whatever its size: the state of all its records is read
with one query, and written with one for the updates and one for the new records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from catalogue_app.errors import RecordError
from catalogue_app.protocol import (
    SHA256_HEX,
    image_hashes,
    message_params,
    normalise_inventory_number,
)
from catalogue_app.records.record import Record as CatalogueRecord
from catalogue_app.records.register_rules import check_change
from catalogue_app.regional import portal_index, publication_log
from catalogue_app.regional.admin import Caller
from catalogue_app.regional.blobs import held_blobs
from catalogue_app.regional.errors import NotFound
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.museum_batches import MuseumBatch, check_batch_size
from db.regional import json_codec
from db.regional.engine import among
from db.regional.models import Record


@dataclass(frozen=True)
class PushedRecord:
    id: str
    base_version: int | None
    fields: dict[str, Any]
    deleted: bool = False


def record_to_wire(record: Record | _Row) -> dict[str, Any]:
    return {
        "id": record.id,
        "fields": record.fields,
        "version": record.version,
        "deleted": record.deleted,
    }


def get_record(session: Session, caller: Caller, record_id: str) -> dict[str, Any]:
    record = session.get(Record, record_id)
    if record is None or record.museum_id != caller.museum_id:
        raise NotFound(f"your museum has no record with id {record_id}")
    return record_to_wire(record)


def request_fingerprint(records: list[PushedRecord]) -> str:
    canonical = json_codec.dumps(
        [[r.id, r.base_version, r.fields, r.deleted] for r in records], sort_keys=True
    )
    return hashlib.sha256(canonical).hexdigest()


def _legacy_fingerprint(records: list[PushedRecord]) -> str:
    """The fingerprint answers were stored under before orjson: a batch sent before a server
    upgrade and retried after it is still recognised (until its answer is pruned)."""
    canonical = json.dumps(
        [[r.id, r.base_version, r.fields, r.deleted] for r in records],
        sort_keys=True, separators=(",", ":"), ensure_ascii=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def push_batch(
    session: Session, caller: Caller, idempotency_key: str, records: list[PushedRecord],
    limits: Limits,
) -> dict[str, Any]:
    check_batch_size(len(records), limits, "records")
    batch = MuseumBatch.begin(session, caller, idempotency_key, request_fingerprint(records),
                              _legacy_fingerprint(records))
    if batch.stored is not None:
        return batch.stored
    applier = _BatchApplier(session, caller, limits, batch.change_seq, records, batch.now)
    response = {"results": applier.apply()}
    applied = applier.applied()
    portal_index.refresh(session, applied)
    batch.finish(response, applier.change_seq)
    # Last: it takes the lock every museum's publishing shares, held until the commit.
    publication_log.record(session, applied)
    return response


@dataclass
class _Row:
    """A record's state during a push (plain data: the batch is written with two statements)."""

    id: str
    museum_id: int
    inventory_key: str | None
    fields: dict[str, Any]
    version: int
    deleted: bool


_RECORDS = Record.__table__
_ROW_COLUMNS = [_RECORDS.c[name] for name in _Row.__dataclass_fields__]


@dataclass
class _BatchApplier:
    session: Session
    caller: Caller
    limits: Limits
    change_seq: int  # the museum's change counter: each applied record takes the next value
    records: list[PushedRecord]
    now: str  # one transaction, one time
    by_id: dict[str, _Row] = field(default_factory=dict)
    by_key: dict[str, _Row] = field(default_factory=dict)
    held_blobs: set[str] = field(default_factory=set)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    # In the order applied: a number released by one update may be claimed by a later one.
    updates: list[dict[str, Any]] = field(default_factory=list)

    def apply(self) -> list[dict[str, Any]]:
        keys = [self._inventory_key(r.fields) for r in self.records]
        self._load_state({k for k in keys if k is not None})
        results = []
        seen: set[str] = set()
        for pushed, key in zip(self.records, keys, strict=True):
            if pushed.id in seen:
                results.append(_error(
                    pushed.id, "this record appears twice in the batch", "duplicate_in_batch"
                ))
                continue
            seen.add(pushed.id)
            results.append(self._apply_one(pushed, None if pushed.deleted else key))
        self._write()
        return results

    def applied(self) -> list[portal_index.Applied]:
        museum_id = self.caller.museum_id
        return [
            portal_index.Applied(row["id"], museum_id, row["fields"], False, row["seq"])
            for row in self.inserts
        ] + [
            portal_index.Applied(row["record_id"], museum_id, row["fields"], row["deleted"],
                                 row["seq"])
            for row in self.updates
        ]

    def _load_state(self, keys: set[str]) -> None:
        ids = [r.id for r in self.records]
        # Other museums' records are loaded too, only to refuse their ids.
        rows = self.session.execute(select(*_ROW_COLUMNS).where(
            among(self.session, _RECORDS.c.id, ids)
            | among(self.session, _RECORDS.c.inventory_key, keys)
        ))
        for row in rows:
            state = _Row(*row)
            self.by_id[state.id] = state
            if state.inventory_key is not None:
                self.by_key[state.inventory_key] = state
        hashes = {h for r in self.records for h in image_hashes(r.fields)}
        self.held_blobs = held_blobs(self.session, self.caller.museum_id, hashes)

    def _write(self) -> None:
        connection = self.session.connection()
        on_postgresql = connection.dialect.name == "postgresql"
        if self.updates:
            if on_postgresql:
                self._lock_in_id_order([row["record_id"] for row in self.updates])
            self.session.execute(
                update(_RECORDS).where(_RECORDS.c.id == bindparam("record_id")), self.updates
            )
        if not self.inserts:
            return
        if not on_postgresql:
            self.session.execute(insert(_RECORDS), self.inserts)
            return
        # COPY is PostgreSQL's bulk path: a first upload of a museum's 70,000 records is
        # mostly new rows, and 100 INSERTs cost several times more. Same transaction.
        columns = list(self.inserts[0])
        with connection.connection.cursor() as cursor, cursor.copy(
            f"COPY records ({', '.join(columns)}) FROM STDIN"
        ) as copy:
            for row in self.inserts:
                copy.write_row([
                    json_codec.dumps_text(row[c]) if c == "fields" else row[c] for c in columns
                ])

    def _lock_in_id_order(self, ids: list[str]) -> None:
        """Lock the rows about to be updated in record-id order, the order in which whoever
        else references records takes its locks (kept_metadata.keep, a harvest's or the OAI
        keeper's): an update changes `seq`, part of a unique key, so it needs the rows' strongest
        lock, which a foreign-key check's share lock holds off. Updated in the batch's order,
        a push and a keeper each waited for a row the other held: PostgreSQL's deadlock check
        then refused the push (503). Ordered by code point, as Python sorts: a base made with
        a French collation would order ids holding punctuation otherwise."""
        self.session.execute(select(_RECORDS.c.id).where(among(self.session, _RECORDS.c.id, ids))
                             .order_by(_RECORDS.c.id.collate("C")).with_for_update())

    def _apply_one(self, pushed: PushedRecord, key: str | None) -> dict[str, Any]:
        """Check one record against the state so far and apply it; `key` is its inventory key
        (None for a deletion)."""
        refusal = self._over_limit(pushed)
        if refusal:
            return refusal
        refusal = self._field_refusal(pushed)
        if refusal:
            return refusal
        if key is None and not pushed.deleted:
            return _error(pushed.id, (
                "the record has no inventory number: a draft stays on its desk until it has one"
            ), "number_required")
        current = self.by_id.get(pushed.id)
        if current is not None and current.museum_id != self.caller.museum_id:
            return _error(pushed.id, (
                "this record id is already used by another museum's catalogue; a catalogue"
                " copied from another museum cannot sync: give the records new ids"
            ), "foreign_id")
        holder = self.by_key.get(key) if key is not None else None
        if holder is not None and holder.id == pushed.id:
            holder = None

        if current is None:
            if pushed.base_version is not None:
                return _error(pushed.id, (
                    f"the regional base has no record with this id although the desk based it"
                    f" on version {pushed.base_version}; do a full resync"
                ), "unknown_base_version")
            if pushed.deleted:
                return {"id": pushed.id, "status": "unchanged"}
            if holder is not None:
                # Created on two desks under one number: one object, the desk adopts this id.
                return _conflict(pushed.id, holder, (
                    f"inventory number {pushed.fields['inventory_number']!r} already belongs to"
                    f" record {holder.id}: adopt that record"
                ))
            refusal = _register_refusal(pushed, None)
            return refusal or self._create(pushed, key)

        if current.fields == pushed.fields and current.deleted == pushed.deleted:
            return {"id": pushed.id, "status": "unchanged", "version": current.version}
        if pushed.base_version != current.version:
            return _conflict(pushed.id, current, (
                f"the record changed on the regional base (version {current.version}) since"
                f" version {pushed.base_version}"
            ))
        refusal = _register_refusal(pushed, current)
        if refusal:
            return refusal
        if holder is not None:
            return _error(pushed.id, (
                f"inventory number {pushed.fields['inventory_number']!r} is already used by"
                f" record {holder.id} of your museum"
            ), "number_taken")
        return self._update(current, pushed, key)

    def _over_limit(self, pushed: PushedRecord) -> dict[str, Any] | None:
        """A per-record error if the record passes a published limit: the others still go in."""
        size = len(json_codec.dumps(pushed.fields))
        if size > self.limits.record_bytes:
            return _error(
                pushed.id, f"the record's fields take {size} bytes as JSON, more than"
                f" {self.limits.record_bytes}", "limit_exceeded",
                limit="record_bytes", max=self.limits.record_bytes,
            )
        number = pushed.fields.get("inventory_number")
        if isinstance(number, str) and len(number) > self.limits.inventory_number_chars:
            return _error(
                pushed.id, f"the inventory number has {len(number)} characters, more than"
                f" {self.limits.inventory_number_chars}", "limit_exceeded",
                limit="inventory_number_chars", max=self.limits.inventory_number_chars,
            )
        return None

    def _field_refusal(self, pushed: PushedRecord) -> dict[str, Any] | None:
        """The error for what is wrong with the record's fields: a known key of the wrong type
        (the desk's own check, catalogue_app.records.record: answered with the core's code and
        parameters, which a desk says in its curator's language), or an image not uploaded
        (`invalid_field`, in English)."""
        try:
            images = CatalogueRecord.from_fields(pushed.fields).images or []
        except RecordError as refused:
            return _core_refusal(pushed.id, refused)
        for position, image in enumerate(images, 1):
            name = image.file_name or f"image {position}"
            if not SHA256_HEX.fullmatch(image.sha256):
                return _error(pushed.id, (
                    f"{name}: sha256 {image.sha256!r} is not 64 lowercase hexadecimal characters"
                ), "invalid_field")
            if not pushed.deleted and image.sha256 not in self.held_blobs:
                return _error(pushed.id, (
                    f"{name} (sha256 {image.sha256}) has not been uploaded to the regional base;"
                    " upload the image before the record"
                ), "invalid_field")
        return None

    def _inventory_key(self, fields: dict[str, Any]) -> str | None:
        number = fields.get("inventory_number")
        if not isinstance(number, str) or not number.strip():
            return None
        return f"{self.caller.museum_id}/{normalise_inventory_number(number)}"

    def _stamp(self) -> dict[str, Any]:
        """The change counter and audit columns of a record applied now."""
        self.change_seq += 1
        return {"seq": self.change_seq, "updated_at": self.now,
                "updated_by": self.caller.user}

    def _create(self, pushed: PushedRecord, key: str | None) -> dict[str, Any]:
        row = _Row(pushed.id, self.caller.museum_id, key, pushed.fields, 1, False)
        self.inserts.append({
            "id": row.id, "museum_id": row.museum_id, "inventory_key": key,
            "fields": row.fields, "version": 1, "deleted": False, **self._stamp(),
        })
        self.by_id[row.id] = row
        if key is not None:
            self.by_key[key] = row
        return {"id": pushed.id, "status": "ok", "version": 1}

    def _update(self, row: _Row, pushed: PushedRecord, key: str | None) -> dict[str, Any]:
        if row.inventory_key is not None and row.inventory_key != key:
            self.by_key.pop(row.inventory_key, None)
        if key is not None:
            self.by_key[key] = row
        row.inventory_key, row.fields, row.deleted = key, pushed.fields, pushed.deleted
        row.version += 1
        self.updates.append({
            "record_id": row.id, "inventory_key": key, "fields": row.fields,
            "deleted": row.deleted, "version": row.version, **self._stamp(),
        })
        return {"id": pushed.id, "status": "ok", "version": row.version}


def _register_refusal(pushed: PushedRecord, current: _Row | None) -> dict[str, Any] | None:
    """The register's rules, against the record as stored (catalogue_app.records.
    register_rules): the base holds them for every desk, an older one or a script included."""
    try:
        check_change(current.fields if current is not None else None, pushed.fields,
                     deleted=pushed.deleted)
    except RecordError as refused:
        return _core_refusal(pushed.id, refused)
    return None


def _core_refusal(record_id: str, refused: RecordError) -> dict[str, Any]:
    """A refusal by the core's own rules: its code and language-neutral parameters (PROTOCOL.md),
    with the English words for whoever reads the answer itself."""
    return _error(record_id, refused.message.text("en"), refused.code,
                  params=message_params(refused.message))


def _error(record_id: str, message: str, code: str, **details: Any) -> dict[str, Any]:
    """A per-record error; its stable `code` (and `params`, or a limit's `limit` and `max`) let
    a desk say it in the curator's language."""
    return {"id": record_id, "status": "error", "message": message, "code": code, **details}


def _conflict(record_id: str, current: _Row, message: str) -> dict[str, Any]:
    return {
        "id": record_id, "status": "conflict", "version": current.version, "message": message,
        "current": record_to_wire(current),
    }
