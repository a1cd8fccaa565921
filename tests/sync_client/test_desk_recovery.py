"""Recovering a desk whose only computer was lost (DESIGN.md §5 promise 5), through a real server process: the
desk's first computer left the central office a recovery copy of the desk key; the computer is lost and revoked;
a new computer enrols with a fresh code and waits; the central office lists it with the desk's name and short code
(the CLI as an operator would use it), approves it by opening the recovery copy, and the new computer pulls the
whole desk, opens every case and writes new ones the central office reads. Plus the refusals: a wrong short code,
a desk that never left a recovery copy, and a recovery copy that was tampered with or forged."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import update

from iam_desktop.cli import run
from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import desk_key_context, recovery_case_id
from iam_desktop.services.sync_http import SyncError, SyncProblem
from iam_desktop.vault import crypto
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import grants_in
from sync.server.storage import open_storage
from sync.server.testing import ServerProcess, enrolled_desk, provision_desk, public_key_b64
from tests.sync_client.helpers import PASSPHRASE, new_vault, person, replica, sync


def _central(server: ServerProcess, root: Path, name: str) -> Desk:
    _desk_id, (code,) = provision_desk(server.database_url, name, central=True)
    office = new_vault(root, name)
    assert office.sync.enrolment().enrol(server.url, code, label="centrale").status == "active"
    return office


def _new_code(server: ServerProcess, desk_id: str) -> str:
    """What the admin does for a desk that lost its computer: `iam-sync-server enrol-code DESK`."""
    storage = open_storage(server.database_url)
    try:
        return storage.create_enrol_code(desk_id, 60)[0]
    finally:
        storage.close()


def _revoke(server: ServerProcess, device_id: str) -> None:
    storage = open_storage(server.database_url)
    try:
        assert storage.revoke_device(device_id)
    finally:
        storage.close()


def test_the_central_office_recovers_a_desk_whose_only_computer_was_lost(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    office_dir = tmp_path / "centrale"
    office = _central(server, office_dir, "Ufficio centrale (recupero)")
    fingerprint = office.sync.enrolment().own_fingerprint()
    desk_id, (code,) = provision_desk(server.database_url, "Sportello perduto")
    lost_dir = tmp_path / "perduto"
    lost = new_vault(lost_dir, "Sportello perduto")
    first = lost.sync.enrolment().enrol(server.url, code, label="pc unico", central_fingerprint=fingerprint)
    assert first.recovery_copy and first.central_confirmed
    case_ids = [lost.cases.intake(person(n)) for n in range(1, 4)]
    sync(lost)
    before = replica(lost)
    lost.close()
    shutil.rmtree(lost_dir)  # the computer is gone, and its vault with it
    _revoke(server, first.device_id)
    sync(office)  # the recovery copy reaches the central office

    fresh = new_vault(tmp_path / "nuovo", "Sportello perduto")
    waiting = fresh.sync.enrolment().enrol(server.url, _new_code(server, desk_id), label="pc nuovo",
                                           central_fingerprint=fingerprint)  # fmt: skip
    assert waiting.status == "pending" and waiting.short_code
    assert not fresh.sync.enrolment().finish_handover()
    office.close()

    # The central office's coordinator, with the CLI: the pending computer with its desk's name and short code.
    monkeypatch.setenv("IAM_OPERATOR", "anna")
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    assert run(["--data-dir", str(office_dir), "device", "pending", "--json"]) == 0
    pending = {p["device_id"]: p for p in json.loads(capsys.readouterr().out)}
    shown = pending[waiting.device_id]
    assert shown["desk_name"] == "Sportello perduto" and shown["recovery"]
    assert shown["short_code"] == waiting.short_code  # computed with that desk's public key, not the office's
    wrong = "000 000" if waiting.short_code != "000 000" else "111 111"
    approve = ["--lang", "en", "--data-dir", str(office_dir), "device", "approve", waiting.device_id]
    assert run([*approve, "--short-code", wrong]) == 1
    assert "does not match" in capsys.readouterr().err
    assert not fresh.sync.enrolment().finish_handover()  # a wrong code hands nothing over
    assert run([*approve, "--short-code", waiting.short_code]) == 0
    out = capsys.readouterr().out
    assert "Sportello perduto" in out and "recovery copy" in out

    assert fresh.sync.enrolment().finish_handover()
    report = sync(fresh)
    assert report.keys_installed == len(case_ids)
    assert replica(fresh) == before  # every record of the desk, opened with the recovered desk key
    for case_id in case_ids:
        assert fresh.cases.open(case_id).person["family_name"].startswith("Fittizio")
    state = fresh.sync.enrolment().state()
    assert state is not None and state.central_pinned and state.central_fingerprint == fingerprint

    later = fresh.cases.intake(person(40))  # written after the recovery ...
    sync(fresh)
    office = _reopen(office_dir)
    try:
        sync(office)
        assert office.cases.open(later).person["family_name"] == person(40)["family_name"]  # ... read centrally
    finally:
        office.close()
        fresh.close()


def _reopen(folder: Path) -> Desk:
    desk = Desk.open(DataDir(folder))
    desk.unlock("anna", PASSPHRASE)
    return desk


def test_recovery_refuses_a_desk_without_a_recovery_copy_and_a_bad_copy(server: ServerProcess, tmp_path: Path) -> None:
    office = _central(server, tmp_path / "centrale", "Ufficio centrale (rifiuti)")
    fingerprint = office.sync.enrolment().own_fingerprint()
    # A desk whose first computer never left a recovery copy (a client that predates it).
    (old,) = enrolled_desk(server.database_url, server.url, "Sportello senza copia")
    orphan = new_vault(tmp_path / "orfano", "Sportello senza copia")
    pending = orphan.sync.enrolment().enrol(server.url, _new_code(server, old.desk_id), central_fingerprint=fingerprint)
    # A desk that did leave one, whose copy is then damaged or replaced on its way to the central office.
    desk_id, (code,) = provision_desk(server.database_url, "Sportello copia rotta")
    source = new_vault(tmp_path / "fonte", "Sportello copia rotta")
    source.sync.enrolment().enrol(server.url, code, central_fingerprint=fingerprint)
    source.close()
    other = new_vault(tmp_path / "altro", "Sportello copia rotta")
    second = other.sync.enrolment().enrol(server.url, _new_code(server, desk_id), central_fingerprint=fingerprint)
    sync(office)
    try:
        with pytest.raises(SyncError) as missing:
            office.sync.enrolment().approve(pending.device_id, pending.short_code)
        assert missing.value.problem is SyncProblem.NO_RECOVERY_COPY
        assert missing.value.params["desk"] == "Sportello senza copia"

        def replace_copy(wrapped: bytes) -> None:
            with office.vault.engine.begin() as conn:
                conn.execute(update(grants_in).where(grants_in.c.case_id == recovery_case_id(desk_id))
                             .values(wrapped=base64.b64encode(wrapped).decode()))  # fmt: skip

        with office.vault.engine.connect() as conn:
            (genuine,) = conn.execute(grants_in.select().where(grants_in.c.case_id == recovery_case_id(desk_id))).all()
        flipped = bytearray(base64.b64decode(genuine.wrapped))
        flipped[-1] ^= 1
        replace_copy(bytes(flipped))
        with pytest.raises(SyncError) as tampered:
            office.sync.enrolment().approve(second.device_id, second.short_code)
        assert tampered.value.problem is SyncProblem.DESK_KEY and "does not open" in tampered.value.detail
        # A forged copy: it opens (anyone can wrap to the office's public key) but holds another key.
        office_public = base64.b64decode(office.sync.enrolment().device_public_keys()[2])
        forged = X25519PrivateKey.generate().private_bytes_raw()
        replace_copy(crypto.wrap_for_public_key(office_public, forged, desk_key_context(desk_id)))
        with pytest.raises(SyncError) as wrong_key:
            office.sync.enrolment().approve(second.device_id, second.short_code)
        assert wrong_key.value.problem is SyncProblem.DESK_KEY and "not the desk's" in wrong_key.value.detail
        assert not other.sync.enrolment().finish_handover()  # nothing was handed over by any refusal
        replace_copy(base64.b64decode(genuine.wrapped))
        office.sync.enrolment().approve(second.device_id, second.short_code)
        assert other.sync.enrolment().finish_handover()
        assert public_key_b64(X25519PrivateKey.from_private_bytes(other.vault.keyring.require().desk_x25519)) == (
            other.sync.enrolment().state().desk_public_key  # type: ignore[union-attr]
        )
    finally:
        for desk in (office, orphan, other):
            desk.close()
