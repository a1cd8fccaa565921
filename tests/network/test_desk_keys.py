"""The other desks' public keys are pinned on first sight (issue 7, referrals): a server whose directory later
announces another key for a desk — its own, to read what a referral shares — gets nothing wrapped to it; the
referral says why; a coordinator who compared fingerprints by telephone confirms the key or accepts a real change.
Through a real sync server whose database the test alters as a dishonest server would."""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from iam_desktop import cli
from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.desk_keys import DeskKeys
from iam_desktop.services.enrolment import key_fingerprint
from tests.network.conftest import PERSON, Net, netsync
from tests.sync_client.helpers import PASSPHRASE


def _announce(net: Net, desk_id: str, public: str) -> str:
    with sqlite3.connect(net.server.database_url.removeprefix("sqlite:///")) as db:
        old = db.execute("SELECT public_key FROM desks WHERE desk_id = ?", (desk_id,)).fetchone()[0]
        db.execute("UPDATE desks SET public_key = ? WHERE desk_id = ?", (public, desk_id))
    return str(old)


def _grants_to(net: Net, case_id: str, desk_id: str) -> int:
    with sqlite3.connect(net.server.database_url.removeprefix("sqlite:///")) as db:
        return int(db.execute("SELECT count(*) FROM grants WHERE case_id = ? AND desk_id = ?",
                              (case_id, desk_id)).fetchone()[0])  # fmt: skip


def _false_key() -> str:
    raw = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def test_a_key_announced_later_is_not_believed_until_a_coordinator_checks_it(net: Net) -> None:
    a, b = net.a, net.b
    b_id = b.network.referrals.my_desk_id()
    netsync(a, b)
    pinned = next(k for k in DeskKeys(a).all() if k.desk_id == b_id)
    real = b.sync.enrolment().state().desk_public_key  # type: ignore[union-attr]
    assert (pinned.fingerprint, pinned.confirmed, pinned.announced) == (key_fingerprint(real), False, "")

    false = _false_key()
    _announce(net, b_id, false)  # the server now says B's key is one it made
    netsync(a)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(case_id, b_id, "housing")
    extract = a.network.referrals.sent()[0].extract_id
    assert extract
    netsync(a, a)
    assert _grants_to(net, extract, b_id) == 0  # nothing wrapped to the announced key
    assert a.network.referrals.sent()[0].problems == ["desk_key_changed"]
    changed = next(k for k in DeskKeys(a).all() if k.desk_id == b_id)
    assert changed.fingerprint == key_fingerprint(real) and changed.announced == key_fingerprint(false)

    with pytest.raises(ValidationError) as wrong:
        DeskKeys(a).trust(b_id, "0000-0000-0000-0000-0000")
    assert wrong.value.code == "desk_fingerprint_mismatch"
    # B reads out its real fingerprint: the pinned key is confirmed, the false one is still not used.
    assert DeskKeys(a).trust(b_id, key_fingerprint(real)).confirmed
    netsync(a)
    assert _grants_to(net, extract, b_id) == 0

    _announce(net, b_id, real)  # the directory is honest again
    netsync(a)
    assert a.network.referrals.sent()[0].problems == []
    assert _grants_to(net, extract, b_id) >= 1
    netsync(b)
    assert [v.referral_id for v in b.network.referrals.inbox()] == [referral]


def test_a_real_change_of_key_is_accepted_by_its_fingerprint(net: Net, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = net.a, net.b
    b_id = b.network.referrals.my_desk_id()
    netsync(a)
    new = _false_key()  # say desk B lost everything and was set up again with a new key
    _announce(net, b_id, new)
    netsync(a)
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    root = str(a.vault.data_dir.root)
    base = ["--data-dir", root, "network", "--operator", "anna"]
    assert cli.run([*base, "keys", "--json"]) == 0
    listed = {k["desk_id"]: k for k in json.loads(capsys.readouterr().out)}
    assert listed[b_id]["announced"] == key_fingerprint(new)
    assert cli.run([*base, "trust", b_id, key_fingerprint(new).replace("-", " ").lower()]) == 0
    assert "confirmed" in capsys.readouterr().out
    assert cli.run([*base, "keys", "--json"]) == 0
    listed = {k["desk_id"]: k for k in json.loads(capsys.readouterr().out)}
    assert (listed[b_id]["fingerprint"], listed[b_id]["announced"], listed[b_id]["confirmed"]) == (
        key_fingerprint(new), "", True)  # fmt: skip
