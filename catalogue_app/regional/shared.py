"""Shared data every museum reads: the network's theme tree and controlled vocabularies.

Imports take the shared counter's lock, so each import commits as a whole in counter order.
A file is the full list: themes or terms of that vocabulary missing from it are retired
(kept with `deleted: true`, so desks learn about it through the feed), never erased."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.protocol import THEMES_FORMAT, THEMES_VERSION, ThemeFileError, theme_nodes
from catalogue_app.regional import portal_index
from catalogue_app.regional.errors import RegionalError
from db.regional.models import SharedState, Theme, VocabularyTerm


@dataclass
class ImportCounts:
    added: int = 0
    changed: int = 0
    retired: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.changed} changed, {self.retired} retired,"
            f" {self.unchanged} unchanged"
        )


def read_json_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RegionalError(f"{path}: cannot read the file ({error})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise RegionalError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None


def _uuid(value: object, where: str) -> str:
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise RegionalError(f"{where}: id {value!r} is not a UUID")


def _text(node: dict, key: str, where: str) -> str:
    value = node.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RegionalError(f"{where}: {key} is missing or empty")
    return value


class _SharedCounter:
    """The shared counter, locked for the whole import transaction."""

    def __init__(self, session: Session) -> None:
        self.state = session.scalars(
            select(SharedState).where(SharedState.id == 1).with_for_update()
        ).one()

    def next(self) -> int:
        self.state.change_seq += 1
        return self.state.change_seq


# --- themes -----------------------------------------------------------------------------------


def import_themes(session: Session, document: Any, source: str) -> ImportCounts:
    try:
        nodes = theme_nodes(document, source)
    except ThemeFileError as error:
        raise RegionalError(error.message.text("en")) from None
    counter = _SharedCounter(session)
    existing = {t.id: t for t in session.scalars(select(Theme))}
    counts = ImportCounts()
    for node in nodes:
        theme = existing.pop(node.id, None)
        values = {
            "parent_id": node.parent_id, "label_fr": node.label_fr, "label_en": node.label_en,
            "position": node.position, "deleted": False,
        }
        _upsert(session, Theme, theme, node.id, values, counter, counts)
    _retire(existing.values(), counter, counts)
    if counts.added or counts.changed or counts.retired:
        portal_index.reroot(session)  # the portal's theme facet counts objects per root
    return counts


def export_themes(session: Session) -> dict[str, Any]:
    themes = session.scalars(
        select(Theme).where(Theme.deleted.is_(False)).order_by(Theme.position, Theme.label_fr)
    ).all()
    children: dict[str | None, list[Theme]] = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)

    def tree(parent_id: str | None) -> list[dict[str, Any]]:
        return [
            {
                "id": t.id, "label_fr": t.label_fr, "label_en": t.label_en,
                "children": tree(t.id),
            }
            for t in children.get(parent_id, [])
        ]

    return {"format": THEMES_FORMAT, "version": THEMES_VERSION, "themes": tree(None)}


# --- vocabularies -----------------------------------------------------------------------------


def _parse_terms(document: Any, source: str) -> tuple[str, list[tuple[str, str, dict]]]:
    if not isinstance(document, dict):
        raise RegionalError(f"{source}: a vocabulary file is an object with vocabulary and terms")
    vocabulary = document.get("vocabulary")
    if not isinstance(vocabulary, str) or not 0 < len(vocabulary.strip()) <= 64:
        raise RegionalError(f"{source}: \"vocabulary\" must be a name of 1 to 64 characters")
    terms = document.get("terms")
    if not isinstance(terms, list):
        raise RegionalError(f"{source}: \"terms\" must be a list")
    seen: set[str] = set()
    parsed = []
    for position, term in enumerate(terms):
        where = f"{source}: term {position + 1}"
        if not isinstance(term, dict):
            raise RegionalError(f"{where}: a term must be an object")
        label = _text(term, "label", where)
        term_id = _uuid(term.get("id"), f"{where} ({label!r})")
        if term_id in seen:
            raise RegionalError(f"{where} ({label!r}): id {term_id} is used twice")
        seen.add(term_id)
        extra = {k: v for k, v in term.items() if k not in ("id", "label", "vocabulary")}
        parsed.append((term_id, label, extra))
    return vocabulary, parsed


def import_vocabulary(session: Session, document: Any, source: str) -> tuple[str, ImportCounts]:
    vocabulary, in_file = _parse_terms(document, source)
    counter = _SharedCounter(session)
    ids = [term_id for term_id, _label, _extra in in_file]
    existing = {
        t.id: t for t in session.scalars(
            select(VocabularyTerm).where(
                (VocabularyTerm.vocabulary == vocabulary) | VocabularyTerm.id.in_(ids)
            )
        )
    }
    counts = ImportCounts()
    for term_id, label, extra in in_file:
        term = existing.pop(term_id, None)
        values = {"vocabulary": vocabulary, "label": label, "extra": extra, "deleted": False}
        _upsert(session, VocabularyTerm, term, term_id, values, counter, counts)
    _retire((t for t in existing.values() if t.vocabulary == vocabulary), counter, counts)
    return vocabulary, counts


def _upsert(session: Session, model: type, row: Any, row_id: str, values: dict[str, Any],
            counter: _SharedCounter, counts: ImportCounts) -> None:
    """Add or update one shared entry; every change takes the next shared feed number."""
    if row is None:
        session.add(model(id=row_id, seq=counter.next(), **values))
        counts.added += 1
    elif any(getattr(row, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(row, key, value)
        row.seq = counter.next()
        counts.changed += 1
    else:
        counts.unchanged += 1


def _retire(rows: Iterable[Any], counter: _SharedCounter, counts: ImportCounts) -> None:
    """Entries missing from the imported file: marked deleted, so desks learn it by the feed."""
    for row in rows:
        if not row.deleted:
            row.deleted = True
            row.seq = counter.next()
            counts.retired += 1
