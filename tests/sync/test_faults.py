"""Faults: the server killed in the middle of a push; the client's retry completes it with nothing duplicated."""

from __future__ import annotations

import os
import threading
import time
import uuid

import requests

from sync.server.testing import ServerProcess, enrolled_desk

KEY = os.urandom(32)


def test_server_killed_mid_push_then_retry_completes_without_duplicates(server: ServerProcess) -> None:
    a, b = enrolled_desk(server.database_url, server.url, "Crash desk", devices=2)
    cases = [str(uuid.uuid4()) for _ in range(3000)]
    batches = [
        a.batch(
            [a.change(c, KEY, os.urandom(600)) for c in cases[i : i + 1000]], [a.grant(c) for c in cases[i : i + 1000]]
        )
        for i in range(0, len(cases), 1000)
    ]
    outcome: list[object] = []

    def push_everything() -> None:
        for batch in batches:
            try:
                outcome.append(a.push_raw(batch, timeout=30).status_code)
            except requests.RequestException as exc:
                outcome.append(exc)
                return

    pusher = threading.Thread(target=push_everything)
    pusher.start()
    deadline = time.monotonic() + 20
    while not outcome and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.05)  # the second batch is on its way or being stored
    server.kill()
    pusher.join(30)
    assert any(isinstance(o, requests.RequestException) for o in outcome), outcome

    server.start()  # same database, new port
    for device in (a, b):
        device.url = server.url
    statuses = []
    for batch in batches:  # the client retries every batch it was not sure about
        response = a.push_raw(batch)
        assert response.status_code == 200
        statuses += [s["status"] for s in response.json()["statuses"]]
    assert set(statuses) <= {"applied", "duplicate"} and "duplicate" in statuses
    changes = b.pull_all(limit=700)[0]
    ids = [c.change_id for c in changes]
    assert len(ids) == 3000 and len(set(ids)) == 3000


def test_database_connections_cut_mid_push_then_retry_completes(pg_admin_url: str) -> None:
    """PostgreSQL drops the server's connections in the middle of pushes (as in a database restart); the
    server answers 503 instead of storing half a batch, reconnects, and the client's retries complete."""
    import sqlalchemy as sa

    from sync.server.testing import temporary_postgres_database

    with temporary_postgres_database(pg_admin_url) as url, ServerProcess(url) as server:
        a, b = enrolled_desk(url, server.url, "Restart desk", devices=2)
        cases = [str(uuid.uuid4()) for _ in range(4000)]
        batches = [
            a.batch(
                [a.change(c, KEY, os.urandom(600)) for c in cases[i : i + 500]],
                [a.grant(c) for c in cases[i : i + 500]],
            )
            for i in range(0, len(cases), 500)
        ]
        name = sa.make_url(url).database
        admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
        stop = threading.Event()

        def cut_connections() -> None:
            while not stop.is_set():
                with admin.connect() as conn:
                    conn.execute(
                        sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                        {"n": name},
                    )
                time.sleep(0.15)

        cutter = threading.Thread(target=cut_connections)
        cutter.start()
        outcomes: list[int] = []
        try:
            for _round in range(5):  # until the cut has hit at least one push in flight
                outcomes += [a.push_raw(batch).status_code for batch in batches]
                if 503 in outcomes:
                    break
        finally:
            stop.set()
            cutter.join()
            admin.dispose()
        assert set(outcomes) <= {200, 503}, outcomes
        for batch in batches:  # retry everything: what was stored answers `duplicate`
            response = a.push_raw(batch)
            assert response.status_code == 200
            assert {s["status"] for s in response.json()["statuses"]} <= {"applied", "duplicate"}
        ids = [c.change_id for c in b.pull_all(limit=1500)[0]]
        assert len(ids) == 4000 and len(set(ids)) == 4000
        assert 503 in outcomes
