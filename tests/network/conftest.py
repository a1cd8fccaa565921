"""Fixtures of the network tests: the real sync server process and fast key derivation of the sync client tests
(imported, not copied), plus a small network — desks A, B, C and the central office — and a catalogue file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from iam_desktop.services.desk import Desk
from sync.server.testing import ServerProcess, provision_desk
from tests.sync_client.conftest import SERVER_ENV, fast_kdf  # noqa: F401 — fixture re-used by import
from tests.sync_client.helpers import desk_devices, new_vault

CONSENT_RETE = {"purpose": "condivisione_rete", "date": "2026-01-10", "text_version": "v1", "language": "fr"}
CONSENT_CARICO = {"purpose": "presa_in_carico", "date": "2026-01-10", "text_version": "v1", "language": "fr"}
PERSON = {
    "given_names": ["Ousmane"], "family_name": "Zebrafittizio", "sex": "M", "birth_date": "1994-03",
    "languages": ["fr"], "italian_level": "A2", "phone": "+39 333 777 1234",
    "consents": [CONSENT_CARICO, CONSENT_RETE],
}  # fmt: skip
KNOWN_STRINGS = ("Ousmane", "Zebrafittizio", "333 777 1234")

CATALOGUE = {
    "format": "iam-catalogue/1",
    "entries": [
        {"id": "casa-re-1", "kind": "housing", "title": "Co-housing Reggio Emilia", "territory": "Reggio Emilia",
         "area": "centro", "places": 4, "places_free": 1, "rules": "turni pulizie", "monthly_cost_eur": 150},
        {"id": "lavoro-pd-1", "kind": "job", "title": "Saldatore Padova", "territory": "Padova",
         "employer": "Officina Nord", "sector": "metalmeccanica", "skills": ["saldatura"], "italian_level": "A2"},
        {"id": "partner-bs", "kind": "partner", "title": "Cooperativa Brescia", "territory": "Brescia"},
    ],
}  # fmt: skip


@dataclass
class Net:
    a: Desk
    b: Desk
    c: Desk
    central: Desk
    server: ServerProcess


def central_office(server: ServerProcess, root: Path) -> Desk:
    _desk_id, codes = provision_desk(server.database_url, f"Ufficio centrale {root.name}", central=True)
    desk = new_vault(root / "centrale", "Ufficio centrale")
    assert desk.sync.enrolment().enrol(server.url, codes[0], label="centrale").status == "active"
    return desk


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """One server per test (not per module as in tests/sync_client): a server is one network, with one catalogue
    partition and one central office, and each test founds its own network."""
    with ServerProcess(f"sqlite:///{tmp_path / 'sync.sqlite3'}", env=SERVER_ENV) as process:
        yield process


@pytest.fixture
def net(server: ServerProcess, tmp_path: Path) -> Iterator[Net]:
    central = central_office(server, tmp_path)
    a = desk_devices(server, tmp_path, 1, name=f"Sportello A {tmp_path.name}")[0]
    b = desk_devices(server, tmp_path, 1, name=f"Sportello B {tmp_path.name}")[0]
    c = desk_devices(server, tmp_path, 1, name=f"Sportello C {tmp_path.name}")[0]
    network = Net(a, b, c, central, server)
    yield network
    for desk in (a, b, c, central):
        desk.close()


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    path = tmp_path / "catalogo.json"
    path.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    return path


def holders(net: Net, case_id: str) -> set[str]:
    """The desks the server lets read a partition now (a revoked holding stays, ended, until its desk's devices
    have pulled what came before the revocation)."""
    with sqlite3.connect(net.server.database_url.removeprefix("sqlite:///")) as db:
        return {r[0] for r in db.execute("SELECT h.desk_id FROM holdings h JOIN cases c ON c.case_no = h.case_no"
                                         " WHERE c.case_id = ? AND h.until_seq IS NULL", (case_id,))}  # fmt: skip


def netsync(*desks: Desk) -> None:
    for desk in desks:
        report = desk.network.sync()
        assert report.ok, report.sync
