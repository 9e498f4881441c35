"""Alembic environment for the desk catalogue; run only through db.local.schema.upgrade()."""

from alembic import context

from db.local.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    transactional_ddl=True,  # our connections run DDL inside BEGIN: a failed upgrade rolls back
)
with context.begin_transaction():
    context.run_migrations()
