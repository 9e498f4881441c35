"""Controlled vocabularies (design.md §3): object names, materials, techniques, places, people
and periods, with accent-insensitive prefix autocomplete.

Every term has a stable id and a source: ``shared`` terms ship in resources/vocabularies/ (and
will later arrive from the regional base by sync, keeping their ids); ``local`` terms are the
museum's own additions. Matching uses ``search_key`` (catalogue_app.folding.fold), so typing
``ebe`` finds ``ébène`` and ``Ebénisterie``."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from catalogue_app.errors import CatalogueError
from catalogue_app.folding import fold
from catalogue_app.messages import declare
from db.local.models import Term

VOCABULARIES = ("designation", "material", "technique", "place", "person", "period")

# Above every character a label can hold: the end of a prefix range on the search key.
_AFTER_PREFIX = "\U0010ffff"

EMPTY_TERM = declare("vocabulary.empty_term", "A vocabulary term cannot be empty.")
UNKNOWN_VOCABULARY = declare(
    "vocabulary.unknown", "Unknown vocabulary '{vocabulary}'; the vocabularies are {vocabularies}.")


class VocabularyError(CatalogueError):
    """A term was refused (empty, unknown vocabulary); nothing was written."""


@dataclass(frozen=True)
class TermInfo:
    id: str
    label: str
    source: str  # shared | local


def seed_vocabularies(session: Session) -> int:
    """Insert the shared seed terms shipped in resources/vocabularies/ that are not there yet."""
    known = set(session.scalars(select(Term.id)))
    rows = []
    for entry in sorted(resources.files("resources.vocabularies").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        document = json.loads(entry.read_text(encoding="utf-8"))
        vocabulary = _checked(document["vocabulary"])
        rows.extend(
            dict(id=term["id"], vocabulary=vocabulary, label=term["label"],
                 search_key=fold(term["label"]), source=document.get("source", "shared"))
            for term in document["terms"] if term["id"] not in known
        )
    if rows:
        session.execute(insert(Term), rows)
    return len(rows)


def suggest(session: Session, vocabulary: str, typed: str, limit: int = 10) -> list[TermInfo]:
    """Terms whose folded label starts with the folded text typed, in alphabetical order."""
    key = fold(typed.strip())
    if not key:
        return []
    rows = session.execute(
        select(Term.id, Term.label, Term.source)
        .where(Term.vocabulary == vocabulary, Term.search_key >= key,
               Term.search_key < key + _AFTER_PREFIX)
        .order_by(Term.search_key, Term.label)
        .limit(limit)
    )
    return [TermInfo(*row) for row in rows]


def find_term(session: Session, vocabulary: str, label: str) -> TermInfo | None:
    """The term spelt like label, accents and case aside."""
    row = session.execute(
        select(Term.id, Term.label, Term.source)
        .where(Term.vocabulary == vocabulary, Term.search_key == fold(label.strip()))
        .limit(1)
    ).first()
    return TermInfo(*row) if row else None


def add_local_term(session: Session, vocabulary: str, label: str) -> TermInfo:
    """Add the museum's own term; an existing term of the same spelling is returned instead."""
    vocabulary = _checked(vocabulary)
    label = " ".join(label.split())
    if not label:
        raise VocabularyError(EMPTY_TERM)
    existing = find_term(session, vocabulary, label)
    if existing is not None:
        return existing
    term = TermInfo(str(uuid.uuid4()), label, "local")
    session.add(Term(id=term.id, vocabulary=vocabulary, label=label, search_key=fold(label),
                     source="local"))
    session.flush()
    return term


def _checked(vocabulary: str) -> str:
    if vocabulary not in VOCABULARIES:
        raise VocabularyError(UNKNOWN_VOCABULARY, vocabulary=vocabulary,
                              vocabularies=list(VOCABULARIES))
    return vocabulary
