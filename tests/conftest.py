"""Suite-wide set-up: Qt runs offscreen, one QApplication (pytest-qt), screenshots go to IAM_SCREENSHOT_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real user's data directory.
os.environ.pop("IAM_DATA_DIR", None)


@pytest.fixture
def screenshot_dir() -> Path:
    """Where tests save screenshots for a person to look at (kept by `make test`, not committed)."""
    path = Path(os.environ.get("IAM_SCREENSHOT_DIR", "build/screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


pytest_plugins = ["tests.vault_fixtures"]
