"""An upload being finished says so (`finishing_since`): its bytes are re-hashed outside any
write transaction, so a 1 GB image no longer holds SQLite's one writer (every museum's batches)
for seconds, and meanwhile no chunk, second finish or expiry touches it.

Revision ID: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("blob_uploads") as table:
        table.add_column(sa.Column("finishing_since", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("blob_uploads") as table:
        table.drop_column("finishing_since")
