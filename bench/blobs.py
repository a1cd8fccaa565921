"""Attachments over a rural link (issue 6): a 2 MB scan uploaded by one device of a desk and downloaded by the other,
both behind the emulated link of ``bench/_link.py`` (256 kbit/s, 300 ms round trip, 2 % loss), through a real server
process on SQLite.

    python -m bench.blobs [--size-kb 2048] [--kbit 256] [--json]

Printed: seconds and bytes on the wire for the sync run that uploads the scan (the blob in 512 KiB chunks, then
the change that references it) and for the run that downloads it, and the blob's own size (the sealed scan: the
file plus 29 bytes of nonce, tag and header). The scan is deterministic noise (a real scan compresses as little)."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

os.environ["IAM_INSECURE_FAST_KDF"] = "1"

from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncReport
from sync.server.testing import ServerProcess, provision_desk

from ._link import EmulatedLink, LinkProfile
from ._report import print_figures
from .sync_link import new_desk, person


def run(size_kb: int, kbit: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = ServerProcess(f"sqlite:///{root / 'server.sqlite3'}").start()
        profile = LinkProfile(kbit_s=kbit)
        link = EmulatedLink(server.port, profile)
        try:
            _, (code_a, code_b) = provision_desk(server.database_url, "Sportello Bench", codes=2)
            a = new_desk(root / "a", "Sportello Bench")
            a.sync.enrolment().enrol(link.url, code_a)
            b = new_desk(root / "b", "Sportello Bench")
            pending = b.sync.enrolment().enrol(link.url, code_b)
            a.sync.enrolment().approve(pending.device_id, pending.short_code)
            assert b.sync.enrolment().finish_handover()
            case_id = a.cases.intake(person(1))
            assert a.sync.client().run_once().ok
            assert b.sync.client().run_once().ok  # the case is there: below only the attachment moves
            scan = root / "scansione.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + random.Random(2026).randbytes(size_kb * 1024 - 9))
            info = a.cases.attach(case_id, scan, kind="permesso")

            def timed(desk: Desk) -> tuple[float, int, int, SyncReport]:
                before = dict(link.bytes)
                start = time.perf_counter()
                report = desk.sync.client().run_once()
                assert report.ok, report
                return (time.perf_counter() - start, link.bytes["up"] - before["up"],
                        link.bytes["down"] - before["down"], report)  # fmt: skip

            up_s, up_bytes_up, up_bytes_down, up_report = timed(a)
            down_s, down_bytes_up, down_bytes_down, down_report = timed(b)
            assert b.cases.attachment(info.attachment_id) == scan.read_bytes()
            return {
                "scan_bytes": scan.stat().st_size, "link_kbit_s": kbit, "rtt_ms": profile.rtt_ms,
                "loss": profile.loss, "blob_bytes": up_report.blob_bytes_up,
                "upload_s": round(up_s, 2), "upload_wire_bytes_up": up_bytes_up,
                "upload_wire_bytes_down": up_bytes_down,
                "download_s": round(down_s, 2), "download_wire_bytes_down": down_bytes_down,
                "download_wire_bytes_up": down_bytes_up,
                "blobs_up": up_report.blobs_up, "blobs_down": down_report.blobs_down,
                "upload_kbit_s_effective": round(up_report.blob_bytes_up * 8 / 1000 / up_s, 1),
            }  # fmt: skip
        finally:
            link.close()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=2048)
    parser.add_argument("--kbit", type=float, default=256.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = run(args.size_kb, args.kbit)
    print_figures(figures, args.json)


if __name__ == "__main__":
    main()
