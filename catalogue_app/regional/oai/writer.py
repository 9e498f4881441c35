"""The one writer of OAI-PMH metadata: a page of the publication log's entries in one format,
each record's metadata taken from kept_metadata where it is still current, the others written
from their documents and then kept. A harvest (routes.py) sends what it gives; the keeper
(keeper.py) has it write ahead of harvesters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.exchange.lido import PublishedLinks
from catalogue_app.regional.oai import kept_metadata, log_queries
from catalogue_app.regional.oai.formats import FORMATS, Published
from catalogue_app.regional.oai.log_queries import Entry
from catalogue_app.regional.portal.templates import image_path
from catalogue_app.regional.theme_tree import ThemeTree
from db.regional.engine import Database, among
from db.regional.models import ImageDerivative, SharedState

IMAGE_KIND = "web"  # the derivative aggregators get: 1200 px, never the original


@dataclass(frozen=True)
class Source:
    """What every record's metadata shares, as one transaction finds the base."""

    database: Database
    base: str  # the public address (serve --public-url), without its trailing slash
    shared_seq: int  # the shared data's change counter (themes, vocabulary terms)
    tree: ThemeTree

    def absolute(self, path: str) -> str:
        return self.base + path


def shared_seq(session: Session) -> int:
    return session.scalar(select(SharedState.change_seq).where(SharedState.id == 1)) or 0


class Writer:
    """The metadata of `entries` in `prefix`, read with what it needs from the database (kept
    rows, made images, shared terms) before any is written. `with_kept_xml=False` reads only
    the kept rows' keys: for a caller that writes the stale records and sends nothing."""

    def __init__(self, session: Session, source: Source, prefix: str, entries: Sequence[Entry],
                 with_kept_xml: bool = True) -> None:
        self.source = source
        self.prefix = prefix
        self.keys = kept_metadata.Keys(prefix, source.shared_seq, source.base)
        published = {e.record_id: e for e in entries if not e.deleted}
        kept = kept_metadata.kept(session, prefix, list(published), with_kept_xml)
        self.ready = _ready_images(session, {sha for k in kept.values() for sha in k.images})
        self.current = {record_id: k.xml for record_id, k in kept.items()
                        if k.key == self._key(published[record_id], k.images)}
        self.documents = log_queries.documents(
            session, [r for r in published if r not in self.current])
        documents = list(self.documents.values())
        self.ready |= _ready_images(session, {image["sha256"] for document in documents
                                              for image in document.get("images") or ()})
        self.concepts = log_queries.concepts(session, documents)
        self.written: dict[str, kept_metadata.Kept] = {}

    def _key(self, entry: Entry, images: Sequence[str]) -> str:
        return self.keys.of(entry.digest, entry.museum_code, entry.museum_name,
                            (sha for sha in images if sha in self.ready))

    def metadata(self, entry: Entry) -> bytes | None:
        """The record's metadata; None if it has none (withdrawn, or no longer published)."""
        xml = self.current.get(entry.record_id)
        document = self.documents.get(entry.record_id)
        if xml is None and document is not None:
            xml = _bytes(self._write(entry, document))
            images = tuple(image["sha256"] for image in document.get("images") or ())
            self.written[entry.record_id] = kept_metadata.Kept(self._key(entry, images), images,
                                                               xml)
        return xml

    def keep(self) -> int:
        """Store what was written; how many records. Raises the database's error."""
        kept_metadata.keep(self.source.database, self.prefix, self.written)
        return len(self.written)

    def _write(self, entry: Entry, document: dict) -> etree._Element:
        source = self.source
        links = PublishedLinks(
            source.absolute(f"/objets/{entry.record_id}"),
            {image["sha256"]: source.absolute(
                image_path(entry.record_id, image["sha256"], IMAGE_KIND))
             for image in document.get("images") or () if image["sha256"] in self.ready},
            self.concepts, source.base,
        )
        published = Published(entry.record_id, document,
                              {"code": entry.museum_code, "name": entry.museum_name},
                              source.tree, links)
        return FORMATS[self.prefix].write(published)


def _ready_images(session: Session, hashes: set[str]) -> set[str]:
    """Those of these images whose public derivatives are made."""
    if not hashes:
        return set()
    return set(session.scalars(
        select(ImageDerivative.sha256).where(among(session, ImageDerivative.sha256, hashes),
                                             ImageDerivative.state == "ready")))


def _bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", xml_declaration=False)
