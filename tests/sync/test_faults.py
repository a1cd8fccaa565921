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
