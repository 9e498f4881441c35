"""The change feed: `GET /api/v1/changes` (design.md §7).

Two streams, each ordered by a counter that only advances under a lock, so within a stream
changes become visible in counter order and "everything after N" never skips a change that
commits later: the calling museum's records and documents (tombstones included) by the
museum's counter, and the shared themes and vocabulary terms by the shared counter. The cursor
carries both counters and the base's epoch; shared changes come first, so themes and terms
arrive before the records that use them."""

from __future__ import annotations

import base64
import binascii
import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.protocol import MAX_FEED_PAGE
from catalogue_app.regional.admin import Caller
from catalogue_app.regional.documents import document_to_wire
from catalogue_app.regional.errors import RegionalError
from catalogue_app.regional.records import record_to_wire
from db.regional import json_codec
from db.regional.models import Document, Museum, Record, SharedState, Theme, VocabularyTerm

_ROWS_PER_FETCH = 50


@dataclass(frozen=True)
class Cursor:
    epoch: str
    museum_id: int
    museum_seq: int = 0
    shared_seq: int = 0

    def encode(self) -> str:
        raw = json.dumps(
            [self.epoch, self.museum_id, self.museum_seq, self.shared_seq], separators=(",", ":")
        )
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            epoch, museum_id, museum_seq, shared_seq = json.loads(raw)
            if not (isinstance(epoch, str) and all(
                _counter(n) for n in (museum_id, museum_seq, shared_seq)
            )):
                raise ValueError
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
            raise RegionalError(
                "the cursor is not one this server gave out; send the cursor exactly as"
                " received, or no cursor to start from the beginning"
            ) from None
        return cls(epoch, museum_id, museum_seq, shared_seq)


def _counter(value: object) -> bool:
    return type(value) is int and 0 <= value < 2**63


def changes(
    session: Session, caller: Caller, cursor_text: str | None, limit: int, max_bytes: int
) -> dict:
    """A page of at most `limit` changes, and of records and documents taking at most about
    `max_bytes` as JSON (at least one, however large: the feed must move on)."""
    state, museum, cursor = _resume(session, caller, cursor_text)
    limit = max(1, min(limit, MAX_FEED_PAGE))
    shared = _shared_changes(session, cursor.shared_seq, limit + 1)
    room = max(limit - len(shared), 0)
    own, more_own = _museum_changes(
        [_records(session, museum.id, cursor.museum_seq, room + 1),
         _documents(session, museum.id, cursor.museum_seq, room + 1)], room, max_bytes)
    has_more = len(shared) > limit or more_own
    shared = shared[:limit]
    next_cursor = Cursor(
        state.epoch,
        museum.id,
        own[-1][0] if own else cursor.museum_seq,
        shared[-1][0] if shared else cursor.shared_seq,
    )
    return {
        "changes": [change for _seq, change in shared + own],
        "next_cursor": next_cursor.encode(),
        "has_more": has_more,
    }


def documents_of_kind(
    session: Session, caller: Caller, kind: str, cursor_text: str | None, limit: int,
    max_bytes: int,
) -> dict:
    """The museum's documents of one kind, as feed entries: what a desk that has just learnt
    the kind reads from the beginning (it skipped them in the feed before). Same page shape
    and cursor as the feed; its cursor is for this listing only."""
    state, museum, cursor = _resume(session, caller, cursor_text)
    limit = max(1, min(limit, MAX_FEED_PAGE))
    own, has_more = _museum_changes(
        [_documents(session, museum.id, cursor.museum_seq, limit + 1, kind)], limit, max_bytes)
    next_cursor = Cursor(state.epoch, museum.id, own[-1][0] if own else cursor.museum_seq)
    return {"changes": [change for _seq, change in own], "next_cursor": next_cursor.encode(),
            "has_more": has_more}


def _resume(session: Session, caller: Caller,
            cursor_text: str | None) -> tuple[SharedState, Museum, Cursor]:
    """The base's state, the caller's museum and the cursor to go on from (checked)."""
    state = session.get(SharedState, 1)
    museum = session.get(Museum, caller.museum_id)
    assert state is not None and museum is not None
    cursor = Cursor.decode(cursor_text) if cursor_text else Cursor(state.epoch, museum.id)
    if cursor.museum_id != museum.id:
        raise RegionalError(
            f"this sync cursor belongs to another museum's catalogue, not to {museum.code}"
        )
    if cursor.epoch != state.epoch or (
        cursor.museum_seq > museum.change_seq or cursor.shared_seq > state.change_seq
    ):
        raise RegionalError(
            "this sync cursor belongs to an earlier state of the regional base (it was rebuilt"
            " or restored); a full resync is needed", 410,
        )
    return state, museum, cursor


# (the museum's change number, bytes it weighs against the page's budget, the feed entry)
_Entry = tuple[int, int, dict[str, Any]]


def _museum_changes(
    streams: list[Iterator[_Entry]], room: int, max_bytes: int
) -> tuple[list[tuple[int, dict[str, Any]]], bool]:
    """The museum's changes, in counter order across `streams`, that fit, and whether more
    follow. Rows are read a few at a time, so the page's budget also bounds the server's
    memory."""
    taken: list[tuple[int, dict[str, Any]]] = []
    size = 0
    for seq, weight, change in heapq.merge(*streams, key=lambda entry: entry[0]):
        if len(taken) == room:
            return taken, True
        size += weight
        if taken and size > max_bytes:
            return taken, True
        taken.append((seq, change))
    return taken, False


def _records(session: Session, museum_id: int, after: int, limit: int) -> Iterator[_Entry]:
    rows = session.scalars(
        select(Record)
        .where(Record.museum_id == museum_id, Record.seq > after)
        .order_by(Record.seq)
        .limit(limit)
        .execution_options(yield_per=_ROWS_PER_FETCH)
    )
    for record in rows:
        yield record.seq, len(json_codec.dumps(record.fields)), _record_change(record)


def _documents(session: Session, museum_id: int, after: int, limit: int,
               kind: str | None = None) -> Iterator[_Entry]:
    query = select(Document).where(Document.museum_id == museum_id, Document.seq > after)
    if kind is not None:
        query = query.where(Document.kind == kind)
    rows = session.scalars(
        query.order_by(Document.seq).limit(limit).execution_options(yield_per=_ROWS_PER_FETCH))
    for document in rows:
        yield document.seq, len(json_codec.dumps(document.body)), {
            "kind": document.kind, "document": document_to_wire(document)}


def _record_change(record: Record) -> dict[str, Any]:
    if record.deleted:
        return {"kind": "tombstone", "tombstone": {"id": record.id, "version": record.version}}
    return {"kind": "record", "record": record_to_wire(record)}


def _shared_changes(session: Session, after: int, limit: int) -> list[tuple[int, dict[str, Any]]]:
    themes = session.scalars(
        select(Theme).where(Theme.seq > after).order_by(Theme.seq).limit(limit)
    )
    terms = session.scalars(
        select(VocabularyTerm)
        .where(VocabularyTerm.seq > after)
        .order_by(VocabularyTerm.seq)
        .limit(limit)
    )
    merged = [(t.seq, {"kind": "theme", "theme": theme_to_wire(t)}) for t in themes] + [
        (t.seq, {"kind": "vocabulary_term", "vocabulary_term": term_to_wire(t)}) for t in terms
    ]
    merged.sort(key=lambda pair: pair[0])
    return merged[:limit]


def theme_to_wire(theme: Theme) -> dict[str, Any]:
    return {
        "id": theme.id, "parent_id": theme.parent_id, "label_fr": theme.label_fr,
        "label_en": theme.label_en, "position": theme.position, "deleted": theme.deleted,
    }


def term_to_wire(term: VocabularyTerm) -> dict[str, Any]:
    return {
        **term.extra, "id": term.id, "vocabulary": term.vocabulary, "label": term.label,
        "deleted": term.deleted,
    }
