"""Alembic's entry point for team projects: migrations run on the connection the caller
hands over (models.server.setup), inside the caller's transaction."""

from __future__ import annotations

from alembic import context

context.configure(connection=context.config.attributes["connection"], transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
