"""The portal's published rows made narrow for real, and their counts kept by every push.

Each object's public document moves to its own table, public_documents, and the searched text
leaves the row (SQLite's FTS5 table keeps its own copy; on PostgreSQL the tsvector is written
with the row instead of being generated from it). Migration 0004 meant to move them out of line,
but PostgreSQL only does so for rows over about 2 kB and these were about 1.5 kB: a broad search
counting its facets visited 107 MB of rows for 70,000 records, 33 MB now. Each row also names
the root themes of its object (`theme_roots`), so the theme facet is one more column grouped in
the same pass instead of a join to the themes counted distinct per root.

Each museum's published counts (in all, per designation, century and root themes) are kept in
public_facet_counts by every push (portal_index.py), so the unfiltered and per-museum facets and
the home page's themes are read, not counted again after every push.

The portal's rows are written again at the next start (`shared_state.portal_built` set back to
false, as 0010 does): the publication log is untouched, its documents are the same.

Revision ID: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

PORTAL_ROWS = ("public_images", "public_record_themes", "public_records")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _empty_portal(postgresql)
    op.create_table(
        "public_documents",
        sa.Column("record_id", sa.String(36),
                  sa.ForeignKey("public_records.record_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("document", sa.JSON(), nullable=False),
    )
    op.create_table(
        "public_facet_counts",
        sa.Column("museum_id", sa.Integer(), sa.ForeignKey("museums.id"), primary_key=True),
        sa.Column("facet", sa.String(16), primary_key=True),
        sa.Column("value", sa.Text(), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    if postgresql:
        op.execute("ALTER TABLE public_records ALTER COLUMN search_vector DROP EXPRESSION")
        op.execute("ALTER TABLE public_records RESET (toast_tuple_target)")
    # Plain columns of an empty table: a DROP COLUMN on both backends (no batch copy of a table
    # others refer to).
    op.execute("ALTER TABLE public_records DROP COLUMN document")
    op.execute("ALTER TABLE public_records DROP COLUMN search_text")
    op.add_column("public_records",
                  sa.Column("theme_roots", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _empty_portal(postgresql)
    op.drop_table("public_facet_counts")
    op.drop_table("public_documents")
    op.execute("ALTER TABLE public_records DROP COLUMN theme_roots")
    op.add_column("public_records",
                  sa.Column("document", sa.JSON(), nullable=False, server_default="{}"))
    op.add_column("public_records",
                  sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    if postgresql:
        op.execute("ALTER TABLE public_records DROP COLUMN search_vector")  # and its index
        op.execute("ALTER TABLE public_records ADD COLUMN search_vector tsvector GENERATED"
                   " ALWAYS AS (to_tsvector('portal_fr', search_text)) STORED")
        op.execute(
            "CREATE INDEX ix_public_records_search ON public_records USING gin (search_vector)"
        )
        op.execute("ALTER TABLE public_records SET (toast_tuple_target = 256)")


def _empty_portal(postgresql: bool) -> None:
    """The portal's rows go (the server writes them again from the records at its next start,
    shared_state.portal_built): no row of the old shape is left, nor its space on PostgreSQL."""
    if postgresql:
        op.execute(f"TRUNCATE {', '.join(PORTAL_ROWS)} CASCADE")
    else:
        op.execute("DELETE FROM public_records_fts")
        for name in PORTAL_ROWS:
            op.execute(f"DELETE FROM {name}")
    op.execute("UPDATE shared_state SET portal_built = false")
