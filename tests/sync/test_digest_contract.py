"""The storage contract of partition digests, partition histories and network-wide partitions, on SQLite and
PostgreSQL (`sync.protocol.partitions` defines what the digests are)."""

from __future__ import annotations

import json
import uuid

import pytest

from sync.protocol import (
    CATALOGUE_PARTITION_ID,
    Change,
    DigestRequest,
    ErrorCode,
    PartitionDigest,
    ProtocolError,
    partition_digest,
    summarise,
)
from sync.server.storage import SqlStorage
from tests.sync.test_storage_contract import KEY, desk, now


def expected(changes: list[Change]) -> dict[str, PartitionDigest]:
    """The digests by their definition: latest stamp of each record without a tombstone, per partition."""
    latest: dict[tuple[str, str], tuple[str, str]] = {}
    deleted: set[str] = set()
    for c in changes:
        key = (c.case_id, c.record_id)
        if c.deleted:
            deleted.add(c.record_id)
        if key not in latest or c.hlc > latest[key][1]:
            latest[key] = (c.kind, c.hlc)
    lines: dict[str, list[tuple[str, str, str]]] = {}
    for (case_id, record_id), (kind, hlc) in latest.items():
        if record_id not in deleted:
            lines.setdefault(case_id, []).append((record_id, kind, hlc))
    return {case_id: partition_digest(case_id, rows) for case_id, rows in lines.items()}


def test_digest_follows_its_definition_and_skips_deleted_records(storage: SqlStorage) -> None:
    device, row = desk(storage, "Brescia")
    pushed: list[Change] = []
    for n in range(20):
        case_id = str(uuid.uuid4())
        first = device.change(case_id, KEY, b"{}", kind="person")
        again = device.change(case_id, KEY, b"{}", kind="person", record_id=first.record_id)
        diary = device.change(case_id, KEY, b"{}", kind="diary")
        batch = [first, again, diary]
        if n % 5 == 0:
            batch.append(device.change(case_id, KEY, b"", kind="diary", record_id=diary.record_id, deleted=True))
        assert {s.status for s in storage.push(row, device.batch(batch, [device.grant(case_id)]), now()).statuses} == {
            "applied"
        }
        pushed += batch
    want = expected(pushed)
    assert sum(p.records for p in want.values()) == 20 * 2 - 4
    reply = storage.digest(row)
    assert reply == summarise(want)
    assert reply.partitions == 20 and len(reply.buckets) == 16
    # The per-partition list of some buckets, and of named partitions, agree with the same definition.
    buckets = sorted({b.bucket for b in reply.buckets if b.partitions})[:3]
    listed = storage.partition_digests(row, DigestRequest(buckets=buckets)).partitions
    assert listed == sorted((p for p in want.values() if p.case_id[0] in buckets), key=lambda p: p.case_id)
    named = sorted(want)[:2]
    assert [p.case_id for p in storage.partition_digests(row, DigestRequest(case_ids=named)).partitions] == named
    assert storage.partition_digests(row, DigestRequest()).partitions == []


def test_a_later_change_moves_the_digest_of_its_partition_only(storage: SqlStorage) -> None:
    device, row = desk(storage, "Padova")
    cases = [str(uuid.uuid4()) for _ in range(2)]
    first = [device.change(c, KEY, b"{}") for c in cases]
    storage.push(row, device.batch(first, [device.grant(c) for c in cases]), now())
    before = {p.case_id: p for p in storage.partition_digests(row, DigestRequest(case_ids=cases)).partitions}
    storage.push(row, device.batch([device.change(cases[0], KEY, b"{}", record_id=first[0].record_id)]), now())
    after = {p.case_id: p for p in storage.partition_digests(row, DigestRequest(case_ids=cases)).partitions}
    assert after[cases[0]].digest != before[cases[0]].digest and after[cases[0]].records == 1
    assert after[cases[1]] == before[cases[1]]
    assert storage.digest(row).digest != summarise(before).digest


def test_digests_and_histories_are_authorised_like_pull(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Reggio Emilia")
    _b, row_b = desk(storage, "Val Trompia")
    _c, row_c = desk(storage, "Centrale", central=True)
    case_id = str(uuid.uuid4())
    storage.push(row_a, a.batch([a.change(case_id, KEY, b"{}")], [a.grant(case_id)]), now())
    assert storage.digest(row_a).partitions == 1
    assert storage.digest(row_b).partitions == 0
    assert storage.digest(row_c).partitions == 1  # the central office receives every partition
    assert storage.partition_digests(row_b, DigestRequest(case_ids=[case_id])).partitions == []
    with pytest.raises(ProtocolError) as refused:
        storage.partition_changes(row_b, case_id, "", 10)
    assert refused.value.code is ErrorCode.CASE_FORBIDDEN
    with pytest.raises(ProtocolError) as unknown:
        storage.partition_changes(row_a, str(uuid.uuid4()), "", 10)
    assert unknown.value.code is ErrorCode.NOT_FOUND
    assert len(storage.partition_changes(row_c, case_id, "", 10).envelopes) == 1


def test_partition_history_pages_through_every_change_in_log_order(storage: SqlStorage) -> None:
    device, row = desk(storage, "Bergamo")
    case_id, other = str(uuid.uuid4()), str(uuid.uuid4())
    mine = [device.change(case_id, KEY, b"{}") for _ in range(7)]
    noise = [device.change(other, KEY, b"{}") for _ in range(3)]
    storage.push(row, device.batch(mine[:4] + noise + mine[4:], [device.grant(case_id), device.grant(other)]), now())
    seen: list[str] = []
    cursor, pages = "", 0
    while True:
        page = storage.partition_changes(row, case_id, cursor, 3)
        assert (len(page.grants) == 1) == (cursor == "")  # the desk's grant comes with the first page
        seen += [json.loads(e)["change_id"] for e in page.envelopes]
        cursor, pages = page.cursor, pages + 1
        if not page.has_more:
            break
    assert seen == [c.change_id for c in mine] and pages == 3
    with pytest.raises(ProtocolError) as bad:
        storage.partition_changes(row, case_id, "bm9wZQ", 3)
    assert bad.value.code is ErrorCode.BAD_CURSOR


def test_network_partition_keeps_the_first_key_it_was_given(storage: SqlStorage) -> None:
    a, row_a = desk(storage, "Fondatore")
    b, row_b = desk(storage, "Ritardatario")
    catalogue = CATALOGUE_PARTITION_ID
    founded = storage.push(
        row_a, a.batch([a.change(catalogue, KEY, b"{}", key_id="net")], [a.grant(catalogue, key_id="net")]), now()
    )
    assert founded.statuses[0].status == "applied" and founded.grant_statuses[0].status == "applied"
    # Another desk founded it offline with its own key: its grant and changes are refused with a clear number.
    late = storage.push(
        row_b, b.batch([b.change(catalogue, KEY, b"{}", key_id="own")], [b.grant(catalogue, key_id="own")]), now()
    )
    assert (late.grant_statuses[0].status, late.grant_statuses[0].errno) == (
        "rejected",
        ErrorCode.PARTITION_KEY_CONFLICT,
    )
    assert (late.statuses[0].status, late.statuses[0].errno) == ("rejected", ErrorCode.PARTITION_KEY_CONFLICT)
    # Once the founder grants it the network key, the late desk writes under that key, and only under it.
    assert storage.add_grants(row_a, [a.grant(catalogue, row_b.desk_id, key_id="net")]).statuses[0].status == "applied"
    wrong = storage.add_grants(row_a, [a.grant(catalogue, row_b.desk_id, key_id="again")]).statuses[0]
    assert (wrong.status, wrong.errno) == ("rejected", ErrorCode.PARTITION_KEY_CONFLICT)
    joined = storage.push(row_b, b.batch([b.change(catalogue, KEY, b"{}", key_id="net")]), now())
    assert joined.statuses[0].status == "applied"
    assert storage.digest(row_b).partitions == 1
    # An ordinary partition may still rotate its key.
    case_id = str(uuid.uuid4())
    storage.push(row_a, a.batch([a.change(case_id, KEY, b"{}")], [a.grant(case_id)]), now())
    assert storage.add_grants(row_a, [a.grant(case_id, key_id="k2")]).statuses[0].status == "applied"
