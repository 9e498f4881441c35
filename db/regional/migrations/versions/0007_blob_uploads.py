"""Resumable uploads kept in the database, not beside the bytes: how much of each has arrived
and what its store holds so far (an S3 multipart upload's parts), so that any server process,
on any machine sharing the database and the store, can take the next chunk.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_uploads",
        sa.Column("museum_id", sa.Integer, sa.ForeignKey("museums.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("received", sa.BigInteger, nullable=False),
        sa.Column("store_state", sa.Text, nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("touched_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_blob_uploads_touched_at", "blob_uploads", ["touched_at"])


def downgrade() -> None:
    op.drop_index("ix_blob_uploads_touched_at", table_name="blob_uploads")
    op.drop_table("blob_uploads")
