"""The public portal: published records with their text index, image derivatives, museum pages.

The text index folds accents and stems French: on PostgreSQL a text search configuration
`portal_fr` (French with unaccent, the extension kept in the public schema so every schema of a
database shares it) feeding a generated tsvector column; on SQLite an FTS5 table with
`remove_diacritics 2`. The published rows of records already held are built by the server at
its next start (`shared_state.portal_built` is false until then).

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("museums") as museums:
        museums.add_column(sa.Column("town", sa.Text(), nullable=False, server_default=""))
        museums.add_column(
            sa.Column("presentation", sa.Text(), nullable=False, server_default="")
        )
        museums.add_column(
            sa.Column("published_at", sa.String(32), nullable=False, server_default="")
        )
    op.create_table(
        "public_records",
        sa.Column("record_id", sa.String(36), sa.ForeignKey("records.id"), primary_key=True),
        sa.Column("museum_id", sa.Integer(), sa.ForeignKey("museums.id"), nullable=False),
        sa.Column("inventory_number", sa.Text(), nullable=False),
        sa.Column("inventory_norm", sa.Text(), nullable=False),
        sa.Column("designation", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.Text(), nullable=False),
        sa.Column("date_earliest", sa.Integer()),
        sa.Column("century", sa.Integer()),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("image_sha256", sa.String(64)),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_public_records_museum_sort", "public_records", ["museum_id", "sort_key"])
    op.create_index("ix_public_records_sort", "public_records", ["sort_key"])
    op.create_index("ix_public_records_inventory", "public_records", ["inventory_norm"])
    op.create_table(
        "public_record_themes",
        sa.Column("record_id", sa.String(36),
                  sa.ForeignKey("public_records.record_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("theme_id", sa.String(36), primary_key=True),
    )
    op.create_index(
        "ix_public_record_themes_theme", "public_record_themes", ["theme_id", "record_id"]
    )
    op.create_table(
        "public_images",
        sa.Column("record_id", sa.String(36),
                  sa.ForeignKey("public_records.record_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("extension", sa.String(16), nullable=False),
    )
    op.create_index("ix_public_images_sha256", "public_images", ["sha256"])
    op.create_table(
        "image_derivatives",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("width", sa.Integer()),
        sa.Column("height", sa.Integer()),
        sa.Column("made_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_image_derivatives_made", "image_derivatives", ["made_at"])
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public")
        op.execute("CREATE TEXT SEARCH CONFIGURATION portal_fr (COPY = pg_catalog.french)")
        op.execute(
            "ALTER TEXT SEARCH CONFIGURATION portal_fr ALTER MAPPING FOR hword, hword_part,"
            " word WITH public.unaccent, pg_catalog.french_stem"
        )
        op.execute(
            "ALTER TABLE public_records ADD COLUMN search_vector tsvector GENERATED ALWAYS AS"
            " (to_tsvector('portal_fr', search_text)) STORED"
        )
        op.execute(
            "CREATE INDEX ix_public_records_search ON public_records USING gin (search_vector)"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE public_records_fts USING fts5(record_id UNINDEXED,"
            " search_text, tokenize = 'unicode61 remove_diacritics 2')"
        )
    with op.batch_alter_table("shared_state") as shared_state:
        shared_state.add_column(
            sa.Column("portal_built", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_fr")
    else:
        op.execute("DROP TABLE public_records_fts")
    for table in ("image_derivatives", "public_images", "public_record_themes", "public_records"):
        op.drop_table(table)
    with op.batch_alter_table("shared_state") as shared_state:
        shared_state.drop_column("portal_built")
    with op.batch_alter_table("museums") as museums:
        for column in ("published_at", "presentation", "town"):
            museums.drop_column(column)
