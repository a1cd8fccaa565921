"""After-pull digest check and partition repair through a real server (SQLite and PostgreSQL): a replica that lost a
record or holds a stale field behind the app's back is repaired by the next sync, one partition at a time and
without downloading the rest; an honest replica matches; a difference that cannot be repaired does not loop."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from iam_desktop.services import sync_repair
from iam_desktop.services.desk import Desk
from iam_desktop.vault.tables import records
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, replica, sync


def _raw(desk: Desk) -> sqlite3.Connection:
    database = desk.vault.engine.url.database
    assert database
    return sqlite3.connect(database)


def _record_rows(desk: Desk, record_id: str) -> tuple[list[Any], list[Any]]:
    with _raw(desk) as raw:
        return (
            raw.execute("SELECT * FROM records WHERE record_id = ?", (record_id,)).fetchall(),
            raw.execute("SELECT * FROM field_stamps WHERE record_id = ?", (record_id,)).fetchall(),
        )


def _put_back(desk: Desk, record_id: str, rows: tuple[list[Any], list[Any]]) -> None:
    """Roll one record back to an older version, payload and stamps, as a replica that missed a change."""
    with _raw(desk) as raw:
        raw.execute("DELETE FROM records WHERE record_id = ?", (record_id,))
        raw.execute("DELETE FROM field_stamps WHERE record_id = ?", (record_id,))
        raw.executemany(f"INSERT INTO records VALUES ({','.join('?' * len(rows[0][0]))})", rows[0])
        raw.executemany("INSERT INTO field_stamps VALUES (?, ?, ?, ?)", rows[1])
    desk.cases.forget()


def test_lost_record_and_stale_field_are_repaired_one_partition_at_a_time(
    any_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = desk_devices(any_server, tmp_path)
    cases = [a.cases.intake(person(n, notes="prima")) for n in range(1, 11)]
    sync(a)
    first = sync(b)
    assert (first.partitions_checked, first.partitions_repaired) == (10, 0)  # an honest replica matches
    lost, stale = cases[0], cases[1]
    older = _record_rows(b, stale)
    a.cases.update(stale, {**a.cases.open(stale).person, "notes": "dopo"})
    sync(a), sync(b)
    assert b.cases.open(stale).person["notes"] == "dopo"
    # Behind the app's back: one case record disappears, another goes back to its older version.
    _put_back(b, stale, older)
    with _raw(b) as raw:
        assert raw.execute("DELETE FROM records WHERE record_id = ?", (lost,)).rowcount == 1
    b.cases.forget()
    assert b.cases.open(stale).person["notes"] == "prima" and b.cases.row(lost) is None

    quiet = sync(b)  # nothing pulled and the last check is recent: no check, no cost
    assert (quiet.partitions_checked, quiet.partitions_repaired) == (0, 0)
    monkeypatch.setattr(sync_repair, "CHECK_EVERY_S", 0.0)
    fetched: list[str] = []
    history = sync_repair.PartitionRepair.history

    def spy(self: sync_repair.PartitionRepair, case_id: str) -> Any:
        fetched.append(case_id)
        return history(self, case_id)

    monkeypatch.setattr(sync_repair.PartitionRepair, "history", spy)
    repaired = sync(b)
    assert (repaired.partitions_checked, repaired.partitions_repaired) == (10, 2)
    assert sorted(fetched) == sorted([lost, stale])  # only the two partitions that differ
    assert repaired.bytes_down < first.bytes_down / 2
    assert b.cases.open(stale).person["notes"] == "dopo" and b.cases.row(lost) is not None
    assert replica(a) == replica(b)
    assert b.sync.conflicts() == []  # re-applying history records no conflict twice
    fetched.clear()
    again = sync(b)
    assert (again.partitions_checked, again.partitions_repaired, fetched) == (10, 0, [])


def test_a_difference_that_cannot_be_repaired_is_fetched_once(
    server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (a,) = desk_devices(server, tmp_path, devices=1)
    case_id = a.cases.intake(person(40))
    sync(a)
    # A record the server never received and no outbox row will ever send (written behind the sync engine).
    with a.vault.engine.begin() as conn:
        key = a.records.case_key(conn, case_id)
        a.records.write(conn, case_id=case_id, kind="note", record_id="0" * 8 + "-0000-4000-8000-" + "0" * 12,
                        payload={"text": "solo qui"}, key=key, exists=False)  # fmt: skip
    monkeypatch.setattr(sync_repair, "CHECK_EVERY_S", 0.0)
    fetched: list[str] = []
    history = sync_repair.PartitionRepair.history
    monkeypatch.setattr(sync_repair.PartitionRepair, "history", lambda self, c: fetched.append(c) or history(self, c))
    for _ in range(3):
        report = sync(a)
        assert report.partitions_repaired == 0
    assert fetched == [case_id]  # tried once, then left alone until the server's digest moves
    with a.vault.engine.connect() as conn:
        assert conn.execute(records.select().where(records.c.kind == "note")).first() is not None  # nothing lost
