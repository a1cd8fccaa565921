"""A real server process over HTTP: authentication, desks kept apart, bad input, limits, convergence.

Every request goes to `python -m sync.server serve` on 127.0.0.1 through `requests`, as a desk device would.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
import requests

from sync.protocol import ErrorCode, PullReply
from sync.server.testing import ReferenceDevice, ServerProcess, enrolled_desk, open_sealed, provision_desk

KEY = os.urandom(32)


def error_of(response: requests.Response) -> int:
    body = response.json()
    assert set(body) == {"code", "errno", "error", "message"} and body["code"] == response.status_code
    return int(body["errno"])


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server with tiny limits, so limits can be hit cheaply."""
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'sync.sqlite3'}"
    env = {
        "IAM_SYNC_MAX_BODY_BYTES": "200000",
        "IAM_SYNC_MAX_BATCH_CHANGES": "20",
        "IAM_SYNC_ENROL_PER_MINUTE": "4",
        "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "6",
    }
    with ServerProcess(url, env=env) as process:
        yield process


def test_health_info_and_security_headers(sqlite_server: ServerProcess) -> None:
    health = requests.get(sqlite_server.url + "/healthz", timeout=10)
    assert health.json() == {"status": "ok"}
    assert health.headers["X-Content-Type-Options"] == "nosniff" and health.headers["X-Frame-Options"] == "DENY"
    info = requests.get(sqlite_server.url + "/v1/info", timeout=10).json()
    assert info["protocol_version"] == 1 and info["min_client_version"] and info["app_version"]
    assert abs(info["server_time_ms"] - __import__("time").time() * 1000) < 60_000


def test_unauthenticated_and_unknown_tokens_are_refused(sqlite_server: ServerProcess) -> None:
    for headers in ({}, {"Authorization": "Bearer dev_not-a-token"}, {"Authorization": "Basic abc"}):
        response = requests.get(sqlite_server.url + "/v1/pull", headers=headers, timeout=10)
        assert response.status_code == 401, headers
        assert error_of(response) in (ErrorCode.MISSING_TOKEN, ErrorCode.INVALID_TOKEN)


def test_revoked_device_is_refused_from_its_next_request(sqlite_server: ServerProcess) -> None:
    (device,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Revoked desk")
    device.pull_all()
    subprocess.run(
        [sys.executable, "-m", "sync.server", "device", "revoke", device.device_id,
         "--database-url", sqlite_server.database_url],
        check=True, capture_output=True,
    )  # fmt: skip
    response = device.session.get(sqlite_server.url + "/v1/pull", headers=device.headers(), timeout=10)
    assert response.status_code == 401 and error_of(response) == ErrorCode.DEVICE_REVOKED


def test_desk_a_cannot_read_or_write_desk_b_cases(sqlite_server: ServerProcess) -> None:
    (a,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Desk A")
    (b,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Desk B")
    case_b = str(uuid.uuid4())
    b.push([b.change(case_b, KEY, b"secret of B")], [b.grant(case_b)])
    changes, grants, _ = a.pull_all()
    assert all(c.case_id != case_b for c in changes) and all(g.case_id != case_b for g in grants)
    reply = a.push([a.change(case_b, KEY, b"overwrite")], [a.grant(case_b)])
    assert reply.statuses[0].errno == ErrorCode.CASE_FORBIDDEN
    assert reply.grant_statuses[0].errno == ErrorCode.CASE_FORBIDDEN
    for response in (
        a.session.post(f"{a.url}/v1/cases/{case_b}/erase", headers=a.headers(), timeout=10),
        a.session.delete(f"{a.url}/v1/cases/{case_b}/grants/{b.desk_id}", headers=a.headers(), timeout=10),
    ):
        assert response.status_code == 403 and error_of(response) == ErrorCode.CASE_FORBIDDEN
    assert len(b.pull_all()[0]) == 1


def test_a_replayed_batch_is_acknowledged_and_stored_once(sqlite_server: ServerProcess) -> None:
    (a, b) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Replay desk", devices=2)
    case_id = str(uuid.uuid4())
    batch = a.batch([a.change(case_id, KEY, b"one"), a.change(case_id, KEY, b"two")], [a.grant(case_id)])
    first = a.push_raw(batch).json()
    replay = a.push_raw(batch).json()
    assert [s["status"] for s in first["statuses"]] == ["applied", "applied"]
    assert [s["status"] for s in replay["statuses"]] == ["duplicate", "duplicate"]
    assert len(b.pull_all()[0]) == 2


def test_bodies_batches_and_gzip_bombs_over_the_limit_get_413(small_server: ServerProcess) -> None:
    (a,) = enrolled_desk(small_server.database_url, small_server.url, "Limits")
    case_id = str(uuid.uuid4())
    too_many = a.push_raw(a.batch([a.change(case_id, KEY, b"x") for _ in range(21)], [a.grant(case_id)]))
    assert too_many.status_code == 413 and error_of(too_many) == ErrorCode.BATCH_TOO_LARGE
    big = a.push_raw(a.batch([a.change(case_id, KEY, os.urandom(160_000))], [a.grant(case_id)]))
    assert big.status_code == 413 and error_of(big) == ErrorCode.BODY_TOO_LARGE
    bomb = gzip.compress(b"[" + b" " * 5_000_000 + b"]")
    response = a.session.post(
        a.url + "/v1/push", data=bomb, headers={**a.headers(), "Content-Encoding": "gzip"}, timeout=10
    )
    assert response.status_code == 413 and error_of(response) == ErrorCode.BODY_TOO_LARGE


def test_gzip_push_is_accepted_and_bad_encodings_refused(sqlite_server: ServerProcess) -> None:
    (a,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Gzip desk")
    case_id = str(uuid.uuid4())
    reply = a.push_raw(a.batch([a.change(case_id, KEY, b"zipped")], [a.grant(case_id)]), gzip_level=6)
    assert reply.status_code == 200 and reply.json()["statuses"][0]["status"] == "applied"
    headers = {**a.headers(), "Content-Type": "application/json"}
    corrupt = a.session.post(
        a.url + "/v1/push", data=b"\x1f\x8bnot gzip", headers={**headers, "Content-Encoding": "gzip"}
    )
    assert corrupt.status_code == 400
    brotli = a.session.post(a.url + "/v1/push", data=b"{}", headers={**headers, "Content-Encoding": "br"})
    assert brotli.status_code == 415


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/v1/push", b"{not json"),
        ("post", "/v1/push", b'{"device_id": 5, "changes": "no", "signature": []}'),
        ("post", "/v1/push", b'{"device_id": "x", "changes": [], "signature": "", "extra": 1}'),
        ("post", "/v1/push", b"[]"),
        ("post", "/v1/push", b"\xff\xfe\x00"),
        ("post", "/v1/ack", b'{"cursor": 12}'),
        ("post", "/v1/ack", b'{"cursor": "!!"}'),
        ("post", "/v1/grants", b'{"grants": [{"case_id": 1}]}'),
        ("post", "/v1/enrol", b'{"code": "ABCD-EFGH", "x25519_public_key": "short"}'),
        ("get", "/v1/pull?limit=abc", b""),
        ("get", "/v1/pull?limit=-1", b""),
        ("get", "/v1/pull?cursor=%00%01", b""),
        ("get", "/v1/pull?cursor=bm9wZQ", b""),
        ("put", "/v1/blobs/zz?case_id=1&size=x", b"data"),
        ("post", "/v1/devices/not-a-uuid/approve", b"{}"),
        ("delete", "/v1/cases/x/grants/y", b""),
        ("get", "/v1/nowhere", b""),
        ("patch", "/v1/push", b""),
    ],
)
def test_malformed_and_mistyped_input_is_a_4xx_never_a_500(
    sqlite_server: ServerProcess, method: str, path: str, body: bytes
) -> None:
    if not hasattr(test_malformed_and_mistyped_input_is_a_4xx_never_a_500, "device"):
        (device,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Fuzz desk")
        test_malformed_and_mistyped_input_is_a_4xx_never_a_500.device = device  # type: ignore[attr-defined]
    device = test_malformed_and_mistyped_input_is_a_4xx_never_a_500.device  # type: ignore[attr-defined]
    headers = {**device.headers(), "Content-Type": "application/json"}
    response = requests.request(method, sqlite_server.url + path, data=body, headers=headers, timeout=10)
    assert 400 <= response.status_code < 500, response.text
    errno = error_of(response)
    if body.startswith(b"{not") or body.startswith(b"\xff"):
        assert response.status_code == 400 and errno == ErrorCode.MALFORMED_JSON


def test_blob_chunks_out_of_order_or_with_a_wrong_hash_are_refused(sqlite_server: ServerProcess) -> None:
    (a,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Blob desk")
    case_id = str(uuid.uuid4())
    a.push([a.change(case_id, KEY, b"with attachment")], [a.grant(case_id)])
    data = os.urandom(300_000)
    digest = hashlib.sha256(data).hexdigest()
    url = f"{a.url}/v1/blobs/{digest}"

    def put(offset: int, chunk: bytes, name: str = digest) -> requests.Response:
        params: dict[str, str | int] = {"case_id": case_id, "size": len(data), "offset": offset}
        return a.session.put(f"{a.url}/v1/blobs/{name}", params=params, data=chunk, headers=a.headers(), timeout=10)

    assert put(0, data[:100_000]).json()["received"] == 100_000
    skipped = put(200_000, data[200_000:])
    assert skipped.status_code == 409 and error_of(skipped) == ErrorCode.BLOB_OFFSET
    status = a.session.get(url + "/status", headers=a.headers(), timeout=10).json()
    assert status == {"sha256": digest, "size": len(data), "received": 100_000, "complete": False}
    early = a.session.get(url, headers=a.headers(), timeout=10)
    assert early.status_code == 409 and error_of(early) == ErrorCode.BLOB_INCOMPLETE
    assert put(100_000, data[100_000:]).json()["complete"] is True
    assert a.session.get(url, headers=a.headers(), timeout=10).content == data
    wrong = put(0, data, name=hashlib.sha256(b"something else").hexdigest())
    assert wrong.status_code == 422 and error_of(wrong) == ErrorCode.BLOB_HASH


def test_enrolment_and_auth_failures_are_rate_limited(small_server: ServerProcess) -> None:
    statuses = []
    for _ in range(6):
        body = {"code": "WRONG-CODE-0000", "x25519_public_key": "A" * 43 + "=", "ed25519_public_key": "A" * 43 + "="}
        statuses.append(requests.post(small_server.url + "/v1/enrol", json=body, timeout=10).status_code)
    assert statuses[0] == 403 and statuses[-1] == 429
    failures = [
        requests.get(small_server.url + "/v1/pull", headers={"Authorization": "Bearer dev_x"}, timeout=10).status_code
        for _ in range(8)
    ]
    assert failures[0] == 401 and failures[-1] == 429


def test_pending_device_approval_over_http(sqlite_server: ServerProcess) -> None:
    _desk_id, codes = provision_desk(sqlite_server.database_url, "Approval desk", codes=2)
    first, second = ReferenceDevice(sqlite_server.url), ReferenceDevice(sqlite_server.url)
    first.enrol(codes[0])
    assert second.enrol(codes[1], first=False).status == "pending"
    refused = second.session.get(second.url + "/v1/pull", headers=second.headers(), timeout=10)
    assert refused.status_code == 403 and error_of(refused) == ErrorCode.DEVICE_PENDING
    waiting = first.session.get(first.url + "/v1/devices/pending", headers=first.headers(), timeout=10).json()
    assert [d["device_id"] for d in waiting["devices"]] == [second.device_id]
    assert first.approve(second).status_code == 200
    handover = second.session.get(second.url + "/v1/handover", headers=second.headers(), timeout=10).json()
    assert handover["status"] == "active" and handover["approved_by"] == first.device_id
    desks = second.session.get(second.url + "/v1/desks", headers=second.headers(), timeout=10).json()["desks"]
    assert any(d["name"] == "Approval desk" and d["public_key"] for d in desks)


def test_two_devices_of_a_desk_converge_through_the_server(server: ServerProcess) -> None:
    a, b = enrolled_desk(server.database_url, server.url, "Convergence", devices=2)
    cases = {str(uuid.uuid4()): str(uuid.uuid4()) for _ in range(30)}
    a.push([a.change(c, KEY, f"A {c}".encode(), record_id=r) for c, r in cases.items()], [a.grant(c) for c in cases])
    edited = list(cases.items())[:10]
    b.pull_all()
    b.push([b.change(c, KEY, f"B {c}".encode(), record_id=r) for c, r in edited])

    def state(device: ReferenceDevice) -> dict[str, str]:
        device.cursor = ""
        latest: dict[str, tuple[str, str, str]] = {}
        for change in device.pull_all(limit=7)[0]:
            associated = f"{change.case_id}|{change.kind}|{change.record_id}|1|{change.key_id}".encode()
            value = open_sealed(KEY, change.ciphertext, associated).decode()
            stamp = (change.hlc, change.device_id, value)
            latest[change.record_id] = max(latest.get(change.record_id, stamp), stamp)
        return {record: stamp[2] for record, stamp in latest.items()}

    assert state(a) == state(b)
    assert sum(v.startswith("B ") for v in state(a).values()) == 10


def test_pull_pages_can_be_gzip_compressed(sqlite_server: ServerProcess) -> None:
    (a,) = enrolled_desk(sqlite_server.database_url, sqlite_server.url, "Compressed pulls")
    cases = [str(uuid.uuid4()) for _ in range(20)]
    a.push([a.change(c, KEY, b"x" * 500) for c in cases], [a.grant(c) for c in cases])
    response = a.session.get(a.url + "/v1/pull", headers={**a.headers(), "Accept-Encoding": "gzip"}, timeout=10)
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(PullReply.model_validate_json(response.content).changes) == 20
