"""Museum documents (protocol 1.1): a museum's own data that is not an object record, such as
its locations and récolement campaigns, one row per (museum, kind, id) holding the latest
version, tombstones included. Each change takes the museum's change counter like a record's,
so documents travel in the museum's feed among its records.

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("museum_id", sa.Integer, sa.ForeignKey("museums.id"), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("modified_at", sa.String(32), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_museum_seq", "documents", ["museum_id", "seq"], unique=True)
    op.create_index("ix_documents_museum_kind_seq", "documents", ["museum_id", "kind", "seq"])


def downgrade() -> None:
    op.drop_index("ix_documents_museum_kind_seq", table_name="documents")
    op.drop_index("ix_documents_museum_seq", table_name="documents")
    op.drop_table("documents")
