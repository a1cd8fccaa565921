"""Faults against real server processes: the client SIGKILLed at random moments of a push and of a pull (the
trial code of bench/sync_faults.py, a few trials here, ≥ 50 in the bench), the server killed in the middle of a
push and restarted on the same database, and connections cut mid-reply by a TCP proxy. Every time the next run
completes with nothing lost or duplicated."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.sync_faults import trial, warm_up_seconds
from iam_desktop.vault import sync_state
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, replica, sync
from tests.sync_client.proxy import TcpProxy


@pytest.mark.parametrize("phase", ["push", "pull"])
def test_client_killed_at_random_points(server: ServerProcess, tmp_path: Path, phase: str) -> None:
    rng = random.Random(7 if phase == "push" else 11)
    warm = warm_up_seconds()
    results = [trial(server, tmp_path / f"t{i}", phase, 60, rng, warm) for i in range(5)]
    for r in results:
        assert r["acked_all"] and r["server_once_each"] and r["replicas_equal"], r
    assert any(r["killed"] for r in results)


def _through(desk: object, proxy: TcpProxy) -> None:
    vault = desk.vault  # type: ignore[attr-defined]
    with vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None
        sync_state.save_enrolment(conn, sync_state.Enrolment(**{**state.__dict__, "server_url": proxy.url}))


def _server_changes(database_url: str) -> list[tuple[str, int]]:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT change_id, COUNT(*) FROM changes GROUP BY change_id")).all()
    engine.dispose()
    return [(r[0], int(r[1])) for r in rows]


def test_server_killed_mid_push_then_restarted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    first = ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}).start()
    proxy = TcpProxy(first.port)
    try:
        a, b = desk_devices(first, tmp_path / "desks")
        for device in (a, b):
            _through(device, proxy)
        for n in range(150):
            a.cases.intake(person(n))
        proxy.delay_s = 0.002  # a slow link, so the kill lands mid-push
        reports = []
        pushing = threading.Thread(target=lambda: reports.append(a.sync.client(batch_size=10).run_once()))
        pushing.start()
        time.sleep(0.4)
        first.kill()
        pushing.join(120)
        assert reports and not reports[0].ok and a.sync.status().waiting > 0
        second = ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}).start()
        proxy.target_port, proxy.delay_s = second.port, 0.0
        try:
            sync(a), sync(b)
            assert a.sync.status().waiting == 0
            counts = _server_changes(url)
            assert len(counts) == 300 and {c for _, c in counts} == {1}  # 150 cases + 150 history records, once each
            assert replica(a) == replica(b)
        finally:
            second.stop()
    finally:
        proxy.close()
        first.stop()


def test_connection_cut_mid_reply(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    proxy = TcpProxy(server.port)
    try:
        for device in (a, b):
            _through(device, proxy)
        for n in range(80):
            a.cases.intake(person(n))
        sync(a)
        proxy.cut_after, proxy.cuts_left = 3000, 6  # the next six connections die after 3 kB of reply
        runs = 0
        while True:
            runs += 1
            report = b.sync.client(page_limit=15).run_once()
            if report.ok:
                break
            assert runs < 10
        assert proxy.cut_count >= 1
        assert replica(a) == replica(b)
    finally:
        proxy.close()
