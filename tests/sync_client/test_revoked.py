"""`revoked` notices and key rotation through a real server process (DESIGN.md §5, §10 "SORMAS").

Desk A refers two cases to desk B (a transfer proposal: B receives each case whole), then withdraws the referrals
and revokes B's access. On the case whose edit B had already pushed, B's next sync drops everything (keys, records,
the case list) and A reads B's edit. On the case B edited offline before the revoke, the server refuses the edit
and B keeps the case, with its keys and the edit, noted for review, until an operator discards it. After the
revoke A's key is rotated: A's later change is sealed with a key B never held, and none of B's keys opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from iam_desktop.domain.errors import TamperedError, ValidationError
from iam_desktop.services.desk import Desk
from iam_desktop.vault import outbox
from iam_desktop.vault.tables import case_keys, records
from iam_desktop.vault.tables import outbox as outbox_table
from sync.server.testing import ServerProcess, provision_desk
from tests.network.conftest import PERSON
from tests.sync_client.helpers import desk_devices, new_vault


def netsync(*desks: Desk) -> None:
    for desk in desks:
        report = desk.network.sync()
        assert report.ok, report.sync


def _keys(desk: Desk, case_id: str) -> dict[str, bytes]:
    with desk.vault.engine.connect() as conn:
        return {k: desk.records.case_key(conn, case_id, k)[1] for k in desk.records.key_ids(conn, case_id)}


def _local_rows(desk: Desk, case_id: str) -> tuple[int, int]:
    with desk.vault.engine.connect() as conn:
        held = conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == case_id)).all()
        stored = conn.execute(select(records.c.record_id).where(records.c.case_id == case_id)).all()
    return len(held), len(stored)


def _edited(phone: str) -> dict[str, Any]:
    return {**PERSON, "phone": phone}


@pytest.fixture
def desks(server: ServerProcess, tmp_path: Path) -> Any:
    _id, (code,) = provision_desk(server.database_url, f"Ufficio centrale {tmp_path.name}", central=True)
    central = new_vault(tmp_path / "centrale", "Ufficio centrale")
    assert central.sync.enrolment().enrol(server.url, code).status == "active"
    a = desk_devices(server, tmp_path, 1, name=f"Sportello A {tmp_path.name}")[0]
    b = desk_devices(server, tmp_path, 1, name=f"Sportello B {tmp_path.name}")[0]
    yield a, b, central
    for desk in (a, b, central):
        desk.close()


def test_a_revoked_desk_drops_the_case_keeps_unsent_work_and_cannot_read_later_changes(desks: Any) -> None:
    a, b, central = desks
    pushed_case = a.cases.intake({**PERSON, "family_name": "Zebrafittizio"})
    offline_case = a.cases.intake({**PERSON, "family_name": "Zebraoffline"})
    b_id = b.network.referrals.my_desk_id()
    referrals = [a.network.referrals.propose(c, b_id, "transfer") for c in (pushed_case, offline_case)]
    netsync(a, b)
    assert b.cases.open(pushed_case).person["family_name"] == "Zebrafittizio"  # B received both cases whole
    b.cases.update(pushed_case, _edited("+39 333 111 2222"))
    netsync(b)  # this edit reaches the server before the revoke
    b.cases.update(offline_case, {**PERSON, "family_name": "Zebraoffline", "phone": "+39 333 999 0000"})
    b_keys = {c: _keys(b, c) for c in (pushed_case, offline_case)}

    netsync(a)  # A reads B's pushed edit
    assert a.cases.open(pushed_case).person["phone"] == "+393331112222"
    for referral in referrals:
        a.network.referrals.withdraw(referral)
    old_keys = set(_keys(a, pushed_case))
    new_key = a.sync.revoke_access(pushed_case, b_id)
    a.sync.revoke_access(offline_case, b_id)
    assert new_key not in old_keys and set(_keys(a, pushed_case)) == old_keys | {new_key}
    with a.vault.engine.connect() as conn:
        before = {e.change_id for e in outbox.pending(conn, 1000, 0)}  # the withdrawal, under the old key
    a.cases.update(pushed_case, _edited("+39 333 444 5555"))  # a later change, sealed with the new key
    with a.vault.engine.connect() as conn:
        later = [e for e in outbox.pending(conn, 1000, 0) if e.case_id == pushed_case and e.change_id not in before]
    assert later and {e.key_id for e in later} == {new_key}
    netsync(a)

    report = b.network.sync().sync  # B's offline edit is refused by the server, then the notices arrive
    assert report.ok and report.rejected >= 1
    assert _local_rows(b, pushed_case) == (0, 0)  # keys and records gone
    with pytest.raises(ValidationError):
        b.cases.open(pushed_case)
    assert pushed_case not in {row.case_id for row in b.cases.search("")}
    kept = b.sync.revoked()
    assert set(kept) == {offline_case} and kept[offline_case]["waiting"] >= 1  # noted for review, not lost
    assert b.cases.open(offline_case).person["phone"] == "+393339990000"  # the unsent edit is still here
    with b.vault.engine.connect() as conn:
        states = {r.state for r in conn.execute(select(outbox_table).where(outbox_table.c.case_id == offline_case))}
    assert outbox.REJECTED in states
    netsync(b)  # later runs keep it too
    assert set(b.sync.revoked()) == {offline_case}

    # Rotation: A's later change does not open with any key B held, and B's old keys never included the new one.
    assert new_key not in b_keys[pushed_case]
    for envelope in later:
        for key in b_keys[pushed_case].values():
            with pytest.raises(TamperedError):
                outbox.open_change(key, envelope)
    netsync(central)  # the central office still reads the case after the rotation
    assert central.cases.open(pushed_case).person["phone"] == "+393334445555"

    b.sync.discard_revoked(offline_case)  # after review: dropped on purpose
    assert b.sync.revoked() == {} and _local_rows(b, offline_case) == (0, 0)
    with pytest.raises(ValidationError):
        b.sync.discard_revoked(offline_case)  # only a case noted as revoked
