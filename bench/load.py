"""Load test: many simulated desk devices pushing and pulling small batches against a multi-worker server.

`python -m bench.load [--devices 300] [--seconds 60] [--workers 4] [--backend postgresql] [--json]`. The devices
are spread over desks of ten; each one creates a case, then loops: push a small signed batch, pull until up to
date, wait `--think-ms`. Prints requests per second and p50/p95/p99 latency; any error (non-2xx or exception)
is counted and makes the exit status non-zero. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from contextlib import ExitStack
from typing import Any

import requests

from sync.server.testing import ReferenceDevice, ServerProcess, enrolled_desk, temporary_postgres_database

PER_DESK = 10


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.pushed = 0
        self.pulled = 0

    def timed(self, call: Any) -> requests.Response | None:
        started = time.perf_counter()
        try:
            response: requests.Response = call()
        except requests.RequestException as exc:
            with self.lock:
                self.errors.append(type(exc).__name__)
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies.append(elapsed)
            if response.status_code >= 300:
                self.errors.append(str(response.status_code))
        return response


def simulate(device: ReferenceDevice, key: bytes, tally: Tally, stop: float, think_s: float, batch: int) -> None:
    case_id = str(uuid.uuid4())
    grants = [device.grant(case_id)]
    while time.monotonic() < stop:
        changes = [device.change(case_id, key, os.urandom(300)) for _ in range(batch)]
        body = device.batch(changes, grants)
        response = tally.timed(lambda body=body: device.push_raw(body, timeout=60))
        if response is not None and response.ok:
            grants = []
            with tally.lock:
                tally.pushed += len(changes)
        while True:
            params: dict[str, str | int] = {"cursor": device.cursor, "limit": 1000}
            response = tally.timed(
                lambda params=params: device.session.get(
                    device.url + "/v1/pull", params=params, headers=device.headers(), timeout=60
                )
            )
            if response is None or not response.ok:
                break
            page = response.json()
            device.cursor = page["cursor"]
            with tally.lock:
                tally.pulled += len(page["changes"])
            if not page["has_more"]:
                break
        time.sleep(think_s)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else 0.0


def run(args: argparse.Namespace) -> dict[str, Any]:
    with ExitStack() as stack:
        if args.backend == "sqlite":
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/load.sqlite3"
        else:
            admin = args.database_url or os.environ.get("IAM_TEST_DATABASE_URL")
            if not admin:
                raise SystemExit("postgresql needs --database-url or IAM_TEST_DATABASE_URL")
            url = stack.enter_context(temporary_postgres_database(admin))
        env = {"IAM_SYNC_ACCESS_LOG": "0", "IAM_SYNC_ENROL_PER_MINUTE": "100000"}
        server = stack.enter_context(ServerProcess(url, workers=args.workers, env=env))
        devices: list[ReferenceDevice] = []
        for desk in range((args.devices + PER_DESK - 1) // PER_DESK):
            count = min(PER_DESK, args.devices - len(devices))
            devices += enrolled_desk(url, server.url, f"Load desk {desk}", devices=count)
        key = os.urandom(32)
        tally = Tally()
        started = time.monotonic()
        stop = started + args.seconds
        threads = [
            threading.Thread(target=simulate, args=(d, key, tally, stop, args.think_ms / 1000, args.batch), daemon=True)
            for d in devices
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + 120)
        elapsed = time.monotonic() - started
        latencies = sorted(tally.latencies)
        return {
            "devices": len(devices),
            "seconds": round(elapsed, 1),
            "workers": args.workers,
            "backend": args.backend,
            "requests": len(latencies),
            "errors": len(tally.errors),
            "error_kinds": sorted(set(tally.errors)),
            "requests_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "p95_ms": round(percentile(latencies, 95) * 1000, 1),
            "p99_ms": round(percentile(latencies, 99) * 1000, 1),
            "changes_pushed": tally.pushed,
            "changes_pulled": tally.pulled,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    parser.add_argument("--devices", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default IAM_TEST_DATABASE_URL)")
    parser.add_argument("--think-ms", type=float, default=1000, help="pause between a device's syncs")
    parser.add_argument("--batch", type=int, default=5, help="changes per pushed batch")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args)
    print(json.dumps(result) if args.json else "\n".join(f"{k:<16} {v}" for k, v in result.items()))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
