"""Stored push answers by age, so a push can prune its museum's old ones cheaply.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_idempotent_responses_museum_created",
        "idempotent_responses",
        ["museum_id", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_idempotent_responses_museum_created", table_name="idempotent_responses")
