"""Crash trials of the desktop sync client against a real server process: the client is killed with SIGKILL at a
random moment of a push or of a pull, restarted, and must complete with nothing lost or duplicated.

`python -m bench.sync_faults --trials 50 [--cases 150] [--json]` prints, per phase, how many trials were killed
mid-run, how many runs it took to complete, and the checks (outbox fully acknowledged; the server holds each change
exactly once; the pulling device's replica equals the pushing one's). `tests/sync_client/test_faults.py` runs a
few trials of the same code. Only 127.0.0.1 is contacted; everything lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ._report import print_figures

PASSPHRASE = "una passphrase lunga e segreta"


def worker(data_dir: str, batch: int, page: int) -> int:
    """One sync run in this process (the parent may SIGKILL it at any moment)."""
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.paths import DataDir

    desk = Desk.open(DataDir(Path(data_dir)))
    desk.unlock("anna", PASSPHRASE)
    report = desk.sync.client(batch_size=batch, page_limit=page).run_once()
    print(json.dumps(report.as_dict()))
    return 0 if report.ok else 1


def run_worker(data_dir: Path, kill_after: float | None, batch: int = 20, page: int = 20) -> tuple[bool, bool]:
    """(killed, completed): one sync run in a forked child (no interpreter start-up, so the kill lands inside the
    sync itself); ``kill_after`` seconds after the fork the child gets SIGKILL if it is still running."""
    pid = os.fork()
    if pid == 0:  # the child: sync once and leave without running the parent's clean-up
        code = 1
        try:
            # Any failure is reported by the exit status; the parent runs the sync again.
            with contextlib.suppress(BaseException), contextlib.redirect_stdout(io.StringIO()):
                code = worker(str(data_dir), batch, page)
        finally:
            os._exit(code)
    deadline = None if kill_after is None else time.monotonic() + kill_after
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return False, os.waitstatus_to_exitcode(status) == 0
        if deadline is not None and time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return True, False
        time.sleep(0.002)


def trial(server: Any, root: Path, phase: str, cases: int, rng: random.Random, warm_s: float) -> dict[str, Any]:
    """One desk with two devices; ``phase`` "push" kills device A while pushing, "pull" kills B while pulling."""
    from tests.sync_client.helpers import desk_devices, person, replica

    a, b = desk_devices(server, root, devices=2)
    for n in range(cases):
        a.cases.intake(person(n))
    a_dir, b_dir = a.vault.data_dir.root, b.vault.data_dir.root
    a.close()
    b.close()
    killed = False
    target = a_dir if phase == "push" else b_dir
    if phase == "pull":
        run_worker(a_dir, None)
    # The child needs ~warm_s to open and unlock the vault; the kill lands somewhere in the sync itself.
    killed, _ = run_worker(target, warm_s + rng.uniform(0.0, 0.5))
    runs = 1
    while not run_worker(target, None)[1]:
        runs += 1
        if runs > 5:
            raise AssertionError("sync did not complete after a crash")
    if phase == "push":
        run_worker(b_dir, None)
    return {"killed": killed, "runs": runs, **check(server, a_dir, b_dir, replica)}


def check(server: Any, a_dir: Path, b_dir: Path, replica: Any) -> dict[str, Any]:
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.paths import DataDir
    from iam_desktop.vault.tables import outbox

    opened = []
    for folder in (a_dir, b_dir):
        desk = Desk.open(DataDir(folder))
        desk.unlock("anna", PASSPHRASE)
        opened.append(desk)
    a, b = opened
    try:
        status = a.sync.status()
        with a.vault.engine.connect() as conn:
            ids = [r.change_id for r in conn.execute(sa.select(outbox.c.change_id))]
        engine = sa.create_engine(server.database_url)
        with engine.connect() as conn:
            stored = conn.execute(
                sa.text("SELECT change_id, COUNT(*) FROM changes WHERE device_id = :d GROUP BY change_id"),
                {"d": a.sync.enrolment().state().device_id},  # type: ignore[union-attr]
            ).all()
        engine.dispose()
        counts = dict(stored)
        return {
            "waiting": status.waiting,
            "acked_all": status.waiting == 0 and status.rejected == 0,
            "server_once_each": sorted(counts) == sorted(ids) and set(counts.values()) == {1},
            "replicas_equal": replica(a) == replica(b),
        }
    finally:
        for desk in opened:
            desk.close()


def warm_up_seconds() -> float:
    """Roughly how long a forked child takes to open and unlock a vault before it syncs."""
    return 0.05


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50, help="trials per phase (push and pull)")
    parser.add_argument("--cases", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ["IAM_INSECURE_FAST_KDF"] = "1"
    from sync.server.testing import ServerProcess

    rng = random.Random(args.seed)
    warm = warm_up_seconds()
    figures: dict[str, Any] = {"trials_per_phase": args.trials, "cases": args.cases}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'server.sqlite3'}"
        with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}) as server:
            for phase in ("push", "pull"):
                results = [trial(server, Path(tmp) / f"{phase}{i}", phase, args.cases, rng, warm)
                           for i in range(args.trials)]  # fmt: skip
                figures[f"{phase}_killed_mid_run"] = sum(r["killed"] for r in results)
                figures[f"{phase}_max_runs_to_complete"] = max(r["runs"] for r in results)
                figures[f"{phase}_all_checks_ok"] = all(
                    r["acked_all"] and r["server_once_each"] and r["replicas_equal"] for r in results
                )
    figures["seconds"] = round(time.monotonic() - started, 1)
    print_figures(figures, args.json)
    ok = figures["push_all_checks_ok"] and figures["pull_all_checks_ok"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
