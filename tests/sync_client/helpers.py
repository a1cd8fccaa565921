"""Building blocks of the sync client tests: desks in temporary folders, enrolment of a desk's devices (the
second approved by the first after comparing the short code), runs, and a comparable view of a replica."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import requests

from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncReport
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess, provision_desk

PASSPHRASE = "una passphrase lunga e segreta"
_names = itertools.count(1)


def new_vault(root: Path, desk_name: str) -> Desk:
    desk, _ = Desk.initialise(
        DataDir(root), desk_name=desk_name, territory="Test", username="anna", display_name="Anna Prova",
        passphrase=PASSPHRASE, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
    )  # fmt: skip
    return desk


def letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def person(n: int, **extra: Any) -> dict[str, Any]:
    """A clearly fictitious person (names are letters only: the intake rules refuse digits in names)."""
    return {"given_names": [f"Nome {letters(n)}"], "family_name": f"Fittizio {letters(n)}",
            "phone": f"+39 333 000 {n:04d}", **extra}  # fmt: skip


def desk_devices(server: ServerProcess, root: Path, devices: int = 2, name: str = "") -> list[Desk]:
    """A new desk on the server with ``devices`` enrolled, active devices (each a vault under ``root``)."""
    name = name or f"Sportello {next(_names)}-{root.name}"
    _desk_id, codes = provision_desk(server.database_url, name, codes=devices)
    out: list[Desk] = []
    for index, code in enumerate(codes):
        desk = new_vault(root / f"{name.replace(' ', '_')}-{index}", name)
        result = desk.sync.enrolment().enrol(server.url, code, label=f"pc{index}")
        if index == 0:
            assert result.status == "active"
        else:
            assert result.status == "pending" and len(result.short_code) == 7
            first = out[0].sync.enrolment()
            pending = {p.device_id: p for p in first.pending_devices()}
            assert pending[result.device_id].short_code == result.short_code
            first.approve(result.device_id, result.short_code)
            assert desk.sync.enrolment().finish_handover()
        out.append(desk)
    return out


def sync(desk: Desk, session: requests.Session | None = None, **options: Any) -> SyncReport:
    report = desk.sync.client(session=session, **options).run_once()
    assert report.ok, report
    return report


def replica(desk: Desk) -> dict[str, Any]:
    """Everything a replica holds that must converge: every record's payload by id."""
    with desk.vault.engine.connect() as conn:
        from iam_desktop.vault.tables import records

        ids = [r.record_id for r in conn.execute(records.select())]
        return {rid: desk.records.get(conn, rid).payload for rid in sorted(ids)}  # type: ignore[union-attr]


# The person's consents a referral needs (``condivisione_rete``), as tests/network writes them.
CONSENTS = [
    {"purpose": "presa_in_carico", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
    {"purpose": "condivisione_rete", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
]


def partitions(desk: Desk) -> set[str]:
    """The partitions a replica holds: those with a record or a key here (a case, a referral's extract, the
    catalogue)."""
    from iam_desktop.vault.tables import case_keys, records

    with desk.vault.engine.connect() as conn:
        held = set(conn.execute(records.select().with_only_columns(records.c.case_id)).scalars())
        return held | set(conn.execute(case_keys.select().with_only_columns(case_keys.c.case_id)).scalars())
