"""Keep the metadata OAI-PMH serves, as written, per record and format: building a record's
LIDO took ~0.35 ms of the server's CPU (85% of a harvest's), so a full harvest of 70,000
records cost ~30 s of CPU each time; from stored bytes it costs a fraction of that
(bench/harvest.py). Rows are keyed by what the XML depends on and rewritten when served
after that changed, never expired by time.

Revision ID: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oai_kept_metadata",
        sa.Column("record_id", sa.String(36), sa.ForeignKey("records.id"),
                  primary_key=True),
        sa.Column("prefix", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("images", sa.Text(), nullable=False),
        sa.Column("xml", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("oai_kept_metadata")
