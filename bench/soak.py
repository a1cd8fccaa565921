"""Crash and fault soak: desk devices write and sync against a real server while everything around them fails.

`python -m bench.soak --minutes N [--devices 3] [--database-url URL] [--seed S] [--json]` runs, for N minutes, real
client processes (`bench/soak_client.py`: take people in charge, edit, `sync` once) against a real server process
(`sync.server.testing.ServerProcess`) behind a TCP proxy (`tests/sync_client/proxy.py`), while it SIGKILLs clients
and the server at random, runs some clients with a small file-size limit (a full disk) and cuts connections
mid-reply. Then the faults stop, every device syncs until nothing moves, and the soak checks: every change a client
reported written is on every replica (its token, exactly once), every change a device saw acknowledged is stored
on the server exactly once, nothing is left waiting, the replicas are equal, and every vault passes `PRAGMA
integrity_check` and `iam-desktop audit verify`.

SQLite always; PostgreSQL too when `--database-url` (an admin URL allowed to create databases) or
`IAM_TEST_DATABASE_URL` is given — the minutes are then shared between the two backends. Only 127.0.0.1 is used and
everything lives in a temporary folder. Exit status 0 only when `changes_lost` and `duplicates` are 0 and every
check passes. Not run in CI (`tests/security/test_soak_accounting.py` tests the accounting only).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

SERVER_ENV = {"IAM_SYNC_ENROL_PER_MINUTE": "10000", "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "10000"}


# -- accounting (pure, unit-tested) ------------------------------------------------------------------------------
@dataclass
class Tally:
    """What the final checks found, in the figures the soak prints."""

    changes_lost: int
    duplicates: int
    details: dict[str, int] = field(default_factory=dict)


def tally(
    written: set[str],
    replicas: dict[str, Counter[str]],
    acked: dict[str, set[str]],
    server_counts: Counter[str],
    waiting: dict[str, int],
) -> Tally:
    """Count lost and duplicated changes.

    `written`: tokens the clients reported committed; `replicas`: per device, how many cases carry each token;
    `acked`: per device, the change ids its outbox marks acknowledged; `server_counts`: how many times the server
    stores each change id; `waiting`: per device, outbox rows still not acknowledged after the final syncs.
    A token missing from a replica, an acknowledged change missing from the server, and a change still waiting
    each count as lost; a token held twice by a replica or a change stored twice by the server, as a duplicate.
    """
    missing_tokens = sum(1 for counts in replicas.values() for t in written if counts.get(t, 0) == 0)
    unacked_on_server = sum(1 for ids in acked.values() for c in ids if server_counts.get(c, 0) == 0)
    still_waiting = sum(waiting.values())
    token_dups = sum(n - 1 for counts in replicas.values() for n in counts.values() if n > 1)
    server_dups = sum(n - 1 for n in server_counts.values() if n > 1)
    return Tally(
        changes_lost=missing_tokens + unacked_on_server + still_waiting,
        duplicates=token_dups + server_dups,
        details={
            "tokens_missing": missing_tokens,
            "acked_missing_on_server": unacked_on_server,
            "still_waiting": still_waiting,
            "token_duplicates": token_dups,
            "server_duplicates": server_dups,
        },
    )


# -- the run ----------------------------------------------------------------------------------------------------
@dataclass
class Worker:
    device: int
    process: subprocess.Popen[str]
    kill_at: float | None


@dataclass
class Soak:
    database_url: str
    root: Path
    seconds: float
    devices: int
    rng: random.Random
    figures: Counter[str] = field(default_factory=Counter)
    written: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    next_token: int = 0

    def run(self) -> dict[str, Any]:
        from sync.server.testing import ServerProcess
        from tests.sync_client.helpers import desk_devices
        from tests.sync_client.proxy import TcpProxy

        server = ServerProcess(self.database_url, env=SERVER_ENV).start()
        proxy = TcpProxy(server.port)
        try:
            desks = desk_devices(server, self.root, devices=self.devices, name="Sportello soak")
            dirs = [_data_root(desk) for desk in desks]
            for desk in desks:
                _route_through(desk, proxy.url)
                desk.close()
            server = self._faults(server, proxy, dirs)
            proxy.cuts_left, proxy.delay_s = 0, 0.0
            self.figures["connection_cuts"] = proxy.cut_count
            return self._check(server, dirs)
        finally:
            proxy.close()
            server.stop()
            server.log_path.unlink(missing_ok=True)

    def _faults(self, server: Any, proxy: Any, dirs: list[Path]) -> Any:
        from sync.server.testing import ServerProcess

        deadline = time.monotonic() + self.seconds
        workers: dict[int, Worker] = {}
        next_server_kill = time.monotonic() + self.rng.uniform(10, 40)
        next_cut = time.monotonic() + self.rng.uniform(3, 15)
        while time.monotonic() < deadline or workers:
            now = time.monotonic()
            if now < deadline:
                for device in range(self.devices):
                    if device not in workers:
                        workers[device] = self._spawn(device, dirs[device])
            for device, worker in list(workers.items()):
                if worker.process.poll() is None:
                    if worker.kill_at is not None and now >= worker.kill_at:
                        worker.process.send_signal(signal.SIGKILL)
                        self.figures["kills"] += 1
                        self.figures["client_kills"] += 1
                    else:
                        continue
                self._collect(worker)
                del workers[device]
            if now < deadline and now >= next_server_kill:
                server.kill()
                server.log_path.unlink(missing_ok=True)
                self.figures["kills"] += 1
                self.figures["server_kills"] += 1
                time.sleep(self.rng.uniform(0.2, 3.0))
                server = ServerProcess(self.database_url, env=SERVER_ENV).start()
                proxy.target_port = server.port
                next_server_kill = time.monotonic() + self.rng.uniform(15, 45)
            if now < deadline and now >= next_cut:
                proxy.cut_after, proxy.cuts_left = self.rng.randrange(100, 30_000), self.rng.randrange(1, 5)
                next_cut = now + self.rng.uniform(3, 15)
            time.sleep(0.05)
        return server

    def _spawn(self, device: int, data_dir: Path) -> Worker:
        writes = self.rng.randrange(1, 5)
        command = [sys.executable, "-m", "bench.soak_client", str(data_dir), "--first", str(self.next_token)]
        command += ["--writes", str(writes), "--edits", str(self.rng.randrange(0, 3)), "--seed", str(self.next_token)]
        self.next_token += writes
        if self.rng.random() < 0.08:  # a disk that fills up a few pages from now (RLIMIT_FSIZE is per file)
            largest = max((p.stat().st_size for p in data_dir.glob("vault.db*")), default=0)
            command += ["--fsize-limit", str(largest + self.rng.randrange(1_024, 32_768))]
            self.figures["disk_full_runs"] += 1
        kill_at = time.monotonic() + self.rng.uniform(0.5, 4.0) if self.rng.random() < 0.3 else None
        env = {**os.environ, "IAM_INSECURE_FAST_KDF": "1"}
        # A fixed command: this interpreter and our own module; nothing comes from untrusted input.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.figures["client_runs"] += 1
        return Worker(device, process, kill_at)

    def _collect(self, worker: Worker) -> None:
        out, err = worker.process.communicate(timeout=60)
        for line in out.splitlines():
            kind, _, value = line.partition(" ")
            if kind == "W":
                self.written.add(value)
            elif kind == "S":
                self.figures["syncs_ok" if value == "ok" else f"syncs_{value}"] += 1
            elif kind == "F":
                self.figures[f"refused_{value}"] += 1
        code = worker.process.returncode
        if code not in (0, -signal.SIGKILL):
            self.figures["client_crashes"] += 1
            if len(self.errors) < 5:
                self.errors.append(err[-2000:])

    def _check(self, server: Any, dirs: list[Path]) -> dict[str, Any]:
        from iam_desktop.services.desk import Desk
        from iam_desktop.vault.paths import DataDir
        from iam_desktop.vault.tables import outbox as outbox_table
        from tests.sync_client.helpers import PASSPHRASE, replica

        desks = []
        for root in dirs:
            desk = Desk.open(DataDir(root))
            desk.unlock("anna", PASSPHRASE)
            desks.append(desk)
        try:
            rounds = 0
            while rounds < 12:
                rounds += 1
                reports = [desk.sync.client().run_once() for desk in desks]
                if all(r.ok for r in reports) and rounds >= 2 and not any(r.pulled or r.pushed for r in reports):
                    break
            replicas: dict[str, Counter[str]] = {}
            acked: dict[str, set[str]] = {}
            waiting: dict[str, int] = {}
            views = []
            for index, desk in enumerate(desks):
                view = replica(desk)
                views.append(view)
                notes = [p["person"].get("notes", "") for p in view.values() if isinstance(p.get("person"), dict)]
                replicas[str(index)] = Counter(n for n in notes if n.startswith("soak-"))
                with desk.vault.engine.connect() as conn:
                    rows = conn.execute(sa.select(outbox_table.c.change_id, outbox_table.c.state)).all()
                acked[str(index)] = {r.change_id for r in rows if r.state == "acked"}
                waiting[str(index)] = sum(1 for r in rows if r.state != "acked")
                self.figures["changes_written"] += len(rows)
                self.figures["quarantined"] += desk.sync.status().quarantined
            result = tally(self.written, replicas, acked, _server_counts(server.database_url), waiting)
            integrity = [desk.integrity() for desk in desks]
        finally:
            for desk in desks:
                desk.close()
        audits = [_audit_verify(root) for root in dirs]
        return {
            "changes_lost": result.changes_lost,
            "duplicates": result.duplicates,
            "cases_written": len(self.written),
            "final_sync_rounds": rounds,
            "replicas_equal": all(v == views[0] for v in views),
            "integrity_ok": all(i == "ok" for i in integrity),
            "audit_ok": all(audits),
            **result.details,
            **dict(self.figures),
            "client_errors": self.errors,
        }


def _data_root(desk: Any) -> Path:
    """The data folder of an open desk (where its vault file lives)."""
    return Path(desk.vault.engine.url.database).parent


def _route_through(desk: Any, url: str) -> None:
    """Point an enrolled device at the proxy instead of the server itself."""
    from iam_desktop.vault import sync_state

    with desk.vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None
        sync_state.save_enrolment(conn, sync_state.Enrolment(**{**state.__dict__, "server_url": url}))


def _server_counts(database_url: str) -> Counter[str]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT change_id, COUNT(*) FROM changes GROUP BY change_id")).all()
    finally:
        engine.dispose()
    return Counter({str(r[0]): int(r[1]) for r in rows})


def _audit_verify(root: Path) -> bool:
    command = [sys.executable, "-m", "iam_desktop", "--data-dir", str(root), "audit", "verify", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def backend_url(backend: str, root: Path, admin_url: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{root / 'server.sqlite3'}"
        return
    from sync.server.testing import temporary_postgres_database

    with temporary_postgres_database(admin_url) as url:
        yield url


def combine(per_backend: dict[str, dict[str, Any]], minutes: float) -> dict[str, Any]:
    """The figures of every backend added up under the keys the issue names, plus each backend's own."""
    total: Counter[str] = Counter()
    for figures in per_backend.values():
        total.update({k: v for k, v in figures.items() if isinstance(v, int) and not isinstance(v, bool)})
    checks = ("replicas_equal", "integrity_ok", "audit_ok")
    return {
        "minutes": minutes,
        "kills": total["kills"],
        "changes_written": total["changes_written"],
        "changes_lost": total["changes_lost"],
        "duplicates": total["duplicates"],
        **{c: all(f[c] for f in per_backend.values()) for c in checks},
        "backends": per_backend,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--devices", type=int, default=3)
    parser.add_argument("--database-url", default=os.environ.get("IAM_TEST_DATABASE_URL", ""))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    backends = ["sqlite"] + (["postgresql"] if args.database_url else [])
    seconds = args.minutes * 60 / len(backends)
    per_backend: dict[str, dict[str, Any]] = {}
    for backend in backends:
        root = Path(tempfile.mkdtemp(prefix=f"iam-soak-{backend}-"))
        try:
            with backend_url(backend, root, args.database_url) as url:
                rng = random.Random(f"{args.seed}-{backend}")
                per_backend[backend] = Soak(url, root / "desks", seconds, args.devices, rng).run()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    figures = combine(per_backend, args.minutes)
    figures["seed"] = args.seed
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key in ("minutes", "kills", "changes_written", "changes_lost", "duplicates"):
            print(f"{key:>16}: {figures[key]}")
        for backend, f in per_backend.items():
            print(f"{backend}: " + ", ".join(f"{k}={v}" for k, v in f.items() if k != "client_errors"))
    ok = figures["changes_lost"] == 0 and figures["duplicates"] == 0
    return 0 if ok and all(figures[c] for c in ("replicas_equal", "integrity_ok", "audit_ok")) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
