"""Alembic migrations create exactly the declared tables, and a database from a newer server is refused."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.protocol import ErrorCode, ProtocolError
from sync.server.migrate import head_revision
from sync.server.storage import open_storage
from sync.server.tables import metadata


def test_migrations_match_the_tables(database_url: str) -> None:
    storage = open_storage(database_url)
    try:
        with storage.engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
            counter = conn.execute(sa.text("SELECT value FROM log_counter WHERE id = 1")).scalar_one()
        assert differences == [] and counter == 0
        assert storage.upgrade() == head_revision()  # a second upgrade is a no-op
    finally:
        storage.close()


def test_a_database_from_a_newer_server_is_refused(database_url: str) -> None:
    open_storage(database_url).close()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(ProtocolError) as refused:
        open_storage(database_url)
    assert refused.value.code is ErrorCode.SCHEMA_TOO_NEW and "newer" in refused.value.message
