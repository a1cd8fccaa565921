"""The bundle's entry point: the desktop app, or the sync server when started as ``-m sync.server``.

In a PyInstaller bundle ``sys.executable`` is this program, not a Python interpreter. The demo network
(``iam_desktop.services.demo``) starts its server as ``[sys.executable, "-m", "sync.server", …]``; answering that
form here lets the bundled app run the demo — and an administrator run the server — with no Python installed.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # uvicorn's worker processes re-enter here
    args = sys.argv[1:]
    if args[:2] == ["-m", "sync.server"]:
        from sync.server.cli import main as server_main

        return server_main(args[2:])
    from iam_desktop.__main__ import main as desktop_main

    return desktop_main(args)


if __name__ == "__main__":
    sys.exit(main())
