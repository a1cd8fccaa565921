"""The server as a key directory: what a malicious server (or whoever can write its database) gains by handing a
desk a false central-office public key — at enrolment, or later in place of the key the desk pinned.

The desktop wraps the desk's private key (the recovery copy, DESIGN.md §5 promise 5) and every case key to the
central office's public key. It takes that key from `GET /v1/desks` only after checking it against the fingerprint
the operator typed at enrolment (read from the central office's screen, `iam-desktop device fingerprint`), pins it,
and refuses any later directory that announces another key. These tests play the lying server with a session that
rewrites the directory, and try every grant that reached the central office with the attacker's key.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from iam_desktop.domain.errors import TamperedError, ValidationError
from iam_desktop.services.enrolment import desk_key_context, key_fingerprint
from iam_desktop.services.sync_client import SyncState
from iam_desktop.services.sync_http import SyncError, SyncProblem
from iam_desktop.vault.crypto import unwrap_with_private_key
from iam_desktop.vault.records import case_key_context
from sync.server.testing import ReferenceDevice, ServerProcess, enrolled_desk, provision_desk, public_key_b64
from tests.sync_client.helpers import new_vault, person, sync


class FalseDirectory(requests.Session):
    """Rewrites the central office's public key in every desk directory the client receives."""

    def __init__(self, public_key: str) -> None:
        super().__init__()
        self.public_key = public_key

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if url.endswith("/v1/desks") and response.status_code == 200:
            listing = json.loads(response.content)
            for desk in listing["desks"]:
                if desk["kind"] == "central":
                    desk["public_key"] = self.public_key
            response._content = json.dumps(listing).encode()
        return response


def _opened_by(key: X25519PrivateKey, grants: list[Any], office_id: str, desk_id: str) -> list[str]:
    """What `key` opens among the grants addressed to the central office."""
    opened = []
    for g in grants:
        if g.desk_id != office_id:
            continue
        recovery = g.key_id == "desk-recovery"
        context = desk_key_context(desk_id) if recovery else case_key_context(g.case_id, g.key_id)
        try:
            unwrap_with_private_key(key, base64.b64decode(g.wrapped_key), context, what="grant")
        except TamperedError:
            continue
        opened.append("desk private key" if recovery else f"case key of {g.case_id}")
    return opened


def _office(server: ServerProcess, name: str) -> tuple[ReferenceDevice, str]:
    (central,) = enrolled_desk(server.database_url, server.url, name, central=True)
    return central, key_fingerprint(public_key_b64(central.desk_key))


def test_a_false_central_office_key_at_enrolment_yields_nothing(server: ServerProcess, tmp_path: Path) -> None:
    central, fingerprint = _office(server, "Ufficio centrale (chiave)")
    attacker = X25519PrivateKey.generate()
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello chiave falsa")
    desk = new_vault(tmp_path / "d", "Sportello chiave falsa")
    lying = FalseDirectory(public_key_b64(attacker))
    # The operator types the fingerprint the central office shows; the server announces another key.
    with pytest.raises(SyncError) as refused:
        desk.sync.enrolment(session=lying).enrol(server.url, code, label="pc0", central_fingerprint=fingerprint)
    assert refused.value.problem is SyncProblem.CENTRAL_KEY
    assert refused.value.params["expected"] == fingerprint
    assert refused.value.params["announced"] == key_fingerprint(public_key_b64(attacker))
    case_id = desk.cases.intake(person(1))
    report = desk.sync.client(session=lying).run_once()  # every run refuses the lying directory
    assert report.state is SyncState.CENTRAL_KEY and report.detail == fingerprint
    state = desk.sync.enrolment().state()
    assert state is not None and not state.central_pinned and state.central_fingerprint == fingerprint
    desk_id = state.desk_id
    desk.close()
    _changes, grants, _notices = central.pull_all()
    assert not _opened_by(attacker, grants, central.desk_id, desk_id), "the server's own key opens a grant"
    assert case_id and not [g for g in grants if g.desk_id == central.desk_id]  # nothing was wrapped at all


def test_the_confirmed_key_is_pinned_and_a_replacement_later_is_refused(server: ServerProcess, tmp_path: Path) -> None:
    central, fingerprint = _office(server, "Ufficio centrale (pinning)")
    attacker = X25519PrivateKey.generate()
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello pinning")
    desk = new_vault(tmp_path / "d", "Sportello pinning")
    typed = fingerprint.replace("-", " ").lower()  # read aloud, typed loosely: still the same fingerprint
    result = desk.sync.enrolment().enrol(server.url, code, label="pc0", central_fingerprint=typed)
    assert result.status == "active" and result.recovery_copy
    assert result.central_fingerprint == fingerprint and result.central_confirmed
    first = desk.cases.intake(person(2))
    sync(desk)
    # Later the directory announces another central office key: the run is refused before anything is pushed.
    second = desk.cases.intake(person(3))
    report = desk.sync.client(session=FalseDirectory(public_key_b64(attacker))).run_once()
    assert report.state is SyncState.CENTRAL_KEY and report.pushed == 0
    assert desk.sync.status().waiting > 0
    # Refusing to replace the pinned key on request too.
    with pytest.raises(SyncError) as replaced:
        desk.sync.enrolment().confirm_central_fingerprint(key_fingerprint(public_key_b64(attacker)))
    assert replaced.value.problem is SyncProblem.CENTRAL_KEY
    sync(desk)  # the honest directory again: the waiting case goes out, wrapped to the pinned key
    desk_id = desk.sync.enrolment().state().desk_id  # type: ignore[union-attr]
    desk.close()
    _changes, grants, _notices = central.pull_all()
    assert not _opened_by(attacker, grants, central.desk_id, desk_id)
    opened = _opened_by(central.desk_key, grants, central.desk_id, desk_id)
    assert {"desk private key", f"case key of {first}", f"case key of {second}"} <= set(opened)


def test_a_mistyped_fingerprint_is_refused_before_the_code_is_spent(server: ServerProcess, tmp_path: Path) -> None:
    _central, fingerprint = _office(server, "Ufficio centrale (refuso)")
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello refuso")
    desk = new_vault(tmp_path / "d", "Sportello refuso")
    try:
        with pytest.raises(ValidationError) as bad:
            desk.sync.enrolment().enrol(server.url, code, central_fingerprint=fingerprint[:-1] + "G")
        assert bad.value.code == "central_fingerprint_format"
        assert desk.sync.enrolment().state() is None
        # A well-formed but wrong fingerprint: enrolled (the code is spent) but nothing pinned nor wrapped ...
        wrong = "0000-0000-0000-0000-0000"
        with pytest.raises(SyncError):
            desk.sync.enrolment().enrol(server.url, code, central_fingerprint=wrong)
        # ... until the operator types the right one.
        assert desk.sync.enrolment().confirm_central_fingerprint(fingerprint)
        assert desk.sync.enrolment().state().central_pinned  # type: ignore[union-attr]
    finally:
        desk.close()
