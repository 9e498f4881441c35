"""Keep the portal's published rows narrow on PostgreSQL: each object's public document (about
a kilobyte of JSON) is stored out of line, so a search that visits thousands of matching rows
to count and group them reads the few columns it needs, not every document.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE public_records ALTER COLUMN document SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE public_records ALTER COLUMN search_text SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE public_records SET (toast_tuple_target = 256)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE public_records RESET (toast_tuple_target)")
        op.execute("ALTER TABLE public_records ALTER COLUMN search_text SET STORAGE EXTENDED")
        op.execute("ALTER TABLE public_records ALTER COLUMN document SET STORAGE EXTENDED")
