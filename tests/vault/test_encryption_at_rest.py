"""DESIGN.md §5 promises 1, 3 and 6 on the real vault file: no personal data on disk, tampering detected."""

from __future__ import annotations

import json
import sqlite3

import pytest

from iam_desktop.domain.errors import LockedError, TamperedError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import KNOWN_STRINGS, PASSPHRASE, PERSON, STORED_PERSON, raw_bytes

FATOU = {**PERSON, "given_names": ["Fatou"]}


def _assert_no_known_strings(blob: bytes) -> None:
    for needle in KNOWN_STRINGS:
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in blob, f"{needle!r} found in clear ({encoding})"


def test_vault_and_wal_hold_no_personal_data(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(PERSON)
    # While the vault is open the newest pages live in the WAL: scan it before any checkpoint.
    assert (data_dir.vault.parent / "vault.db-wal").exists()
    _assert_no_known_strings(raw_bytes(data_dir))
    assert desk.cases.open(case_id).person == STORED_PERSON
    desk.close()
    _assert_no_known_strings(raw_bytes(data_dir))


def test_lock_clears_keys_and_unlock_restores(desk: Desk) -> None:
    case_id = desk.cases.intake(PERSON)
    desk.lock()
    assert not desk.unlocked
    with pytest.raises(LockedError):
        desk.cases.open(case_id)
    with pytest.raises(LockedError):
        desk.cases.intake(PERSON)
    desk.unlock("anna", PASSPHRASE)
    assert desk.cases.open(case_id).person["family_name"] == PERSON["family_name"]
    assert desk.cases.count() == 1  # the refused intake stored nothing


def _flip_bit(data_dir: DataDir, record_id: str) -> None:
    conn = sqlite3.connect(data_dir.vault)
    sealed = bytearray(conn.execute("SELECT sealed FROM records WHERE record_id=?", (record_id,)).fetchone()[0])
    sealed[len(sealed) // 2] ^= 0x01
    conn.execute("UPDATE records SET sealed=? WHERE record_id=?", (bytes(sealed), record_id))
    conn.commit()
    conn.close()


def test_one_flipped_bit_is_reported_as_tampered_naming_the_record(desk: Desk, data_dir: DataDir) -> None:
    damaged, intact = desk.cases.intake(PERSON), desk.cases.intake(FATOU)
    _flip_bit(data_dir, damaged)
    with pytest.raises(TamperedError) as caught:
        desk.cases.open(damaged)
    assert damaged in caught.value.record
    assert desk.cases.open(intact).person["given_names"] == ["Fatou"]


def test_ciphertext_moved_to_another_record_is_refused(desk: Desk, data_dir: DataDir) -> None:
    first, second = desk.cases.intake(PERSON), desk.cases.intake(FATOU)
    conn = sqlite3.connect(data_dir.vault)
    blob = conn.execute("SELECT sealed FROM records WHERE record_id=?", (first,)).fetchone()[0]
    conn.execute("UPDATE records SET sealed=? WHERE record_id=?", (blob, second))
    conn.commit()
    conn.close()
    with pytest.raises(TamperedError):
        desk.cases.open(second)
    assert desk.cases.open(first).person["given_names"] == PERSON["given_names"]


def test_older_valid_ciphertext_of_another_case_cannot_replace_a_record(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(PERSON)
    conn = sqlite3.connect(data_dir.vault)
    old = conn.execute("SELECT sealed FROM records WHERE record_id=?", (case_id,)).fetchone()[0]
    conn.close()
    assert desk.cases.update(case_id, {**PERSON, "phone": "+39 030 000000"}) == ["phone"]
    # An old but valid blob of one case put in place of another case's record: the associated data differs.
    other = desk.cases.intake(FATOU)
    conn = sqlite3.connect(data_dir.vault)
    conn.execute("UPDATE records SET sealed=? WHERE record_id=?", (old, other))
    conn.commit()
    conn.close()
    with pytest.raises(TamperedError):
        desk.cases.open(other)


def test_swapped_case_keys_are_detected(desk: Desk, data_dir: DataDir) -> None:
    first, second = desk.cases.intake(PERSON), desk.cases.intake(FATOU)
    desk.lock()
    conn = sqlite3.connect(data_dir.vault)
    rows = dict(conn.execute("SELECT case_id, wrapped FROM case_keys").fetchall())
    conn.execute("UPDATE case_keys SET wrapped=? WHERE case_id=?", (rows[first], second))
    conn.commit()
    conn.close()
    desk.unlock("anna", PASSPHRASE)
    with pytest.raises(TamperedError):
        desk.cases.open(second)


def test_the_scan_would_see_each_known_string_written_in_clear(desk: Desk, data_dir: DataDir) -> None:
    """The scans above can fail: the stored form of the person, written unencrypted, is found string by string."""
    with desk.vault.engine.begin() as conn:
        desk.vault.set_meta(conn, "leak", json.dumps(STORED_PERSON, ensure_ascii=False))
    blob = raw_bytes(data_dir)
    for needle in KNOWN_STRINGS:
        assert needle.encode("utf-8") in blob, needle
    with pytest.raises(AssertionError, match="found in clear"):
        _assert_no_known_strings(blob)
