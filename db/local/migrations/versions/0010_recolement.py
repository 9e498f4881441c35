"""récolement: each record's checks, and the campaigns (issue 18)

`records.recolement_checks` is a synced field of the record (a JSON array of checks, oldest
first, merged across desks by the ids of its entries). `recolement_campaigns` holds the
museum's campaigns, a museum-level document synced by its `modified_at` (last writer wins);
`extra_json` keeps what a newer desk's campaign says that this version does not know.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("records", sa.Column("recolement_checks", sa.Text, nullable=False,
                                       server_default="[]"))
    op.create_table(
        "recolement_campaigns",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("query", sa.Text, nullable=False, server_default=""),
        sa.Column("location_ids", sa.Text, nullable=False, server_default="[]"),
        sa.Column("include_deposits", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("starts_on", sa.String(10), nullable=False, server_default=""),
        sa.Column("ends_on", sa.String(10), nullable=False, server_default=""),
        sa.Column("plan", sa.Text, nullable=False, server_default=""),
        sa.Column("closed_at", sa.String(32), nullable=True),
        sa.Column("unlisted_finds", sa.Text, nullable=False, server_default="[]"),
        sa.Column("modified_at", sa.String(32), nullable=False),
        sa.Column("extra_json", sa.Text, nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    op.drop_table("recolement_campaigns")
    op.execute("ALTER TABLE records DROP COLUMN recolement_checks")
