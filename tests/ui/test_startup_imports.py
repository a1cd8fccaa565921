"""The app starts without loading the sync client's HTTP library and wire models (bench/startup.py: the budget of
1.5 s to an unlocked window is met only because they load with the first sync). A module that imports them at its
top on the start-up path shows up here by name."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("requests", "pydantic", "reportlab", "fastapi")


def test_the_app_module_does_not_load_the_sync_client_or_printing() -> None:
    code = f"import sys, iam_desktop.ui.app\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded = [m for m in out.stdout.strip().split(",") if m]
    if loaded:
        trace = subprocess.run([sys.executable, "-X", "importtime", "-c", "import iam_desktop.ui.app"],
                               capture_output=True, text=True, env=env).stderr  # fmt: skip
        chain = [line for line in trace.splitlines() if "iam_desktop" in line and "|" in line][-15:]
        raise AssertionError(f"loaded at start-up: {loaded}; last app modules imported:\n" + "\n".join(chain))
