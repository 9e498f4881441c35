"""full-text search index over the record text (issue 6)

One FTS5 row per record (rowid = records.rowid), kept in step by triggers on every table whose
text it holds, so every write path (form, bulk insert, import, sync) stays searchable without
calling anything. The triggers note the touched record in `search_pending`; a trigger there
re-indexes it at once, unless a bulk writer has deferred that by putting a row in
`search_deferral` (catalogue_app.search.index.bulk_indexing): then each record is indexed once
at the end instead of once per value written.

The SQL is written out here, not imported, so that this revision stays what it was when shipped.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Single-valued text fields searched as plain words (inventory, designation, title have columns).
_BODY_COLUMNS = ("acquisition_mode", "acquisition_source", "acquisition_date", "committee_opinion",
                 "register_date", "inscriptions", "measurements", "condition_at_acquisition",
                 "dating", "function", "origin_place", "observations", "description",
                 "current_location", "credit_line")


def _values(fields: str) -> str:
    return (f"coalesce((SELECT group_concat(v.value, ' ') FROM record_values v "
            f"WHERE v.record_id = r.id AND v.field IN ({fields})), '')")


# What is indexed of each record: the one definition, used by the trigger below and by bulk
# indexing. Theme labels include the parent's, so that a word search for "textile" finds a
# record tagged Textile > Dentelle; each theme's id is there too, as the token "t<hex digits>",
# so that filtering by themes is an index search as well. Records in the trash are left out:
# a search counts its matches from the index alone, without looking each record up.
_SOURCE_VIEW = f"""
CREATE VIEW record_search_source (record_rowid, record_id, inventory, designation, title,
                                  material, author, theme, body) AS
SELECT r.rowid, r.id, r.inventory_number, r.designation, r.title,
       {_values("'materials'")},
       {_values("'authors'")},
       coalesce((SELECT group_concat(t.label_fr || ' ' || t.label_en || ' '
                                     || coalesce(p.label_fr || ' ' || p.label_en, '')
                                     || ' t' || replace(t.id, '-', ''), ' ')
                 FROM record_themes rt JOIN themes t ON t.id = rt.theme_id
                 LEFT JOIN themes p ON p.id = t.parent_id
                 WHERE rt.record_id = r.id), ''),
       {" || ' ' || ".join(f"r.{name}" for name in _BODY_COLUMNS)}
       || ' ' || {_values("'techniques', 'subjects'")}
FROM records r WHERE r.trashed_at IS NULL"""


def _noting(table: str, event: str, record_id: str) -> str:
    """A trigger noting that a change to table touched the record whose id is record_id.

    Kept to one small statement: a trigger's cost per row grows with the size of its body,
    and these fire for every value of every record a bulk import writes."""
    return f"""CREATE TRIGGER {table}_search_{event.lower()} AFTER {event} ON {table}
        BEGIN INSERT OR IGNORE INTO search_pending VALUES ({record_id}); END"""


_INDEXED = "inventory, designation, title, material, author, theme, body"
_CHILD_EVENTS = (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))

UPGRADE = [
    """CREATE VIRTUAL TABLE record_search USING fts5(
           inventory, designation, title, material, author, theme, body,
           tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    # Partial indexes over the records in view (trash excluded): the object list's order, the
    # counts of a filter's matches. trashed_at is a column of each so that SQLite reads the
    # index alone (it does not infer the column from the index's WHERE).
    "CREATE INDEX ix_records_live_order ON records (inventory_sort, id, trashed_at) "
    "WHERE trashed_at IS NULL",
    # Theme counts read (theme, record) pairs from this index alone.
    "CREATE INDEX ix_record_themes_theme_record ON record_themes (theme_id, record_id)",
    "CREATE INDEX ix_records_trashed ON records (trashed_at) WHERE trashed_at IS NOT NULL",
    "CREATE INDEX ix_records_live_public ON records (public, trashed_at) "
    "WHERE trashed_at IS NULL",
    "CREATE INDEX ix_records_live_dates ON records (date_latest, date_earliest, trashed_at) "
    "WHERE trashed_at IS NULL",
    "CREATE INDEX ix_records_live_designation ON records (designation COLLATE NOCASE, "
    "trashed_at) WHERE trashed_at IS NULL",
    # Records whose index row is out of date. Outside a deferral a noted record is re-indexed
    # (and forgotten) at once by the trigger below, so the table is empty between statements.
    "CREATE TABLE search_pending (record_id TEXT PRIMARY KEY) WITHOUT ROWID",
    # A row here (inside a bulk writer's transaction) defers re-indexing to that writer.
    "CREATE TABLE search_deferral (since TEXT NOT NULL)",
    _SOURCE_VIEW,
    f"""CREATE TRIGGER search_pending_reindex AFTER INSERT ON search_pending
        WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
        BEGIN
            DELETE FROM record_search
                WHERE rowid = (SELECT rowid FROM records WHERE id = NEW.record_id);
            INSERT INTO record_search(rowid, {_INDEXED})
                SELECT record_rowid, {_INDEXED} FROM record_search_source
                WHERE record_id = NEW.record_id;
            DELETE FROM search_pending WHERE record_id = NEW.record_id;
        END""",
    _noting("records", "INSERT", "NEW.id"),
    # Any update, not only of indexed columns: bulk writers rely on a record's row being
    # touched whenever its values change (catalogue_app.search.index.bulk_indexing).
    _noting("records", "UPDATE", "NEW.id"),
    """CREATE TRIGGER records_search_delete AFTER DELETE ON records
        BEGIN DELETE FROM record_search WHERE rowid = OLD.rowid; END""",
    *(_noting(table, event, f"{row}.record_id")
      for table in ("record_values", "record_themes") for event, row in _CHILD_EVENTS),
    # A renamed theme changes the text of every record tagged with it or with a sub-theme.
    """CREATE TRIGGER themes_search_update AFTER UPDATE OF label_fr, label_en ON themes
        BEGIN INSERT OR IGNORE INTO search_pending
            SELECT rt.record_id FROM record_themes rt JOIN themes t ON t.id = rt.theme_id
            WHERE t.id = NEW.id OR t.parent_id = NEW.id;
        END""",
    f"""INSERT INTO record_search(rowid, {_INDEXED})
        SELECT record_rowid, {_INDEXED} FROM record_search_source""",
]

_TRIGGERS = ("search_pending_reindex", "records_search_insert", "records_search_update",
             "records_search_delete", "themes_search_update",
             *(f"{table}_search_{event.lower()}" for table in ("record_values", "record_themes")
               for event, _row in _CHILD_EVENTS))


_INDEXES = ("ix_records_live_order", "ix_records_trashed", "ix_record_themes_theme_record",
            "ix_records_live_public", "ix_records_live_dates", "ix_records_live_designation")


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP VIEW IF EXISTS record_search_source")
    for index in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {index}")
    for table in ("record_search", "search_pending", "search_deferral"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
