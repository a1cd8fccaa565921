"""What a sync run tells the operator, through real server processes: the cases removed because another desk
withdrew this desk's access and those kept for review (``SyncReport.revoked`` / ``kept_for_review``, and the CLI's
list with the way to discard one), the changes set aside in words with their case and time, a directory whose
central office key is not the pinned one (its own state, in Italian with what to do), and attachments stored before
attachments synced (vault migration 0004) adopted at the next sync so they reach the desk's other computer."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import delete, select

from iam_desktop.cli import run
from iam_desktop.services.blob_sync import uploads_of
from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import key_fingerprint
from iam_desktop.services.sync_client import SyncState, set_aside_words
from iam_desktop.vault import lookup, sync_state
from iam_desktop.vault.tables import blob_queue, field_stamps, records
from iam_desktop.vault.tables import outbox as outbox_table
from sync.server.testing import ServerProcess, enrolled_desk, provision_desk, public_key_b64
from tests.network.conftest import PERSON
from tests.sync_client.helpers import PASSPHRASE, desk_devices, new_vault, person, sync


@pytest.fixture(autouse=True)
def operator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_OPERATOR", "anna")
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)


class AlteringSession(requests.Session):
    """Alters one byte of the ciphertext of every change of one record the client receives — in pull pages and in
    the partition histories the after-pull check fetches — as a link that tampers with everything would."""

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if ("/v1/pull" in url or "/changes" in url) and response.status_code == 200:
            page = json.loads(response.content)
            for change in page.get("changes", []):
                if change["record_id"] == self.record_id:
                    text = change["ciphertext"]
                    change["ciphertext"] = ("B" if text[20] == "A" else "A").join((text[:20], text[21:]))
            response._content = json.dumps(page).encode()
        return response


def test_a_revoke_counts_the_cases_removed_and_kept_and_the_cli_lists_the_kept_one(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = desk_devices(server, tmp_path, 1, name=f"Sportello A {tmp_path.name}")[0]
    b = desk_devices(server, tmp_path, 1, name=f"Sportello B {tmp_path.name}")[0]
    pushed_case = a.cases.intake({**PERSON, "family_name": "Zebrafittizio"})
    offline_case = a.cases.intake({**PERSON, "family_name": "Zebraoffline"})
    b_id = b.network.referrals.my_desk_id()
    referrals = [a.network.referrals.propose(c, b_id, "transfer") for c in (pushed_case, offline_case)]
    for desk in (a, b):
        assert desk.network.sync().ok
    b.cases.update(offline_case, {**PERSON, "family_name": "Zebraoffline", "phone": "+39 333 999 0000"})
    for referral in referrals:
        a.network.referrals.withdraw(referral)
    a.sync.revoke_access(pushed_case, b_id)
    a.sync.revoke_access(offline_case, b_id)
    assert a.network.sync().ok

    report = b.network.sync().sync
    assert report.ok and report.revoked == 1 and report.kept_for_review == 1
    assert report.as_dict()["revoked"] == 1 and report.as_dict()["kept_for_review"] == 1
    b_root = b.vault.data_dir.root
    b.close()
    a.close()

    assert run(["--lang", "it", "--data-dir", str(b_root), "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert f"kept for review: case {offline_case[:8]}" in out
    assert f"iam-desktop revoked --discard {offline_case}" in out
    assert "access withdrawn by another desk" not in out  # this run removed nothing new
    assert "partitions checked against the server:" in out
    assert run(["--data-dir", str(b_root), "revoked", "--discard", offline_case]) == 0
    capsys.readouterr()
    assert run(["--data-dir", str(b_root), "sync", "--once"]) == 0
    assert "kept for review" not in capsys.readouterr().out


def test_changes_set_aside_are_listed_in_words_with_their_case_and_time(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = desk_devices(server, tmp_path)
    first = a.cases.intake(person(3))
    a.cases.intake(person(4))
    sync(a)
    report = sync(b, session=AlteringSession(first))
    assert report.quarantined >= 1
    aside = b.sync.quarantine()
    assert aside and {item["reason"] for item in aside} == {"tampered"}
    assert {item["case_id"] for item in aside} == {first}
    assert set_aside_words(aside[0], "it") == "modifica: alterato in transito"
    assert set_aside_words(aside[0], "en") == "change: altered in transit"
    assert set_aside_words({"what": "erasure", "reason": "erasure_not_proven"}, "it") == (
        "avviso di cancellazione: cancellazione non dimostrata"
    )
    assert set_aside_words({"what": "change", "reason": "no_key"}, "it") == "modifica: chiave non ancora arrivata"
    assert set_aside_words({"what": "change", "reason": "something_new"}, "it") == "modifica: non applicabile"
    b_root = b.vault.data_dir.root
    received = str(aside[0]["received_at"])[:16]
    b.close()
    # The CLI's next run (a quiet link: no partition check within the hour) lists what is still set aside.
    assert run(["--lang", "it", "--data-dir", str(b_root), "sync", "--once", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(i["case_id"], i["reason_text"]) for i in data["set_aside"]] == [
        (first, "modifica: alterato in transito") for _ in aside
    ]
    assert run(["--lang", "it", "--data-dir", str(b_root), "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert f"set aside (retried at every sync): {len(aside)}" in out
    assert f"case {first[:8]}  modifica: alterato in transito  since {received}" in out


def test_a_changed_central_office_key_is_its_own_state_with_what_to_do(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (office,) = enrolled_desk(server.database_url, server.url, f"Ufficio centrale {tmp_path.name}", central=True)
    fingerprint = key_fingerprint(public_key_b64(office.desk_key))
    _id, (code,) = provision_desk(server.database_url, f"Sportello impronta {tmp_path.name}")
    desk = new_vault(tmp_path / "d", "Sportello impronta")
    assert desk.sync.enrolment().enrol(server.url, code, central_fingerprint=fingerprint).central_confirmed
    desk.cases.intake(person(9))
    sync(desk)
    # The pinned fingerprint no longer matches what the directory announces (as if the server swapped the key).
    other_key = public_key_b64(X25519PrivateKey.generate())
    pinned = key_fingerprint(other_key)
    with desk.vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None and state.central_pinned
        sync_state.save_enrolment(conn, dataclasses.replace(state, central_public_key=other_key,
                                                            central_fingerprint=pinned))  # fmt: skip
    desk.cases.intake(person(10))
    report = desk.sync.client().run_once()
    assert report.state is SyncState.CENTRAL_KEY and not report.ok and report.pushed == 0
    assert report.detail == pinned and report.message == "sync.state.central_key_changed"
    root = desk.vault.data_dir.root
    desk.close()
    assert run(["--lang", "it", "--data-dir", str(root), "sync", "--once"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Il server annuncia una chiave dell'ufficio centrale diversa")
    assert "Telefona all'ufficio centrale" in out and pinned in out
    assert run(["--lang", "en", "--data-dir", str(root), "sync", "--once", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "central_key_changed" and "Phone the central office" in data["message_text"]


def _as_before_0004(desk: Desk, attachment_id: str) -> None:
    """Make an attachment look like one stored before vault migration 0004: its row and content only — no synced
    record, no outbox change, no queued blob."""
    with desk.vault.engine.begin() as conn:
        conn.execute(delete(records).where(records.c.record_id == attachment_id))
        conn.execute(delete(field_stamps).where(field_stamps.c.record_id == attachment_id))
        conn.execute(delete(outbox_table).where(outbox_table.c.record_id == attachment_id))
        conn.execute(delete(blob_queue).where(blob_queue.c.attachment_id == attachment_id))


def test_attachments_stored_before_0004_are_adopted_and_reach_the_other_computer(
    server: ServerProcess, tmp_path: Path
) -> None:
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(11))
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    old = a.cases.attach(case_id, scan, kind="permesso")
    assert uploads_of(a, case_id) == {old.attachment_id: ("waiting", "")}  # the case file says "in invio"
    _as_before_0004(a, old.attachment_id)
    assert uploads_of(a, case_id) == {} and a.sync.status().waiting == 2  # the case and its history only

    report = sync(a)  # the first sync after the upgrade
    assert report.attachments_adopted == 1 and report.blobs_up == 1 and report.pushed == 3
    assert uploads_of(a, case_id) == {}
    with a.vault.engine.connect() as conn:
        adopted = conn.execute(select(records.c.kind).where(records.c.record_id == old.attachment_id)).scalar()
    assert adopted == lookup.ATTACHMENT_RECORD_KIND
    assert sync(a).attachments_adopted == 0  # once
    report = sync(b)
    assert report.blobs_down == 1
    (info,) = b.cases.open(case_id).attachments
    assert info.attachment_id == old.attachment_id and info.available
    assert (info.filename, info.kind, info.size) == ("permesso.pdf", "permesso", scan.stat().st_size)
    assert b.cases.attachment(old.attachment_id) == scan.read_bytes()
