"""The publication log OAI-PMH harvests (design.md §12): one row per record ever published,
at its latest publish, change or withdrawal, numbered by one global counter kept in
`shared_state`. A base upgraded with records fills the log at its next start, with the portal's
rows (`shared_state.portal_built` is set back to false).

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shared_state") as shared_state:
        shared_state.add_column(
            sa.Column("publication_seq", sa.BigInteger(), nullable=False, server_default="0")
        )
        shared_state.add_column(
            sa.Column("publication_datestamp", sa.String(20), nullable=False, server_default="")
        )
    op.create_table(
        "publication_log",
        sa.Column("record_id", sa.String(36), sa.ForeignKey("records.id"), primary_key=True),
        sa.Column("museum_id", sa.Integer(), sa.ForeignKey("museums.id"), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("datestamp", sa.String(20), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_index("ix_publication_log_seq", "publication_log", ["seq"], unique=True)
    op.create_index("ix_publication_log_museum_seq", "publication_log", ["museum_id", "seq"])
    op.create_index("ix_publication_log_datestamp", "publication_log", ["datestamp"])
    op.create_table(
        "publication_log_themes",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("theme_id", sa.String(36), primary_key=True),
    )
    op.create_index("ix_publication_log_themes_theme", "publication_log_themes",
                    ["theme_id", "record_id"])
    # Rebuilt at the next start: the portal's rows again (harmless) and the log's first rows.
    op.execute("UPDATE shared_state SET portal_built = false"
               " WHERE EXISTS (SELECT 1 FROM records)")


def downgrade() -> None:
    op.drop_table("publication_log_themes")
    op.drop_table("publication_log")
    with op.batch_alter_table("shared_state") as shared_state:
        shared_state.drop_column("publication_datestamp")
        shared_state.drop_column("publication_seq")
