"""The server's authorisation matrix: every endpoint × every actor, against a real server process over HTTP.

Actors: no token, a bad token, a revoked device, a pending device of desk A (waiting for its desk key), a device of
another desk (B), a device of the right desk (A, which holds the target case), a central-office device, and the
admin CLI — which holds no HTTP credential at all (there is no admin HTTP API: it works on the database) and is
therefore refused like "no token"; its own commands are checked in a second table. Every request targets desk A's
resources; a request that changes state gets fresh resources per cell, so the cells are independent.

Runs on SQLite and, when IAM_TEST_DATABASE_URL is set, on PostgreSQL too. Outcomes read `200`, `403 e301` (HTTP
status and the reply's `errno`), or `200 <what the reply shows>` where a 200 can still deny (a pushed change
rejected, a pull that does not contain the case). Run with `-s` to see the table; the assertion compares it cell
by cell with the expected one below.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from sync.server.storage import open_storage
from sync.server.testing import ReferenceDevice, ServerProcess, enrolled_desk, temporary_postgres_database
from tests.security.conftest import GENEROUS

KEY = os.urandom(32)
ACTORS = ["no token", "bad token", "revoked", "pending", "other desk", "right desk", "central", "admin CLI"]
UNAUTH = {"no token": "401 e200", "bad token": "401 e201", "revoked": "401 e202", "admin CLI": "401 e200"}
PUBLIC = dict.fromkeys(ACTORS, "200")


def _row(pending: str, other: str, right: str, central: str) -> dict[str, str]:
    return {**UNAUTH, "pending": pending, "other desk": other, "right desk": right, "central": central}


EXPECTED: dict[str, dict[str, str]] = {
    "GET /healthz": PUBLIC,
    "GET /v1/info": PUBLIC,
    "GET /openapi.json": PUBLIC,
    "POST /v1/enrol (spent code)": dict.fromkeys(ACTORS, "403 e203"),
    "GET /v1/devices/me": _row("200 pending", "200 active", "200 active", "200 active"),
    "GET /v1/handover": _row("200 pending", "200 active", "200 active", "200 active"),
    "GET /v1/devices/pending": _row("403 e300", "200 not A's", "200 A's", "200 A's"),
    "POST /v1/devices/{id}/approve": _row("403 e300", "403 e302", "200", "200"),
    "GET /v1/desks": _row("403 e300", "200", "200", "200"),
    "POST /v1/push": _row("403 e300", "200 rejected e301", "200 applied", "200 applied"),
    "GET /v1/pull": _row("403 e300", "200 without A's case", "200 with A's case", "200 with A's case"),
    "POST /v1/ack": _row("403 e300", "200", "200", "200"),
    "POST /v1/grants": _row("403 e300", "200 rejected e301", "200 applied", "200 applied"),
    "DELETE /v1/cases/{id}/grants/{desk}": _row("403 e300", "403 e301", "200", "200"),
    "POST /v1/cases/{id}/erase": _row("403 e300", "403 e301", "200", "200"),
    "GET /v1/digest": _row("403 e300", "200", "200", "200"),
    "POST /v1/digests": _row("403 e300", "200 without A's case", "200 with A's case", "200 with A's case"),
    "GET /v1/partitions/{id}/changes": _row("403 e300", "403 e301", "200 with A's case", "200 with A's case"),
    "PUT /v1/blobs/{sha256}": _row("403 e300", "403 e301", "200", "200"),
    "GET /v1/blobs/{sha256}/status": _row("403 e300", "403 e301", "200", "200"),
    "GET /v1/blobs/{sha256}": _row("403 e300", "403 e301", "200", "200"),
}


@dataclass
class World:
    """Desk A (active, pending, revoked devices), desk B, the central office, and A's resources."""

    server: ServerProcess
    a: ReferenceDevice
    pending: ReferenceDevice
    revoked: ReferenceDevice
    b: ReferenceDevice
    central: ReferenceDevice
    case_a: str
    blob_a: str
    spent_code: str

    def actor(self, name: str) -> tuple[dict[str, str], ReferenceDevice | None]:
        devices = {"revoked": self.revoked, "pending": self.pending, "other desk": self.b,
                   "right desk": self.a, "central": self.central}  # fmt: skip
        if name == "bad token":
            return {"Authorization": "Bearer dev_not-a-real-token"}, None
        if name in devices:
            return devices[name].headers(), devices[name]
        return {}, None  # no token; the admin CLI has no HTTP credential either

    def new_case(self) -> str:
        case_id = str(uuid.uuid4())
        self.a.push([self.a.change(case_id, KEY, b"{}")], [self.a.grant(case_id)])
        return case_id

    def new_pending(self) -> ReferenceDevice:
        device = ReferenceDevice(self.server.url)
        code = _enrol_code(self.server, self.a.desk_id)
        device.enrol(code, first=False)
        return device


def _enrol_code(server: ServerProcess, desk_id: str) -> str:
    storage = open_storage(server.database_url)
    try:
        return storage.create_enrol_code(desk_id, 60)[0]
    finally:
        storage.close()


def _cli(server: ServerProcess, *args: str) -> str:
    command = [sys.executable, "-m", "sync.server", *args, "--database-url", server.database_url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The matrix on both storage backends (PostgreSQL when IAM_TEST_DATABASE_URL is set, as in tests/sync)."""
    if request.param == "sqlite":
        with ServerProcess(f"sqlite:///{tmp_path_factory.mktemp('authz') / 'sync.sqlite3'}", env=GENEROUS) as process:
            yield process
        return
    admin_url = os.environ.get("IAM_TEST_DATABASE_URL", "")
    if not admin_url:
        pytest.skip("PostgreSQL tests need IAM_TEST_DATABASE_URL (see .ci/run and docs/server.md)")
    with temporary_postgres_database(admin_url) as url, ServerProcess(url, env=GENEROUS) as process:
        yield process


@pytest.fixture(scope="module")
def world(server: ServerProcess) -> World:
    a = enrolled_desk(server.database_url, server.url, "Sportello A")[0]
    pending, revoked = ReferenceDevice(server.url), ReferenceDevice(server.url)
    pending.enrol(_enrol_code(server, a.desk_id), first=False)
    revoked.enrol(_enrol_code(server, a.desk_id), first=False)
    a.approve(revoked).raise_for_status()
    _cli(server, "device", "revoke", revoked.device_id)  # as the admin does for a stolen laptop
    b = enrolled_desk(server.database_url, server.url, "Sportello B")[0]
    central = enrolled_desk(server.database_url, server.url, "Ufficio centrale", central=True)[0]
    spent = _enrol_code(server, b.desk_id)
    ReferenceDevice(server.url).enrol(spent, first=False)
    w = World(server, a, pending, revoked, b, central, "", "", spent)
    w.case_a = w.new_case()
    data = os.urandom(500)
    w.blob_a = hashlib.sha256(data).hexdigest()
    _put_blob(w, a.headers(), w.case_a, data).raise_for_status()
    return w


def _put_blob(w: World, headers: dict[str, str], case_id: str, data: bytes) -> requests.Response:
    sha = hashlib.sha256(data).hexdigest()
    params: dict[str, str | int] = {"case_id": case_id, "size": len(data), "offset": 0}
    return requests.put(f"{w.server.url}/v1/blobs/{sha}", params=params, data=data, headers=headers, timeout=30)


def _error(response: requests.Response) -> str:
    try:
        return f"{response.status_code} e{response.json()['errno']}"
    except (ValueError, KeyError, TypeError):
        return str(response.status_code)


Probe = Callable[[World, dict[str, str], ReferenceDevice | None], str]


def _get(path: str, shows: Callable[[World, Any], str] | None = None) -> Probe:
    def probe(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
        response = requests.get(w.server.url + path.format(w=w), headers=headers, timeout=30)
        if response.status_code != 200:
            return _error(response)
        return f"200 {shows(w, response.json())}" if shows else "200"

    return probe


def _enrol(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    body = {"code": w.spent_code, "x25519_public_key": base64.b64encode(os.urandom(32)).decode(),
            "ed25519_public_key": base64.b64encode(os.urandom(32)).decode()}  # fmt: skip
    return _error(requests.post(w.server.url + "/v1/enrol", json=body, headers=headers, timeout=30))


def _approve(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    target = w.new_pending()
    url = f"{w.server.url}/v1/devices/{target.device_id}/approve"
    body = {"wrapped_desk_key": base64.b64encode(os.urandom(80)).decode()}
    response = requests.post(url, json=body, headers=headers, timeout=30)
    return "200" if response.status_code == 200 else _error(response)


def _push(w: World, headers: dict[str, str], device: ReferenceDevice | None) -> str:
    signer = device or w.a
    batch = signer.batch([signer.change(w.case_a, KEY, b"{}")])
    body = batch.model_dump_json()
    response = requests.post(w.server.url + "/v1/push", data=body, timeout=30,
                             headers={**headers, "Content-Type": "application/json"})  # fmt: skip
    if response.status_code != 200:
        return _error(response)
    status = response.json()["statuses"][0]
    return f"200 {status['status']}" + (f" e{status['errno']}" if status.get("errno") else "")


def _pull(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    cursor, seen = "", False
    while True:
        params: dict[str, str | int] = {"cursor": cursor, "limit": 1000}
        response = requests.get(w.server.url + "/v1/pull", params=params,
                                headers=headers, timeout=30)  # fmt: skip
        if response.status_code != 200:
            return _error(response)
        page = response.json()
        seen = seen or any(c["case_id"] == w.case_a for c in page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            return "200 with A's case" if seen else "200 without A's case"


def _ack(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    response = requests.post(w.server.url + "/v1/ack", json={"cursor": "MS4w"}, headers=headers, timeout=30)
    return "200" if response.status_code == 200 else _error(response)


def _grants(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    grant = w.a.grant(w.new_case(), desk_id=w.b.desk_id)
    body = {"grants": [json.loads(grant.model_dump_json())]}
    response = requests.post(w.server.url + "/v1/grants", json=body, headers=headers, timeout=30)
    if response.status_code != 200:
        return _error(response)
    status = response.json()["statuses"][0]
    return f"200 {status['status']}" + (f" e{status['errno']}" if status.get("errno") else "")


def _revoke_grant(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    url = f"{w.server.url}/v1/cases/{w.new_case()}/grants/{w.a.desk_id}"
    response = requests.delete(url, headers=headers, timeout=30)
    return "200" if response.status_code == 200 else _error(response)


def _erase(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    response = requests.post(f"{w.server.url}/v1/cases/{w.new_case()}/erase", headers=headers, timeout=30)
    return "200" if response.status_code == 200 else _error(response)


def _put(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    response = _put_blob(w, headers, w.case_a, os.urandom(300))
    return "200" if response.status_code == 200 else _error(response)


def _digests(w: World, headers: dict[str, str], _device: ReferenceDevice | None) -> str:
    response = requests.post(w.server.url + "/v1/digests", json={"case_ids": [w.case_a]}, headers=headers, timeout=30)
    if response.status_code != 200:
        return _error(response)
    listed = any(p["case_id"] == w.case_a for p in response.json()["partitions"])
    return "200 with A's case" if listed else "200 without A's case"


def _partition(w: World, body: Any) -> str:
    return "with A's case" if any(c["case_id"] == w.case_a for c in body["changes"]) else "without A's case"


def _pending_of_a(w: World, body: Any) -> str:
    return "A's" if any(d["device_id"] == w.pending.device_id for d in body["devices"]) else "not A's"


PROBES: dict[str, Probe] = {
    "GET /healthz": _get("/healthz"),
    "GET /v1/info": _get("/v1/info"),
    "GET /openapi.json": _get("/openapi.json"),
    "POST /v1/enrol (spent code)": _enrol,
    "GET /v1/devices/me": _get("/v1/devices/me", lambda _w, body: body["status"]),
    "GET /v1/handover": _get("/v1/handover", lambda _w, body: body["status"]),
    "GET /v1/devices/pending": _get("/v1/devices/pending", _pending_of_a),
    "POST /v1/devices/{id}/approve": _approve,
    "GET /v1/desks": _get("/v1/desks"),
    "POST /v1/push": _push,
    "GET /v1/pull": _pull,
    "POST /v1/ack": _ack,
    "POST /v1/grants": _grants,
    "DELETE /v1/cases/{id}/grants/{desk}": _revoke_grant,
    "POST /v1/cases/{id}/erase": _erase,
    "GET /v1/digest": _get("/v1/digest"),
    "POST /v1/digests": _digests,
    "GET /v1/partitions/{id}/changes": _get("/v1/partitions/{w.case_a}/changes", _partition),
    "PUT /v1/blobs/{sha256}": _put,
    "GET /v1/blobs/{sha256}/status": _get("/v1/blobs/{w.blob_a}/status"),
    "GET /v1/blobs/{sha256}": lambda w, h, d: (
        _error(r)
        if (r := requests.get(f"{w.server.url}/v1/blobs/{w.blob_a}", headers=h, timeout=30)).status_code != 200
        else "200"
    ),
}


def table(rows: dict[str, dict[str, str]]) -> str:
    width = max(len(k) for k in rows)
    cols = {a: max(len(a), *(len(r[a]) for r in rows.values())) for a in ACTORS}
    lines = [" | ".join(["endpoint".ljust(width), *(a.ljust(cols[a]) for a in ACTORS)])]
    lines.append("-+-".join(["-" * width, *("-" * cols[a] for a in ACTORS)]))
    lines += [" | ".join([k.ljust(width), *(r[a].ljust(cols[a]) for a in ACTORS)]) for k, r in rows.items()]
    return "\n".join(lines)


def test_every_endpoint_of_the_openapi_is_in_the_matrix(server: ServerProcess) -> None:
    spec = requests.get(server.url + "/openapi.json", timeout=30).json()
    documented = {
        f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops if method != "parameters"
    }
    covered = {k.split(" (")[0] for k in EXPECTED}
    normalise = {"{device_id}": "{id}", "{case_id}": "{id}", "{desk_id}": "{desk}"}
    for old, new in normalise.items():
        documented = {d.replace(old, new) for d in documented}
    assert documented <= covered, documented - covered
    assert not [p for p in spec["paths"] if "admin" in p]  # the admin works on the database, never over HTTP


def test_server_authorisation_matrix(world: World) -> None:
    observed = {
        endpoint: {actor: probe(world, *world.actor(actor)) for actor in ACTORS} for endpoint, probe in PROBES.items()
    }
    print("\nServer authorisation matrix (HTTP status, errno; what a 200 shows):\n" + table(observed))
    assert observed == EXPECTED, "\n" + table(observed)


def test_admin_cli_commands_work_on_the_database_and_reveal_no_ids(world: World) -> None:
    server = world.server
    outcomes = {
        "desk create": _cli(server, "desk", "create", f"Sportello admin {uuid.uuid4().hex[:6]}"),
        "enrol-code": _cli(server, "enrol-code", world.b.desk_id),
        "desk list": _cli(server, "desk", "list", "--json"),
        "device list": _cli(server, "device", "list", "--json"),
        "stats": _cli(server, "stats", "--json"),
    }
    print("\nAdmin CLI (no HTTP credential; works on the database):")
    for command, out in outcomes.items():
        print(f"  iam-sync-server {command:<12} -> exit 0, {len(out)} bytes")
    devices = json.loads(outcomes["device list"])
    statuses = {d["device_id"]: d["status"] for d in devices}
    assert statuses[world.revoked.device_id] == "revoked" and statuses[world.pending.device_id] == "pending"
    stats = outcomes["stats"]
    assert world.case_a not in stats and world.a.device_id not in stats and world.blob_a not in stats
