"""Schemathesis v4 over the whole OpenAPI description of a real server, every check, bounded examples.

The spec must document every status the server sends (400/401/403/404/409/413/422/429), request models are strict,
and no generated input may cause a 5xx. `schemathesis.toml` next to this file says which refusals of schema-valid
requests are legitimate.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sync.server.testing import ServerProcess, enrolled_desk

CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'sync.sqlite3'}"
    limits = {"IAM_SYNC_ENROL_PER_MINUTE": "100000", "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "100000"}
    with ServerProcess(url, env={**limits, "IAM_SYNC_ACCESS_LOG": "0"}) as process:
        yield process


def test_openapi_documents_every_error_status(fuzz_server: ServerProcess) -> None:
    spec = requests.get(fuzz_server.url + "/openapi.json", timeout=10).json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"400", "401", "403", "404", "409", "413", "422", "429"} <= documented, (method, path)
    push = spec["components"]["schemas"]["PushRequest"]
    assert push["additionalProperties"] is False


@pytest.mark.slow
def test_schemathesis_all_checks_pass(fuzz_server: ServerProcess) -> None:
    (device,) = enrolled_desk(fuzz_server.database_url, fuzz_server.url, "Fuzzed desk")
    st = shutil.which("st", path=str(Path(sys.executable).parent)) or "st"
    command = [st, "--no-color", "--config-file", str(CONFIG), "run", fuzz_server.url + "/openapi.json"]
    command += ["--checks", "all", "--max-examples", "12", "--seed", "20251125"]
    command += ["-H", f"Authorization: Bearer {device.token}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
