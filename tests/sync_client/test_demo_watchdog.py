"""The demo's embedded server goes away with the app, even when the app is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import requests

APP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from iam_desktop.services import demo
    network = demo.build(Path(sys.argv[1]), cases_per_desk=1, fast_kdf=True)
    print(network.server_url, network.server.pid, flush=True)
    time.sleep(600)
    """
)


def test_server_stops_when_the_app_is_killed(tmp_path: Path) -> None:
    env = {**os.environ, "IAM_INSECURE_FAST_KDF": "1"}
    app = subprocess.Popen([sys.executable, "-c", APP, str(tmp_path / "demo")], stdout=subprocess.PIPE, text=True,
                           env=env)  # fmt: skip
    assert app.stdout is not None
    url, pid = app.stdout.readline().split()
    assert requests.get(url + "/healthz", timeout=5).status_code == 200
    app.send_signal(signal.SIGKILL)
    app.wait(10)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.killpg(int(pid), signal.SIGKILL)
        raise AssertionError("the demo server outlived the app")
