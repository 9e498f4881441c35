"""loans out and in, and condition reports, belong to the record (issue 18)

Two synced record fields (design.md §3, §11), each a JSON array of entries with ids, oldest
first: `loans` ({id, direction, party, exhibition, start, end, returned_on, insurance_value,
condition_departure, condition_return, note, modified_at}) and `condition_reports` ({id, date,
author, state, description, images}). Existing records have none: no row is rewritten, so
nothing is queued for sync or re-indexed.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_COLUMNS = ("loans", "condition_reports")


# Plain ALTER TABLE, as 0004: a batch copy of `records` would drop its search and sync triggers.
def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column("records", sa.Column(name, sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    for name in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE records DROP COLUMN {name}")
