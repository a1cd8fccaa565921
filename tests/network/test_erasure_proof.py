"""Erasure that a server cannot forge, and that a restored device cannot undo, through real server processes on
SQLite and PostgreSQL: the erasing device seals a proof with the case key; the server stores it and puts it in
every ``erased`` notice; each device shreds its copy only if the proof opens with its own key. A device restored
from a backup taken before the erasure has its old changes of that case refused by the server, and drops the case
again from the notice it pulls."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa

from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import Enrolment
from iam_desktop.vault import erasures
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import outbox
from sync.protocol import EraseReply, ErrorCode
from sync.server.testing import ServerProcess
from tests.network.conftest import central_office, netsync
from tests.sync_client.conftest import any_server  # noqa: F401 — fixture re-used by import
from tests.sync_client.helpers import CONSENTS, PASSPHRASE, desk_devices, person, sync


class RecordingSession(requests.Session):
    """The client's HTTP session, keeping every push reply (the per-change statuses) for the test to read."""

    def __init__(self) -> None:
        super().__init__()
        self.push_replies: list[dict[str, Any]] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if "/v1/push" in url and response.status_code == 200:
            self.push_replies.append(json.loads(response.content))
        return response


def _server_notices(server: ServerProcess, case_id: str) -> list[Any]:
    engine = sa.create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            query = "SELECT kind, proof_key_id, proof FROM notices WHERE case_id = :c"
            return list(conn.execute(sa.text(query), {"c": case_id}))
    finally:
        engine.dispose()


def _server_changes(server: ServerProcess, case_id: str) -> int:
    engine = sa.create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            query = "SELECT count(*) FROM changes JOIN cases ON cases.case_no = changes.case_no WHERE case_id = :c"
            return int(conn.execute(sa.text(query), {"c": case_id}).scalar_one())
    finally:
        engine.dispose()


def _erasure_quarantine(desk: Desk) -> list[dict[str, Any]]:
    return [q for q in desk.sync.quarantine() if q["what"] == "erasure"]


@pytest.fixture
def desk_a(any_server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Desk, Desk, Desk]]:  # noqa: F811
    """Desk A's two computers and the central office, each holding cases ``x`` and ``y`` of A."""
    central = central_office(any_server, tmp_path)
    a1, a2 = desk_devices(any_server, tmp_path, 2)
    yield a1, a2, central
    for desk in (a1, a2, central):
        desk.close()


def test_a_proven_erasure_reaches_every_holder_and_its_proof_is_on_the_server(
    any_server: ServerProcess,  # noqa: F811
    desk_a: tuple[Desk, Desk, Desk],
) -> None:
    a1, a2, central = desk_a
    x, y = a1.cases.intake(person(1)), a1.cases.intake(person(2))
    netsync(a1, a2, central)
    assert a2.cases.open(x).person["family_name"] == central.cases.open(x).person["family_name"] == "Fittizio b"
    with a1.vault.engine.connect() as conn:
        key_id = a1.records.case_key(conn, x)[0]

    a1.network.rights.erase(x)
    netsync(a1)
    notices = _server_notices(any_server, x)
    assert len(notices) == 2 and {n.kind for n in notices} == {"erased"}  # desk A and the central office
    assert {n.proof_key_id for n in notices} == {key_id} and all(n.proof for n in notices)

    netsync(a2, central)
    for desk in (a2, central):
        assert desk.cases.row(x) is None and desk.cases.row(y) is not None
        assert _erasure_quarantine(desk) == []
        with desk.vault.engine.connect() as conn:
            assert erasures.registered(conn)[x]["via"] == "network"
    netsync(a1)  # the eraser's own notice comes back: nothing left to prove, nothing refused
    assert _erasure_quarantine(a1) == []


def test_an_erasure_without_proof_is_refused_by_the_other_devices(
    any_server: ServerProcess,  # noqa: F811
    desk_a: tuple[Desk, Desk, Desk],
) -> None:
    """An older client erases without a proof: the server erases its copy, but no other device destroys its own
    on the server's word alone — it keeps the case and shows the refusal among the items set aside."""
    a1, a2, central = desk_a
    x = a1.cases.intake(person(1))
    netsync(a1, a2, central)
    Enrolment(a1).transport().post(f"/v1/cases/{x}/erase", None, EraseReply)
    assert [n.proof for n in _server_notices(any_server, x)] == [None, None]
    for desk in (a2, central):
        report = desk.network.sync()
        assert report.ok and report.sync.quarantined == 1
        assert desk.cases.open(x).person["family_name"] == "Fittizio b"
        [entry] = _erasure_quarantine(desk)
        assert (entry["case_id"], entry["reason"]) == (x, erasures.NOT_PROVEN)


def _restored(backup: Path, root: Path) -> tuple[Desk, int]:
    info = Desk.restore(DataDir(root), backup, username="anna", secret=PASSPHRASE)
    desk = Desk.open(DataDir(root))
    desk.unlock("anna", PASSPHRASE)
    return desk, info.erased_again


@pytest.mark.parametrize("where", ["new computer", "same folder"])
def test_a_device_restored_from_a_backup_before_the_erasure_cannot_bring_the_case_back(
    any_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
    where: str,
) -> None:
    a = desk_devices(any_server, tmp_path, 1)[0]
    x, y = a.cases.intake(person(1)), a.cases.intake(person(2))
    sync(a)
    a.cases.update(x, {**a.cases.open(x).person, "phone": "+39 333 000 5555"})  # queued, not yet pushed
    backup = tmp_path / "before-erasure.iambak"
    a.backup(backup)
    a.network.rights.erase(x)
    netsync(a)
    assert _server_changes(any_server, x) == 0
    folder = a.vault.data_dir.root
    a.close()

    restored, erased_again = _restored(backup, folder if where == "same folder" else tmp_path / "new-pc")
    try:
        session = RecordingSession()
        if where == "same folder":
            # The replaced vault's erasure register was applied to the copy: nothing of the case to push.
            assert erased_again == 1 and restored.cases.row(x) is None
            report = sync(restored, session)
            assert report.rejected == 0
        else:
            # No register on a new computer: the old change is pushed, and the server, which remembers the
            # erased case, refuses it; the pulled notice (proof opens with the restored key) erases it here.
            assert erased_again == 0 and restored.cases.row(x) is not None
            with restored.vault.engine.connect() as conn:
                assert conn.execute(sa.select(outbox).where(outbox.c.case_id == x)).first() is not None
            report = sync(restored, session)
            statuses = [s for r in session.push_replies for s in r["statuses"]]
            refused = [s["errno"] for s in statuses if s["status"] == "rejected"]
            assert refused and set(refused) == {int(ErrorCode.CASE_ERASED)} and len(refused) == len(statuses)
            assert report.rejected == len(refused) and _erasure_quarantine(restored) == []
        assert restored.cases.row(x) is None and restored.cases.open(y).person["family_name"] == "Fittizio c"
        with restored.vault.engine.connect() as conn:
            assert conn.execute(sa.select(outbox).where(outbox.c.case_id == x)).first() is None
            assert x in erasures.registered(conn)
        assert _server_changes(any_server, x) == 0
    finally:
        restored.close()


def test_a_proof_opens_only_for_its_case_its_key_id_and_its_key() -> None:
    key, other_key = os.urandom(32), os.urandom(32)
    case, other_case = "0a0a0a0a-0000-4000-8000-000000000001", "0a0a0a0a-0000-4000-8000-000000000002"
    proof = erasures.make_proof(key, case, "k1")
    assert erasures.proof_opens(key, case, "k1", proof)
    assert not erasures.proof_opens(key, other_case, "k1", proof)
    assert not erasures.proof_opens(key, case, "k2", proof)
    assert not erasures.proof_opens(other_key, case, "k1", proof)
    assert not erasures.proof_opens(key, case, "k1", proof[:-1])
    # The same key sealing anything else under the proof's associated data is no proof either.
    from iam_desktop.vault import crypto

    forged = crypto.seal(key, b"something else", f"iam-erasure|{case}|erasure|k1".encode())
    assert not erasures.proof_opens(key, case, "k1", forged)


def test_an_erasure_just_after_a_referral_ended_reaches_every_computer(server: ServerProcess, tmp_path: Path) -> None:
    """Each computer of a desk rotates the case key on its own when a referral ends, and a new key leaves its
    computer only with the first change sealed with it: the proof is sealed with a key the other holders have
    (found by bench/data_rights.py: the other computer and the central office refused the proof and kept the case)."""
    central = central_office(server, tmp_path)
    a1, a2 = desk_devices(server, tmp_path / "a", 2, name="Sportello A")
    (b,) = desk_devices(server, tmp_path / "b", 1, name="Sportello B")
    try:
        case_id = a1.cases.intake(person(7, consents=CONSENTS))
        netsync(a1, a2, central)
        transfer = a1.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
        netsync(a1, b)
        b.network.referrals.answer(transfer, "declined", "nessun posto")
        netsync(b, a1, a2, central)  # A1 and A2 each withdraw B's grant and rotate the key, each its own new key
        a1.network.rights.erase(case_id)
        netsync(a1, a2, central)
        for desk in (a2, central):
            assert desk.cases.row(case_id) is None
            assert not [q for q in desk.sync.quarantine() if q["what"] == "erasure"]
    finally:
        for desk in (a1, a2, b, central):
            desk.close()
