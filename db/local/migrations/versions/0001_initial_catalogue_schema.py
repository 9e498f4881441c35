"""initial catalogue schema

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id"),
    )
    op.create_table(
        "museum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("bound_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "record_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("record_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_history_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inventory_number", sa.Text(), nullable=False),
        sa.Column("inventory_key", sa.Text(), nullable=False),
        sa.Column("inventory_sort", sa.Text(), nullable=False),
        sa.Column("acquisition_mode", sa.Text(), nullable=False),
        sa.Column("acquisition_source", sa.Text(), nullable=False),
        sa.Column("acquisition_date", sa.Text(), nullable=False),
        sa.Column("committee_opinion", sa.Text(), nullable=False),
        sa.Column("acquisition_price", sa.Text(), nullable=False),
        sa.Column("register_date", sa.Text(), nullable=False),
        sa.Column("designation", sa.Text(), nullable=False),
        sa.Column("inscriptions", sa.Text(), nullable=False),
        sa.Column("measurements", sa.Text(), nullable=False),
        sa.Column("condition_at_acquisition", sa.Text(), nullable=False),
        sa.Column("dating", sa.Text(), nullable=False),
        sa.Column("date_earliest", sa.Integer(), nullable=True),
        sa.Column("date_latest", sa.Integer(), nullable=True),
        sa.Column("function", sa.Text(), nullable=False),
        sa.Column("origin_place", sa.Text(), nullable=False),
        sa.Column("observations", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("number_of_parts", sa.Text(), nullable=False),
        sa.Column("current_location", sa.Text(), nullable=False),
        sa.Column("credit_line", sa.Text(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("deaccession_date", sa.Text(), nullable=False),
        sa.Column("deaccession_reason", sa.Text(), nullable=False),
        sa.Column("trashed_at", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("modified_at", sa.String(length=32), nullable=False),
        sa.Column("modified_by", sa.String(length=200), nullable=False),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inventory_key"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_records_inventory_sort"), ["inventory_sort"], unique=False
        )
        batch_op.create_index("ix_records_modified_at", ["modified_at"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "terms",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vocabulary", sa.String(length=32), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("terms", schema=None) as batch_op:
        batch_op.create_index("ix_terms_vocabulary_key", ["vocabulary", "search_key"], unique=False)

    op.create_table(
        "themes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("label_fr", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["themes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_themes_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "tombstones",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("inventory_number", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("view_type", sa.String(length=16), nullable=False),
        sa.Column("photographer", sa.Text(), nullable=False),
        sa.Column("date_taken", sa.Text(), nullable=False),
        sa.Column("licence", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("publishable", sa.Boolean(), nullable=False),
        sa.Column("metadata_json", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("attached_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id", "sha256"),
    )
    with op.batch_alter_table("images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_images_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_images_sha256"), ["sha256"], unique=False)

    op.create_table(
        "measurement_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("measurement_rows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measurement_rows_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "record_themes",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("theme_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("record_id", "theme_id"),
    )
    with op.batch_alter_table("record_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_themes_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "record_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=True),
        sa.Column("term_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["term_id"], ["terms.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id", "field", "position"),
    )
    with op.batch_alter_table("record_values", schema=None) as batch_op:
        batch_op.create_index("ix_record_values_field_value", ["field", "value"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_values", schema=None) as batch_op:
        batch_op.drop_index("ix_record_values_field_value")

    op.drop_table("record_values")
    with op.batch_alter_table("record_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_themes_theme_id"))

    op.drop_table("record_themes")
    with op.batch_alter_table("measurement_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measurement_rows_record_id"))

    op.drop_table("measurement_rows")
    with op.batch_alter_table("images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_images_sha256"))
        batch_op.drop_index(batch_op.f("ix_images_record_id"))

    op.drop_table("images")
    op.drop_table("users")
    op.drop_table("tombstones")
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_themes_parent_id"))

    op.drop_table("themes")
    with op.batch_alter_table("terms", schema=None) as batch_op:
        batch_op.drop_index("ix_terms_vocabulary_key")

    op.drop_table("terms")
    op.drop_table("settings")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index("ix_records_modified_at")
        batch_op.drop_index(batch_op.f("ix_records_inventory_sort"))

    op.drop_table("records")
    with op.batch_alter_table("record_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_history_record_id"))

    op.drop_table("record_history")
    op.drop_table("museum")
    op.drop_table("drafts")
