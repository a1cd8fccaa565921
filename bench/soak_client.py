"""One client run of the soak (`bench/soak.py`): a device that writes, then syncs once, in its own process.

`python -m bench.soak_client DATA_DIR --first N --writes K [--edits E] [--attach P] [--refer-to DESK_ID]
[--refer P] [--withdraw P] [--answer] [--central] [--fsize-limit BYTES] [--seed S]` takes in charge K people whose
notes carry the tokens `soak-N` … `soak-(N+K-1)`, printing `W <token>` after each one commits (so the parent counts
only what was durably written). With probability P a new case gets an attachment of random bytes (deterministic
from the seed), printed `A <token> <attachment id> <sha256>` once committed. It edits the phone of up to E cases
this desk may edit. With `--withdraw`, with probability P it withdraws one of this desk's sent referrals that this
device still sees proposed — the receiver may have answered it meanwhile, unseen here: the two cross — printed
`D <referral id>` (`W` is taken by the tokens). With `--refer-to`, with probability P it refers one of the new cases
to that desk — a transfer or a housing extract — printed `R <token> <referral id> <purpose>`; with `--answer` it
accepts (or, one time in five, declines) every referral waiting in its inbox, printed `Y <referral id> <decision>`.
Then it runs one network sync (the sync run plus the directory, referral grants and transfers) and prints
`S <state>`. A `--central` device writes nothing: it syncs, then opens every case and every attachment that has
arrived, printing `C <cases> <attachments>`. A refusal the domain explains (a case transferred away is read only, a
referral already answered or withdrawn) is printed `X <code>` and the run goes on. With `--fsize-limit` the process
may not grow any file past that size (RLIMIT_FSIZE, as `tests/vault/test_faults.py` does): a full disk, reported as
`F <error kind>`. The parent may SIGKILL it at any time.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import os
import random
import resource
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

PASSPHRASE = "una passphrase lunga e segreta"
OPERATOR = "anna"
CONSENTS = [
    {"purpose": "presa_in_carico", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
    {"purpose": "condivisione_rete", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
]


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
    """A clearly fictitious person; the token is in the notes (names may not hold digits). The consents allow a
    referral through the network."""
    return {"given_names": [f"Nome {letters(n)}"], "family_name": f"Prova {letters(n)}", "notes": token(n),
            "consents": CONSENTS}  # fmt: skip


def scan_bytes(seed: int, rng: random.Random) -> bytes:
    """A PDF-looking attachment of 1–48 KiB of noise, the same for the same seed."""
    return b"%PDF-1.4\n" + random.Random(f"scan-{seed}").randbytes(rng.randrange(1_024, 48 * 1_024))


def write(desk: Any, args: argparse.Namespace, rng: random.Random) -> None:
    from iam_desktop.domain.errors import CaseReadOnlyError, ValidationError

    fresh: list[tuple[str, str]] = []
    for n in range(args.first, args.first + args.writes):
        case_id = desk.cases.intake(person(n))
        print("W", token(n), flush=True)
        fresh.append((token(n), case_id))
        if rng.random() < args.attach:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"scansione-{n}.pdf"
                path.write_bytes(scan_bytes(n, rng))
                info = desk.cases.attach(case_id, path, kind="permesso")
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            print("A", token(n), info.attachment_id, digest, flush=True)
    ids = [row.case_id for row in desk.cases.search()]
    for case_id in rng.sample(ids, min(args.edits, len(ids))):
        file = desk.cases.open(case_id)
        try:
            desk.cases.update(case_id, {**file.person, "phone": f"+39 333 {rng.randrange(10**7):07d}"})
        except CaseReadOnlyError as exc:  # transferred away: this desk reads it, the receiver writes
            print("X", exc.kind.value, flush=True)
    if args.answer:
        for view in desk.network.referrals.inbox():
            if view.state != "proposed":
                continue
            decision = "declined" if rng.random() < 0.2 else "accepted"
            try:
                desk.network.referrals.answer(view.referral_id, decision, "posto non disponibile")
            except ValidationError as exc:  # withdrawn or answered meanwhile by another device of the desk
                print("X", exc.code, flush=True)
                continue
            print("Y", view.referral_id, decision, flush=True)
    if args.withdraw and rng.random() < args.withdraw:
        withdraw_one(desk, rng)
    if args.refer_to and fresh and rng.random() < args.refer:
        tok, case_id = rng.choice(fresh)
        purpose = rng.choice(("transfer", "housing"))
        referral = desk.network.referrals.propose(case_id, args.refer_to, purpose)
        print("R", tok, referral, purpose, flush=True)


def withdraw_one(desk: Any, rng: random.Random) -> None:
    """Withdraw one of this desk's sent referrals that this device still sees proposed. The receiver may have
    answered it already without this device having pulled the answer: the withdrawal then crosses it."""
    from iam_desktop.domain.errors import ValidationError

    pending = [v.referral_id for v in desk.network.referrals.sent() if v.state == "proposed"]
    if not pending:
        return
    referral_id = rng.choice(pending)
    try:
        desk.network.referrals.withdraw(referral_id)
    except ValidationError as exc:  # answered or withdrawn meanwhile, as far as this device knows
        print("X", exc.code, flush=True)
        return
    print("D", referral_id, flush=True)


def read_everything(desk: Any) -> None:
    """The central office's reading: every case file, every attachment whose content has arrived."""
    cases = files = 0
    for row in desk.cases.search():
        file = desk.cases.open(row.case_id)
        cases += 1
        for info in file.attachments:
            if info.available:
                desk.cases.attachment(info.attachment_id)
                files += 1
    print("C", cases, files, flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak_client")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--writes", type=int, default=3)
    parser.add_argument("--edits", type=int, default=1)
    parser.add_argument("--attach", type=float, default=0.0)
    parser.add_argument("--refer-to", default="")
    parser.add_argument("--refer", type=float, default=0.0)
    parser.add_argument("--withdraw", type=float, default=0.0)
    parser.add_argument("--answer", action="store_true")
    parser.add_argument("--central", action="store_true")
    parser.add_argument("--fsize-limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the soak asks a stalled run for its stacks

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
        if not args.central:
            write(desk, args, rng)
        options: dict[str, Any] = {"batch_size": rng.choice((5, 50, 500)), "page_limit": rng.choice((7, 100))}
        report = desk.network.sync(**options)
        print("S", report.sync.state, flush=True)
        if args.central and report.ok:
            read_everything(desk)
    except IamError as exc:  # a full disk in particular: reported, the vault keeps its last good state
        print("F", getattr(exc, "kind", type(exc).__name__), flush=True)
    finally:
        desk.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("IAM_INSECURE_FAST_KDF", "1")
    sys.exit(main(sys.argv[1:]))
