"""Alembic migrations of the sync server database (run by `sync.server.migrate`, never by hand-written SQL)."""
