"""sync with the regional base: outbox, server versions and bases, conflicts (issue 8)

Triggers on every table that holds part of a record queue the record in `sync_outbox`, in the
same transaction as the change, whatever code path made it (form, import, batch edit, tagging,
images, trash). `revision` counts the changes, so a push only clears a record that did not
change while its batch was on the wire. The sync engine itself writes with a row in
`sync_applying` (inside its own transaction), which silences the triggers: what it applies
came from the server and must not be sent back.

The SQL is written out here, not imported, so that this revision stays what it was when shipped.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, column naming the record) of every table whose rows are part of a record.
_RECORD_PARTS = (("records", "id"), ("record_values", "record_id"),
                 ("record_themes", "record_id"), ("measurement_rows", "record_id"),
                 ("images", "record_id"))
_EVENTS = (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))


def _queueing(table: str, event: str, record_id: str) -> str:
    return f"""CREATE TRIGGER {table}_sync_{event.lower()} AFTER {event} ON {table}
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
        BEGIN
            INSERT INTO sync_outbox (record_id, revision) VALUES ({record_id}, 1)
                ON CONFLICT (record_id) DO UPDATE SET revision = revision + 1;
        END"""


_TRIGGERS = [
    *((f"{table}_sync_{event.lower()}", _queueing(table, event, f"{row}.{column}"))
      for table, column in _RECORD_PARTS for event, row in _EVENTS),
    ("tombstones_sync_insert", _queueing("tombstones", "INSERT", "NEW.record_id")),
]


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_table("sync_applying", sa.Column("since", sa.Text, nullable=False))
    op.create_table(
        "sync_state",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("base_json", sa.Text, nullable=False),
        sa.Column("seen", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "sync_batches",
        sa.Column("idempotency_key", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("payload_json", sa.Text, nullable=False),
        sa.Column("revisions_json", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("detected_at", sa.String(32), nullable=False),
        sa.Column("fields_json", sa.Text, nullable=False),
        sa.Column("base_json", sa.Text, nullable=False),
        sa.Column("local_json", sa.Text, nullable=False),
        sa.Column("server_json", sa.Text, nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("server_deleted", sa.Boolean, nullable=False),
        sa.Column("local_deleted", sa.Boolean, nullable=False),
    )
    op.create_table(
        "sync_refusals",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("refused_at", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    for _name, sql in _TRIGGERS:
        op.execute(sql)
    # Records already in the catalogue have never been sent: queue them all.
    op.execute("INSERT INTO sync_outbox (record_id, revision) SELECT id, 1 FROM records")


def downgrade() -> None:
    for name, _sql in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("sync_meta", "sync_refusals", "sync_conflicts", "sync_batches", "sync_state",
                  "sync_applying", "sync_outbox"):
        op.drop_table(table)
