"""The server as a key directory: what a malicious server (or whoever can write its database) gains by handing a
desk's first computer a false central-office public key at enrolment.

The desktop wraps the desk's private key (the recovery copy, DESIGN.md §5 promise 5) and every case key to the
central office's public key, which it takes from `GET /v1/desks` without any out-of-band check. A server that
substitutes its own key there can unwrap those grants: the zero-knowledge promise then rests on the server being
honest at enrolment. The test below shows it (strict xfail until the client pins or verifies the central office's
key — e.g. a fingerprint shipped with the app or compared on screen, as the short code does for devices).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from iam_desktop.domain.errors import TamperedError
from iam_desktop.services.enrolment import desk_key_context
from iam_desktop.vault.crypto import unwrap_with_private_key
from iam_desktop.vault.records import case_key_context
from sync.server.testing import ServerProcess, enrolled_desk, provision_desk, public_key_b64
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


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="design gap: iam_desktop/services/enrolment.py Enrolment._leave_recovery_copy (and the case grants of "
    "SyncClient._grants_for) trust the central office public key served by GET /v1/desks; a server that lies there "
    "unwraps the desk private key and every case key. Fix: pin or verify the central office key out of band.",
)
def test_a_false_central_office_key_at_enrolment_yields_nothing(server: ServerProcess, tmp_path: Path) -> None:
    (central,) = enrolled_desk(server.database_url, server.url, "Ufficio centrale (chiave)", central=True)
    attacker = X25519PrivateKey.generate()
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello chiave falsa")
    desk = new_vault(tmp_path / "d", "Sportello chiave falsa")
    desk.sync.enrolment(session=FalseDirectory(public_key_b64(attacker))).enrol(server.url, code, label="pc0")
    case_id = desk.cases.intake(person(1))
    sync(desk)
    desk_id = desk.sync.enrolment().state().desk_id  # type: ignore[union-attr]
    desk.close()
    _changes, grants, _notices = central.pull_all()
    to_office = [g for g in grants if g.desk_id == central.desk_id]
    if not to_office:
        pytest.fail("no grant reached the central office: the scenario did not run")
    leaked = []
    for g in to_office:
        context = desk_key_context(desk_id) if g.key_id == "desk-recovery" else case_key_context(g.case_id, g.key_id)
        try:
            unwrap_with_private_key(attacker, base64.b64decode(g.wrapped_key), context, what="grant")
        except TamperedError:
            continue
        leaked.append("desk private key" if g.key_id == "desk-recovery" else f"case key of {g.case_id}")
    assert case_id  # the case whose key is at stake
    assert not leaked, f"the server's own key opens: {leaked}"
