"""The portal's text index (PostgreSQL) keeps at most 1 MB of new entries aside.

A GIN index first appends what an insert adds to a pending list, merged into the index once the
list outgrows `gin_pending_list_limit` (4 MB by default), and every search reads the whole list.
While a museum pushes back to back the list fills in about a minute: a broad word's search then
took three times as long, and the push that merged it ~0.1 s more. With 1 MB the list is merged
four times as often, each time a quarter as long, and searches read at most 128 pages of it
(PostgreSQL's documentation, "GIN Fast Update Technique", suggests this trade when steady
answer times matter more than the cost of writes).

Revision ID: 0017
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_public_records_search SET (gin_pending_list_limit = 1024)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_public_records_search RESET (gin_pending_list_limit)")
