"""the museum's owner of its collections, beside its town and presentation (issue 14)

Joconde's statut juridique (STAT) names who owns a museum's collections ("propriété de la
commune"): the base's Joconde export needs it as the desk's does. Desks send it with the town
and the presentation (PUT /api/v1/museum/details).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("museums", sa.Column("owner", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # Not a batch (SQLite would copy the table, which other tables' foreign keys name).
    op.execute("ALTER TABLE museums DROP COLUMN owner")
