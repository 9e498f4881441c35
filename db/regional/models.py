"""Tables of the shared regional base.

Records are one row per object holding the latest state: `fields` is the JSON document the desk
sent (unknown keys kept verbatim) and `seq` is the museum's change counter at the record's last
change, so the change feed of a museum is simply its records ordered by `seq` (a log compacted to
the latest state, tombstones included). Shared data (themes, vocabulary terms) uses one separate
counter kept in `shared_state`."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

UUID_LENGTH = 36
SHA256_LENGTH = 64


class Base(DeclarativeBase):
    pass


class SharedState(Base):
    """A single row (id = 1): the shared-data change counter and the feed epoch.

    The epoch is a random id made with the schema; a cursor from another epoch (a base that was
    rebuilt or restored) cannot be trusted and asks the desk for a full resync."""

    __tablename__ = "shared_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32))
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # False until the portal's tables hold every published record (a base upgraded with data).
    portal_built: Mapped[bool] = mapped_column(Boolean, default=False)
    # The publication log's global counter and its last datestamp, advanced only while this
    # row is locked: log positions and datestamps grow in commit order (a harvester's `from`
    # and a resumption token's position never skip a commit that lands late).
    publication_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    publication_datestamp: Mapped[str] = mapped_column(String(20), default="")


class Museum(Base):
    __tablename__ = "museums"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    # Advanced only while this row is locked, so a museum's changes commit in counter order.
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # The museum's own words, sent by its desks (its admin may also write the portal's two):
    # who owns its collections (Joconde's STAT), and the town and presentation the portal shows.
    owner: Mapped[str] = mapped_column(Text, default="")
    town: Mapped[str] = mapped_column(Text, default="")
    presentation: Mapped[str] = mapped_column(Text, default="")
    # When the museum's published content last changed (a push, its presentation): the portal's
    # validators (ETag, Last-Modified) derive from it. Written under the museum's lock.
    published_at: Mapped[str] = mapped_column(String(32), default="")
    # How many pushes took records of the museum off the portal: network-wide pages, otherwise
    # made again every few seconds, are made again at once (portal/site.py).
    withdrawn_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # How many pushes removed or replaced published rows of the museum: the search counts kept
    # for it (portal/searches.py) can then no longer move by its new rows alone.
    removed_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("museum_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"))
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))  # reader | editor | admin
    created_at: Mapped[str] = mapped_column(String(32))


class Token(Base):
    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # sha256 of the random token: enough for 32 random bytes, and the token itself is never kept.
    token_hash: Mapped[str] = mapped_column(String(SHA256_LENGTH), unique=True)
    created_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32))
    # Past this instant the token is refused; None: it lasts until revoked.
    expires_at: Mapped[str | None] = mapped_column(String(32))
    # To the minute (admin.LAST_USE_PRECISION_SECONDS): a write per request would cost more.
    last_used_at: Mapped[str | None] = mapped_column(String(32))


class Record(Base):
    """One object record of one museum.

    Lookups by id and by inventory key each have exactly one index to use: the planner cannot
    pick the (museum_id, seq) feed index for them when statistics are stale (a first bulk
    upload), which made every batch scan the whole museum."""

    __tablename__ = "records"
    __table_args__ = (UniqueConstraint("museum_id", "seq"),)

    # Client-made UUIDs are unique across the network; a clash is refused, never shared.
    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"))
    # "<museum id>/<normalised inventory number>", unique; None for tombstones and unnumbered
    # drafts, so a deleted number can be reused.
    inventory_key: Mapped[str | None] = mapped_column(Text, unique=True)
    fields: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[str] = mapped_column(String(32))
    updated_by: Mapped[str] = mapped_column(Text)


class Document(Base):
    """The latest version of one museum document (a location, a récolement campaign, a kind
    a newer desk adds): `body` kept as sent, whatever the kind. `seq` is the museum's change
    counter at its last change, shared with the museum's records: the feed merges the two."""

    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_museum_seq", "museum_id", "seq", unique=True),
        Index("ix_documents_museum_kind_seq", "museum_id", "kind", "seq"),
    )

    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    body: Mapped[dict] = mapped_column(JSON)
    modified_at: Mapped[str] = mapped_column(String(32))  # the desk's, last writer wins
    deleted: Mapped[bool] = mapped_column(Boolean)
    seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[str] = mapped_column(String(32))  # the base's, when it took it
    updated_by: Mapped[str] = mapped_column(Text)


class IdempotentResponse(Base):
    """The stored answer to a push, so a retry with the same key gets the same answer.

    Kept for a limited time (catalogue_app.regional.museum_batches.ANSWERS_KEPT_DAYS); the
    index by age lets a push find and delete its museum's old answers without reading the
    others."""

    __tablename__ = "idempotent_responses"
    __table_args__ = (
        Index("ix_idempotent_responses_museum_created", "museum_id", "created_at"),
    )

    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    response: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(32))


class MuseumBlob(Base):
    """A museum may read a blob once it has uploaded it (the file on disk may be shared)."""

    __tablename__ = "museum_blobs"

    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[str] = mapped_column(String(32))


class BlobUpload(Base):
    """An upload under way: the bytes received so far, and what the blob store keeps of them
    (`store_state`, JSON: an S3 multipart upload's id and parts; {} on disk)."""

    __tablename__ = "blob_uploads"

    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    received: Mapped[int] = mapped_column(BigInteger)
    store_state: Mapped[str] = mapped_column(Text)
    started_at: Mapped[str] = mapped_column(String(32))
    touched_at: Mapped[str] = mapped_column(String(32), index=True)
    # Set while a finish re-hashes the upload (blobs.py), outside any write transaction.
    finishing_since: Mapped[str | None] = mapped_column(String(32))


class Theme(Base):
    __tablename__ = "themes"
    __table_args__ = (Index("ix_themes_seq", "seq", unique=True),)

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    label_fr: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class VocabularyTerm(Base):
    __tablename__ = "vocabulary_terms"
    __table_args__ = (Index("ix_vocabulary_terms_seq", "seq", unique=True),)

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(Text)
    # Every other key of the term as given in the vocabulary file (broader term, labels, ...).
    extra: Mapped[dict] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class PublicRecord(Base):
    """The portal's row of a published record: the columns pages sort, filter, list and count
    by, kept narrow (about 450 bytes) because a broad search visits tens of thousands of them to
    count its facets; the public document itself is in PublicDocument. Rebuilt for each record a
    push applies, so a record unpublished or radiated on a desk leaves the portal at the next
    sync.

    The text index lives beside it: a tsvector column written with the row (PostgreSQL, French
    stemming, accents folded by unaccent) or the FTS5 table public_records_fts (SQLite)."""

    __tablename__ = "public_records"
    __table_args__ = (
        Index("ix_public_records_museum_sort", "museum_id", "sort_key", "record_id"),
        Index("ix_public_records_sort", "sort_key", "record_id"),
        Index("ix_public_records_inventory", "inventory_norm"),
        Index("ix_public_records_image", "image_sha256"),
        Index("ix_public_records_museum_change", "museum_id", "change_seq"),
    )

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("records.id"), primary_key=True
    )
    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"))
    inventory_number: Mapped[str] = mapped_column(Text)
    inventory_norm: Mapped[str] = mapped_column(Text)
    designation: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    # Designation then natural inventory order: a stable order for broad results and listings.
    sort_key: Mapped[str] = mapped_column(Text)
    date_earliest: Mapped[int | None] = mapped_column(Integer)
    century: Mapped[int | None] = mapped_column(Integer)
    # The ids of the root themes the object is under, sorted, joined by "|" ("" for none): the
    # theme facet groups by it like any other column (portal_index.reroot when the tree changes).
    theme_roots: Mapped[str] = mapped_column(Text, default="")
    # The first publishable image (its derivatives illustrate lists, facets and games).
    image_sha256: Mapped[str | None] = mapped_column(String(SHA256_LENGTH))
    updated_at: Mapped[str] = mapped_column(String(32))
    # The record's `seq` when the row was written: the rows a museum added since a count.
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class PublicDocument(Base):
    """What catalogue_app.publication.portal lets the public see of a published record (its
    public fields and publishable images): read one object at a time, never while counting."""

    __tablename__ = "public_documents"

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("public_records.record_id", ondelete="CASCADE"),
        primary_key=True,
    )
    document: Mapped[dict] = mapped_column(JSON)


class PublicFacetCount(Base):
    """How many of a museum's objects are published, in all (facet `total`) and per designation,
    century (as text, '' for none) and `theme_roots`: kept by every push, read by the portal's
    facets when no words or filters narrow the search."""

    __tablename__ = "public_facet_counts"

    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"), primary_key=True)
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class PublicRecordTheme(Base):
    __tablename__ = "public_record_themes"
    __table_args__ = (Index("ix_public_record_themes_theme", "theme_id", "record_id"),)

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("public_records.record_id", ondelete="CASCADE"),
        primary_key=True,
    )
    theme_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)


class PublicImage(Base):
    """A publishable image of a published record; the derivative worker's to-do list."""

    __tablename__ = "public_images"
    __table_args__ = (Index("ix_public_images_sha256", "sha256"),)

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("public_records.record_id", ondelete="CASCADE"),
        primary_key=True,
    )
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    # The original's file name extension: how a decoder is chosen (the name itself stays private).
    extension: Mapped[str] = mapped_column(String(16))


class ImageDerivative(Base):
    """The public derivatives of one original (thumb, web, zoom JPEGs in the blob store), or why
    none could be made (`failed`: an undecodable file is shown as no image)."""

    __tablename__ = "image_derivatives"
    __table_args__ = (Index("ix_image_derivatives_made", "made_at"),)

    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # ready | failed
    width: Mapped[int | None] = mapped_column(Integer)  # of the zoom derivative
    height: Mapped[int | None] = mapped_column(Integer)
    made_at: Mapped[str] = mapped_column(String(32))


class PublicationEntry(Base):
    """The publication log (OAI-PMH, design.md §12), compacted to the latest event of each
    record ever published: `seq` is the global counter at its last publish, change or
    withdrawal (one sequence for every museum), `datestamp` the UTC second of it. A withdrawn
    record keeps its row (`deleted`) forever, with the museum and themes it was last published
    under, so harvesters of any set learn of the deletion. `digest` is the hash of the published
    document: a push that changes nothing public logs nothing."""

    __tablename__ = "publication_log"
    __table_args__ = (
        Index("ix_publication_log_seq", "seq", unique=True),
        Index("ix_publication_log_museum_seq", "museum_id", "seq"),
        Index("ix_publication_log_datestamp", "datestamp"),
    )

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("records.id"), primary_key=True
    )
    museum_id: Mapped[int] = mapped_column(ForeignKey("museums.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    datestamp: Mapped[str] = mapped_column(String(20))  # YYYY-MM-DDThh:mm:ssZ
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    digest: Mapped[str] = mapped_column(String(SHA256_LENGTH))


class PublicationTheme(Base):
    """The themes a logged record was last published under (its `theme:UUID` sets)."""

    __tablename__ = "publication_log_themes"
    __table_args__ = (Index("ix_publication_log_themes_theme", "theme_id", "record_id"),)

    record_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    theme_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)


class KeptMetadata(Base):
    """The metadata OAI-PMH serves for a published record, kept as written (XML bytes) per metadata
    format, so that a harvest sends stored bytes instead of building each record's document
    again (catalogue_app.regional.oai.kept_metadata). `key` hashes everything the XML depends
    on; a row whose key is no longer the current one is written again when next served.
    `images` lists the record's images (sha256, space separated): whether their derivatives are
    ready is part of the key, checked without reading the record."""

    __tablename__ = "oai_kept_metadata"

    record_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("records.id"), primary_key=True
    )
    prefix: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    images: Mapped[str] = mapped_column(Text)
    xml: Mapped[bytes] = mapped_column(LargeBinary)
