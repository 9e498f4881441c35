"""Initial schema of the regional base.

Revision ID: 0001
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "museums",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "shared_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(
        sa.table("shared_state", sa.column("id"), sa.column("epoch"), sa.column("change_seq")),
        [{"id": 1, "epoch": secrets.token_hex(8), "change_seq": 0}],
    )
    op.create_table(
        "themes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("label_fr", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_themes_seq", "themes", ["seq"], unique=True)
    op.create_table(
        "vocabulary_terms",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vocabulary", sa.String(length=64), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_vocabulary_terms_seq", "vocabulary_terms", ["seq"], unique=True)
    op.create_table(
        "idempotent_responses",
        sa.Column("museum_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["museum_id"],
            ["museums.id"],
        ),
        sa.PrimaryKeyConstraint("museum_id", "key"),
    )
    op.create_table(
        "museum_blobs",
        sa.Column("museum_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["museum_id"],
            ["museums.id"],
        ),
        sa.PrimaryKeyConstraint("museum_id", "sha256"),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("museum_id", sa.Integer(), nullable=False),
        sa.Column("inventory_key", sa.Text(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["museum_id"],
            ["museums.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inventory_key"),
        sa.UniqueConstraint("museum_id", "seq"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("museum_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["museum_id"],
            ["museums.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("museum_id", "name"),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("revoked_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("tokens")
    op.drop_table("users")
    op.drop_table("records")
    op.drop_table("museum_blobs")
    op.drop_table("idempotent_responses")
    op.drop_index("ix_vocabulary_terms_seq", table_name="vocabulary_terms")
    op.drop_table("vocabulary_terms")
    op.drop_index("ix_themes_seq", table_name="themes")
    op.drop_table("themes")
    op.drop_table("shared_state")
    op.drop_table("museums")
