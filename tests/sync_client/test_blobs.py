"""Attachments through a real server: a scan added on one device opens byte-identical on the other; a connection cut
in the middle of an upload resumes at the server's offset (the bytes already there are not sent again); a blob the
server serves altered is refused as tampered, stored nowhere, and blocks neither the changes nor the other blobs;
erasing a case drops its queued blobs."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import requests
from sqlalchemy import select

from iam_desktop.services.blob_sync import retry_blobs
from iam_desktop.services.desk import Desk
from iam_desktop.vault.tables import attachments, blob_queue
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, sync
from tests.sync_client.proxy import TcpProxy


def scan(path: Path, size: int, seed: int) -> Path:
    """A PDF-looking file of ``size`` bytes of deterministic noise (noise: zlib cannot shrink it)."""
    body = random.Random(seed).randbytes(size - 9)
    path.write_bytes(b"%PDF-1.4\n" + body)
    return path


def queue(desk: Desk) -> dict[str, tuple[str, str, str | None]]:
    with desk.vault.engine.connect() as conn:
        rows = conn.execute(select(blob_queue))
        return {r.attachment_id: (r.direction, r.state, r.reason) for r in rows}


def stored_ids(desk: Desk) -> set[str]:
    with desk.vault.engine.connect() as conn:
        return set(conn.execute(select(attachments.c.attachment_id)).scalars())


def test_attachment_added_on_one_device_opens_on_the_other(any_server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(any_server, tmp_path)
    case_id = a.cases.intake(person(1))
    original = scan(tmp_path / "permesso.pdf", 300_000, seed=1)
    info = a.cases.attach(case_id, original, kind="permesso")
    assert queue(a) == {info.attachment_id: ("up", "waiting", None)}
    up = sync(a)
    assert up.blobs_up == 1 and up.blob_bytes_up > 300_000 and up.blobs_waiting == 0 and up.waiting == 0
    assert queue(a) == {}
    down = sync(b)
    assert down.blobs_down == 1 and down.blobs_waiting == 0 and down.blob_bytes_down == up.blob_bytes_up
    (listed,) = b.cases.open(case_id).attachments
    assert (listed.attachment_id, listed.filename, listed.kind, listed.size, listed.state) == (
        info.attachment_id, "permesso.pdf", "permesso", 300_000, "ready")  # fmt: skip
    assert b.cases.attachment(info.attachment_id) == original.read_bytes()
    # A second sync moves nothing more, and the report counts it in the --json output's shape.
    again = sync(b).as_dict()
    assert (again["blobs_down"], again["blobs_up"], again["blobs_waiting"]) == (0, 0, 0)


def test_record_before_content_is_listed_as_waiting(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(2))
    info = a.cases.attach(case_id, scan(tmp_path / "contratto.pdf", 20_000, seed=2))
    sync(a)
    # B pulls with a download budget of zero: the record arrives, the content waits for a later run.
    client = b.sync.client()
    client.blobs.max_run_downloads = 0
    report = client.run_once()
    assert report.ok and report.blobs_down == 0 and report.blobs_waiting == 1
    (listed,) = b.cases.open(case_id).attachments
    assert listed.attachment_id == info.attachment_id and listed.state == "waiting" and not listed.available
    assert info.attachment_id not in stored_ids(b)
    assert sync(b).blobs_down == 1
    assert b.cases.open(case_id).attachments[0].available


def test_cut_mid_upload_resumes_at_the_servers_offset(server: ServerProcess, tmp_path: Path) -> None:
    (a,) = desk_devices(server, tmp_path, 1)
    case_id = a.cases.intake(person(3))
    sync(a)  # the case is on the server: only the attachment moves below
    chunk = 64 * 1024
    a.cases.attach(case_id, scan(tmp_path / "scan.pdf", 6 * chunk, seed=3))
    with a.vault.engine.connect() as conn:
        (q,) = conn.execute(select(blob_queue))
    size = int(q.size)
    proxy = TcpProxy(server.port)
    try:
        _point_at(a, proxy.url)
        proxy.cut_upload_after = int(2.5 * chunk)  # the info and status calls are a few hundred bytes
        first = a.sync.client(blob_chunk_bytes=chunk).run_once()
        assert proxy.cut_count == 1
        assert first.blobs_up == 0 and first.blobs_waiting == 1 and first.waiting == 1  # the change waits for it
        assert queue(a)[q.attachment_id] == ("up", "waiting", "offline")  # a cut is no reason to back off
        status = requests.get(f"{server.url}/v1/blobs/{q.sha256}/status", headers=_auth(a), timeout=10).json()
        assert 0 < status["received"] < size and status["received"] % chunk == 0 and not status["complete"]
        before = proxy.client_bytes
        second = a.sync.client(blob_chunk_bytes=chunk).run_once()
        assert second.ok and second.blobs_up == 1 and second.waiting == 0 and second.blobs_waiting == 0
        # Only what the server lacked went again, not the whole blob (plus a few KB of HTTP and the push).
        assert second.blob_bytes_up == size - status["received"]
        assert proxy.client_bytes - before < size - status["received"] + 16_000
    finally:
        proxy.close()
    assert _server_blob(a, q.sha256) == _local_sealed(a, q.attachment_id)


def test_tampered_blob_is_refused_and_blocks_nothing(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(4))
    bad = a.cases.attach(case_id, scan(tmp_path / "uno.pdf", 50_000, seed=4))
    good = a.cases.attach(case_id, scan(tmp_path / "due.pdf", 50_000, seed=5))
    sync(a)
    bad_sha = queue_sha(a, bad.attachment_id)
    a.cases.update(case_id, {**a.cases.open(case_id).person, "notes": "dopo gli allegati"})
    sync(a)
    # B's link rewrites one blob in transit (or the server serves it altered): one byte flipped.
    session = requests.Session()
    session.hooks["response"].append(_flip_byte_of(bad_sha))
    report = b.sync.client(session=session).run_once()
    assert report.ok and report.blobs_down == 1 and report.blobs_failed == 1 and report.blobs_waiting == 1
    assert b.cases.open(case_id).person["notes"] == "dopo gli allegati"  # the changes went on
    assert b.cases.attachment(good.attachment_id) == (tmp_path / "due.pdf").read_bytes()  # the other blob too
    assert bad.attachment_id not in stored_ids(b)  # never stored
    assert queue(b)[bad.attachment_id] == ("down", "tampered", "sha256_mismatch")
    shown = {i.attachment_id: i for i in b.cases.open(case_id).attachments}
    assert shown[bad.attachment_id].state == "tampered" and shown[bad.attachment_id].reason == "sha256_mismatch"
    # Retried after a back-off, not on the very next run …
    assert sync(b).blobs_down == 0
    # … and once due again over an honest link, it arrives intact.
    assert retry_blobs(b) == 1
    assert sync(b).blobs_down == 1
    assert b.cases.attachment(bad.attachment_id) == (tmp_path / "uno.pdf").read_bytes()


def test_erasure_drops_the_queued_blobs(server: ServerProcess, tmp_path: Path) -> None:
    (a,) = desk_devices(server, tmp_path, 1)
    case_id = a.cases.intake(person(5))
    a.cases.attach(case_id, scan(tmp_path / "x.pdf", 10_000, seed=6))
    assert len(queue(a)) == 1
    a.network.rights.erase(case_id)
    assert queue(a) == {} and stored_ids(a) == set()


# -- helpers ---------------------------------------------------------------------------------------------------


def queue_sha(desk: Desk, attachment_id: str) -> str:
    with desk.vault.engine.connect() as conn:
        sealed = conn.execute(select(attachments.c.sealed).where(attachments.c.attachment_id == attachment_id)).scalar()
    return hashlib.sha256(sealed).hexdigest()


def _flip_byte_of(sha256: str):  # type: ignore[no-untyped-def]
    def hook(response: requests.Response, *args: object, **kwargs: object) -> requests.Response:
        if response.request.method == "GET" and response.url.split("?")[0].endswith(f"/v1/blobs/{sha256}"):
            body = bytearray(response.content)
            body[len(body) // 2] ^= 0x01
            response._content = bytes(body)
            response.raw = _Replay(bytes(body))  # iter_content reads the altered bytes
        return response

    return hook


class _Replay:
    """A stand-in for urllib3's response body, replaying given bytes (what iter_content reads with stream=True)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, amount: int, decode_content: bool = True):  # type: ignore[no-untyped-def]
        for start in range(0, len(self._data), amount):
            yield self._data[start : start + amount]

    def close(self) -> None:
        pass

    def release_conn(self) -> None:
        pass


def _auth(desk: Desk) -> dict[str, str]:
    from iam_desktop.services.enrolment import Enrolment

    return {"Authorization": f"Bearer {Enrolment(desk).transport().token}"}


def _point_at(desk: Desk, url: str) -> None:
    from iam_desktop.vault import sync_state

    with desk.vault.engine.begin() as conn:
        enrolled = sync_state.enrolment(conn)
        assert enrolled is not None
        sync_state.save_enrolment(conn, enrolled.__class__(**{**enrolled.__dict__, "server_url": url}))


def _server_blob(desk: Desk, sha256: str) -> bytes:
    from iam_desktop.services.enrolment import Enrolment

    transport = Enrolment(desk).transport()
    return bytes(transport._send("GET", f"/v1/blobs/{sha256}").content)


def _local_sealed(desk: Desk, attachment_id: str) -> bytes:
    with desk.vault.engine.connect() as conn:
        return bytes(
            conn.execute(select(attachments.c.sealed).where(attachments.c.attachment_id == attachment_id)).scalar_one()
        )
