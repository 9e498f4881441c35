"""What OAI-PMH reads: the publication log's entries with their sets, and the documents of the
published ones (decided again by catalogue_app.publication.oai, the channel's one rule)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select, true
from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.exchange.lido import attribution
from catalogue_app.regional.oai.requests import OaiError, Window
from catalogue_app.regional.theme_tree import ThemeTree
from db.regional.engine import among
from db.regional.models import (
    Museum,
    PublicationEntry,
    PublicationTheme,
    Record,
    SharedState,
    VocabularyTerm,
)

MUSEUM, THEME = "museum", "theme"


@dataclass(frozen=True)
class Entry:
    record_id: str
    seq: int
    datestamp: str
    museum_code: str
    museum_name: str
    set_specs: tuple[str, ...]
    deleted: bool
    digest: str  # of the published document (publication_log)


@dataclass(frozen=True)
class Selection:
    """Which entries a list request asks for: a set, a window of datestamps, a log range."""

    set: str | None
    window: Window
    bound: int  # entries at or before this position


def log_state(session: Session) -> tuple[str, int]:
    """The base's epoch and the log's last position."""
    epoch, seq = session.execute(
        select(SharedState.epoch, SharedState.publication_seq).where(SharedState.id == 1)
    ).one()
    return epoch, seq


def earliest_datestamp(session: Session) -> str | None:
    return session.scalar(select(func.min(PublicationEntry.datestamp)))


def set_condition(session: Session, set_spec: str | None, tree: ThemeTree
                  ) -> ColumnElement[bool]:
    """The entries of a set (its sub-sets included: theme:UUID takes the theme's sub-themes,
    as the portal's theme pages do); badArgument for a set this base does not have."""
    if set_spec is None or set_spec == MUSEUM:
        return true()
    themed = select(PublicationTheme.record_id).where(
        PublicationTheme.record_id == PublicationEntry.record_id)
    if set_spec == THEME:
        return exists(themed)
    kind, _, value = set_spec.partition(":")
    if kind == MUSEUM and value:
        museum_id = session.scalar(select(Museum.id).where(Museum.code == value))
        if museum_id is not None:
            return PublicationEntry.museum_id == museum_id
    if kind == THEME and value in tree.nodes:
        return exists(themed.where(PublicationTheme.theme_id.in_(tree.descendants(value))))
    raise OaiError("badArgument", f"this repository has no set {set_spec[:80]!r}; ListSets"
                   " lists them")


def _where(session: Session, selection: Selection, tree: ThemeTree, after: int
           ) -> ColumnElement[bool]:
    conditions = [PublicationEntry.seq > after, PublicationEntry.seq <= selection.bound,
                  set_condition(session, selection.set, tree)]
    if selection.window.start is not None:
        conditions.append(PublicationEntry.datestamp >= selection.window.start)
    if selection.window.end is not None:
        conditions.append(PublicationEntry.datestamp <= selection.window.end)
    return and_(*conditions)


def count(session: Session, selection: Selection, tree: ThemeTree) -> int:
    return session.scalar(select(func.count()).select_from(PublicationEntry)
                          .where(_where(session, selection, tree, 0))) or 0


def page(session: Session, selection: Selection, tree: ThemeTree, after: int, limit: int
         ) -> list[Entry]:
    """Up to `limit` entries after position `after`, in log order."""
    query = (select(*_COLUMNS).join(Museum, Museum.id == PublicationEntry.museum_id)
             .where(_where(session, selection, tree, after))
             .order_by(PublicationEntry.seq).limit(limit))
    return _entries(session, session.execute(query).all(), tree)


def entry(session: Session, record_id: str, tree: ThemeTree) -> Entry | None:
    """The log's entry of one record; None if it was never published."""
    rows = session.execute(
        select(*_COLUMNS).join(Museum, Museum.id == PublicationEntry.museum_id)
        .where(PublicationEntry.record_id == record_id)
    ).all()
    found = _entries(session, rows, tree)
    return found[0] if found else None


_COLUMNS = (PublicationEntry.record_id, PublicationEntry.seq, PublicationEntry.datestamp,
            Museum.code, Museum.name, PublicationEntry.deleted, PublicationEntry.digest)


def _entries(session: Session, rows: Sequence[Any], tree: ThemeTree) -> list[Entry]:
    themes: dict[str, list[str]] = {}
    if rows:
        for record_id, theme_id in session.execute(
            select(PublicationTheme.record_id, PublicationTheme.theme_id)
            .where(among(session, PublicationTheme.record_id, [row[0] for row in rows]))
        ):
            themes.setdefault(record_id, []).append(theme_id)
    return [Entry(record_id, seq, datestamp, code, name,
                  _set_specs(code, themes.get(record_id, []), tree), deleted, digest)
            for record_id, seq, datestamp, code, name, deleted, digest in rows]


def documents(session: Session, record_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The published documents of these records, by the channel's rule applied again now: a
    record is never shown that it would not publish (one it would not has none here)."""
    if not record_ids:
        return {}
    found = {}
    for record_id, fields, deleted in session.execute(
        select(Record.id, Record.fields, Record.deleted)
        .where(among(session, Record.id, record_ids))
    ):
        document = publication.oai(fields, deleted)
        if document is not None:
            found[record_id] = document
    return found


def _set_specs(museum_code: str, theme_ids: list[str], tree: ThemeTree) -> tuple[str, ...]:
    specs = [MUSEUM, f"{MUSEUM}:{museum_code}"]
    ancestors = dict.fromkeys(node.id for theme_id in theme_ids for node in tree.path(theme_id))
    if theme_ids:
        specs.append(THEME)
    specs.extend(f"{THEME}:{theme_id}" for theme_id in ancestors)
    return tuple(specs)


def concepts(session: Session, documents: Sequence[dict[str, Any]]
             ) -> dict[tuple[str, str], str]:
    """(vocabulary, label) -> id of the shared terms these documents use."""
    labels: set[str] = set()
    for document in documents:
        for name in ("designation", "origin_place"):
            if isinstance(document.get(name), str):
                labels.add(document[name])
        for name in ("materials", "techniques"):
            labels.update(v for v in document.get(name) or () if isinstance(v, str))
        for author in document.get("authors") or ():
            if isinstance(author, dict) and isinstance(author.get("name"), str):
                labels.add(author["name"])
                labels.add(attribution(author["name"])[1] or author["name"])
    if not labels:
        return {}
    return {(vocabulary, label): term_id for vocabulary, label, term_id in session.execute(
        select(VocabularyTerm.vocabulary, VocabularyTerm.label, VocabularyTerm.id).where(
            VocabularyTerm.label.in_(labels), VocabularyTerm.deleted.is_(False)))}


def museums(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every museum, by code."""
    return [tuple(row) for row in session.execute(
        select(Museum.code, Museum.name).order_by(Museum.code))]
