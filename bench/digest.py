"""Cost of the after-pull partition check (`sync.protocol.partitions`): server and client side.

`python -m bench.digest --cases N --backend sqlite|postgresql [--json]`. A deterministic store of N cases of one
desk — per case a person record written twice and a diary entry (3 changes, 400-byte ciphertexts) — is pushed
through `Storage` in-process. Then, median of `--repeat` runs: the top digest (`GET /v1/digest`), the
per-partition list of one bucket and of all 16 (`POST /v1/digests`), with their reply sizes raw and gzip; and on
the client side the digest of a vault holding the same N cases (records with 20 field stamps each, in an
in-memory SQLite vault schema). PostgreSQL uses a throwaway database next to `IAM_TEST_DATABASE_URL`.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import sqlalchemy as sa

from sync.protocol import Change, DigestRequest, EnrolRequest, format_hlc, new_change_id, summarise
from sync.server.storage import SqlStorage, open_storage
from sync.server.testing import ReferenceDevice, public_key_b64, temporary_postgres_database

BATCH = 2500
FIELDS = 20


def _median(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _cases(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    return [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), str(uuid.UUID(int=rng.getrandbits(128), version=4)),
             str(uuid.UUID(int=rng.getrandbits(128), version=4))) for _ in range(n)]  # fmt: skip


def _push(storage: SqlStorage, row: Any, batch: Any, now_ms: int) -> None:
    reply = storage.push(row, batch, now_ms)
    assert {s.status for s in reply.statuses} == {"applied"}, "the bench store must hold every change"


def _load(storage: SqlStorage, cases: list[tuple[str, str, str]], rng: random.Random) -> Any:
    desk_id = storage.create_desk("Bench").desk_id
    code, _ = storage.create_enrol_code(desk_id, 5)
    device = ReferenceDevice("http://unused")
    reply = storage.enrol(EnrolRequest(code=code, x25519_public_key=public_key_b64(device.x25519),
                                       ed25519_public_key=public_key_b64(device.ed25519),
                                       desk_public_key=public_key_b64(device.desk_key)))  # fmt: skip
    device.device_id, device.desk_id = reply.device_id, reply.desk_id
    row = storage.authenticate(reply.token)
    blob = base64.b64encode(rng.randbytes(400)).decode()
    wall = 1_764_000_000_000
    changes: list[Change] = []
    grants = []

    def change(case_id: str, kind: str, record_id: str, tick: int) -> Change:
        device.seq += 1
        return Change(change_id=new_change_id(), device_id=device.device_id, device_seq=device.seq, case_id=case_id,
                      kind=kind, record_id=record_id, hlc=format_hlc(wall + tick, device.seq % 1_000_000), key_id="k1",
                      schema_version=1, ciphertext=blob)  # fmt: skip

    for index, (case_id, diary_id, _) in enumerate(cases):
        grants.append(device.grant(case_id))
        changes += [change(case_id, "case", case_id, index), change(case_id, "diary", diary_id, index),
                    change(case_id, "case", case_id, index + 1_000_000)]  # fmt: skip
        if len(changes) >= BATCH:
            _push(storage, row, device.batch(changes, grants), wall + 10**7)
            changes, grants = [], []
    if changes or grants:
        _push(storage, row, device.batch(changes, grants), wall + 10**7)
    return row


def _client_vault(cases: list[tuple[str, str, str]]) -> sa.Engine:
    from iam_desktop.vault.tables import field_stamps, metadata, records

    engine = sa.create_engine("sqlite://")
    metadata.create_all(engine)
    wall = 1_764_000_000_000
    with engine.begin() as conn:
        rows, stamps = [], []
        for index, (case_id, diary_id, _) in enumerate(cases):
            for record_id, kind in ((case_id, "case"), (diary_id, "diary")):
                rows.append({"record_id": record_id, "case_id": case_id, "kind": kind, "schema_version": 1,
                             "key_id": "k1", "sealed": b"x", "created_at": "", "updated_at": ""})  # fmt: skip
            for f in range(FIELDS):
                # The same stamps as the pushed changes: the edit (device_seq 3i+3) wins field 0.
                hlc = (
                    format_hlc(wall + index + 1_000_000, 3 * index + 3)
                    if f == 0
                    else format_hlc(wall + index, 3 * index + 1)
                )
                stamps.append({"record_id": case_id, "field": f'["person","f{f}"]', "hlc": hlc, "device_id": "d"})
            stamps.append({"record_id": diary_id, "field": '["text"]', "hlc": format_hlc(wall + index, 3 * index + 2),
                           "device_id": "d"})  # fmt: skip
            if len(stamps) > 50_000:
                conn.execute(sa.insert(records), rows)
                conn.execute(sa.insert(field_stamps), stamps)
                rows, stamps = [], []
        if rows:
            conn.execute(sa.insert(records), rows)
            conn.execute(sa.insert(field_stamps), stamps)
    return engine


@contextmanager
def _database(backend: str, admin_url: str | None) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/digest.sqlite3"
        return
    url = admin_url or os.environ.get("IAM_TEST_DATABASE_URL", "")
    if not url:
        raise SystemExit("PostgreSQL needs --database-url or IAM_TEST_DATABASE_URL")
    with temporary_postgres_database(url) as database:
        yield database


def run(cases_n: int, backend: str, repeat: int, admin_url: str | None, seed: int) -> dict[str, Any]:
    from iam_desktop.services.sync_repair import local_digests

    rng = random.Random(seed)
    cases = _cases(rng, cases_n)
    out: dict[str, Any] = {"cases": cases_n, "backend": backend, "changes": 3 * cases_n}
    with ExitStack() as stack:
        storage = open_storage(stack.enter_context(_database(backend, admin_url)))
        stack.callback(storage.close)
        started = time.perf_counter()
        row = _load(storage, cases, rng)
        out["load_s"] = round(time.perf_counter() - started, 2)
        top_s, top = _median(repeat, lambda: storage.digest(row))
        assert top.partitions == cases_n and top.records == 2 * cases_n
        one_s, one = _median(repeat, lambda: storage.partition_digests(row, DigestRequest(buckets=["a"])))
        all_s, every = _median(
            repeat, lambda: storage.partition_digests(row, DigestRequest(buckets=list("0123456789abcdef")))
        )
        out |= {"server_top_s": round(top_s, 3), "server_one_bucket_s": round(one_s, 3),
                "server_all_buckets_s": round(all_s, 3)}  # fmt: skip
        for name, reply in (("top", top), ("one_bucket", one), ("all_buckets", every)):
            raw = reply.model_dump_json().encode()
            out[f"{name}_bytes"] = len(raw)
            out[f"{name}_gzip_bytes"] = len(gzip.compress(raw, 1))
    engine = _client_vault(cases)
    with engine.connect() as conn:
        client_s, (mine, _dirty) = _median(repeat, lambda: local_digests(conn))
    summary_s, summary = _median(repeat, lambda: summarise(mine))
    out |= {"client_local_s": round(client_s, 3), "client_summarise_s": round(summary_s, 3),
            "client_matches_server": summary.digest == top.digest}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.digest", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default IAM_TEST_DATABASE_URL)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--json", action="store_true", help="print one flat JSON object")
    args = parser.parse_args(argv)
    result = run(args.cases, args.backend, args.repeat, args.database_url, args.seed)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
