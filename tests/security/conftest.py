"""Fixtures of the adversarial suite: a real sync server process with generous rate limits (the matrix and the
tamper tests send many refused requests from 127.0.0.1 on purpose), and the fast KDF for desk vaults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sync.server.testing import ServerProcess

GENEROUS = {"IAM_SYNC_ENROL_PER_MINUTE": "10000", "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "10000"}


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real server process on SQLite per module; tests isolate by provisioning their own desks."""
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'sync.sqlite3'}"
    with ServerProcess(url, env=GENEROUS) as process:
        yield process
