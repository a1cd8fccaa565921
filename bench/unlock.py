"""Unlock time with the production Argon2id parameters (budget: 0.3–1.0 s on the reference machine).

    python -m bench.unlock [--runs N] [--json]

Creates a throw-away vault with the real key-derivation cost, then times ``Desk.unlock`` (Argon2id, store-key
unwrap, key-store decryption) N times, and times a wrong passphrase too (it must cost the same)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from iam_desktop.domain.errors import WrongPassphraseError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.vault import default_kdf

PASSPHRASE = "benchmark passphrase 2026"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.pop("IAM_INSECURE_FAST_KDF", None)
    params = default_kdf()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp) / "desk")
        desk, _ = Desk.initialise(
            data_dir, desk_name="Bench", territory="", username="anna", display_name="Anna", passphrase=PASSPHRASE
        )
        desk.close()
        desk = Desk.open(data_dir)
        unlock, wrong = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            desk.unlock("anna", PASSPHRASE)
            unlock.append(time.perf_counter() - start)
            desk.lock()
        for _ in range(2):  # two wrong attempts stay within the free attempts, so no back-off interferes
            start = time.perf_counter()
            try:
                desk.unlock("anna", "not the passphrase at all")
            except WrongPassphraseError:
                wrong.append(time.perf_counter() - start)
        desk.close()
    result = {
        "argon2id_memory_kib": params.memory_kib,
        "argon2id_iterations": params.iterations,
        "argon2id_lanes": params.lanes,
        "runs": args.runs,
        "unlock_median_s": round(statistics.median(unlock), 3),
        "unlock_min_s": round(min(unlock), 3),
        "unlock_max_s": round(max(unlock), 3),
        "wrong_passphrase_median_s": round(statistics.median(wrong), 3),
        "budget_s": [0.3, 1.0],
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
