"""Alembic environment for the vault: always runs on the connection the vault hands in."""

from __future__ import annotations

from alembic import context

from iam_desktop.vault.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
