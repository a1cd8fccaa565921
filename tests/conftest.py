"""Suite-wide set-up: Qt runs offscreen, one QApplication (pytest-qt), screenshots go to IAM_SCREENSHOT_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

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


# Property tests: on CI (a clean machine, no example database) the examples are derived from the test itself, so a
# run is reproducible and a red build names an example anyone can replay; on a developer's machine they are random
# and failures are remembered in .hypothesis/ (replayed first next time).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
