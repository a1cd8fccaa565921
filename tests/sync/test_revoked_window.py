"""The end of a partition reaches every device of a desk in log order, through real server processes on SQLite and
PostgreSQL.

A revoked holding keeps the log position where it ended (`holdings.until_seq`): a device of the desk that had the
partition still receives what was written before the revocation, then the `revoked` notice; a device that never
had it receives the notice only; for everything else the revoked desk holds nothing. A pull page never holds a
grant or change of a case after that case's notice (the client applies a page's notices last).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from alembic import command

from sync.protocol import Change, ErrorCode, PullReply
from sync.server.migrate import alembic_config, current_revision, head_revision
from sync.server.storage import open_storage
from sync.server.tables import cases as cases_table
from sync.server.tables import changes, grants, holdings, log_counter, notices
from sync.server.testing import ReferenceDevice, ServerProcess, enrolled_desk
from tests.sync.conftest import BACKENDS, fresh_database_url
from tests.sync.test_server_http import error_of
from tests.sync.test_storage_contract import enrol

KEY = os.urandom(32)


@pytest.fixture(scope="module", params=BACKENDS)
def window_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server per backend for the module; each test makes its own desks."""
    for url in fresh_database_url(request.param, tmp_path_factory.mktemp("window")):
        with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "1000"}) as process:
            yield process


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def desks(server: ServerProcess, devices: int = 2) -> tuple[ReferenceDevice, list[ReferenceDevice]]:
    """Desk A (one device) and desk B (`devices` devices), with names of their own."""
    tag = uuid.uuid4().hex[:8]
    (a,) = enrolled_desk(server.database_url, server.url, f"A {tag}")
    return a, enrolled_desk(server.database_url, server.url, f"B {tag}", devices=devices)


def another_device(server: ServerProcess, approver: ReferenceDevice) -> ReferenceDevice:
    """A device of the approver's desk enrolled now."""
    storage = open_storage(server.database_url, upgrade=False)
    try:
        code, _ = storage.create_enrol_code(approver.desk_id, 60)
    finally:
        storage.close()
    device = ReferenceDevice(server.url)
    device.enrol(code, first=False)
    approver.approve(device).raise_for_status()
    return device


def revoke(device: ReferenceDevice, case_id: str, desk_id: str) -> requests.Response:
    url = f"{device.url}/v1/cases/{case_id}/grants/{desk_id}"
    return device.session.delete(url, headers=device.headers(), timeout=30)


def add_grant(device: ReferenceDevice, case_id: str, desk_id: str, key_id: str) -> str:
    body = {"grants": [device.grant(case_id, desk_id, key_id=key_id).model_dump()]}
    response = device.session.post(device.url + "/v1/grants", json=body, headers=device.headers(), timeout=30)
    response.raise_for_status()
    status: str = response.json()["statuses"][0]["status"]
    return status


def pages(device: ReferenceDevice, limit: int) -> list[PullReply]:
    """Every page of the device's next pull."""
    out: list[PullReply] = []
    while True:
        out.append(device.pull_page(limit))
        if not out[-1].has_more:
            return out


def referred(a: ReferenceDevice, b_desk: str, records: int = 2) -> tuple[str, list[Change]]:
    """A case of desk A granted to desk B, with `records` changes (and a case of A only, as noise)."""
    case_id, other = str(uuid.uuid4()), str(uuid.uuid4())
    made = [a.change(case_id, KEY, b"{}", kind="referral") for _ in range(records)]
    reply = a.push([*made, a.change(other, KEY, b"{}")], [a.grant(case_id), a.grant(case_id, b_desk), a.grant(other)])
    assert {s.status for s in reply.statuses} == {"applied"}
    return case_id, made


def of_case(page: PullReply, case_id: str) -> tuple[list[str], list[str], list[str]]:
    """The page's change ids, grant key ids and notice kinds of one case."""
    return (
        [c.change_id for c in page.changes if c.case_id == case_id],
        [g.key_id for g in page.grants if g.case_id == case_id],
        [n.kind for n in page.notices if n.case_id == case_id],
    )


def test_a_device_that_had_the_partition_gets_the_change_before_the_revocation_then_the_notice(
    window_server: ServerProcess,
) -> None:
    a, (x, y) = desks(window_server)
    case_id, _ = referred(a, x.desk_id)
    assert [g.case_id for g in x.pull_all()[1]] == [case_id]
    assert [g.case_id for g in y.pull_all()[1]] == [case_id]
    before = y.cursor
    # X declines the referral (a change of the partition), then withdraws its own desk's grant.
    decline = x.change(case_id, KEY, b'{"state": "declined"}', kind="referral")
    assert x.push([decline]).statuses[0].status == "applied"
    assert revoke(x, case_id, x.desk_id).json()["revoked"] == 1
    for limit in (1, 1000):
        y.cursor = before
        seen = [of_case(page, case_id) for page in pages(y, limit)]
        change_page = next(i for i, (ids, _, _) in enumerate(seen) if ids)
        notice_page = next(i for i, (_, _, kinds) in enumerate(seen) if kinds)
        assert [i for ids, _, _ in seen for i in ids] == [decline.change_id]
        assert [k for _, _, kinds in seen for k in kinds] == ["revoked"]
        assert change_page <= notice_page == len(seen) - 1  # the change first (or with it), the notice last
        assert not any(keys for _, keys, _ in seen)
    # X gets its own change back (applied idempotently) and the notice, nothing else of the case.
    changes_x, grants_x, notices_x = x.pull_all()
    assert [c.change_id for c in changes_x] == [decline.change_id] and grants_x == []
    assert [(n.kind, n.case_id) for n in notices_x] == [("revoked", case_id)]


def test_a_device_that_never_had_the_partition_gets_only_the_notice(window_server: ServerProcess) -> None:
    a, (x, y, w) = desks(window_server, devices=3)
    w.pull_all()  # W pulled before the case was referred, and not since
    case_id, _ = referred(a, x.desk_id)
    x.pull_all()
    y.pull_all()
    written = a.change(case_id, KEY, b"{}", kind="referral")
    a.push([written])
    assert revoke(a, case_id, x.desk_id).status_code == 200
    after = a.change(case_id, KEY, b"{}", kind="referral")
    assert a.push([after]).statuses[0].status == "applied"
    fresh = another_device(window_server, x)  # enrolled after the revocation
    got_y = y.pull_all(limit=1)
    assert [c.change_id for c in got_y[0] if c.case_id == case_id] == [written.change_id]  # not the later one
    assert [(n.kind, n.case_id) for n in got_y[2]] == [("revoked", case_id)]
    for device in (w, fresh):
        got_changes, got_grants, got_notices = device.pull_all(limit=1)
        assert [c for c in got_changes if c.case_id == case_id] == []
        assert [g for g in got_grants if g.case_id == case_id] == []
        assert [(n.kind, n.case_id) for n in got_notices] == [("revoked", case_id)]


def test_a_revoked_desk_holds_nothing_for_pushes_digests_histories_compaction_and_erasure(
    window_server: ServerProcess,
) -> None:
    a, (x, y) = desks(window_server)
    case_id, made = referred(a, x.desk_id)
    x.pull_all()
    digest = x.session.get(x.url + "/v1/digest", headers=x.headers(), timeout=30).json()
    assert digest["partitions"] == 1
    assert revoke(a, case_id, x.desk_id).status_code == 200
    again = revoke(a, case_id, x.desk_id)
    assert again.status_code == 404 and error_of(again) == ErrorCode.NOT_FOUND
    refused = x.push([x.change(case_id, KEY, b"{}", kind="referral")]).statuses[0]
    assert (refused.status, refused.errno) == ("rejected", ErrorCode.CASE_FORBIDDEN)
    assert x.session.get(x.url + "/v1/digest", headers=x.headers(), timeout=30).json()["partitions"] == 0
    history = x.session.get(f"{x.url}/v1/partitions/{case_id}/changes", headers=x.headers(), timeout=30)
    assert history.status_code == 403 and error_of(history) == ErrorCode.CASE_FORBIDDEN
    # Compaction does not wait for B's devices, which never acknowledged the tombstone.
    tomb = a.change(case_id, KEY, b"", kind="referral", record_id=made[0].record_id, deleted=True)
    assert a.push([tomb]).statuses[0].status == "applied"
    a.pull_all()
    assert a.ack()["compacted"] == 2
    # Erasure leaves B (no longer a holder) no `erased` notice: it has its `revoked` one.
    erase = a.session.post(f"{a.url}/v1/cases/{case_id}/erase", headers=a.headers(), timeout=30)
    assert erase.status_code == 200
    assert [(n.kind, n.case_id) for n in y.pull_all()[2]] == [("revoked", case_id)]


def test_a_case_referred_again_comes_after_the_notice_and_whole(window_server: ServerProcess) -> None:
    a, (x,) = desks(window_server, devices=1)
    case_id, made = referred(a, x.desk_id, records=3)
    x.pull_all()
    before = x.cursor
    assert revoke(a, case_id, x.desk_id).status_code == 200
    while_revoked = a.change(case_id, KEY, b"{}", kind="referral")
    a.push([while_revoked])
    assert add_grant(a, case_id, x.desk_id, "k2") == "applied"  # referred to B again, under a new key
    regranted = a.change(case_id, KEY, b"{}", kind="referral", key_id="k2")
    noise = str(uuid.uuid4())
    pushed = a.push(
        [regranted, *(a.change(noise, KEY, b"{}") for _ in range(3))], [a.grant(noise), a.grant(noise, x.desk_id)]
    )
    assert {s.status for s in pushed.statuses} == {"applied"}
    after_notice = {while_revoked.change_id, regranted.change_id}
    for limit in (2, 1000):
        x.cursor = before
        seen = [of_case(page, case_id) for page in pages(x, limit)]
        notice_page = next(i for i, (_, _, kinds) in enumerate(seen) if kinds)
        ids, keys, _ = seen[notice_page]
        assert not keys and not after_notice & set(ids)  # nothing of the case after its notice in that page
        assert [k for _, keys, _ in seen for k in keys] == ["k2"]
        assert next(i for i, (_, keys, _) in enumerate(seen) if keys) > notice_page
        delivered = {i for ids, _, _ in seen for i in ids}
        assert after_notice <= delivered
    # The re-activated holding gives a device of B enrolled now the whole history of the case.
    fresh = another_device(window_server, x)
    got = [of_case(page, case_id) for page in pages(fresh, 2)]
    assert {i for ids, _, _ in got for i in ids} == {c.change_id for c in made} | after_notice
    assert [k for _, keys, _ in got for k in keys] == ["k2"]
    notice_page = next(i for i, (_, _, kinds) in enumerate(got) if kinds)
    assert not got[notice_page][1] and not after_notice & set(got[notice_page][0])
    assert x.session.get(x.url + "/v1/digest", headers=x.headers(), timeout=30).json()["partitions"] == 2


def test_the_migration_keeps_a_database_made_at_0002(tmp_path: Path, backend: str) -> None:
    for url in fresh_database_url(backend, tmp_path):
        engine = sa.create_engine(url)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
        assert current_revision(engine) == "0002"
        old = open_storage(url, upgrade=False)  # accounts do not touch the holdings
        a, row_a = enrol(old, old.create_desk("A").desk_id)
        b, row_b = enrol(old, old.create_desk("B").desk_id)
        old.close()
        kept, ended = str(uuid.uuid4()), str(uuid.uuid4())
        kept_change, ended_change = a.change(kept, KEY, b"{}"), a.change(ended, KEY, b"{}")
        # What 0002 left after a referral of `kept` and a revoked one of `ended`: B's holding and grant of
        # `ended` deleted, a `revoked` notice in their place.
        with engine.begin() as conn:
            conn.execute(cases_table.insert(), [{"case_no": 1, "case_id": kept}, {"case_no": 4, "case_id": ended}])
            conn.execute(
                holdings.insert(),
                [
                    {"case_no": 1, "desk_id": row_a.desk_id, "since_seq": 1},
                    {"case_no": 1, "desk_id": row_b.desk_id, "since_seq": 2},
                    {"case_no": 4, "desk_id": row_a.desk_id, "since_seq": 4},
                ],
            )
            grant = {"key_id": "k1", "wrapped_key": "d3JhcHBlZA==", "device_id": row_a.device_id}
            conn.execute(
                grants.insert(),
                [
                    {"seq": 1, "case_no": 1, "case_id": kept, "desk_id": row_a.desk_id, **grant},
                    {"seq": 2, "case_no": 1, "case_id": kept, "desk_id": row_b.desk_id, **grant},
                    {"seq": 4, "case_no": 4, "case_id": ended, "desk_id": row_a.desk_id, **grant},
                ],
            )
            common = {"device_id": row_a.device_id, "kind": "person", "size": 10}
            conn.execute(
                changes.insert(),
                [
                    {**common, "seq": 3, "change_id": kept_change.change_id, "device_seq": 1, "case_no": 1,
                     "record_id": kept_change.record_id, "envelope": kept_change.model_dump_json()},
                    {**common, "seq": 6, "change_id": ended_change.change_id, "device_seq": 2, "case_no": 4,
                     "record_id": ended_change.record_id, "envelope": ended_change.model_dump_json()},
                ],
            )  # fmt: skip
            conn.execute(notices.insert().values(seq=7, desk_id=row_b.desk_id, case_id=ended, kind="revoked"))
            conn.execute(log_counter.update().values(value=7))
        storage = open_storage(url)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            rows = conn.execute(sa.select(holdings).order_by(holdings.c.case_no, holdings.c.since_seq)).all()
        assert [(r.case_no, r.since_seq, r.until_seq) for r in rows] == [(1, 1, None), (1, 2, None), (4, 4, None)]
        assert storage.stats()["holdings"] == 3 and storage.stats()["changes"] == 2
        storage.close()
        engine.dispose()
        with ServerProcess(url) as server:
            a.url = b.url = server.url
            got_changes, got_grants, got_notices = b.pull_all(limit=1)
            assert [c.change_id for c in got_changes] == [kept_change.change_id]
            assert [g.case_id for g in got_grants] == [kept]
            assert [(n.kind, n.case_id) for n in got_notices] == [("revoked", ended)]
            # The ended case can be referred to B again: a new holding, its whole history delivered.
            assert add_grant(a, ended, b.desk_id, "k2") == "applied"
            assert [c.change_id for c in b.pull_all()[0]] == [ended_change.change_id]
            assert b.session.get(b.url + "/v1/digest", headers=b.headers(), timeout=30).json()["partitions"] == 2
