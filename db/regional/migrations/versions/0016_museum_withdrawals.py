"""Each museum counts its records' withdrawals from the portal.

The portal's network-wide pages (home, searches of every museum, lists) are made again at most
every few seconds while museums push (portal/site.py), but at once when a record leaves the
portal: the counter is what tells them.

Revision ID: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("museums", sa.Column("withdrawn_seq", sa.BigInteger(), nullable=False,
                                       server_default="0"))


def downgrade() -> None:
    # Both backends drop a column in place (SQLite since 3.35): a batch copy of `museums`
    # would trip the foreign keys of every table that names a museum.
    op.execute("ALTER TABLE museums DROP COLUMN withdrawn_seq")
