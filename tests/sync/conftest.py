"""Fixtures of the server tests: databases on both backends, real server processes, provisioned desks.

PostgreSQL tests need `IAM_TEST_DATABASE_URL` (an admin URL; `.ci/run` starts PostgreSQL and exports it); each
test gets its own throwaway database, created and dropped around it. Without the variable those tests skip and
say why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server.storage import SqlStorage, open_storage
from sync.server.testing import ServerProcess, temporary_postgres_database

PG_URL = os.environ.get("IAM_TEST_DATABASE_URL", "")
SKIP_PG = "PostgreSQL tests need IAM_TEST_DATABASE_URL (see .ci/run and docs/server.md)"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'sync.sqlite3'}"
        return
    if not PG_URL:
        pytest.skip(SKIP_PG)
    with temporary_postgres_database(PG_URL) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend, for one test."""
    yield from fresh_database_url(request.param, tmp_path)


@pytest.fixture
def storage(database_url: str) -> Iterator[SqlStorage]:
    store = open_storage(database_url)
    yield store
    store.close()


@pytest.fixture
def server(database_url: str) -> Iterator[ServerProcess]:
    """A real server process on an empty database (both backends)."""
    with ServerProcess(database_url) as process:
        yield process


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real server process on SQLite shared by a module (tests isolate by creating their own desks)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'sync.sqlite3'}"
    with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "1000"}) as process:
        yield process


@pytest.fixture
def pg_admin_url() -> str:
    if not PG_URL:
        pytest.skip(SKIP_PG)
    return PG_URL
