"""Tokens may expire, and each remembers when it was last used (`catalogue-base token list`),
so an administrator can see and retire the ones nobody uses.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tokens") as table:
        table.add_column(sa.Column("expires_at", sa.String(32), nullable=True))
        table.add_column(sa.Column("last_used_at", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tokens") as table:
        table.drop_column("last_used_at")
        table.drop_column("expires_at")
