"""The sync commands of the CLI against a real server: enrolment of two computers of a desk with the short code
approval, sync with what moved in JSON, conflicts in JSON, a wrong short code refused, and the demo network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from iam_desktop.cli import run
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess, provision_desk
from tests.sync_client.helpers import PASSPHRASE, new_vault, person


@pytest.fixture(autouse=True)
def operator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_OPERATOR", "anna")
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)


def test_enrol_approve_with_short_code_and_sync(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, (code_a, code_b) = provision_desk(server.database_url, "Sportello CLI", codes=2)
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a = new_vault(a_dir, "Sportello CLI")
    a.cases.intake(person(7))
    a.close()
    new_vault(b_dir, "Sportello CLI").close()
    assert run(["--data-dir", str(a_dir), "enrol", "--server", server.url, "--code", code_a]) == 0
    assert run(["--data-dir", str(b_dir), "enrol", "--server", server.url, "--code", code_b]) == 0
    out = capsys.readouterr().out
    short = re.search(r"short code: (\d{3} \d{3})", out)
    assert short is not None
    b = Desk.open(DataDir(b_dir))
    b.unlock("anna", PASSPHRASE)
    assert b.sync.enrolment().pending_short_code() == short.group(1)  # shown again after a restart
    b.close()
    assert run(["--lang", "en", "--data-dir", str(b_dir), "sync", "--once"]) == 1  # not approved yet: fails
    assert "Waiting for approval" in capsys.readouterr().out
    assert run(["--data-dir", str(a_dir), "device", "pending", "--json"]) == 0
    pending = json.loads(capsys.readouterr().out)
    assert [p["short_code"] for p in pending] == [short.group(1)]
    wrong = "000 000" if short.group(1) != "000 000" else "111 111"
    refused = ["--lang", "en", "--data-dir", str(a_dir), "device", "approve", pending[0]["device_id"]]
    assert run([*refused, "--short-code", wrong]) == 1
    assert "does not match" in capsys.readouterr().err
    assert run(["--data-dir", str(a_dir), "device", "approve", pending[0]["device_id"],
                "--short-code", short.group(1)]) == 0  # fmt: skip
    assert "approved" in capsys.readouterr().out
    assert run(["--lang", "en", "--data-dir", str(a_dir), "sync", "--once", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["state"] == "ok" and report["pushed"] >= 2 and report["status"]["waiting"] == 0
    assert run(["--data-dir", str(b_dir), "sync", "--once", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pulled"] >= 2 and report["keys_installed"] == 1
    assert run(["--data-dir", str(b_dir), "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_sync_without_server_fails_with_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_vault(tmp_path / "solo", "Sportello solo").close()
    assert run(["--lang", "en", "--data-dir", str(tmp_path / "solo"), "sync", "--once"]) == 1
    assert "Not enrolled" in capsys.readouterr().out


def test_demo_network(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["demo", "--dir", str(tmp_path / "demo"), "--cases", "2", "--no-wait"]) == 0
    out = capsys.readouterr().out
    assert "Sportello Val Trompia" in out and "Sportello Padova" in out and "DEMO ONLY" in out
    assert f"--data-dir {tmp_path / 'demo' / 'padova'}" in out
    from iam_desktop.services import demo
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.paths import DataDir

    def opened(slug: str) -> Desk:
        desk = Desk.open(DataDir(tmp_path / "demo" / slug))
        desk.unlock(demo.DEMO_OPERATOR, demo.DEMO_PASSPHRASE)
        return desk

    # The scenario a newcomer finds: the catalogue on every desk, a referral waiting in Padova's inbox, a conflict on
    # Val Trompia's first computer, every case at the central office, and nothing left waiting anywhere.
    padova, trompia, second, central = (opened(s) for s in ("padova", "val-trompia", "val-trompia-2", "centrale"))
    try:
        assert padova.cases.count() == 2 and trompia.cases.count() == 2 and second.cases.count() == 2
        assert central.cases.count() == 4
        (waiting,) = padova.network.referrals.inbox()
        assert waiting.purpose == "housing" and waiting.opportunity == "demo-casa-pd"
        assert padova.network.referrals.extract(waiting.referral_id)  # the shared sections, readable at Padova
        (conflict,) = trompia.sync.conflicts()
        assert {conflict.winner["value"], conflict.loser["value"]} == {"+393001112222", "+393003334444"}, conflict
        for desk in (padova, trompia, second, central):
            assert desk.sync.status().waiting == 0
            assert {e.entry_id for e in desk.network.catalogue.entries()} >= {"demo-casa-pd", "demo-lavoro-vt"}
    finally:
        for desk in (padova, trompia, second, central):
            desk.close()
