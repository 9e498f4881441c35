"""the portal's search reads the public fields the register brought (issue 14)

A visitor's words are also searched in a record's former numbers, bibliography, exhibitions and
ownership history (public fields; the depositor and the deposit's details are not, and are never
searched). The portal's rows of the records already published are written again at the next
start (`shared_state.portal_built` set back to false): the publication log is untouched, its
documents are the same.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE shared_state SET portal_built = false"
               " WHERE EXISTS (SELECT 1 FROM records)")


def downgrade() -> None:
    op.execute("UPDATE shared_state SET portal_built = false"
               " WHERE EXISTS (SELECT 1 FROM records)")
