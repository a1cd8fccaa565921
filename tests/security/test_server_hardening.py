"""Server hardening, on a real server process, beyond tests/sync/test_server_http.py (which has the body, batch and
gzip-bomb limits, bad encodings, the enrolment and authentication rate limits, and the headers of /healthz):

- the security headers are on EVERY reply, including each kind of error (401, 403, 404, 405, 413, 415, 422, 429)
  and the replies of the middleware that refuses a body before the app sees it;
- a body streamed without Content-Length (chunked) is limited like any other;
- no cross-origin read is allowed (no CORS headers, whatever the `Origin`);
- the reply does not name the server software's version; TRACE is refused; unknown paths are a numbered 404;
- the access log carries no query string, token or body, even for refused requests;
- device tokens are long and random (≥ 256 bits of entropy as issued).
"""

from __future__ import annotations

import base64
import os
import re
import uuid
from collections.abc import Iterator

import pytest
import requests

from sync.server.middleware import SECURITY_HEADERS
from sync.server.testing import ServerProcess, enrolled_desk

KEY = os.urandom(32)
HEADERS = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url = f"sqlite:///{tmp_path_factory.mktemp('tight') / 'sync.sqlite3'}"
    env = {"IAM_SYNC_MAX_BODY_BYTES": "100000", "IAM_SYNC_ENROL_PER_MINUTE": "10",
           "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "1000"}  # fmt: skip
    with ServerProcess(url, env=env) as process:
        yield process


def _assert_hardened(response: requests.Response, what: str) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, f"{what}: {name} missing ({dict(response.headers)})"
    assert "access-control-allow-origin" not in {k.lower() for k in response.headers}, what
    assert not re.search(r"\d+\.\d+", response.headers.get("server", "")), f"{what}: server version disclosed"


def test_every_kind_of_reply_carries_the_security_headers(tight: ServerProcess) -> None:
    (a,) = enrolled_desk(tight.database_url, tight.url, "Sportello intestazioni")
    url, auth = tight.url, a.headers()
    origin = {"Origin": "https://evil.example"}
    case_id = str(uuid.uuid4())
    bad_key = base64.b64encode(bytes(32)).decode()
    replies = {
        "200 health": requests.get(url + "/healthz", headers=origin, timeout=10),
        "200 pull": requests.get(url + "/v1/pull", headers={**auth, **origin}, timeout=10),
        "401 no token": requests.get(url + "/v1/pull", timeout=10),
        "403 spent code": requests.post(url + "/v1/enrol", timeout=10,
                                        json={"code": "NOPE-NOPE-NOPE-NOPE", "x25519_public_key": bad_key,
                                              "ed25519_public_key": bad_key}),
        "404 unknown path": requests.get(url + "/v1/nothing-here", headers=auth, timeout=10),
        "405 TRACE": requests.request("TRACE", url + "/v1/pull", headers=auth, timeout=10),
        "413 too large": a.push_raw(a.batch([a.change(case_id, KEY, os.urandom(120_000))], [a.grant(case_id)])),
        "415 encoding": requests.post(url + "/v1/push", data=b"{}", timeout=10,
                                      headers={**auth, "Content-Encoding": "br"}),
        "422 bad body": requests.post(url + "/v1/ack", json={"cursor": 5}, headers=auth, timeout=10),
        "preflight": requests.options(url + "/v1/push", timeout=10,
                                      headers={**origin, "Access-Control-Request-Method": "POST"}),
    }  # fmt: skip
    for what, response in replies.items():
        expected = what.split()[0]
        if expected.isdigit():
            assert response.status_code == int(expected), (what, response.status_code, response.text)
        _assert_hardened(response, what)
        if response.status_code >= 400:
            assert set(response.json()) == {"code", "errno", "error", "message"}, what
            assert "Traceback" not in response.text and "/work/" not in response.text, what


def test_a_chunked_body_without_length_is_limited_too(tight: ServerProcess) -> None:
    (a,) = enrolled_desk(tight.database_url, tight.url, "Sportello chunked")

    def stream() -> Iterator[bytes]:
        yield b'{"device_id": "' + a.device_id.encode() + b'", "changes": [], "signature": "'
        for _ in range(40):
            yield b"A" * 4096
        yield b'"}'

    response = requests.post(tight.url + "/v1/push", data=stream(), timeout=30,
                             headers={**a.headers(), "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 413 and response.json()["errno"] == 500
    _assert_hardened(response, "413 chunked")


def test_the_access_log_holds_no_query_token_or_body(tight: ServerProcess) -> None:
    (a,) = enrolled_desk(tight.database_url, tight.url, "Sportello registro")
    marker = "cursorsegretissimo"
    requests.get(tight.url + "/v1/pull", params={"cursor": marker}, headers=a.headers(), timeout=10)
    requests.get(tight.url + "/v1/pull", params={"cursor": marker}, timeout=10)
    requests.get(tight.url + "/v1/pull", headers={"Authorization": "Bearer dev_" + marker}, timeout=10)
    requests.post(tight.url + "/v1/ack", json={"cursor": marker}, headers=a.headers(), timeout=10)
    log = tight.log()
    assert "/v1/pull" in log and "/v1/ack" in log
    assert marker not in log and a.token not in log


def test_device_tokens_are_long_and_random(tight: ServerProcess) -> None:
    devices = [enrolled_desk(tight.database_url, tight.url, f"Sportello token {n}")[0] for n in range(2)]
    tokens = [d.token for d in devices]
    assert len(set(tokens)) == 2
    for token in tokens:
        secret = token.split("_", 1)[-1]
        assert len(secret) >= 43, token  # ≥ 32 random bytes in URL-safe base64


def test_a_rate_limited_reply_is_hardened_too(tight: ServerProcess) -> None:
    """Last in the module: it spends the enrolment budget of 127.0.0.1."""
    key = base64.b64encode(bytes(32)).decode()
    body = {"code": "NOPE-NOPE-NOPE-NOPE", "x25519_public_key": key, "ed25519_public_key": key}
    for _ in range(15):
        response = requests.post(tight.url + "/v1/enrol", json=body, timeout=10)
        if response.status_code == 429:
            break
    assert response.status_code == 429 and response.json()["errno"] == 503
    _assert_hardened(response, "429 rate limited")
