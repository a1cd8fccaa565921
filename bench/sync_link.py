"""Sync over a rural link (issue 6): 256 kbit/s, 300 ms round trip, 2 % loss (``bench/_link.py`` emulates it as a
TCP proxy), through a real server process on SQLite.

    python -m bench.sync_link [--cases 1000] [--changed 10] [--json]

A first device of a desk takes ``--cases`` synthetic people in charge and pushes them over loopback; a second
device of the same desk, enrolled THROUGH the link, pulls everything (initial sync), then the first device edits
``--changed`` cases and the second pulls again (incremental sync). Printed: seconds and bytes on the wire for each,
bytes per full case, bytes for one changed field pushed over the link, and the after-pull partition check on its
own (``services.sync_repair``): once with nothing differing, once with one partition lost locally and repaired (the
initial pull runs that check once too: the first check of a device is always due). Deterministic data; vault keys
use cheap Argon2id (``IAM_INSECURE_FAST_KDF``) because key derivation is not what is measured."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ["IAM_INSECURE_FAST_KDF"] = "1"

import sqlalchemy as sa

from iam_desktop.domain import interchange
from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import Enrolment
from iam_desktop.services.sync_repair import PartitionRepair
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import field_stamps, records
from sync.server.testing import ServerProcess, provision_desk

from ._link import EmulatedLink, LinkProfile
from ._report import print_figures

PASSPHRASE = "benchmark passphrase 2026"
NAMES = [
    "Amadou",
    "Fatou",
    "Ahmad",
    "Amina",
    "Tesfay",
    "Mohamed",
    "Aisha",
    "Ibrahim",
    "Mariam",
    "Omar",
    "Yusuf",
    "Grace",
]


def person(n: int) -> dict[str, object]:
    return {
        "given_names": [NAMES[n % 12], NAMES[(n // 12) % 12]],
        "family_name": f"{NAMES[(n // 144) % 12]}son",
        "sex": "MF"[n % 2],
        "birth_date": f"{1975 + n % 30}-{1 + n % 12:02d}",
        "citizenships": [["ML", "NG", "AF", "ER", "PK", "SN"][n % 6]],
        "languages": ["fr", "en"],
        "italian_level": ["A1", "A2", "B1"][n % 3],
        "protection_status": ["rifugiato", "protezione_sussidiaria", "protezione_speciale"][n % 3],
        "permit": {"type": "asilo", "number": f"I{n:08d}", "questura": "Brescia", "issued": "2025-01-10",
                   "expires": "2027-01-09"},
        "phone": f"+39 333 {n:07d}",
        "notes": "Colloquio svolto; cerca lavoro in ambito edile, disponibile a trasferirsi. " * 3,
    }  # fmt: skip


def new_desk(root: Path, name: str) -> Desk:
    desk, _ = Desk.initialise(DataDir(root), desk_name=name, territory="Bench", username="anna",
                              display_name="Anna", passphrase=PASSPHRASE, kdf=KdfParams(8192, 1, 1))  # fmt: skip
    return desk


def timed_check(desk: Desk, link: EmulatedLink) -> dict[str, float]:
    """The after-pull partition check on its own (``services.sync_repair``), forced, through the link."""
    before = dict(link.bytes)
    start = time.perf_counter()
    report = PartitionRepair(desk, Enrolment(desk).transport()).run()
    return {"s": round(time.perf_counter() - start, 2), "down": link.bytes["down"] - before["down"],
            "up": link.bytes["up"] - before["up"], "repaired": report.partitions_repaired}  # fmt: skip


def run(cases: int, changed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = ServerProcess(f"sqlite:///{root / 'server.sqlite3'}").start()
        link = EmulatedLink(server.port, LinkProfile())
        try:
            _, (code_a, code_b) = provision_desk(server.database_url, "Sportello Bench", codes=2)
            a = new_desk(root / "a", "Sportello Bench")
            a.sync.enrolment().enrol(server.url, code_a)
            today = __import__("datetime").date.today()
            results = [interchange.parse_record(person(n), n + 1, today=today) for n in range(cases)]
            ids = a.cases.import_results(results).imported
            assert a.sync.client().run_once().ok
            b = new_desk(root / "b", "Sportello Bench")
            pending = b.sync.enrolment().enrol(link.url, code_b)
            a.sync.enrolment().approve(pending.device_id, pending.short_code)
            assert b.sync.enrolment().finish_handover()

            def timed_pull() -> tuple[float, int, int]:
                before = dict(link.bytes)
                start = time.perf_counter()
                report = b.sync.client().run_once()
                assert report.ok, report
                return (time.perf_counter() - start, link.bytes["down"] - before["down"],
                        link.bytes["up"] - before["up"])  # fmt: skip

            initial_s, initial_down, initial_up = timed_pull()
            assert b.cases.count() == cases
            for case_id in ids[:changed]:
                data = a.cases.open(case_id).person
                a.cases.update(case_id, {**data, "phone": "+39 030 1234567"})
            assert a.sync.client().run_once().ok
            incremental_s, incremental_down, incremental_up = timed_pull()
            # One field edited on the device behind the link and pushed through it.
            data = b.cases.open(ids[0]).person
            b.cases.update(ids[0], {**data, "email": "persona@example.org"})
            field_s, _, field_up = timed_pull()
            check = timed_check(b, link)
            # One partition lost locally (its case record deleted behind the vault's back): the check lists the
            # differing bucket and fetches that partition's history.
            with b.vault.engine.begin() as conn:
                conn.execute(sa.delete(field_stamps).where(field_stamps.c.record_id == ids[1]))
                conn.execute(sa.delete(records).where(records.c.record_id == ids[1]))
            repair = timed_check(b, link)
            assert repair["repaired"] == 1 and b.cases.open(ids[1]).person == a.cases.open(ids[1]).person
            return {
                "cases": cases, "changed": changed, "link_kbit_s": 256, "rtt_ms": 300, "loss": 0.02,
                "initial_sync_s": round(initial_s, 2), "initial_bytes_down": initial_down,
                "initial_bytes_up": initial_up, "bytes_per_case": round(initial_down / cases),
                "incremental_sync_s": round(incremental_s, 2), "incremental_bytes_down": incremental_down,
                "incremental_bytes_up": incremental_up, "one_field_push_s": round(field_s, 2),
                "one_field_bytes_up": field_up, "digest_check_s": check["s"],
                "digest_check_bytes_down": check["down"], "digest_check_bytes_up": check["up"],
                "repair_one_partition_s": repair["s"], "repair_one_partition_bytes_down": repair["down"],
                "repair_one_partition_bytes_up": repair["up"],
            }  # fmt: skip
        finally:
            link.close()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = run(args.cases, args.changed)
    print_figures(figures, args.json)


if __name__ == "__main__":
    main()
