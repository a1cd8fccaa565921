"""The outbox and the states of a run, against a real server: a record write and its outbox row commit or roll
back together; exactly the rows sent are acknowledged and an edit made between push and acknowledgement survives;
a tampered change served by the server is quarantined while the others apply; a wrong clock is a warning that keeps
syncing; an old client is told to update and sends nothing; an unreachable server is "offline"."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncState
from iam_desktop.vault import outbox
from iam_desktop.vault.tables import outbox as outbox_table
from iam_desktop.vault.tables import records
from sync.protocol import format_hlc, parse_hlc
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, new_vault, person, replica, sync


class HookedSession(requests.Session):
    """A session that lets a test act around one kind of request (``before``/``after`` get the request path)."""

    def __init__(self) -> None:
        super().__init__()
        self.before: Any = None
        self.after: Any = None
        self.pushed: list[str] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.before:
            self.before(method, url, kwargs)
        response = super().request(method, url, *args, **kwargs)
        if self.after:
            self.after(method, url, response)
        return response


def _counts(desk: Desk) -> tuple[int, int]:
    with desk.vault.engine.connect() as conn:
        n_records = conn.execute(select(func.count()).select_from(records)).scalar_one()
        n_outbox = conn.execute(select(func.count()).select_from(outbox_table)).scalar_one()
    return int(n_records), int(n_outbox)


def test_hlc_format_is_the_wire_format(tmp_path: Path) -> None:
    desk = new_vault(tmp_path / "d", "Sportello orologio")
    with desk.vault.engine.begin() as conn:
        stamps = [desk.vault.clock.now(conn) for _ in range(5)]
        received = desk.vault.clock.receive(conn, format_hlc(int(time.time() * 1000) + 60_000, 7))
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert all(parse_hlc(s) for s in stamps) and received > stamps[-1]
    with desk.vault.engine.begin() as conn:
        assert desk.vault.clock.now(conn) > received  # persisted, never backwards
    desk.close()


def test_record_and_outbox_row_are_atomic(tmp_path: Path) -> None:
    desk = new_vault(tmp_path / "d", "Sportello atomico")
    desk.cases.intake(person(1))
    before = _counts(desk)
    assert before[1] == before[0]  # one change per record written
    case_id = next(iter(desk.cases.search())).case_id
    with pytest.raises(RuntimeError), desk.vault.engine.begin() as conn:
        stored = desk.records.get(conn, case_id)
        assert stored is not None
        payload = {**stored.payload, "person": {**stored.payload["person"], "notes": "mai salvato"}}
        desk.records.put(conn, case_id=case_id, kind="case", record_id=case_id, payload=payload)
        raise RuntimeError("crash before commit")
    assert _counts(desk) == before
    desk.close()


def test_exactly_the_sent_rows_are_acked_and_an_edit_during_push_survives(
    server: ServerProcess, tmp_path: Path
) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(2))
    session = HookedSession()
    with a.vault.engine.connect() as conn:
        sent = {e.change_id for e in outbox.pending(conn, 1000)}

    snapshots: list[dict[str, str]] = []

    def states() -> dict[str, str]:
        with a.vault.engine.connect() as conn:
            return dict(conn.execute(select(outbox_table.c.change_id, outbox_table.c.state)).all())  # type: ignore[arg-type]

    def edit_after_push_before_ack(method: str, url: str, response: requests.Response) -> None:
        if url.endswith("/v1/push") and not snapshots:
            file = a.cases.open(case_id)  # the reply is in, the client has not marked anything yet
            a.cases.update(case_id, {**file.person, "notes": "scritto durante l'invio"})
            snapshots.append({})

    def snapshot_before_next_push(method: str, url: str, kwargs: Any) -> None:
        if url.endswith("/v1/push") and snapshots:
            snapshots.append(states())

    session.after = edit_after_push_before_ack
    session.before = snapshot_before_next_push
    report = sync(a, session=session)
    assert report.pushed == len(sent) + 2
    between = snapshots[1]
    assert {cid for cid, state in between.items() if state == outbox.ACKED} == sent
    assert len([s for s in between.values() if s == outbox.PENDING]) == 2  # the edit and its history record
    assert set(states().values()) == {outbox.ACKED}
    sync(a), sync(b)
    assert b.cases.open(case_id).person["notes"] == "scritto durante l'invio"
    assert a.sync.status().waiting == 0 and replica(a) == replica(b)


def test_tampered_change_is_quarantined_and_the_rest_applies(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    first = a.cases.intake(person(3))
    second = a.cases.intake(person(4))
    sync(a)
    session = HookedSession()

    def alter_one(method: str, url: str, response: requests.Response) -> None:
        if "/v1/pull" in url:
            page = json.loads(response.content)
            for change in page["changes"]:
                if change["record_id"] == first:
                    text = change["ciphertext"]
                    change["ciphertext"] = ("B" if text[20] == "A" else "A").join((text[:20], text[21:]))
            response._content = json.dumps(page).encode()

    session.after = alter_one
    # The pull sets the altered change aside and applies the rest; the partition check that follows in the same
    # run sees the partition differ from the server's and fetches its history outside the pull: the genuine copy.
    report = sync(b, session=session)
    assert report.quarantined == 1 and report.partitions_repaired == 1, report
    assert b.cases.open(second).person == a.cases.open(second).person
    assert b.cases.open(first).person == a.cases.open(first).person
    assert b.sync.quarantine() == []
    a.cases.intake(person(5))
    sync(a)
    assert sync(b).pulled >= 2  # keeps syncing after the bad change


def test_clock_skew_is_a_warning_and_sync_goes_on(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    a.vault.clock.wall_ms = lambda: int(time.time() * 1000) - 20 * 60_000  # this computer's clock is 20 min slow
    case_id = a.cases.intake(person(6))
    report = a.sync.client().run_once()
    assert report.state is SyncState.CLOCK_SKEW and report.ok and report.skew_ms > 19 * 60_000
    assert report.pushed >= 2
    sync(b)
    assert b.cases.row(case_id) is not None


def test_a_clock_in_the_future_keeps_changes_waiting(server: ServerProcess, tmp_path: Path) -> None:
    (a,) = desk_devices(server, tmp_path, devices=1)
    a.vault.clock.wall_ms = lambda: int(time.time() * 1000) + 20 * 60_000
    a.cases.intake(person(7))
    report = a.sync.client().run_once()
    assert report.state is SyncState.CLOCK_SKEW and report.pushed == 0 and report.rejected == 0
    assert a.sync.status().waiting == 2  # refused by the server for the clock, kept for later, not lost


def test_old_client_is_told_to_update_and_sends_nothing(server: ServerProcess, tmp_path: Path) -> None:
    (a,) = desk_devices(server, tmp_path, devices=1)
    a.cases.intake(person(8))
    report = a.sync.client(app_version="0.0.1").run_once()
    assert report.state is SyncState.UPDATE_REQUIRED and not report.ok and report.pushed == 0
    assert a.sync.status().waiting == 2 and a.cases.count() == 1  # keeps working offline


def test_unreachable_server_is_offline_with_backoff(server: ServerProcess, tmp_path: Path) -> None:
    (a,) = desk_devices(server, tmp_path, devices=1)
    client = a.sync.client()
    client_transport_url = a.sync.enrolment().state()
    assert client_transport_url is not None
    from iam_desktop.vault import sync_state

    with a.vault.engine.begin() as conn:
        moved = sync_state.Enrolment(**{**client_transport_url.__dict__, "server_url": "http://127.0.0.1:9"})
        sync_state.save_enrolment(conn, moved)
    first = client.run_once()
    assert first.state is SyncState.OFFLINE and client.next_delay() < 60
    client.run_once()
    assert client.failures == 2 and 40 < client.next_delay() < 80
    status = a.sync.status()
    assert status.last_state == "offline" and status.enrolled
