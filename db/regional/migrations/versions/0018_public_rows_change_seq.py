"""Each published row carries its record's change counter, and each museum counts the pushes
that removed or replaced its published rows.

A search's counts are kept per museum (portal/searches.py). While a museum only adds objects,
its counts move by the matches among the rows it added since they were counted, found through
(museum_id, change_seq), instead of counting all its matches again after every push: a broad
word matched by the whole of a museum growing by thousands of objects a minute cost PostgreSQL
~23 ms a count. A push that removed or replaced rows (a correction, a withdrawal) takes matches
away that the new rows cannot tell: that museum is counted again in full.

Revision ID: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("public_records", sa.Column("change_seq", sa.BigInteger(), nullable=False,
                                              server_default="0"))
    op.execute("UPDATE public_records SET change_seq ="
               " (SELECT seq FROM records WHERE records.id = public_records.record_id)")
    op.create_index("ix_public_records_museum_change", "public_records",
                    ["museum_id", "change_seq"])
    op.add_column("museums", sa.Column("removed_seq", sa.BigInteger(), nullable=False,
                                       server_default="0"))


def downgrade() -> None:
    op.drop_index("ix_public_records_museum_change", "public_records")
    # In place on both backends (SQLite since 3.35), as migration 0016.
    op.execute("ALTER TABLE museums DROP COLUMN removed_seq")
    op.execute("ALTER TABLE public_records DROP COLUMN change_seq")
