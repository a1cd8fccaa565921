"""Logging to a rotating file in the data directory. Log lines carry ids, kinds and counts — never a name, a codice
fiscale or any other personal data; the test suite scans the log files for the test's known strings."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from iam_desktop.vault.paths import DataDir


def configure_logging(data_dir: DataDir, level: int = logging.INFO) -> None:
    data_dir.ensure()
    root = logging.getLogger("iam_desktop")
    target = str(data_dir.logs / "iam-desk.log")
    for existing in list(root.handlers):
        if isinstance(existing, RotatingFileHandler):
            if existing.baseFilename == target:
                return
            # Another data directory in the same process (tests, a restored desk): log to the new one only.
            root.removeHandler(existing)
            existing.close()
    handler = RotatingFileHandler(data_dir.logs / "iam-desk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
