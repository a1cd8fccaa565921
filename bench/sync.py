"""Sync throughput benchmark through a real server process: full and incremental push and pull.

`python -m bench.sync --cases N --backend sqlite|postgresql [--json]`. A deterministic generator makes N cases
of about 2 KB of JSON (about 40 fields, like the interchange format); each is compressed and sealed with
AES-256-GCM as a client would, before the clock starts. Then: device A of a desk pushes everything (full push),
device B of the same desk pulls everything (full pull), 1 % of the cases change on A (incremental push) and B
pulls them (incremental pull). PostgreSQL uses a throwaway database next to `IAM_TEST_DATABASE_URL` (or
`--database-url`). Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import base64
import gc
import json
import os
import random
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

import requests

from sync.protocol import Change, Grant, PullReply
from sync.server.testing import ReferenceDevice, ServerProcess, provision_desk, temporary_postgres_database

# Changes per pushed batch: small enough that the client preparing one batch overlaps the server storing another.
BATCH = 2500
INFLIGHT = 2
PAGE = 10000
WORDS = [
    "casa",
    "lavoro",
    "corso",
    "tirocinio",
    "colloquio",
    "mediazione",
    "affitto",
    "contratto",
    "documento",
    "permesso",
    "questura",
    "comune",
    "residenza",
    "salute",
    "scuola",
    "italiano",
    "livello",
    "famiglia",
    "figli",
    "progetto",
    "obiettivo",
    "azione",
    "sportello",
    "rete",
    "impresa",
    "formazione",
    "abitazione",
    "sociale",
    "autonomia",
    "uscita",
    "gradino",
    "accoglienza",
    "protezione",
    "rinnovo",
    "ricevuta",
    "patente",
]


def make_case(rng: random.Random, index: int) -> bytes:
    """One case record: ~40 fields, ~2 KB of JSON, same output for the same seed and index."""
    record: dict[str, Any] = {"id": index, "nome": f"Nome{index}", "cognome": f"Cognome{rng.randrange(10**6)}"}
    for field in range(37):
        words = rng.randint(3, 7)
        record[f"campo_{field:02d}"] = " ".join(rng.choice(WORDS) for _ in range(words))
    return json.dumps(record, ensure_ascii=False).encode()


class Meter:
    """Counts bytes on the wire for one device's session."""

    def __init__(self) -> None:
        self.up = 0
        self.down = 0

    def hook(self, response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        body = response.request.body
        self.up += len(body) if isinstance(body, bytes | str) else 0
        self.down += int(response.headers.get("content-length", len(response.content)))


def push_all(
    device: ReferenceDevice, changes: list[Change], grants: list[Grant], batch: int = BATCH, inflight: int = INFLIGHT
) -> None:
    """Push in batches, several in flight: the client prepares and sends one while the server stores another."""
    by_case = {g.case_id: g for g in grants}
    batches = []
    for start in range(0, len(changes), batch):
        chunk = changes[start : start + batch]
        batches.append((chunk, [by_case[c.case_id] for c in chunk if c.case_id in by_case]))

    def send(pair: tuple[list[Change], list[Grant]]) -> dict[str, Any]:
        response = device.push_raw(device.batch(pair[0], pair[1]))
        response.raise_for_status()
        reply: dict[str, Any] = response.json()
        return reply

    with ThreadPoolExecutor(max_workers=inflight) as pool:
        for reply in pool.map(send, batches):
            assert all(s["status"] == "applied" for s in reply["statuses"]), "push refused changes"


def pull_all(device: ReferenceDevice, accept_encoding: str = "identity") -> int:
    """Pull every page; on 127.0.0.1 compressing mostly-ciphertext pages costs more than it saves (`--gzip`)."""
    count = 0
    while True:
        response = device.session.get(
            device.url + "/v1/pull",
            params={"cursor": device.cursor, "limit": PAGE},
            headers={**device.headers(), "Accept-Encoding": accept_encoding},
        )
        response.raise_for_status()
        page = PullReply.model_validate_json(response.content)
        device.cursor = page.cursor
        count += len(page.changes)
        if not page.has_more:
            return count


def run(
    cases: int,
    backend: str,
    database_url: str | None,
    workers: int,
    seed: int,
    *,
    batch: int = BATCH,
    inflight: int = INFLIGHT,
    gzip: bool = False,
) -> dict[str, Any]:
    encoding = "gzip" if gzip else "identity"
    with ExitStack() as stack:
        if backend == "sqlite":
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            url = f"sqlite:///{folder}/bench.sqlite3"
        else:
            admin = database_url or os.environ.get("IAM_TEST_DATABASE_URL")
            if not admin:
                raise SystemExit("postgresql needs --database-url or IAM_TEST_DATABASE_URL")
            url = stack.enter_context(temporary_postgres_database(admin))
        _desk, codes = provision_desk(url, "Bench desk", codes=2)
        server = stack.enter_context(ServerProcess(url, workers=workers, env={"IAM_SYNC_ACCESS_LOG": "0"}))
        meter_a, meter_b = Meter(), Meter()
        a, b = ReferenceDevice(server.url), ReferenceDevice(server.url)
        a.session.hooks["response"].append(meter_a.hook)
        b.session.hooks["response"].append(meter_b.hook)
        a.enrol(codes[0])
        b.enrol(codes[1], first=False)
        approve = a.session.post(
            f"{server.url}/v1/devices/{b.device_id}/approve",
            json={"wrapped_desk_key": base64.b64encode(os.urandom(80)).decode()},
            headers=a.headers(),
        )
        approve.raise_for_status()

        rng = random.Random(seed)
        key = bytes(rng.randrange(256) for _ in range(32))
        case_ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(cases)]
        records = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(cases)]
        plaintext_bytes = 0
        changes: list[Change] = []
        for i, case_id in enumerate(case_ids):
            payload = make_case(rng, i)
            plaintext_bytes += len(payload)
            changes.append(a.change(case_id, key, payload, record_id=records[i]))
        grants = [a.grant(case_id) for case_id in case_ids]
        meter_a.up = meter_a.down = meter_b.up = meter_b.down = 0
        # The generated data stays alive for the whole run; keep the garbage collector from re-scanning it on
        # every collection, which a real client holding only its current batch would not pay for.
        gc.collect()
        gc.freeze()

        started = time.perf_counter()
        push_all(a, changes, grants, batch, inflight)
        push_full = time.perf_counter() - started
        started = time.perf_counter()
        pulled = pull_all(b, encoding)
        pull_full = time.perf_counter() - started
        assert pulled == cases, f"pulled {pulled} of {cases}"

        touched = rng.sample(range(cases), max(1, cases // 100))
        edits = [a.change(case_ids[i], key, make_case(rng, i), record_id=records[i]) for i in touched]
        started = time.perf_counter()
        push_all(a, edits, [], batch, inflight)
        push_incremental = time.perf_counter() - started
        started = time.perf_counter()
        pulled = pull_all(b, encoding)
        pull_incremental = time.perf_counter() - started
        assert pulled == len(edits), f"pulled {pulled} of {len(edits)} edits"

        stats = requests.get(server.url + "/healthz", timeout=10)
        stats.raise_for_status()
        server.stop()
        from sync.server.storage import open_storage

        storage = open_storage(url)
        figures = storage.stats()
        storage.close()
        return {
            "cases": cases,
            "backend": backend,
            "workers": workers,
            "changed_cases": len(edits),
            "plaintext_bytes_per_case": round(plaintext_bytes / cases),
            "push_full_s": round(push_full, 3),
            "pull_full_s": round(pull_full, 3),
            "push_incremental_s": round(push_incremental, 4),
            "pull_incremental_s": round(pull_incremental, 4),
            "bytes_up": meter_a.up + meter_b.up,
            "bytes_down": meter_a.down + meter_b.down,
            "pull_gzip": gzip,
            "batch": batch,
            "server_db_bytes": figures["database_bytes"],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default IAM_TEST_DATABASE_URL)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--json", action="store_true", help="print one flat JSON object")
    parser.add_argument("--gzip", action="store_true", help="ask for gzip-compressed pull pages")
    parser.add_argument("--batch", type=int, default=BATCH, help=f"changes per pushed batch (default {BATCH})")
    parser.add_argument("--inflight", type=int, default=INFLIGHT, help="push batches in flight at once")
    args = parser.parse_args(argv)
    result = run(
        args.cases,
        args.backend,
        args.database_url,
        args.workers,
        args.seed,
        batch=args.batch,
        inflight=args.inflight,
        gzip=args.gzip,
    )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
