"""Drafts: the form's unsaved contents, autosaved so that a crash, a kill or a power cut loses
no keystroke. One draft per record (record_id None: the new record being entered); a draft is
dropped when its record is saved or its changes are discarded."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from db.local.models import Draft


@dataclass(frozen=True)
class DraftInfo:
    record_id: str | None
    values: dict[str, Any]
    saved_at: str
    user: str

    @property
    def inventory_number(self) -> str:
        return self.values.get("inventory_number") or ""


def save_draft(session: Session, record_id: str | None, values: dict[str, Any], user: str) -> None:
    """Keep values as the draft of record_id, replacing any earlier draft of it."""
    discard_draft(session, record_id)
    session.add(Draft(record_id=record_id, payload_json=json.dumps(values, ensure_ascii=False),
                      saved_at=now_iso(), user=user))
    session.flush()


def load_draft(session: Session, record_id: str | None) -> DraftInfo | None:
    draft = session.scalars(select(Draft).where(_of(record_id))).first()
    return _info(draft) if draft else None


def list_drafts(session: Session) -> list[DraftInfo]:
    """Every draft left behind, newest first (what the app offers back when it reopens).
    Drafts saved within the same millisecond keep the order they were saved in (row ids
    grow with each save)."""
    return [_info(d) for d in session.scalars(
        select(Draft).order_by(Draft.saved_at.desc(), Draft.id.desc()))]


def discard_draft(session: Session, record_id: str | None) -> None:
    session.execute(delete(Draft).where(_of(record_id)))


def _of(record_id: str | None):
    return Draft.record_id.is_(None) if record_id is None else Draft.record_id == record_id


def _info(draft: Draft) -> DraftInfo:
    return DraftInfo(draft.record_id, json.loads(draft.payload_json), draft.saved_at, draft.user)
