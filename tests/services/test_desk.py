"""The Desk facade: drafts that survive a lock, settings, permissions checked in the service layer, no personal
data in the log files."""

from __future__ import annotations

import pytest

from iam_desktop.domain.errors import LockedError, PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.services.logging_setup import configure_logging
from iam_desktop.services.settings import Settings
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import KNOWN_STRINGS, PASSPHRASE, PERSON, raw_bytes


def test_a_draft_survives_lock_encrypted_and_is_private_to_its_operator(desk: Desk, data_dir: DataDir) -> None:
    desk.save_draft("intake", PERSON)
    desk.lock()
    for needle in KNOWN_STRINGS:
        assert needle.encode() not in raw_bytes(data_dir)
    with pytest.raises(LockedError):
        desk.load_draft("intake")
    desk.unlock("anna", PASSPHRASE)
    assert desk.load_draft("intake") == PERSON
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, "passphrase di marco 2026")
    desk.lock()
    desk.unlock("marco", "passphrase di marco 2026")
    assert desk.load_draft("intake") is None
    desk.lock()
    desk.unlock("anna", PASSPHRASE)
    desk.discard_draft("intake")
    assert desk.load_draft("intake") is None


def test_a_draft_survives_a_crash(desk: Desk, data_dir: DataDir) -> None:
    desk.save_draft("intake", PERSON)
    desk.close()  # as after a crash: nothing but the vault file remains
    reopened = Desk.open(data_dir)
    try:
        reopened.unlock("anna", PASSPHRASE)
        assert reopened.load_draft("intake") == PERSON
    finally:
        reopened.close()


def test_settings_defaults_and_policy_needs_a_coordinator(desk: Desk) -> None:
    assert desk.settings() == Settings(language="it", auto_lock_minutes=10, permit_alert_days=60)
    desk.update_settings(Settings(language="en", auto_lock_minutes=5))
    assert desk.settings().auto_lock_minutes == 5
    with pytest.raises(ValidationError):
        desk.update_settings(Settings(auto_lock_minutes=0))
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, "passphrase di marco 2026")
    desk.lock()
    desk.unlock("marco", "passphrase di marco 2026")
    desk.update_settings(Settings(language="it", auto_lock_minutes=5))  # own language: allowed
    with pytest.raises(PermissionDeniedError):
        desk.update_settings(Settings(language="it", auto_lock_minutes=60))
    assert desk.settings().auto_lock_minutes == 5


def test_settings_from_an_older_or_newer_file_keep_known_fields() -> None:
    assert Settings.from_json('{"version": 7, "language": "en", "future_option": true}').language == "en"
    assert Settings.from_json(None) == Settings()


def test_logs_hold_no_personal_data(desk: Desk, data_dir: DataDir) -> None:
    configure_logging(data_dir)
    case_id = desk.cases.intake(PERSON)
    assert desk.cases.open(case_id).person["family_name"] == PERSON["family_name"]
    desk.lock()
    desk.unlock("anna", PASSPHRASE)
    logs = "".join(p.read_text(encoding="utf-8") for p in data_dir.logs.glob("*.log*"))
    assert "unlocked by operator" in logs  # the log is written …
    for needle in [*KNOWN_STRINGS, PASSPHRASE]:
        assert needle not in logs  # … and holds no personal data


def test_every_domain_refusal_code_has_words_in_both_languages() -> None:
    import re
    from pathlib import Path

    from iam_desktop.services.messages import catalogue

    domain = Path(__file__).parents[2] / "iam_desktop" / "domain"
    wanted = {"cf_check_char", "cf_check_digit", "date_impossible", "date_future", "attachment_too_large"}
    for module in ("codice_fiscale.py", "dates.py", "person.py", "documents.py"):
        source = (domain / module).read_text(encoding="utf-8")
        wanted |= set(re.findall(r'ValidationError\(\s*[^,()]+,\s*"([a-z_]+)"', source))
    missing = [c for c in sorted(wanted) if not {"it", "en"} <= set(catalogue().get(f"validation.{c}", {}))]
    assert missing == []
