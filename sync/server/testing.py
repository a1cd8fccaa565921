"""Helpers for tests and benchmarks that drive a REAL server process over HTTP, like a desk device would.

- `ServerProcess`: `python -m sync.server serve` on 127.0.0.1 and a free port (context manager; `kill()` sends
  SIGKILL to test crash recovery).
- `temporary_postgres_database(admin_url)`: a fresh PostgreSQL database for one test session, dropped after.
- `provision_desk(url, name)`: create a desk and a one-time enrolment code, as the admin CLI does.
- `ReferenceDevice`: a minimal client with real keys: enrols, seals records with AES-256-GCM (associated data
  binding the record, as DESIGN.md §5 asks), signs batches, pushes, pulls, acknowledges.

Used by `tests/sync`, `bench/sync.py` and `bench/load.py`; the desktop client has its own implementation.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.protocol import (
    Change,
    EnrolReply,
    Grant,
    PullReply,
    PushReply,
    PushRequest,
    format_hlc,
    new_change_id,
    sign_batch,
)
from sync.server.storage import open_storage

__all__ = [
    "ReferenceDevice",
    "ServerProcess",
    "enrolled_desk",
    "free_port",
    "provision_desk",
    "public_key_b64",
    "seal",
    "temporary_postgres_database",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """A sync server in its own process; `url` is its base address."""

    def __init__(self, database_url: str, *, workers: int = 1, env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.workers = workers
        self.env = env or {}
        self.port = 0
        self.url = ""
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = Path(tempfile.mkstemp(prefix="iam-sync-server-", suffix=".log")[1])

    def start(self, timeout: float = 30.0) -> ServerProcess:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, **self.env}
        env.pop("IAM_SYNC_DATABASE_URL", None)
        command = [sys.executable, "-m", "sync.server", "serve", "--database-url", self.database_url]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)]
        with self.log_path.open("ab") as log:
            # The command is this interpreter and fixed arguments; nothing comes from untrusted input.
            self.process = subprocess.Popen(command, stdout=log, stderr=log, env=env, start_new_session=True)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server did not start in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the server and its workers at once: a crash, not a shutdown."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ServerProcess:
        return self.start() if self.process is None else self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
        if not os.environ.get("IAM_KEEP_SERVER_LOGS"):  # set it to keep them for a post-mortem
            self.log_path.unlink(missing_ok=True)


@contextlib.contextmanager
def temporary_postgres_database(admin_url: str) -> Iterator[str]:
    """Create an empty database next to `admin_url`'s, yield its URL, drop it afterwards."""
    name = f"iam_sync_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def provision_desk(database_url: str, name: str, *, central: bool = False, codes: int = 1) -> tuple[str, list[str]]:
    """A new desk and `codes` one-time enrolment codes for it (what `desk create` + `enrol-code` do)."""
    storage = open_storage(database_url)
    try:
        desk = storage.create_desk(name, "central" if central else "desk")
        return desk.desk_id, [storage.create_enrol_code(desk.desk_id, 60)[0] for _ in range(codes)]
    finally:
        storage.close()


def enrolled_desk(
    database_url: str, server_url: str, name: str, *, devices: int = 1, central: bool = False
) -> list[ReferenceDevice]:
    """A new desk with `devices` active devices enrolled through `server_url` (the first creates the desk key
    pair, the others are approved by the first)."""
    _desk_id, codes = provision_desk(database_url, name, central=central, codes=devices)
    enrolled: list[ReferenceDevice] = []
    for index, code in enumerate(codes):
        device = ReferenceDevice(server_url)
        device.enrol(code, first=index == 0)
        if index:
            enrolled[0].approve(device).raise_for_status()
            device.desk_key = enrolled[0].desk_key
        enrolled.append(device)
    return enrolled


def public_key_b64(key: X25519PrivateKey | Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def seal(case_key: bytes, plaintext: bytes, associated: bytes) -> str:
    """Compress, then AES-256-GCM encrypt (nonce first) — the shape a client stores in `Change.ciphertext`."""
    nonce = os.urandom(12)
    return base64.b64encode(nonce + AESGCM(case_key).encrypt(nonce, zlib.compress(plaintext, 6), associated)).decode()


def open_sealed(case_key: bytes, ciphertext: str, associated: bytes) -> bytes:
    raw = base64.b64decode(ciphertext)
    return zlib.decompress(AESGCM(case_key).decrypt(raw[:12], raw[12:], associated))


class ReferenceDevice:
    """A test client with real keys; not the desktop app's sync engine, just enough of the protocol."""

    def __init__(self, url: str, *, session: requests.Session | None = None) -> None:
        self.url = url
        self.session = session or requests.Session()
        self.x25519 = X25519PrivateKey.generate()
        self.ed25519 = Ed25519PrivateKey.generate()
        self.desk_key = X25519PrivateKey.generate()
        self.device_id = ""
        self.desk_id = ""
        self.token = ""
        self.seq = 0
        self.cursor = ""
        self.hlc_counter = 0

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def enrol(self, code: str, *, first: bool = True) -> EnrolReply:
        body = {
            "code": code,
            "x25519_public_key": public_key_b64(self.x25519),
            "ed25519_public_key": public_key_b64(self.ed25519),
        }
        if first:
            body["desk_public_key"] = public_key_b64(self.desk_key)
        response = self.session.post(self.url + "/v1/enrol", json=body, timeout=30)
        response.raise_for_status()
        reply = EnrolReply.model_validate_json(response.content)
        self.device_id, self.desk_id, self.token = reply.device_id, reply.desk_id, reply.token
        return reply

    def change(
        self,
        case_id: str,
        case_key: bytes,
        payload: bytes,
        *,
        kind: str = "person",
        record_id: str | None = None,
        deleted: bool = False,
        wall_ms: int | None = None,
        key_id: str = "k1",
    ) -> Change:
        """A new outbox change sealing `payload` for `case_id` (AAD binds case, kind, record, version, key)."""
        self.seq += 1
        self.hlc_counter = (self.hlc_counter + 1) % 1_000_000
        record = record_id or str(uuid.uuid4())
        associated = f"{case_id}|{kind}|{record}|1|{key_id}".encode()
        return Change(
            change_id=new_change_id(),
            device_id=self.device_id,
            device_seq=self.seq,
            case_id=case_id,
            kind=kind,
            record_id=record,
            hlc=format_hlc(wall_ms if wall_ms is not None else int(time.time() * 1000), self.hlc_counter),
            key_id=key_id,
            schema_version=1,
            ciphertext=seal(case_key, payload, associated),
            deleted=deleted,
        )

    def grant(self, case_id: str, desk_id: str | None = None, key_id: str = "k1") -> Grant:
        """A grant carrying a placeholder wrapped key (tests do not need to unwrap it)."""
        wrapped = base64.b64encode(os.urandom(60)).decode()
        return Grant(case_id=case_id, desk_id=desk_id or self.desk_id, key_id=key_id, wrapped_key=wrapped)

    def batch(self, changes: list[Change], grants: list[Grant] | None = None) -> PushRequest:
        grants = grants or []
        signature = sign_batch(self.ed25519, self.device_id, grants, changes)
        return PushRequest(device_id=self.device_id, grants=grants, changes=changes, signature=signature)

    def push_raw(self, batch: PushRequest, *, gzip_level: int | None = None, timeout: float = 120) -> requests.Response:
        body = batch.model_dump_json().encode()
        headers = {**self.headers(), "Content-Type": "application/json"}
        if gzip_level is not None:
            body = zlib.compress(body, gzip_level, wbits=31) if gzip_level >= 0 else body
            headers["Content-Encoding"] = "gzip"
        return self.session.post(self.url + "/v1/push", data=body, headers=headers, timeout=timeout)

    def push(self, changes: list[Change], grants: list[Grant] | None = None, **options: Any) -> PushReply:
        response = self.push_raw(self.batch(changes, grants), **options)
        response.raise_for_status()
        return PushReply.model_validate_json(response.content)

    def pull_page(self, limit: int = 1000) -> PullReply:
        params: dict[str, str | int] = {"cursor": self.cursor, "limit": limit}
        response = self.session.get(self.url + "/v1/pull", params=params, headers=self.headers(), timeout=120)
        response.raise_for_status()
        page = PullReply.model_validate_json(response.content)
        self.cursor = page.cursor
        return page

    def pull_all(self, limit: int = 1000) -> tuple[list[Change], list[Grant], list[Any]]:
        changes: list[Change] = []
        grants: list[Grant] = []
        notices: list[Any] = []
        while True:
            page = self.pull_page(limit)
            changes.extend(page.changes)
            grants.extend(page.grants)
            notices.extend(page.notices)
            if not page.has_more:
                return changes, grants, notices

    def approve(self, other: ReferenceDevice) -> requests.Response:
        """Hand the desk key over to a pending device of the same desk (placeholder wrapping)."""
        wrapped = base64.b64encode(os.urandom(80)).decode()
        return self.session.post(
            f"{self.url}/v1/devices/{other.device_id}/approve",
            json={"wrapped_desk_key": wrapped},
            headers=self.headers(),
            timeout=30,
        )

    def ack(self) -> dict[str, Any]:
        response = self.session.post(
            self.url + "/v1/ack", json={"cursor": self.cursor or "MS4w"}, headers=self.headers(), timeout=30
        )
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result
