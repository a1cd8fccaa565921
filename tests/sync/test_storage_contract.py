"""The storage contract: one suite, run against SQLite and PostgreSQL through the `Storage` interface."""

from __future__ import annotations

import os
import time
import uuid

import pytest
import sqlalchemy as sa

from sync.protocol import EnrolRequest, ErrorCode, ProtocolError, format_hlc
from sync.server.storage import DeviceRow, SqlStorage
from sync.server.testing import ReferenceDevice, public_key_b64

KEY = os.urandom(32)


def now() -> int:
    return int(time.time() * 1000)


def enrol(storage: SqlStorage, desk_id: str, *, first: bool = True) -> tuple[ReferenceDevice, DeviceRow]:
    code, _ = storage.create_enrol_code(desk_id, 5)
    device = ReferenceDevice("http://unused")
    reply = storage.enrol(
        EnrolRequest(
            code=code,
            x25519_public_key=public_key_b64(device.x25519),
            ed25519_public_key=public_key_b64(device.ed25519),
            desk_public_key=public_key_b64(device.desk_key) if first else None,
        )
    )
    device.device_id, device.desk_id, device.token = reply.device_id, reply.desk_id, reply.token
    return device, storage.authenticate(reply.token)


def desk(storage: SqlStorage, name: str, *, central: bool = False) -> tuple[ReferenceDevice, DeviceRow]:
    return enrol(storage, storage.create_desk(name, "central" if central else "desk").desk_id)


def new_case(storage: SqlStorage, device: ReferenceDevice, row: DeviceRow, records: int = 1) -> str:
    case_id = str(uuid.uuid4())
    changes = [device.change(case_id, KEY, b"{}") for _ in range(records)]
    reply = storage.push(row, device.batch(changes, [device.grant(case_id)]), now())
    assert {s.status for s in reply.statuses} == {"applied"}
    return case_id


def pull_everything(
    storage: SqlStorage, row: DeviceRow, cursor: str = "", limit: int = 3
) -> tuple[list, list, list, str]:
    changes, grants, notices = [], [], []
    while True:
        page = storage.pull(row, cursor, limit)
        changes += page.envelopes
        grants += page.grants
        notices += page.notices
        cursor = page.cursor
        if not page.has_more:
            return changes, grants, notices, cursor


def test_enrolment_code_is_one_time_and_expires(storage: SqlStorage) -> None:
    desk_id = storage.create_desk("Brescia").desk_id
    code, expires = storage.create_enrol_code(desk_id, 1)
    assert expires > now()
    device = ReferenceDevice("http://unused")
    request = EnrolRequest(
        code=code,
        x25519_public_key=public_key_b64(device.x25519),
        ed25519_public_key=public_key_b64(device.ed25519),
        desk_public_key=public_key_b64(device.desk_key),
    )
    assert storage.enrol(request).status == "active"
    with pytest.raises(ProtocolError) as used:
        storage.enrol(request)
    assert used.value.code is ErrorCode.INVALID_ENROLMENT_CODE
    with pytest.raises(ProtocolError):
        storage.create_enrol_code(desk_id, 0)


def test_token_is_stored_hashed_and_revocation_is_immediate(storage: SqlStorage) -> None:
    device, row = desk(storage, "Padova")
    with storage.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_hash FROM devices")).scalar_one()
    assert device.token not in stored and len(stored) == 64
    assert storage.revoke_device(row.device_id)
    with pytest.raises(ProtocolError) as refused:
        storage.authenticate(device.token)
    assert refused.value.code is ErrorCode.DEVICE_REVOKED
    with pytest.raises(ProtocolError) as unknown:
        storage.authenticate("dev_nope")
    assert unknown.value.code is ErrorCode.INVALID_TOKEN


def test_push_is_idempotent_by_change_id_and_device_seq(storage: SqlStorage) -> None:
    device, row = desk(storage, "Reggio Emilia")
    case_id = str(uuid.uuid4())
    changes = [device.change(case_id, KEY, b"a"), device.change(case_id, KEY, b"b")]
    batch = device.batch(changes, [device.grant(case_id)])
    first = storage.push(row, batch, now())
    again = storage.push(row, batch, now())
    assert [s.status for s in first.statuses] == ["applied", "applied"]
    assert [s.status for s in again.statuses] == ["duplicate", "duplicate"]
    assert [s.status for s in again.grant_statuses] == ["duplicate"]
    # The same device number with other content is a conflict, never a silent overwrite.
    clash = changes[0].model_copy(update={"change_id": device.change(case_id, KEY, b"c").change_id})
    reply = storage.push(row, device.batch([clash]), now())
    assert reply.statuses[0].status == "rejected" and reply.statuses[0].errno == ErrorCode.DEVICE_SEQ_CONFLICT
    assert storage.stats()["changes"] == 2


def test_stamps_from_the_future_are_refused(storage: SqlStorage) -> None:
    device, row = desk(storage, "Val Trompia")
    case_id = str(uuid.uuid4())
    late = device.change(case_id, KEY, b"x", wall_ms=now() + 6 * 60_000)
    fine = device.change(case_id, KEY, b"y", wall_ms=now() + 4 * 60_000)
    reply = storage.push(row, device.batch([late, fine], [device.grant(case_id)]), now())
    assert [(s.status, s.errno) for s in reply.statuses] == [("rejected", ErrorCode.CLOCK_SKEW), ("applied", None)]


def test_bad_signature_and_foreign_device_are_refused(storage: SqlStorage) -> None:
    device, row = desk(storage, "Valle Sabbia")
    other, _ = desk(storage, "Altro")
    case_id = str(uuid.uuid4())
    batch = device.batch([device.change(case_id, KEY, b"x")], [device.grant(case_id)])
    forged = batch.model_copy(update={"signature": other.batch(list(batch.changes)).signature})
    with pytest.raises(ProtocolError) as bad:
        storage.push(row, forged, now())
    assert bad.value.code is ErrorCode.BAD_SIGNATURE
    tampered = batch.model_copy(update={"changes": [batch.changes[0].model_copy(update={"kind": "note"})]})
    with pytest.raises(ProtocolError):
        storage.push(row, tampered, now())
    assert storage.stats()["changes"] == 0


def test_desks_see_only_their_cases_and_cannot_push_into_others(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "A")
    b, row_b = desk(storage, "B")
    case_a = new_case(storage, a, row_a, records=2)
    new_case(storage, b, row_b)
    changes_b, grants_b, _, _ = pull_everything(storage, row_b)
    assert len(changes_b) == 1 and all(g.desk_id == row_b.desk_id for g in grants_b)
    assert case_a not in "".join(changes_b)
    intrusion = b.change(case_a, KEY, b"evil")
    reply = storage.push(row_b, b.batch([intrusion]), now())
    assert reply.statuses[0].errno == ErrorCode.CASE_FORBIDDEN
    grab = storage.push(row_b, b.batch([], [b.grant(case_a)]), now())
    assert grab.grant_statuses[0].errno == ErrorCode.CASE_FORBIDDEN
    assert len(pull_everything(storage, row_a)[0]) == 2


def test_pull_pages_with_opaque_cursor_and_includes_own_changes(storage: SqlStorage) -> None:
    device, row = desk(storage, "Paging")
    for _ in range(4):
        new_case(storage, device, row, records=2)
    page = storage.pull(row, "", 3)
    assert len(page.envelopes) == 3 and page.has_more
    changes, grants, _, cursor = pull_everything(storage, row, page.cursor)
    assert len(page.envelopes) + len(changes) == 8 and len(page.grants) + len(grants) == 4
    assert storage.pull(row, cursor, 10).envelopes == []
    with pytest.raises(ProtocolError) as bad:
        storage.pull(row, "garbage!", 10)
    assert bad.value.code is ErrorCode.BAD_CURSOR


def test_a_referral_delivers_the_whole_case_on_the_next_pull(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Sender")
    b, row_b = desk(storage, "Receiver")
    shared = new_case(storage, a, row_a, records=5)
    new_case(storage, b, row_b)
    _, _, _, cursor_b = pull_everything(storage, row_b)  # B is up to date before the referral
    storage.push(row_a, a.batch([a.change(shared, KEY, b"later")]), now())
    reply = storage.add_grants(row_a, [a.grant(shared, row_b.desk_id)])
    assert reply.statuses[0].status == "applied"
    changes, grants, _, _ = pull_everything(storage, row_b, cursor_b, limit=2)
    assert len(changes) == 6 and len(set(changes)) == 6
    assert [g.case_id for g in grants] == [shared]


def test_revoking_a_grant_stops_delivery_and_leaves_a_notice(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Owner")
    _b, row_b = desk(storage, "Guest")
    shared = new_case(storage, a, row_a)
    storage.add_grants(row_a, [a.grant(shared, row_b.desk_id)])
    _, _, _, cursor = pull_everything(storage, row_b)
    assert storage.revoke_grant(row_a, shared, row_b.desk_id).revoked == 1
    storage.push(row_a, a.batch([a.change(shared, KEY, b"after")]), now())
    changes, _, notices, _ = pull_everything(storage, row_b, cursor)
    assert changes == [] and [(n.kind, n.case_id) for n in notices] == [("revoked", shared)]


def test_erasure_removes_ciphertext_and_every_wrapped_key(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Eraser")
    _c, row_c = desk(storage, "Centrale", central=True)
    case_id = new_case(storage, a, row_a, records=3)
    storage.add_grants(row_a, [a.grant(case_id, row_c.desk_id)])
    reply = storage.erase_case(row_a, case_id)
    assert (reply.changes_removed, reply.grants_removed) == (3, 2)
    with storage.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM grants")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM changes")).scalar_one() == 0
    again = storage.push(row_a, a.batch([a.change(case_id, KEY, b"zombie")], [a.grant(case_id)]), now())
    assert again.statuses[0].errno == ErrorCode.CASE_ERASED
    assert again.grant_statuses[0].errno == ErrorCode.CASE_ERASED
    notices = pull_everything(storage, row_c)[2]
    assert [(n.kind, n.case_id) for n in notices] == [("erased", case_id)]


def test_tombstones_compact_once_every_active_device_acknowledged(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Compact")
    b, row_b = enrol(storage, row_a.desk_id, first=False)
    storage.approve_device(row_a, row_b.device_id, "d3JhcHBlZA==")
    row_b = storage.authenticate(b.token)
    case_id = str(uuid.uuid4())
    record = str(uuid.uuid4())
    first = [a.change(case_id, KEY, b"v1", record_id=record), a.change(case_id, KEY, b"v2", record_id=record)]
    storage.push(row_a, a.batch(first, [a.grant(case_id)]), now())
    storage.push(row_a, a.batch([a.change(case_id, KEY, b"", record_id=record, deleted=True)]), now())
    storage.push(row_a, a.batch([a.change(case_id, KEY, b"other")]), now())
    cursor_a = pull_everything(storage, row_a)[3]
    assert storage.ack(row_a, cursor_a).compacted == 0  # B has not seen the tombstone yet
    cursor_b = pull_everything(storage, row_b)[3]
    assert storage.ack(row_b, cursor_b).compacted == 3
    assert storage.stats()["tombstones"] == 0
    assert len(pull_everything(storage, row_a)[0]) == 1


def test_pending_device_gets_the_desk_key_from_an_enrolled_device(storage: SqlStorage) -> None:
    _a, row_a = desk(storage, "Handover")
    _x, row_x = desk(storage, "Elsewhere")
    b, row_b = enrol(storage, row_a.desk_id, first=False)
    assert row_b.status == "pending"
    with pytest.raises(ProtocolError) as pending:
        storage.pull(row_b, "", 10)
    assert pending.value.code is ErrorCode.DEVICE_PENDING
    assert [d.device_id for d in storage.pending_devices(row_a)] == [row_b.device_id]
    assert storage.pending_devices(row_x) == []
    with pytest.raises(ProtocolError) as foreign:
        storage.approve_device(row_x, row_b.device_id, "d3JhcHBlZA==")
    assert foreign.value.code is ErrorCode.NOT_SAME_DESK
    handed = storage.approve_device(row_a, row_b.device_id, "d3JhcHBlZA==")
    assert handed.status == "active" and handed.wrapped_desk_key == "d3JhcHBlZA=="
    assert handed.approver_x25519_public_key == row_a.x25519_public_key
    assert storage.handover(storage.authenticate(b.token)).status == "active"


def test_central_office_receives_every_partition(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Desk one")
    b, row_b = desk(storage, "Desk two")
    _c, row_c = desk(storage, "Ufficio centrale", central=True)
    new_case(storage, a, row_a, records=2)
    new_case(storage, b, row_b, records=1)
    assert len(pull_everything(storage, row_c)[0]) == 3


def test_blobs_resume_in_order_and_check_their_hash(storage: SqlStorage) -> None:
    import hashlib

    a, row_a = desk(storage, "Blobs")
    _b, row_b = desk(storage, "No access")
    case_id = new_case(storage, a, row_a)
    data = os.urandom(10_000)
    digest = hashlib.sha256(data).hexdigest()
    assert storage.put_blob_chunk(row_a, digest, case_id, len(data), 0, data[:4000]).received == 4000
    with pytest.raises(ProtocolError) as gap:
        storage.put_blob_chunk(row_a, digest, case_id, len(data), 8000, data[8000:])
    assert gap.value.code is ErrorCode.BLOB_OFFSET
    assert storage.blob_status(row_a, digest).received == 4000  # resume from here
    done = storage.put_blob_chunk(row_a, digest, case_id, len(data), 4000, data[4000:])
    assert done.complete and storage.read_blob(row_a, digest) == data
    with pytest.raises(ProtocolError) as forbidden:
        storage.read_blob(row_b, digest)
    assert forbidden.value.code is ErrorCode.CASE_FORBIDDEN
    wrong = hashlib.sha256(b"other").hexdigest()
    with pytest.raises(ProtocolError) as mismatch:
        storage.put_blob_chunk(row_a, wrong, case_id, 100, 0, os.urandom(100))
    assert mismatch.value.code is ErrorCode.BLOB_HASH
    with pytest.raises(ProtocolError):
        storage.blob_status(row_a, wrong)  # a wrong upload leaves nothing behind


def test_sequence_numbers_are_dense_and_ordered(storage: SqlStorage) -> None:
    device, row = desk(storage, "Dense")
    for _ in range(3):
        new_case(storage, device, row, records=3)
    with storage.engine.connect() as conn:
        seqs = sorted(conn.execute(sa.text("SELECT seq FROM changes UNION ALL SELECT seq FROM grants")).scalars().all())
    assert seqs == list(range(1, 13))
    assert format_hlc(0) < format_hlc(1)


def test_the_same_batch_pushed_twice_at_once_is_stored_once(storage: SqlStorage) -> None:
    import threading

    device, row = desk(storage, "Racing retries")
    case_id = str(uuid.uuid4())
    batch = device.batch([device.change(case_id, KEY, b"x") for _ in range(200)], [device.grant(case_id)])
    replies: list = []
    threads = [threading.Thread(target=lambda: replies.append(storage.push(row, batch, now()))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted({s.status for r in replies for s in r.statuses})
    assert len(replies) == 4 and statuses == ["applied", "duplicate"]
    assert storage.stats()["changes"] == 200 and storage.stats()["grants"] == 1


def test_blob_and_chunk_size_limits(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Big blobs")
    case_id = new_case(storage, a, row_a)
    digest = "0" * 64
    with pytest.raises(ProtocolError) as too_big:
        storage.put_blob_chunk(row_a, digest, case_id, storage.max_blob_bytes + 1, 0, b"x")
    assert too_big.value.code is ErrorCode.BLOB_TOO_LARGE and too_big.value.status == 413
    with pytest.raises(ProtocolError) as chunk:
        storage.put_blob_chunk(row_a, digest, case_id, 10 << 20, 0, b"x" * (storage.blob_chunk_bytes + 1))
    assert chunk.value.code is ErrorCode.BLOB_TOO_LARGE


def test_a_central_office_device_may_approve_any_desk(storage: SqlStorage) -> None:
    _a, row_a = desk(storage, "Remote desk")
    _c, row_c = desk(storage, "Ufficio centrale", central=True)
    _b, row_b = enrol(storage, row_a.desk_id, first=False)
    assert [d.device_id for d in storage.pending_devices(row_c)] == [row_b.device_id]
    assert storage.approve_device(row_c, row_b.device_id, "d3JhcHBlZA==").approved_by == row_c.device_id
