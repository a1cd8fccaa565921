"""One client run of the soak (`bench/soak.py`): a desk device that writes, then syncs once, in its own process.

`python -m bench.soak_client DATA_DIR --first N --writes K [--edits E] [--fsize-limit BYTES]` takes in charge K
people whose notes carry the tokens `soak-N` … `soak-(N+K-1)`, printing `W <token>` after each one commits (so the
parent counts only what was durably written), edits the phone of up to E existing cases, then runs one sync and
prints `S <state>`. With `--fsize-limit` the process may not grow any file past that size (RLIMIT_FSIZE, as
`tests/vault/test_faults.py` does): a full disk, reported as `F <error kind>`. The parent may SIGKILL it at any time.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import sys
from pathlib import Path

PASSPHRASE = "una passphrase lunga e segreta"
OPERATOR = "anna"


def letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def token(n: int) -> str:
    return f"soak-{n}"


def person(n: int) -> dict[str, object]:
    """A clearly fictitious person; the token is in the notes (names may not hold digits)."""
    return {"given_names": [f"Nome {letters(n)}"], "family_name": f"Prova {letters(n)}", "notes": token(n)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak_client")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--first", type=int, required=True)
    parser.add_argument("--writes", type=int, default=3)
    parser.add_argument("--edits", type=int, default=1)
    parser.add_argument("--fsize-limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from iam_desktop.domain.errors import IamError
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.paths import DataDir

    rng = random.Random(args.seed)
    desk = Desk.open(DataDir(args.data_dir))
    desk.unlock(OPERATOR, PASSPHRASE)
    if args.fsize_limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize_limit, args.fsize_limit))
    try:
        for n in range(args.first, args.first + args.writes):
            desk.cases.intake(person(n))
            print("W", token(n), flush=True)
        ids = [row.case_id for row in desk.cases.search()]
        for case_id in rng.sample(ids, min(args.edits, len(ids))):
            file = desk.cases.open(case_id)
            desk.cases.update(case_id, {**file.person, "phone": f"+39 333 {rng.randrange(10**7):07d}"})
        report = desk.sync.client(batch_size=rng.choice((5, 50, 500)), page_limit=rng.choice((7, 100))).run_once()
        print("S", report.state, flush=True)
    except IamError as exc:  # a full disk in particular: reported, the vault keeps its last good state
        print("F", getattr(exc, "kind", type(exc).__name__), flush=True)
    finally:
        desk.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("IAM_INSECURE_FAST_KDF", "1")
    sys.exit(main(sys.argv[1:]))
