"""Fixtures of the desktop sync client tests: real sync server processes (SQLite; PostgreSQL as well when
IAM_TEST_DATABASE_URL is set, as in tests/sync), desk vaults in temporary folders, enrolled devices."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server.testing import ServerProcess, temporary_postgres_database

PG_URL = os.environ.get("IAM_TEST_DATABASE_URL", "")
SERVER_ENV = {"IAM_SYNC_ENROL_PER_MINUTE": "10000"}


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real server process on SQLite per module; tests isolate by provisioning their own desks."""
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'sync.sqlite3'}"
    with ServerProcess(url, env=SERVER_ENV) as process:
        yield process


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """A fresh server process on each backend (PostgreSQL only when IAM_TEST_DATABASE_URL is set)."""
    if request.param == "sqlite":
        with ServerProcess(f"sqlite:///{tmp_path / 'sync.sqlite3'}", env=SERVER_ENV) as process:
            yield process
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need IAM_TEST_DATABASE_URL")
    with temporary_postgres_database(PG_URL) as url, ServerProcess(url, env=SERVER_ENV) as process:
        yield process
