"""Index the portal's published rows by their first image: a theme's illustration on the home
and theme pages is found from the images that are ready, each probed by this index, instead of
a scan of every published row per theme (about 1 s of PostgreSQL CPU for the home page's 15
themes at 70,000 records, each time a push changed the portal; bench/portal.py).

Revision ID: 0011
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_public_records_image", "public_records", ["image_sha256"])


def downgrade() -> None:
    op.drop_index("ix_public_records_image", "public_records")
