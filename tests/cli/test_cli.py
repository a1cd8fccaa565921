"""The headless commands, run as real processes on a temporary data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "una passphrase lunga e segreta"


def iam(
    data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IAM_INSECURE_FAST_KDF": "1", "IAM_LANG": lang}
    env.pop("IAM_PASSPHRASE", None)
    if passphrase is not None:
        env["IAM_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "iam_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    data_dir = tmp_path / "desk"
    result = iam(
        data_dir,
        "init",
        "--desk",
        "Sportello Valle Sabbia",
        "--territory",
        "Valle Sabbia",
        "--operator",
        "anna",
        "--recovery-sheet",
        str(tmp_path / "recovery.pdf"),
    )
    assert result.returncode == 0, result.stderr
    return data_dir


def test_version() -> None:
    from iam_desktop import __version__

    result = subprocess.run([sys.executable, "-m", "iam_desktop", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_prints_the_recovery_key_and_writes_the_sheet(initialised: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "recovery.pdf"
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    assert "Chiave di recupero" in text and "Recovery key" in text
    assert "Sportello Valle Sabbia" in text


def test_init_twice_is_refused(initialised: Path) -> None:
    result = iam(initialised, "init", "--desk", "Altro", "--operator", "bob")
    assert result.returncode == 1
    assert "already exists" in result.stderr


def test_unlock_check_with_right_and_wrong_passphrase(initialised: Path) -> None:
    assert iam(initialised, "unlock-check", "--operator", "anna").returncode == 0
    wrong = iam(initialised, "unlock-check", "--operator", "anna", passphrase="sbagliata sbagliata")
    assert wrong.returncode == 1 and "Wrong user name or passphrase" in wrong.stderr
    italian = iam(initialised, "unlock-check", "--operator", "anna", passphrase="sbagliata sbagliata", lang="it")
    assert "passphrase errati" in italian.stderr


def test_passphrase_file_is_read(initialised: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    result = iam(initialised, "unlock-check", "--operator", "anna", "--passphrase-file", str(secret), passphrase=None)
    assert result.returncode == 0, result.stderr


def test_no_passphrase_and_no_terminal_is_a_clear_error(initialised: Path) -> None:
    result = iam(initialised, "unlock-check", "--operator", "anna", passphrase=None)
    assert result.returncode == 1 and "IAM_PASSPHRASE" in result.stderr


def test_audit_verify(initialised: Path) -> None:
    result = iam(initialised, "audit", "verify", "--json")
    assert result.returncode == 0 and '"ok": true' in result.stdout


def test_backup_and_restore_round_trip(initialised: Path, tmp_path: Path) -> None:
    backup = tmp_path / "desk.iambak"
    assert iam(initialised, "backup", "-o", str(backup), "--operator", "anna").returncode == 0
    assert backup.stat().st_size > 1000
    restored = iam(tmp_path / "new", "restore", str(backup), "--operator", "anna")
    assert restored.returncode == 0, restored.stderr
    assert iam(tmp_path / "new", "unlock-check", "--operator", "anna").returncode == 0


def test_restore_of_a_truncated_backup_is_refused(initialised: Path, tmp_path: Path) -> None:
    backup = tmp_path / "desk.iambak"
    assert iam(initialised, "backup", "-o", str(backup), "--operator", "anna").returncode == 0
    backup.write_bytes(backup.read_bytes()[:-100])
    before = (initialised / "vault.db").read_bytes()
    result = iam(initialised, "restore", str(backup), "--operator", "anna")
    assert result.returncode == 1
    assert "damaged or incomplete" in result.stderr and "not touched" in result.stderr
    assert (initialised / "vault.db").read_bytes() == before


def test_reset_passphrase_with_the_recovery_key(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    result = iam(data_dir, "init", "--desk", "Sportello Padova", "--operator", "anna")
    recovery = result.stdout.split("shown again): ")[1].strip()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery)
    reset = iam(
        data_dir,
        "reset-passphrase",
        "--operator",
        "anna",
        "--recovery-key-file",
        str(key_file),
        passphrase="la nuova passphrase di anna",
    )
    assert reset.returncode == 0, reset.stderr
    assert iam(data_dir, "unlock-check", "--operator", "anna", passphrase="la nuova passphrase di anna").returncode == 0
    assert iam(data_dir, "unlock-check", "--operator", "anna").returncode == 1


def test_every_command_is_documented() -> None:
    from iam_desktop.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)  # type: ignore[attr-defined]
    docs = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"iam-desktop {command}" in docs, f"{command} missing from docs/cli.md"


def test_a_badly_formed_central_fingerprint_names_the_field_in_words(initialised: Path) -> None:
    """Refused before any request (the enrolment code is not spent): the message says which value, in words."""
    result = iam(initialised, "enrol", "--server", "http://127.0.0.1:9", "--code", "ABCD-EFGH",
                 "--central-fingerprint", "not-a-fingerprint", "--operator", "anna", lang="it")  # fmt: skip
    assert result.returncode != 0
    assert "impronta dell'ufficio centrale" in result.stderr, result.stderr
    assert "central_fingerprint" not in result.stderr
