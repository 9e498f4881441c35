"""the legal register: inscription, rectifications, legal status, deposits, radiation (issue 14)

New columns of `records` (design.md §3, §11): `inscribed` and `rectifications`; `legal_status`
with the deposit fields; `deaccession_case` and `deaccession_decision` beside `status`, which
may now also be 'missing'; `joconde_ref`, `bibliography`, `exhibitions`, `ownership_history`.
`former_numbers` and `domains` are multi-valued: rows of `record_values`, nothing to add.

What existing records become:
- `inscribed` when they have a register date (the rule from now on);
- `legal_status` 'inventory' for all: nothing in an earlier catalogue said otherwise (the `D`
  prefix that used to send a record to the deposits register is a number, not a status);
- `deaccession_decision` takes the text of `deaccession_reason`, which goes; the legal case of
  an earlier radiation is unknown and left empty.
Every record this touches is queued for sync by the triggers of 0003, so the regional base
learns its inscription (and locks its columns) at the next sync.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TEXTS = ("depositor", "deposit_owner_number", "deposit_reference", "deposit_term",
          "deposit_returned", "deaccession_decision", "joconde_ref", "bibliography",
          "exhibitions", "ownership_history")

_SEARCH_TRIGGER = "records_search_update"


def upgrade() -> None:
    op.add_column("records", sa.Column("legal_status", sa.String(16), nullable=False,
                                       server_default="inventory"))
    op.add_column("records", sa.Column("deaccession_case", sa.String(32), nullable=False,
                                       server_default=""))
    op.add_column("records", sa.Column("inscribed", sa.Boolean, nullable=False,
                                       server_default=sa.false()))
    op.add_column("records", sa.Column("rectifications", sa.Text, nullable=False,
                                       server_default="[]"))
    for name in _TEXTS:
        op.add_column("records", sa.Column(name, sa.Text, nullable=False, server_default=""))
    # The search index holds none of these columns: its update trigger is set aside, not to
    # re-index a whole catalogue for nothing (the sync triggers still queue each record).
    connection = op.get_bind()
    search_trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (_SEARCH_TRIGGER,)).scalar()
    if search_trigger:
        op.execute(f"DROP TRIGGER {_SEARCH_TRIGGER}")
    op.execute("UPDATE records SET inscribed = 1 WHERE trim(register_date) != ''")
    op.execute("UPDATE records SET deaccession_decision = deaccession_reason "
               "WHERE deaccession_reason != ''")
    if search_trigger:
        op.execute(search_trigger)
    op.execute("ALTER TABLE records DROP COLUMN deaccession_reason")


def downgrade() -> None:
    op.add_column("records", sa.Column("deaccession_reason", sa.Text, nullable=False,
                                       server_default=""))
    op.execute("UPDATE records SET deaccession_reason = deaccession_decision")
    # 'missing' did not exist: such a record was active.
    op.execute("UPDATE records SET status = 'active' WHERE status = 'missing'")
    for name in ("legal_status", "deaccession_case", "inscribed", "rectifications", *_TEXTS):
        op.execute(f"ALTER TABLE records DROP COLUMN {name}")
