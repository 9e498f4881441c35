"""locations and movements (issue 18): the museum's hierarchy of places, each record's moves

`locations` holds the hierarchy (site > building > room > furniture > shelf or box); no foreign
key on parent_id, since a sync may bring a child before its parent. `records.movements` is the
record's synced JSON array of movements; `records.current_location_id`, the destination of the
last one, is derived by the store and indexed so that a room's contents are found fast: the
index covers what a room's list reads (trash, inventory order, id), since a record's row with
its movements is large and reading 1,000 of them made a room's list ten times slower.
Existing records have no movement yet: their free-text `current_location` stays as it is.
Adding columns rewrites no row, so no trigger runs: nothing is re-indexed or queued for sync.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "locations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.Text, nullable=False, server_default=""),
        sa.Column("kind", sa.String(16), nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("modified_at", sa.String(32), nullable=False),
        sa.Column("extra_json", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_index("ix_locations_parent_id", "locations", ["parent_id"])
    op.add_column("records", sa.Column("movements", sa.Text, nullable=False,
                                       server_default="[]"))
    op.add_column("records", sa.Column("current_location_id", sa.String(36), nullable=True))
    op.create_index("ix_records_current_location_id", "records",
                    ["current_location_id", "trashed_at", "inventory_sort", "id"])


def downgrade() -> None:
    op.drop_index("ix_records_current_location_id", "records")
    op.execute("ALTER TABLE records DROP COLUMN current_location_id")
    op.execute("ALTER TABLE records DROP COLUMN movements")
    op.drop_index("ix_locations_parent_id", "locations")
    op.drop_table("locations")
