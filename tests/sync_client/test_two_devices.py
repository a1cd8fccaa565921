"""Two devices of one desk through a real server: a case taken in charge on one appears on the other, edits of
different fields merge, the same field edited on both sides converges to the last writer and leaves a conflict
entry with the losing value, and resolving it syncs."""

from __future__ import annotations

from pathlib import Path

from iam_desktop.services.desk import Desk
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, replica, sync


def _update(desk: Desk, case_id: str, **fields: object) -> None:
    file = desk.cases.open(case_id)
    desk.cases.update(case_id, {**file.person, **fields})


def test_intake_on_one_device_appears_on_the_other(any_server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(any_server, tmp_path)
    case_id = a.cases.intake(person(1, birth_date="1990-01-01"))
    assert a.sync.status().waiting >= 2  # the case record and its history record
    pushed = sync(a)
    assert pushed.pushed >= 2 and a.sync.status().waiting == 0
    pulled = sync(b)
    assert pulled.pulled >= 2
    assert b.cases.row(case_id) is not None and b.cases.row(case_id).family_name == "Fittizio b"  # type: ignore[union-attr]
    assert b.cases.check(person(1, birth_date="1990-01-01")).duplicates  # look-ups were rebuilt from the synced case
    assert replica(a) == replica(b)


def test_edits_of_different_fields_merge(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(2))
    sync(a), sync(b)
    _update(a, case_id, phone="+39 333 111 2222")
    _update(b, case_id, notes="preferisce il mattino")
    for device in (a, b, a):
        sync(device)
    for device in (a, b):
        file = device.cases.open(case_id)
        assert file.person["phone"] == "+393331112222" and file.person["notes"] == "preferisce il mattino"
    assert a.sync.conflicts() == [] and b.sync.conflicts() == []
    assert replica(a) == replica(b)


def test_same_field_on_both_sides_converges_and_keeps_the_loser(server: ServerProcess, tmp_path: Path) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(3))
    sync(a), sync(b)
    _update(a, case_id, notes="versione di A")
    _update(b, case_id, notes="versione di B")  # later HLC: B wins
    sync(a), sync(b), sync(a)
    assert a.cases.open(case_id).person["notes"] == "versione di B"
    assert b.cases.open(case_id).person["notes"] == "versione di B"
    lost = [c for c in a.sync.conflicts() if c.field == "person.notes"]
    assert len(lost) == 1 and lost[0].loser["value"] == "versione di A" and lost[0].winner["value"] == "versione di B"
    # The operator of A restores their value: a new change that wins everywhere.
    a.sync.resolve(lost[0].conflict_id, "restore_other")
    assert a.sync.conflicts() == []
    sync(a), sync(b)
    assert b.cases.open(case_id).person["notes"] == "versione di A"
    assert replica(a) == replica(b)
