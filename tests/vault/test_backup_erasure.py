"""Erasure survives restoring a backup (DESIGN.md §5 promise 4): a backup taken before ``person erase`` still holds
the case key, so restoring it re-applies the erasure register of the vault it replaces — the case, its wrapped
keys and its queued changes are gone again, the operator is told how many cases that was, and an audit event
records it. A backup with no erasure since comes back exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from iam_desktop import cli
from iam_desktop.services.desk import Desk
from iam_desktop.vault import erasures
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import attachments, audit_events, case_keys, lookup_index, outbox, records, vault_meta
from tests.sync_client.helpers import person
from tests.vault_fixtures import PASSPHRASE

CASE_TABLES = (case_keys, records, outbox, attachments, lookup_index)


def _held(desk: Desk, case_id: str) -> dict[str, int]:
    """Rows of the case in every table that holds something of it."""
    with desk.vault.engine.connect() as conn:
        return {t.name: len(conn.execute(select(t).where(t.c.case_id == case_id)).all()) for t in CASE_TABLES}


def _secret_bytes(desk: Desk, case_id: str) -> list[bytes]:
    """What crypto-shredding must destroy: every wrapped copy of the case key, and the sealed records."""
    with desk.vault.engine.connect() as conn:
        keys = [bytes(r.wrapped) for r in conn.execute(select(case_keys).where(case_keys.c.case_id == case_id))]
        sealed = [bytes(r.sealed) for r in conn.execute(select(records).where(records.c.case_id == case_id))]
    assert keys and sealed
    return keys + sealed


def _snapshot(desk: Desk) -> dict[str, Any]:
    with desk.vault.engine.connect() as conn:
        return {t.name: sorted(tuple(map(str, r)) for r in conn.execute(select(t))) for t in (*CASE_TABLES, vault_meta)}


def _restore(data_dir: DataDir, backup: Path) -> tuple[int, Desk]:
    info = Desk.restore(data_dir, backup, username="anna", secret=PASSPHRASE)
    restored = Desk.open(data_dir)
    restored.unlock("anna", PASSPHRASE)
    return info.erased_again, restored


def test_restoring_a_backup_from_before_an_erasure_erases_the_case_again(
    desk: Desk, data_dir: DataDir, tmp_path: Path
) -> None:
    erased, kept = desk.cases.intake(person(1)), desk.cases.intake(person(2))
    desk.cases.update(erased, {**desk.cases.open(erased).person, "phone": "+39 333 000 7777"})  # a queued change
    secrets = _secret_bytes(desk, erased)
    backup = tmp_path / "before-erasure.iambak"
    desk.backup(backup)
    assert desk.network.rights.erase(erased)["records"] >= 1
    with desk.vault.engine.connect() as conn:
        entry = erasures.registered(conn)[erased]
    assert entry["via"] == "here" and entry["by"] and set(entry) == {"at", "via", "by"}
    desk.close()

    count, restored = _restore(data_dir, backup)
    try:
        assert count == 1
        assert restored.cases.row(erased) is None and restored.cases.row(kept) is not None
        assert restored.cases.count() == 1
        assert _held(restored, erased) == dict.fromkeys(_held(restored, erased), 0)
        assert _held(restored, kept)["records"] >= 1
        assert restored.cases.open(kept).person["family_name"] == "Fittizio c"
        with restored.vault.engine.connect() as conn:
            assert erasures.registered(conn)[erased] == entry  # carried over, with the erasure's own date and author
            events = conn.execute(select(audit_events).where(audit_events.c.case_id == erased)).all()
        assert [e.action for e in events][-1] == "person.erase.restore"
        assert restored.verify_audit().ok
        # The erasure had not reached a server yet: its request is still queued after the restore.
        assert restored.network.rights.pending_erasures() == [erased]
    finally:
        restored.close()
    # Nothing that could open the case is left in any file of the data folder (vault, WAL, the pre-restore copy).
    files = [p for p in data_dir.root.rglob("*") if p.is_file()]
    assert data_dir.vault in files and not [p for p in files if p.name.startswith("restore-")]
    for path in files:
        raw = path.read_bytes()
        assert not [s for s in secrets if s in raw], path.name


def test_a_second_restore_of_the_same_old_backup_still_erases_the_case(
    desk: Desk, data_dir: DataDir, tmp_path: Path
) -> None:
    erased = desk.cases.intake(person(1))
    backup = tmp_path / "old.iambak"
    desk.backup(backup)
    desk.network.rights.erase(erased)
    desk.close()
    count, restored = _restore(data_dir, backup)
    restored.close()
    assert count == 1
    count, restored = _restore(data_dir, backup)  # the register came over with the first restore
    try:
        assert count == 1 and _held(restored, erased)["records"] == 0
    finally:
        restored.close()


def test_restoring_a_backup_with_no_erasure_since_changes_nothing(
    desk: Desk, data_dir: DataDir, tmp_path: Path
) -> None:
    gone = desk.cases.intake(person(1))
    desk.network.rights.erase(gone)  # before the backup: already absent from it
    desk.cases.intake(person(2))
    backup = tmp_path / "after-erasure.iambak"
    desk.backup(backup)
    before = _snapshot(desk)
    desk.close()
    count, restored = _restore(data_dir, backup)
    try:
        assert count == 0
        assert _snapshot(restored) == before
        with restored.vault.engine.connect() as conn:
            actions = [e.action for e in conn.execute(select(audit_events))]
        assert actions[actions.index("vault.backup") + 1 :] == ["vault.restore", "session.unlock"]
    finally:
        restored.close()


def test_the_cli_tells_the_operator_how_many_cases_were_erased_again(
    desk: Desk, data_dir: DataDir, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    erased = desk.cases.intake(person(1))
    backup = tmp_path / "before.iambak"
    desk.backup(backup)
    desk.network.rights.erase(erased)
    desk.close()
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    argv = ["--data-dir", str(data_dir.root), "restore", str(backup), "--operator", "anna"]
    assert cli.run(argv) == 0
    out = capsys.readouterr().out
    assert "1 case(s) erased since that backup were removed from it again" in out
