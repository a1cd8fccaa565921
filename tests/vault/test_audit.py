"""The audit log: events for views, prints, changes; append-only; verify names the first broken link."""

from __future__ import annotations

import sqlite3

import pytest

from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import KNOWN_STRINGS, PERSON


def test_views_prints_and_changes_are_audited_without_personal_data(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(PERSON)
    desk.cases.open(case_id)
    assert desk.cases.update(case_id, {**PERSON, "phone": "+39 030 1234567"}) == ["phone"]
    desk.record_print("intake", case_id)
    actions = [(e["action"], e["case_id"]) for e in reversed(desk.recent_audit())]
    assert ("case.create", case_id) in actions
    assert ("case.view", case_id) in actions
    assert ("case.update", case_id) in actions
    assert ("print", case_id) in actions
    dump = "\n".join(sqlite3.connect(data_dir.vault).iterdump())
    for needle in KNOWN_STRINGS:
        assert needle not in dump


def test_the_audit_table_refuses_updates_and_deletes(desk: Desk, data_dir: DataDir) -> None:
    desk.cases.intake(PERSON)
    conn = sqlite3.connect(data_dir.vault)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_events SET action='x' WHERE seq=1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_events WHERE seq=1")
    conn.close()


def _force(data_dir: DataDir, sql: str) -> None:
    """What an attacker with the file could do: drop the guard triggers and edit rows."""
    conn = sqlite3.connect(data_dir.vault)
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("DROP TRIGGER audit_events_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_verify_names_the_first_altered_event(desk: Desk, data_dir: DataDir) -> None:
    for _ in range(3):
        desk.cases.intake(PERSON)
    report = desk.verify_audit()
    assert report.ok and report.events == 4  # initialise + three cases
    _force(data_dir, "UPDATE audit_events SET action='case.view' WHERE seq=3")
    report = desk.verify_audit()
    assert not report.ok
    assert report.first_broken == 3 and report.reason == "altered_event"


def test_verify_detects_a_removed_event(desk: Desk, data_dir: DataDir) -> None:
    for _ in range(3):
        desk.cases.intake(PERSON)
    _force(data_dir, "DELETE FROM audit_events WHERE seq=2")
    report = desk.verify_audit()
    assert not report.ok and report.first_broken == 2 and report.reason == "missing_event"
