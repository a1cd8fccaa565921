"""Backups: encrypted, self-checking; restore refuses damaged, truncated or foreign files and leaves the current
vault untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from iam_desktop.domain.errors import BackupError, BackupForeignError, NotABackupError, WrongPassphraseError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import KNOWN_STRINGS, PASSPHRASE, PERSON, STORED_PERSON


def _backup(desk: Desk, tmp_path: Path) -> Path:
    target = tmp_path / "desk.iambak"
    desk.backup(target)
    return target


def test_backup_is_encrypted_and_restores_on_a_new_machine(desk: Desk, tmp_path: Path) -> None:
    case_id = desk.cases.intake(PERSON)
    target = _backup(desk, tmp_path)
    blob = target.read_bytes()
    for needle in KNOWN_STRINGS:
        assert needle.encode() not in blob
    new_machine = DataDir(tmp_path / "new-machine")
    info = Desk.restore(new_machine, target, username="anna", secret=PASSPHRASE)
    assert info.desk_name == "Sportello Val Trompia"
    restored = Desk.open(new_machine)
    try:
        restored.unlock("anna", PASSPHRASE)
        assert restored.cases.open(case_id).person == STORED_PERSON
        assert restored.verify_audit().ok
    finally:
        restored.close()


def test_restore_brings_back_the_state_of_the_backup(desk: Desk, data_dir: DataDir, tmp_path: Path) -> None:
    kept = desk.cases.intake(PERSON)
    target = _backup(desk, tmp_path)
    desk.cases.intake({**PERSON, "given_names": ["Dopo il backup"]})
    assert desk.cases.count() == 2
    desk.close()
    Desk.restore(data_dir, target, username="anna", secret=PASSPHRASE)
    assert (data_dir.root / "vault.db.pre-restore").exists()
    restored = Desk.open(data_dir)
    try:
        restored.unlock("anna", PASSPHRASE)
        assert [row.case_id for row in restored.cases.search()] == [kept]
    finally:
        restored.close()


@pytest.mark.parametrize("keep", [0.0, 0.3, 0.999])
def test_truncated_backup_is_refused_and_the_vault_untouched(
    desk: Desk, data_dir: DataDir, tmp_path: Path, keep: float
) -> None:
    desk.cases.intake(PERSON)
    target = _backup(desk, tmp_path)
    data = target.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    desk.close()
    before = data_dir.vault.read_bytes()
    with pytest.raises((BackupError, NotABackupError)):
        Desk.restore(data_dir, target, username="anna", secret=PASSPHRASE)
    assert data_dir.vault.read_bytes() == before
    assert not (data_dir.root / "vault.db.pre-restore").exists()


def test_backup_with_a_flipped_byte_is_refused(desk: Desk, data_dir: DataDir, tmp_path: Path) -> None:
    desk.cases.intake(PERSON)
    target = _backup(desk, tmp_path)
    data = bytearray(target.read_bytes())
    data[-40] ^= 0xFF
    target.write_bytes(bytes(data))
    desk.close()
    with pytest.raises(BackupError) as caught:
        Desk.restore(data_dir, target, username="anna", secret=PASSPHRASE)
    assert caught.value.kind.value == "backup_damaged"


def test_a_file_that_is_not_a_backup_is_refused(data_dir: DataDir, desk: Desk, tmp_path: Path) -> None:
    desk.close()
    bogus = tmp_path / "photo.jpg"
    bogus.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    with pytest.raises(NotABackupError):
        Desk.restore(data_dir, bogus, username="anna", secret=PASSPHRASE)


def test_another_desks_backup_is_refused_over_an_existing_vault(desk: Desk, data_dir: DataDir, tmp_path: Path) -> None:
    desk.close()
    other_dir = DataDir(tmp_path / "other")
    other, _ = Desk.initialise(
        other_dir,
        desk_name="Sportello Padova",
        territory="Padova",
        username="anna",
        display_name="Anna",
        passphrase=PASSPHRASE,
        kdf=KdfParams(8192, 1, 1),
    )
    foreign = _backup(other, tmp_path)
    other.close()
    before = data_dir.vault.read_bytes()
    with pytest.raises(BackupForeignError) as caught:
        Desk.restore(data_dir, foreign, username="anna", secret=PASSPHRASE)
    assert caught.value.params["backup_desk"] == "Sportello Padova"
    assert data_dir.vault.read_bytes() == before


def test_wrong_passphrase_cannot_restore(desk: Desk, tmp_path: Path) -> None:
    target = _backup(desk, tmp_path)
    with pytest.raises(WrongPassphraseError):
        Desk.restore(DataDir(tmp_path / "new"), target, username="anna", secret="non la so proprio")
    assert not (tmp_path / "new" / "vault.db").exists()
