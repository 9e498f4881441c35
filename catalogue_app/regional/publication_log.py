"""The publication log that OAI-PMH serves (design.md §12): what the OAI channel publishes and
when it last changed, per record, numbered by one global counter.

A push hands its applied records here (after the portal's rows, in the same transaction). Each
record's OAI document (catalogue_app.publication.oai) is hashed and compared with the logged
one: a new or changed document is a publish event, a record that leaves the channel (made
private, radiated, trashed, deleted) is a withdrawal, anything else logs nothing. Events take
the next values of the global counter under the `shared_state` row lock, taken last in the
push's transaction so that pushes of different museums wait on each other only for the
commit: positions and datestamps therefore grow in commit order, which is what lets a
resumption token stand for "everything up to position N" and a `from` harvest miss nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalogue_app import publication
from db.regional import bulk, json_codec
from db.regional.engine import among
from db.regional.models import PublicationEntry, PublicationTheme, SharedState

if TYPE_CHECKING:
    from catalogue_app.regional.portal_index import Applied

DATESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def record(session: Session, records: Sequence[Applied]) -> int:
    """Log the publication events of `records`; how many were logged."""
    if not records:
        return 0
    logged = {
        row.record_id: row for row in session.execute(
            select(PublicationEntry.record_id, PublicationEntry.deleted, PublicationEntry.digest)
            .where(among(session, PublicationEntry.record_id, [r.id for r in records]))
        )
    }
    events: list[dict[str, Any]] = []
    themes: list[dict[str, str]] = []
    for pushed in records:
        document = publication.oai(pushed.fields, pushed.deleted)
        before = logged.get(pushed.id)
        event = {"record_id": pushed.id, "museum_id": pushed.museum_id}
        if document is None:
            if before is not None and not before.deleted:
                events.append({**event, "deleted": True, "digest": before.digest})
            continue
        digest = _digest(document)
        if before is None or before.deleted or before.digest != digest:
            events.append({**event, "deleted": False, "digest": digest})
            themes.extend({"record_id": pushed.id, "theme_id": t}
                          for t in dict.fromkeys(_texts(document.get("themes"))))
    if events:
        _write(session, events, themes, [e["record_id"] for e in events
                                         if e["record_id"] in logged])
    return len(events)


def _write(session: Session, events: list[dict[str, Any]], themes: list[dict[str, str]],
           replaced: list[str]) -> None:
    state = session.execute(
        select(SharedState).where(SharedState.id == 1).with_for_update()
    ).scalar_one()
    # Never before the last datestamp, whatever the clock did: datestamps follow positions.
    datestamp = max(datetime.now(UTC).strftime(DATESTAMP_FORMAT), state.publication_datestamp)
    for seq, event in enumerate(events, start=state.publication_seq + 1):
        event.update(seq=seq, datestamp=datestamp)
    if replaced:
        session.execute(delete(PublicationEntry).where(
            among(session, PublicationEntry.record_id, replaced)))
    republished = [e["record_id"] for e in events if not e["deleted"]]
    if republished:
        # A withdrawal keeps the themes the record was last published under.
        session.execute(delete(PublicationTheme).where(
            among(session, PublicationTheme.record_id, republished)))
    bulk.insert_rows(session, PublicationEntry.__table__, events)
    bulk.insert_rows(session, PublicationTheme.__table__, themes)
    state.publication_seq += len(events)
    state.publication_datestamp = datestamp


def _digest(document: dict[str, Any]) -> str:
    return hashlib.sha256(json_codec.dumps(document, sort_keys=True)).hexdigest()


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
