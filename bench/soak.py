"""Crash and fault soak: two desks and the central office write, refer and sync against a real server while
everything around them fails.

`python -m bench.soak --minutes N [--devices 2] [--b-devices 1] [--database-url URL] [--seed S] [--json]` runs, for
N minutes, real client processes (`bench/soak_client.py`) against a real server process
(`sync.server.testing.ServerProcess`) behind a TCP proxy (`tests/sync_client/proxy.py`): the devices of desk A take
people in charge, attach scans (random bytes, deterministic from the seed), edit, and refer new cases to desk B (a
transfer or a housing extract) and withdraw some referrals they still see proposed (often already answered unseen:
the withdrawal crosses the answer); the devices of desk B take people in charge too and accept or decline what they
are sent; one device of the central office syncs and reads every case and attachment. Meanwhile the soak SIGKILLs
clients and the server at random, runs some clients with a small file-size limit (a full disk) and cuts connections
mid-reply. Then the faults stop, every device syncs until nothing moves, and the soak checks: every case a client
reported written is on every replica that should hold it (its desk's devices, the central office, desk B for a
transfer not declined or withdrawn — its token, exactly once; a declined one is gone from B), every change a device
saw acknowledged is stored on the server exactly once, nothing is left waiting (outbox, blob queue), every
attachment opens byte-identical wherever its case is, every device agrees on every referral's state (a device of B
may not know one that ended before its grant reached it), an accepted transfer belongs to desk B everywhere and one
withdrawn or declined to desk A everywhere (an acceptance it voided given back) and is gone from desk B, every
withdrawal a client reported is in the referral's record, an accepted extract is readable on desk B and a declined
one is gone from it, no client run crashed or stalled (a stalled one is asked for its stacks, then killed), the
partition digest check finds no partition differing on any device, the replicas of each desk are equal, and every
vault passes `PRAGMA integrity_check` and `iam-desktop audit verify`.

SQLite always; PostgreSQL too when `--database-url` (an admin URL allowed to create databases) or
`IAM_TEST_DATABASE_URL` is given — the minutes are then shared between the two backends. Only 127.0.0.1 is used and
everything lives in a temporary folder. Exit status 0 only when `changes_lost` and `duplicates` are 0 and every
check passes. Not run in CI (`tests/security/test_soak_accounting.py` tests the accounting only, which lives in
`bench/soak_accounting.py`).
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
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

from bench.soak_accounting import (
    CHECKS,
    ENDED,
    REFERRAL_FINDINGS,
    combine,
    holders,
    referral_agrees,
    review_kept,
    tally,
    transfer_placement,
    withdrawal_figures,
)
from bench.soak_replicas import (
    audit_verify,
    data_root,
    differing,
    given_back,
    meta_desk,
    observe,
    referral_payloads,
    server_counts,
)

FINAL_SYNC_S = 180.0  # one device's final sync this long is stalled: its stacks, then it is interrupted
STALL_S = 240.0  # a client run this long is stalled: its stacks are dumped (SIGUSR1), then it is killed
SERVER_ENV = {"IAM_SYNC_ENROL_PER_MINUTE": "10000", "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "10000"}


# -- the run ----------------------------------------------------------------------------------------------------
@dataclass
class Worker:
    device: str
    process: subprocess.Popen[str]
    kill_at: float | None
    started: float = 0.0
    dumped: float | None = None  # when its stacks were asked for


@dataclass
class Soak:
    database_url: str
    root: Path
    seconds: float
    devices: int
    rng: random.Random
    b_devices: int = 1
    figures: Counter[str] = field(default_factory=Counter)
    written: dict[str, str] = field(default_factory=dict)  # token -> desk letter
    attachments: dict[str, tuple[str, str]] = field(default_factory=dict)  # attachment id -> (token, sha256)
    referrals: dict[str, tuple[str, str]] = field(default_factory=dict)  # referral id -> (token, purpose)
    errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)  # referral id -> last decision reported, and by whom
    withdrawn: dict[str, str] = field(default_factory=dict)  # referral id -> the device that reported withdrawing it
    a_desk: set[str] = field(default_factory=set)  # the ids desk A's cases carry in meta.desk
    next_token: int = 0
    desk_ids: dict[str, str] = field(default_factory=dict)  # desk letter -> server desk id

    def run(self) -> dict[str, Any]:
        from sync.server.testing import ServerProcess
        from tests.network.conftest import central_office
        from tests.sync_client.helpers import desk_devices
        from tests.sync_client.proxy import TcpProxy

        server = ServerProcess(self.database_url, env=SERVER_ENV).start()
        proxy = TcpProxy(server.port)
        try:
            central = central_office(server, self.root)
            a = desk_devices(server, self.root, devices=self.devices, name="Sportello soak A")
            b = desk_devices(server, self.root, devices=self.b_devices, name="Sportello soak B")
            # Desk A founds the network's catalogue; one network sync each: keys, directory, catalogue grants.
            assert a[0].network.catalogue.found()
            for desk in [*a, *b, central, *a, *b]:
                assert desk.network.sync().ok
            self.desk_ids = {"A": a[0].network.referrals.my_desk_id(), "B": b[0].network.referrals.my_desk_id()}
            self.a_desk = {self.desk_ids["A"], *(d.profile.desk_id for d in a)}
            named = {f"A{i}": d for i, d in enumerate(a)} | {f"B{i}": d for i, d in enumerate(b)} | {"C0": central}
            dirs = {name: data_root(desk) for name, desk in named.items()}
            for desk in named.values():
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

    def _faults(self, server: Any, proxy: Any, dirs: dict[str, Path]) -> Any:
        from sync.server.testing import ServerProcess

        deadline = time.monotonic() + self.seconds
        workers: dict[str, Worker] = {}
        next_server_kill = time.monotonic() + self.rng.uniform(10, 40)
        next_cut = time.monotonic() + self.rng.uniform(3, 15)
        while time.monotonic() < deadline or workers:
            now = time.monotonic()
            if now < deadline:
                for device, root in dirs.items():
                    if device not in workers:
                        workers[device] = self._spawn(device, root)
            for device, worker in list(workers.items()):
                if worker.process.poll() is None:
                    if worker.dumped is None and now - worker.started > STALL_S:
                        worker.process.send_signal(signal.SIGUSR1)  # a finding: its stacks, then it is killed
                        worker.dumped = now
                        continue
                    if worker.dumped is not None and now - worker.dumped > 5:
                        worker.process.send_signal(signal.SIGKILL)
                        self.figures["client_stalls"] += 1
                    elif worker.kill_at is not None and now >= worker.kill_at:
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

    def _spawn(self, device: str, data_dir: Path) -> Worker:
        command = [sys.executable, "-m", "bench.soak_client", str(data_dir), "--seed", str(self.next_token)]
        if device.startswith("C"):
            command += ["--central"]
        else:
            writes = self.rng.randrange(1, 5) if device.startswith("A") else self.rng.randrange(0, 3)
            command += ["--first", str(self.next_token), "--writes", str(writes), "--attach", "0.3"]
            command += ["--edits", str(self.rng.randrange(0, 3))]
            if device.startswith("A"):
                # Some withdrawals cross an answer desk B pushed that this device has not pulled yet.
                command += ["--refer-to", self.desk_ids["B"], "--refer", "0.3", "--withdraw", "0.25"]
            else:
                command += ["--answer"]
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
        return Worker(device, process, kill_at, started=time.monotonic())

    def _collect(self, worker: Worker) -> None:
        out, err = worker.process.communicate(timeout=120)
        self.figures["client_stderr_bytes_max"] = max(self.figures["client_stderr_bytes_max"], len(err))
        for line in out.splitlines():
            kind, *values = line.split(" ")
            if kind == "W":
                self.written[values[0]] = worker.device[0]
            elif kind == "A":
                self.attachments[values[1]] = (values[0], values[2])
            elif kind == "R":
                self.referrals[values[1]] = (values[0], values[2])
                self.figures[f"referrals_{values[2]}"] += 1
            elif kind == "Y":
                self.figures[f"answers_{values[1]}"] += 1
                self.answers[values[0]] = f"{values[1]} by {worker.device}"
            elif kind == "D":
                self.withdrawn[values[0]] = worker.device
            elif kind == "C":
                self.figures["central_reads"] += 1
            elif kind == "S":
                self.figures["syncs_ok" if values[0] == "ok" else f"syncs_{values[0]}"] += 1
            elif kind in ("F", "X"):
                self.figures[f"refused_{values[0]}"] += 1
        code = worker.process.returncode
        if worker.dumped is not None:
            self._note(f"{worker.device} client stalled {STALL_S:.0f} s: stacks in client_errors")
            self.errors.append(err[-6000:])
        elif code not in (0, -signal.SIGKILL):
            self.figures["client_crashes"] += 1
            if len(self.errors) < 5:
                self.errors.append(err[-2000:])

    def _final_syncs(self, desks: dict[str, Any]) -> int:
        """Every device syncs, round after round, until nothing moves (at most 16 rounds). A sync that raises, or
        that runs past `FINAL_SYNC_S` (its stacks are printed, then it is interrupted), is a finding; a stalled
        device is not synced again."""
        rounds = 0
        stalled: set[str] = set()
        while rounds < 16:
            rounds += 1
            reports = []
            for name, desk in desks.items():
                if name in stalled:
                    continue
                try:
                    with _time_limit(FINAL_SYNC_S):
                        reports.append(desk.network.sync())
                except SyncStalled:
                    stalled.add(name)
                    self.figures["final_sync_stalls"] += 1
                    self._note(f"{name} final sync still running after {FINAL_SYNC_S:.0f} s: stacks on stderr")
                except Exception as exc:  # a finding, not the end of the soak: named, counted, the others go on
                    self.figures["final_sync_errors"] += 1
                    self._note(f"{name} final sync raised {type(exc).__name__}: {str(exc)[:120]}")
            if stalled and len(stalled) == len(desks):
                break
            if len(reports) < len(desks) - len(stalled):
                continue
            moved = any(r.sync.pulled or r.sync.pushed or r.sync.blobs_waiting or r.referral_grants for r in reports)
            if all(r.ok for r in reports) and rounds >= 2 and not moved:
                break
        return rounds

    def _check(self, server: Any, dirs: dict[str, Path]) -> dict[str, Any]:
        from iam_desktop.services.desk import Desk
        from iam_desktop.vault.paths import DataDir
        from tests.sync_client.helpers import PASSPHRASE

        desks: dict[str, Any] = {}
        for name, root in dirs.items():
            desks[name] = Desk.open(DataDir(root))
            desks[name].unlock("anna", PASSPHRASE)
        try:
            rounds = self._final_syncs(desks)
            self._review(desks)
            observed = {name: observe(desk) for name, desk in desks.items()}
            # A transfer declined or withdrawn takes the case away from desk B again (docs/network.md).
            states = {v.referral_id: v.state for v in desks["A0"].network.referrals.all()}
            transfers = {r: t for r, (t, purpose) in self.referrals.items() if purpose == "transfer"}
            ended = {t for r, t in transfers.items() if states.get(r) in ("declined", "withdrawn")}
            expected = holders(self.written, set(transfers.values()) - ended, {name: name[0] for name in desks})
            result = tally(
                expected,
                {name: o["tokens"] for name, o in observed.items()},
                {name: o["acked"] for name, o in observed.items()},
                server_counts(server.database_url),
                {name: o["waiting"] for name, o in observed.items()},
                {name: o["blobs_waiting"] for name, o in observed.items()},
            )
            for name, tokens in sorted(expected.items()):
                for t in sorted(tokens - set(observed[name]["tokens"])):
                    self._note(f"{name} misses {t} ({self._story(t)})")
            for o in observed.values():
                self.figures["changes_written"] += o["outbox"]
                self.figures["quarantined"] += o["quarantined"]
            self.figures.update(self._attachments(desks, expected))
            self.figures.update(self._referrals(desks))
            self.figures["partitions_differing"] = 0
            for desk in desks.values():
                self.figures.update(differing(desk))
            central_tokens = observed["C0"]["tokens"]
            self.figures["central_cases"] = sum(1 for t in self.written if central_tokens.get(t))
            integrity = [desk.integrity() for desk in desks.values()]
        finally:
            for desk in desks.values():
                desk.close()
        audits = [audit_verify(root) for root in dirs.values()]
        by_desk: dict[str, list[Any]] = {}
        for name, o in observed.items():
            by_desk.setdefault(name[0], []).append(o["view"])
        f = self.figures
        return {
            "changes_lost": result.changes_lost,
            "duplicates": result.duplicates,
            "cases_written": len(self.written),
            "final_sync_rounds": rounds,
            "replicas_equal": all(v == views[0] for views in by_desk.values() for v in views),
            "integrity_ok": all(i == "ok" for i in integrity),
            "audit_ok": all(audits),
            "attachments_ok": f["attachments_missing"] == 0 and f["attachments_mismatch"] == 0,
            "referrals_ok": all(f[k] == 0 for k in REFERRAL_FINDINGS),
            "partitions_ok": f["partitions_differing"] == 0,
            "central_has_every_case": f["central_cases"] == len(self.written),
            "final_syncs_ok": f["final_sync_errors"] == 0 and f["final_sync_stalls"] == 0,
            "clients_ok": f["client_crashes"] == 0 and f["client_stalls"] == 0,
            **result.details,
            **dict(f),
            "problems": self.problems,
            "client_errors": self.errors,
        }  # fmt: skip

    def _review(self, desks: dict[str, Any]) -> None:
        """What an operator does with the cases kept for review that the documented limit explains (`review_kept`):
        discards them, as "Casi tenuti per revisione" offers. Counted; an unexplained one is a finding, kept."""
        ended = {v.extract_id or v.case_id for v in desks["A0"].network.referrals.all()
                 if v.to_desk == self.desk_ids["B"] and v.state in ENDED}  # fmt: skip
        for name, desk in desks.items():
            kept = desk.sync.revoked()
            explained, unexplained = review_kept(name, set(kept), ended)
            for partition in sorted(explained):
                self.figures["kept_for_review"] += 1
                self.figures["kept_for_review_changes"] += int(kept[partition].get("waiting", 0))
                desk.sync.discard_revoked(partition)
            for partition in sorted(unexplained):
                self.figures["kept_for_review_unexplained"] += 1
                self._note(f"{name} keeps {partition[:8]} for review ({kept[partition].get('waiting')} changes)")

    def _note(self, problem: str) -> None:
        """A finding of the final checks, kept for the report (ids and tokens only: no personal data)."""
        if len(self.problems) < 20:
            self.problems.append(problem)

    def _story(self, token: str) -> str:
        """Who wrote a token and what happened to its case, for a finding."""
        refs = [f"{p} {r[:8]} {self.answers.get(r, 'unanswered')}"
                + (f", withdrawn by {self.withdrawn[r]}" if r in self.withdrawn else "")
                for r, (t, p) in sorted(self.referrals.items()) if t == token]  # fmt: skip
        return ", ".join([f"written by desk {self.written.get(token, '?')}", *refs])

    def _attachments(self, desks: dict[str, Any], expected: dict[str, set[str]]) -> Counter[str]:
        """Every attachment a client reported committed opens byte-identical on every device holding its case."""
        import hashlib

        from iam_desktop.domain.errors import ValidationError

        out: Counter[str] = Counter(attachments_reported=len(self.attachments))
        for attachment_id, (token, sha256) in sorted(self.attachments.items()):
            for name, desk in desks.items():
                if token not in expected[name]:
                    continue
                out["attachments_checked"] += 1
                try:
                    data = desk.cases.attachment(attachment_id)
                except ValidationError:
                    out["attachments_missing"] += 1
                    self._note(f"{name} misses attachment {attachment_id} of {token} ({self._story(token)})")
                    continue
                out["attachments_mismatch"] += hashlib.sha256(data).hexdigest() != sha256
        return out

    def _referrals(self, desks: dict[str, Any]) -> Counter[str]:
        """Every device of A and B sees each referral in the same state (`referral_agrees`); a transfer's case is
        where its state puts it on every device (`transfer_placement`: B's once accepted, A's again once declined or
        withdrawn, and gone from B); an accepted extract is readable on B's devices with the person's name, a
        declined one is gone; every withdrawal a client reported is in the record (`withdrawal_figures`)."""
        from iam_desktop.domain.errors import ValidationError

        out: Counter[str] = Counter(dict.fromkeys(REFERRAL_FINDINGS, 0))  # printed even when none is found
        seen = {name: {v.referral_id: v for v in desk.network.referrals.all()} for name, desk in desks.items()
                if name[0] in "AB"}  # fmt: skip
        b_names = [n for n in desks if n.startswith("B")]
        for referral_id, (token, purpose) in sorted(self.referrals.items()):
            states = {name: views[referral_id].state if referral_id in views else None for name, views in seen.items()}
            if not referral_agrees(states):
                out["referrals_disagree"] += 1
                self._note(f"referral {referral_id[:8]} states {states} ({self._story(token)})")
            state = next((s for s in states.values() if s is not None), "missing")
            out[f"referrals_{state}"] += 1
            view = next((views[referral_id] for views in seen.values() if referral_id in views), None)
            if view is None:
                continue
            if purpose == "transfer":
                placement = {name: meta_desk(desk, view.case_id) for name, desk in desks.items()}
                for name, wrong in transfer_placement(state, placement, self.a_desk, self.desk_ids["B"]).items():
                    out["transfers_kept_after_end" if wrong == "kept" else "transfers_misplaced"] += 1
                    self._note(f"{name}: {state} transfer {referral_id[:8]} {wrong} ({self._story(token)})")
            elif view.extract_id:
                family = f"Prova {_letters(int(token.removeprefix('soak-')))}"
                for name in b_names:
                    b = desks[name]
                    if state == "accepted" or state == "proposed":
                        try:
                            extract = b.network.referrals.extract(referral_id)
                        except ValidationError as refused:
                            out["extracts_unreadable"] += 1
                            self._note(f"{name}: {state} extract {referral_id[:8]} unreadable ({refused.code}; "
                                       f"at A: {view.problems}) ({self._story(token)})")  # fmt: skip
                            continue
                        identity = extract.sections.get("identity", {}).get("person", {})
                        out["extracts_unreadable"] += identity.get("family_name") != family
                    elif state == "declined":
                        with b.vault.engine.connect() as conn:
                            out["extracts_kept_after_decline"] += b.records.get(conn, view.extract_id) is not None
        out.update(withdrawal_figures(set(self.withdrawn), referral_payloads(desks["A0"]), given_back(desks)))
        return out


class SyncStalled(Exception):
    """A final sync ran past its time limit (raised from the alarm's handler, after printing every stack)."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the body (main thread) after `seconds`, printing every thread's stack first: a hang made visible."""

    def expired(_signum: int, _frame: Any) -> None:
        faulthandler.dump_traceback(all_threads=True)
        raise SyncStalled

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _letters(n: int) -> str:
    from bench.soak_client import letters

    return letters(n)


def _route_through(desk: Any, url: str) -> None:
    """Point an enrolled device at the proxy instead of the server itself."""
    from iam_desktop.vault import sync_state

    with desk.vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None
        sync_state.save_enrolment(conn, sync_state.Enrolment(**{**state.__dict__, "server_url": url}))


@contextlib.contextmanager
def backend_url(backend: str, root: Path, admin_url: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{root / 'server.sqlite3'}"
        return
    from sync.server.testing import temporary_postgres_database

    with temporary_postgres_database(admin_url) as url:
        yield url


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--devices", type=int, default=2, help="devices of desk A")
    parser.add_argument("--b-devices", type=int, default=1, help="devices of desk B")
    parser.add_argument("--database-url", default=os.environ.get("IAM_TEST_DATABASE_URL", ""))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1 PID`: every thread's stack, if it stalls
    backends = ["sqlite"] + (["postgresql"] if args.database_url else [])
    seconds = args.minutes * 60 / len(backends)
    per_backend: dict[str, dict[str, Any]] = {}
    for backend in backends:
        root = Path(tempfile.mkdtemp(prefix=f"iam-soak-{backend}-"))
        try:
            with backend_url(backend, root, args.database_url) as url:
                rng = random.Random(f"{args.seed}-{backend}")
                per_backend[backend] = Soak(url, root / "desks", seconds, args.devices, rng, args.b_devices).run()
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
    return 0 if ok and all(figures[c] for c in CHECKS) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
