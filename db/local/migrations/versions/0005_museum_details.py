"""the museum's own details: owner of the collections, town, presentation (issue 14)

Joconde's statut juridique (STAT) names the owner of the collections ("propriété de la
commune"), LOCA the town; the regional portal shows the presentation. The desk keeps them with
the museum and sends them to the base at the next sync after `details_changed_at`.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = ("owner", "town", "presentation")


def upgrade() -> None:
    with op.batch_alter_table("museum") as batch:
        for name in _TEXT_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("details_changed_at", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("museum") as batch:
        for name in ("details_changed_at", *reversed(_TEXT_COLUMNS)):
            batch.drop_column(name)
