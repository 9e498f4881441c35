"""The portal's text index (PostgreSQL) keeps at most 1 MB of new entries aside.

A GIN index first appends what an insert adds to a pending list, merged into the index once the
list outgrows `gin_pending_list_limit` (4 MB by default), and every search reads the whole list.
While a museum pushes back to back the list fills within a minute: a broad word's search then
took three times as long (10 -> 31 ms at 440 pending pages), and the push that merged it paid
0.1 s more. With 1 MB the list is merged about four times as often, in shorter merges, and
searches read at most 128 pages of it. PostgreSQL's documentation ("GIN Fast Update
Technique") offers this trade where steady answer times matter more than the cost of writes;
switching the list off instead made a push's index writes 2.5 times dearer.

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
