"""The desk catalogue's tables (one SQLite file per museum catalogue).

Single-valued record fields are columns of `records`; multi-valued ones (materials, techniques,
subjects, authors) are ordered rows of `record_values`, so vocabularies, search and sync can
address each value. Text is always stored exactly as entered; derived structure (years,
measurement rows) sits beside it."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Museum(Base):
    """The one museum this catalogue belongs to (a single row, id = 1)."""

    __tablename__ = "museum"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    # Set at the first sync; from then on code and name follow the regional base.
    bound_at: Mapped[str | None] = mapped_column(String(32))
    # The museum's own words (Joconde's STAT, the register, the portal), sent to the base by
    # the next sync after details_changed_at.
    owner: Mapped[str] = mapped_column(Text, default="")
    town: Mapped[str] = mapped_column(Text, default="")
    presentation: Mapped[str] = mapped_column(Text, default="")
    details_changed_at: Mapped[str | None] = mapped_column(String(32))


class Setting(Base):
    """Catalogue-wide settings that travel with the file (image store location, number pattern)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[str] = mapped_column(String(32))


class Record(Base):
    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-generated UUID
    inventory_number: Mapped[str] = mapped_column(Text)
    # Normalised form (design.md §3) that carries the uniqueness rule.
    inventory_key: Mapped[str] = mapped_column(Text, unique=True)
    # Natural order (1978.3.2 before 1978.3.12): digit runs zero-padded, kept by the service.
    inventory_sort: Mapped[str] = mapped_column(Text, index=True)
    acquisition_mode: Mapped[str] = mapped_column(Text, default="")
    acquisition_source: Mapped[str] = mapped_column(Text, default="")
    acquisition_date: Mapped[str] = mapped_column(Text, default="")
    committee_opinion: Mapped[str] = mapped_column(Text, default="")
    acquisition_price: Mapped[str] = mapped_column(Text, default="")
    register_date: Mapped[str] = mapped_column(Text, default="")
    designation: Mapped[str] = mapped_column(Text, default="")
    inscriptions: Mapped[str] = mapped_column(Text, default="")
    measurements: Mapped[str] = mapped_column(Text, default="")
    condition_at_acquisition: Mapped[str] = mapped_column(Text, default="")
    dating: Mapped[str] = mapped_column(Text, default="")
    date_earliest: Mapped[int | None] = mapped_column(Integer)
    date_latest: Mapped[int | None] = mapped_column(Integer)
    function: Mapped[str] = mapped_column(Text, default="")
    origin_place: Mapped[str] = mapped_column(Text, default="")
    observations: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    number_of_parts: Mapped[str] = mapped_column(Text, default="")
    current_location: Mapped[str] = mapped_column(Text, default="")
    credit_line: Mapped[str] = mapped_column(Text, default="")
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    # The register it belongs to: 'inventory', 'deposit' or 'outside' (never the number's prefix).
    legal_status: Mapped[str] = mapped_column(String(16), default="inventory")
    depositor: Mapped[str] = mapped_column(Text, default="")
    deposit_owner_number: Mapped[str] = mapped_column(Text, default="")
    deposit_reference: Mapped[str] = mapped_column(Text, default="")
    deposit_term: Mapped[str] = mapped_column(Text, default="")
    deposit_returned: Mapped[str] = mapped_column(Text, default="")
    # 'active', 'missing' (not found; stays in the register) or 'deaccessioned' (radié: stays in
    # the register, with its legal case, date and decision).
    status: Mapped[str] = mapped_column(String(16), default="active")
    deaccession_case: Mapped[str] = mapped_column(String(32), default="")
    deaccession_date: Mapped[str] = mapped_column(Text, default="")
    deaccession_decision: Mapped[str] = mapped_column(Text, default="")
    # In the register for good (catalogue_app.records.register_rules); its rectifications as a
    # JSON array of {date, field, old, new, reason, user}, oldest first.
    inscribed: Mapped[bool] = mapped_column(Boolean, default=False)
    rectifications: Mapped[str] = mapped_column(Text, default="[]")
    # What each récolement found of it (catalogue_app.recolement): a JSON array, oldest first.
    recolement_checks: Mapped[str] = mapped_column(Text, default="[]")
    joconde_ref: Mapped[str] = mapped_column(Text, default="")
    bibliography: Mapped[str] = mapped_column(Text, default="")
    exhibitions: Mapped[str] = mapped_column(Text, default="")
    ownership_history: Mapped[str] = mapped_column(Text, default="")
    # Where the object went, a JSON array of movements oldest first (catalogue_app.locations);
    # the destination of the last one, derived here only, finds a room's contents fast (its
    # index covers what a room's list reads: rows with 10 movements are large).
    movements: Mapped[str] = mapped_column(Text, default="[]")
    current_location_id: Mapped[str | None] = mapped_column(String(36))
    # Its loans out and in and its condition reports (catalogue_app.loans): JSON arrays of
    # entries with ids, oldest first.
    loans: Mapped[str] = mapped_column(Text, default="[]")
    condition_reports: Mapped[str] = mapped_column(Text, default="[]")
    # Records without a register date go to the trash instead of being deleted.
    trashed_at: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(200))
    modified_at: Mapped[str] = mapped_column(String(32))
    modified_by: Mapped[str] = mapped_column(String(200))
    # Fields this version does not know (written by a newer desk or the server), kept verbatim.
    extra_json: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (Index("ix_records_modified_at", "modified_at"),
                      Index("ix_records_current_location_id", "current_location_id",
                            "trashed_at", "inventory_sort", "id"))


class RecordValue(Base):
    """One value of a multi-valued field (materials, techniques, subjects, authors, former
    numbers, domains), in order."""

    __tablename__ = "record_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(32))  # authors only
    term_id: Mapped[str | None] = mapped_column(ForeignKey("terms.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("record_id", "field", "position"),
        Index("ix_record_values_field_value", "field", "value"),
    )


class MeasurementRow(Base):
    """Structured measurements derived from (or entered beside) the measurement text."""

    __tablename__ = "measurement_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")  # qualifier: "(coeur)", "totale"...


class Theme(Base):
    """A node of the theme tree: shared (from the network, stable UUID) or local to the museum."""

    __tablename__ = "themes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), index=True
    )
    label_fr: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(8), default="shared")  # shared | local


class RecordTheme(Base):
    __tablename__ = "record_themes"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[str] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Term(Base):
    """A controlled vocabulary term (object names, materials, techniques, places, people...)."""

    __tablename__ = "terms"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(Text)
    # Accent- and case-folded label: the autocomplete and duplicate-term key.
    search_key: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(8), default="shared")  # shared | local

    __table_args__ = (Index("ix_terms_vocabulary_key", "vocabulary", "search_key"),)


class Image(Base):
    """An image attached to a record; the original lives at images/ab/cd/<sha256>."""

    __tablename__ = "images"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100), default="")
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    view_type: Mapped[str] = mapped_column(String(16), default="general")
    photographer: Mapped[str] = mapped_column(Text, default="")
    date_taken: Mapped[str] = mapped_column(Text, default="")
    licence: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    publishable: Mapped[bool] = mapped_column(Boolean, default=False)
    metadata_json: Mapped[str] = mapped_column(Text, default="{}")  # EXIF/XMP/IPTC as read
    note: Mapped[str] = mapped_column(Text, default="")  # what was wrong with the file, if anything
    attached_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (UniqueConstraint("record_id", "sha256"),)


class HistoryEntry(Base):
    """Who changed which field of which record, when, from what to what."""

    __tablename__ = "record_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign key: history outlives a purged record, as the register does.
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    changed_at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))  # create|update|trash|restore|deaccession
    field: Mapped[str | None] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class Draft(Base):
    """Unsaved form contents, autosaved so that a crash or a kill loses no keystroke."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str | None] = mapped_column(String(36), unique=True)  # None: a new record
    payload_json: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(200))


class Tombstone(Base):
    """A record purged from the trash, remembered so that sync can delete it elsewhere."""

    __tablename__ = "tombstones"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inventory_number: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(200))


class Location(Base):
    """A place where objects are kept: site > building > room > furniture > shelf or box.
    A museum-level document synced with the regional base (catalogue_app.locations.documents):
    `modified_at` is its last-writer-wins clock, set at every change made here."""

    __tablename__ = "locations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-generated UUID
    # No foreign key: a sync may bring a child before its parent.
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(Text, default="")  # unique in the museum when given
    kind: Mapped[str] = mapped_column(String(16), default="")  # site|building|room|...|box
    position: Mapped[int] = mapped_column(Integer, default=0)
    modified_at: Mapped[str] = mapped_column(String(32))
    extra_json: Mapped[str] = mapped_column(Text, default="{}")  # a newer desk's keys, kept


class RecolementCampaign(Base):
    """A récolement campaign (catalogue_app.recolement): a museum-level document, synced with
    the regional base by `modified_at` (set on every change; last writer wins). What each
    object was found to be is in its record's `recolement_checks`, not here."""

    __tablename__ = "recolement_campaigns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-generated UUID
    name: Mapped[str] = mapped_column(Text)
    # The scope: the records this search finds (all when empty), in these locations and below
    # (a JSON array of location ids; anywhere when empty), deposits or not.
    query: Mapped[str] = mapped_column(Text, default="")
    location_ids: Mapped[str] = mapped_column(Text, default="[]")
    include_deposits: Mapped[bool] = mapped_column(Boolean, default=True)
    starts_on: Mapped[str] = mapped_column(String(10), default="")  # YYYY-MM-DD
    ends_on: Mapped[str] = mapped_column(String(10), default="")
    plan: Mapped[str] = mapped_column(Text, default="")  # the ten-year plan: "2026-2035"
    closed_at: Mapped[str | None] = mapped_column(String(32))
    # Objects found without a number or not in the catalogue: a JSON array of {id, date, user,
    # description, location_id, note, images}.
    unlisted_finds: Mapped[str] = mapped_column(Text, default="[]")
    modified_at: Mapped[str] = mapped_column(String(32))
    extra_json: Mapped[str] = mapped_column(Text, default="{}")  # a newer desk's keys


# --- sync with the regional base (revision 0005; catalogue_app.sync) ---------------------------


class SyncOutbox(Base):
    """A record changed here and not yet accepted by the regional base (filled by triggers)."""

    __tablename__ = "sync_outbox"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)  # +1 per change: a push clears only its own


class SyncState(Base):
    """The server's version of a record and its fields at that version (the merge base)."""

    __tablename__ = "sync_state"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    base_json: Mapped[str] = mapped_column(Text)
    seen: Mapped[bool] = mapped_column(Boolean, default=True)  # met again during a full resync


class SyncBatch(Base):
    """A batch written before it is sent, so a retry after a crash reuses its Idempotency-Key."""

    __tablename__ = "sync_batches"

    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(32))
    payload_json: Mapped[str] = mapped_column(Text)
    revisions_json: Mapped[str] = mapped_column(Text)  # {record id: outbox revision sent}


class SyncConflict(Base):
    """A record changed here and on the regional base in the same field(s): the curator decides."""

    __tablename__ = "sync_conflicts"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    detected_at: Mapped[str] = mapped_column(String(32))
    fields_json: Mapped[str] = mapped_column(Text)  # the conflicting field names
    base_json: Mapped[str] = mapped_column(Text)
    local_json: Mapped[str] = mapped_column(Text)
    server_json: Mapped[str] = mapped_column(Text)
    server_version: Mapped[int] = mapped_column(Integer)
    server_deleted: Mapped[bool] = mapped_column(Boolean)
    local_deleted: Mapped[bool] = mapped_column(Boolean)


class SyncRefusal(Base):
    """A record the regional base refused, with its message (sent again at the next sync)."""

    __tablename__ = "sync_refusals"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    refused_at: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)


class SyncDocument(Base):
    """The version of a museum document (a location, a récolement campaign) this desk last
    agreed on with the regional base; a row whose document differs from it is pending."""

    __tablename__ = "sync_documents"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document_json: Mapped[str] = mapped_column(Text)  # the whole wire document, canonical


class SyncMeta(Base):
    """Sync bookkeeping: feed cursor, server URL, last sync time."""

    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
