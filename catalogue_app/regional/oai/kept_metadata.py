"""The metadata OAI-PMH serves, kept as written (table oai_kept_metadata): a harvest sends a
record's stored XML instead of building its document again, which was 85% of the server's CPU
in a LIDO harvest (bench/harvest.py). The rows are in the base, so what one server process
wrote serves them all; a process holds one page of them at a time.

A row serves while its key is the current one. The key hashes everything the XML is made of:
the published document (the publication log's digest of it), the holding museum's code and
name, the shared data's counter (the theme tree and the vocabulary terms whose ids the XML
gives), which of the record's images have their public derivatives ready, the base's public
address, and the application's code. A row whose key has changed is written again the next
time it is served; nothing expires by time."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from db.regional import bulk
from db.regional.engine import Database, among
from db.regional.models import KeptMetadata


@functools.cache
def code_version() -> str:
    """A digest of the application's source: a release may change what any record's XML
    says, so each record is written again, once, after one."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[2]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Kept:
    key: str
    images: tuple[str, ...]  # the record's images, ready or not
    xml: bytes


@dataclass(frozen=True)
class Keys:
    """The keys of one metadata format's records as a request finds the base."""

    prefix: str
    shared_seq: int
    public_url: str

    def of(self, digest: str, museum_code: str, museum_name: str,
           ready_images: Iterable[str]) -> str:
        parts = (code_version(), self.prefix, str(self.shared_seq), self.public_url, digest,
                 museum_code, museum_name, *sorted(ready_images))
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def kept(session: Session, prefix: str, record_ids: Sequence[str], with_xml: bool = True
         ) -> dict[str, Kept]:
    """The rows kept for these records, current or not; without their XML (empty) unless
    `with_xml`: enough to tell which are current."""
    if not record_ids:
        return {}
    xml = KeptMetadata.xml if with_xml else literal(b"")
    rows = session.execute(
        select(KeptMetadata.record_id, KeptMetadata.key, KeptMetadata.images, xml)
        .where(KeptMetadata.prefix == prefix,
               among(session, KeptMetadata.record_id, record_ids)))
    return {record_id: Kept(key, tuple(images.split()), bytes(xml))
            for record_id, key, images, xml in rows}


def keep(database: Database, prefix: str, written: dict[str, Kept]) -> None:
    """Store what was just written, in one short transaction. Several processes may write the
    same record at once (harvests, keepers): the last one stays, and should it be stale
    already, it is written again when next served or kept."""
    if not written:
        return
    rows = [{"record_id": record_id, "prefix": prefix, "key": kept.key,
             "images": " ".join(kept.images), "xml": kept.xml}
            for record_id, kept in sorted(written.items())]  # one lock order for all writers
    with database.write_session() as session:
        # One statement for the batch on PostgreSQL (db/regional/bulk.py): a keeper's batch was
        # 200 upserts of one row each, 74,000 in a bench's run.
        bulk.insert_rows(session, KeptMetadata.__table__, rows, on_conflict=_replacing)


def _replacing(statement: Any) -> Any:
    """`statement` (an insert of kept rows) replacing the row kept for the same record and
    format (dialects' Insert)."""
    return statement.on_conflict_do_update(
        index_elements=["record_id", "prefix"],
        set_={"key": statement.excluded.key, "images": statement.excluded.images,
              "xml": statement.excluded.xml})
