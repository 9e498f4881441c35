"""museum documents synced with the regional base, protocol 1.1 (issue 18)

`sync_documents` holds, per museum document (a location, a récolement campaign), the version
this desk last agreed on with the base: a document whose row differs from it is pending, one
whose row is gone while this version is alive was deleted here. The documents' own tables need
nothing for sync. Empty at first: every document a catalogue already holds goes out at the
next sync.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_documents",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String(36), primary_key=True),
        sa.Column("document_json", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_documents")
