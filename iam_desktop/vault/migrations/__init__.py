"""Alembic migrations of the vault, run on every open (``iam_desktop.vault.database.migrate``)."""
