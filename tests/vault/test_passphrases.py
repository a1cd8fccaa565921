"""Operators, passphrases, brute-force back-off and the recovery key."""

from __future__ import annotations

import sqlite3

import pytest

from iam_desktop.domain.errors import (
    PermissionDeniedError,
    TooManyAttemptsError,
    ValidationError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.vault import backoff_delay
from tests.vault_fixtures import PASSPHRASE, PERSON, STORED_PERSON

OTHER = "passphrase di marco 2026"


def test_wrong_passphrase_is_refused_with_growing_delay(desk: Desk) -> None:
    desk.lock()
    delays = []
    for _ in range(3):
        with pytest.raises(WrongPassphraseError) as caught:
            desk.unlock("anna", "sbagliata sbagliata")
        delays.append(caught.value.retry_after)
    assert delays == [0.0, 0.0, 2.0]
    # The next attempt, even with the right passphrase, must wait: the delay is enforced, not only shown.
    with pytest.raises(TooManyAttemptsError) as waiting:
        desk.unlock("anna", PASSPHRASE)
    assert 0 < waiting.value.retry_after <= 2.0
    assert desk.retry_after("anna") > 0
    assert not desk.unlocked


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n) for n in range(1, 8)] == [0, 0, 2, 4, 8, 16, 32]
    assert backoff_delay(50) == 300


def test_failures_survive_a_restart(desk: Desk, data_dir: DataDir) -> None:
    desk.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            desk.unlock("anna", "sbagliata sbagliata")
    desk.close()
    reopened = Desk.open(data_dir)
    try:
        assert reopened.retry_after("anna") > 0
    finally:
        reopened.close()


def test_unknown_operator_looks_like_a_wrong_passphrase(desk: Desk) -> None:
    desk.lock()
    with pytest.raises(WrongPassphraseError):
        desk.unlock("nessuno", PASSPHRASE)


def test_several_operators_each_with_their_own_passphrase(desk: Desk) -> None:
    case_id = desk.cases.intake(PERSON)
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, OTHER)
    desk.lock()
    desk.unlock("marco", OTHER)
    assert desk.operator is not None and desk.operator.role is Role.OPERATOR
    assert desk.cases.open(case_id).person == STORED_PERSON
    desk.lock()
    with pytest.raises(WrongPassphraseError):
        desk.unlock("marco", PASSPHRASE)


def test_changing_a_passphrase_rewraps_and_never_reencrypts(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(PERSON)
    before = _records(data_dir)
    desk.change_passphrase(PASSPHRASE, "una nuova passphrase 2026")
    assert _records(data_dir) == before
    desk.lock()
    with pytest.raises(WrongPassphraseError):
        desk.unlock("anna", PASSPHRASE)
    desk.unlock("anna", "una nuova passphrase 2026")
    assert desk.cases.open(case_id).person == STORED_PERSON


def _records(data_dir: DataDir) -> list[tuple[str, bytes]]:
    conn = sqlite3.connect(data_dir.vault)
    try:
        return conn.execute("SELECT record_id, sealed FROM records ORDER BY record_id").fetchall()
    finally:
        conn.close()


def test_change_passphrase_requires_the_current_one(desk: Desk) -> None:
    with pytest.raises(WrongPassphraseError):
        desk.change_passphrase("non è questa la frase", "una nuova passphrase 2026")


def test_short_passphrase_is_refused(data_dir: DataDir) -> None:
    with pytest.raises(ValidationError) as caught:
        Desk.initialise(data_dir, desk_name="X", territory="", username="anna", display_name="A", passphrase="corta")
    assert caught.value.field == "passphrase" and caught.value.code == "too_short"
    assert not data_dir.vault.exists()


def test_recovery_key_resets_a_forgotten_passphrase(data_dir: DataDir) -> None:
    desk, recovery = Desk.initialise(
        data_dir,
        desk_name="Sportello Padova",
        territory="Padova",
        username="anna",
        display_name="Anna",
        passphrase=PASSPHRASE,
        kdf=KdfParams(8192, 1, 1),
    )
    case_id = desk.cases.intake(PERSON)
    desk.lock()
    with pytest.raises(WrongRecoveryKeyError):
        desk.reset_passphrase("AAAA-" * 12 + "AAAA", "anna", "nuova passphrase lunga")
    # Typed in lower case with spaces instead of dashes: still accepted.
    desk.reset_passphrase(recovery.lower().replace("-", " "), "anna", "nuova passphrase lunga")
    desk.unlock("anna", "nuova passphrase lunga")
    assert desk.cases.open(case_id).person == STORED_PERSON
    desk.close()


def test_operator_role_cannot_manage_operators_or_back_up(desk: Desk, tmp_path) -> None:
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, OTHER)
    desk.lock()
    desk.unlock("marco", OTHER)
    with pytest.raises(PermissionDeniedError):
        desk.add_operator("eve", "Eve", Role.COORDINATOR, "una passphrase qualsiasi")
    with pytest.raises(PermissionDeniedError):
        desk.backup(tmp_path / "b.iambak")
    assert not (tmp_path / "b.iambak").exists()
