"""Erasure is real (DESIGN.md §5 promise 4), end to end: a case referred from desk A to desk B (a pending referral
holding a place) and copied to the central office is erased with ``iam-desktop person erase``; after a network
sync on every device no device and no server row can decrypt anything of the person — tried with every key the
test can reach — and the person's known strings appear in no file (vaults with their WAL, the server's SQLite)."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from iam_desktop import cli
from iam_desktop.domain.errors import LockedError, TamperedError
from iam_desktop.services.desk import Desk
from iam_desktop.vault import crypto
from iam_desktop.vault.records import case_key_context
from iam_desktop.vault.tables import audit_events, case_keys, grants_in, outbox, records
from tests.network.conftest import KNOWN_STRINGS, PERSON, Net, netsync
from tests.sync_client.helpers import PASSPHRASE


def _relock(desk: Desk) -> None:
    """A fresh session: no key cached in memory, only what the vault holds."""
    desk.lock()
    desk.unlock("anna", PASSPHRASE)


def test_person_erase_shreds_the_case_on_every_device_and_the_server(
    net: Net, catalogue_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, central = net.a, net.b, net.central
    a.network.catalogue.found()
    a.network.catalogue.import_file(catalogue_file)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(
        case_id, b.network.referrals.my_desk_id(), "transfer", opportunity="casa-re-1"
    )  # a transfer gives B the whole case (a housing referral shares an extract: test_shared_extract.py)
    netsync(a, b, central)
    with a.vault.engine.connect() as conn:
        key_id = a.records.case_key(conn, case_id)[0]
    assert b.cases.open(case_id).person["family_name"] == "Zebrafittizio"
    assert central.cases.open(case_id).person["family_name"] == "Zebrafittizio"
    assert [x.referral_id for x in b.network.catalogue.bookings()] == [referral]

    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IAM_OPERATOR", "anna")
    argv = ["--data-dir", str(a.vault.data_dir.root), "person", "--operator", "anna", "erase", case_id, "--yes"]
    assert cli.run(argv) == 0, capsys.readouterr()
    assert a.network.rights.pending_erasures() == [case_id]
    netsync(a)
    assert a.network.rights.pending_erasures() == []
    netsync(b, central, a)

    server_file = Path(net.server.database_url.removeprefix("sqlite:///"))
    with sqlite3.connect(server_file) as db:
        numbers = [r[0] for r in db.execute("SELECT case_no FROM cases WHERE case_id = ?", (case_id,))]
        assert db.execute("SELECT erased_ms FROM cases WHERE case_id = ?", (case_id,)).fetchone()[0] is not None
        assert db.execute("SELECT count(*) FROM grants WHERE case_id = ?", (case_id,)).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM changes WHERE case_no IN (?)", numbers).fetchone()[0] == 0
        server_grants = list(db.execute("SELECT case_id, key_id, wrapped_key FROM grants"))

    desks = (a, b, net.c, central)
    for desk in desks:
        with desk.vault.engine.connect() as conn, pytest.raises(LockedError):
            desk.records.case_key(conn, case_id, key_id)  # not even the session's in-memory copy is left
        _relock(desk)
        with desk.vault.engine.connect() as conn:
            for table in (case_keys, records, outbox, grants_in):
                assert conn.execute(select(table).where(table.c.case_id == case_id)).first() is None, table.name
            with pytest.raises(LockedError):
                desk.records.case_key(conn, case_id)
        with pytest.raises(Exception):  # noqa: B017 — unknown case or no key: nothing opens
            desk.cases.open(case_id)
        assert referral not in {v.referral_id for v in desk.network.referrals.all()}
        # Every desk private key the test can reach, tried on every wrapped key left on the server for this case.
        private = desk.vault.keyring.require().desk_private
        for grant_case, key_id, wrapped in server_grants:
            with pytest.raises(TamperedError):
                crypto.unwrap_with_private_key(
                    private, base64.b64decode(wrapped), case_key_context(case_id, key_id), what="g"
                )
            assert grant_case != case_id
    assert b.network.catalogue.bookings() == []  # the place the referral held is free again

    with a.vault.engine.connect() as conn:
        trail = conn.execute(select(audit_events).where(audit_events.c.case_id == case_id)).all()
    assert "person.erase" in [e.action for e in trail]

    # The server's SQLite file and every device's data folder (vault.db and its -wal) live under one folder.
    folders = {server_file.parent, *(d.vault.data_dir.root for d in desks)}
    files = sorted({p for folder in folders for p in folder.rglob("*") if p.is_file()})
    assert any(p.name == "vault.db-wal" for p in files) and server_file in files
    for path in files:
        raw = path.read_bytes()
        for text in KNOWN_STRINGS:
            assert text.encode() not in raw, (path.name, text)
