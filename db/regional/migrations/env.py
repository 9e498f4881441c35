"""Alembic environment: always run with the connection given by db.regional.engine."""

from alembic import context

from db.regional.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
