"""The desktop bundle, built ONCE per test run (PyInstaller takes a minute or two) and shared by every test that
needs it. `IAM_BUNDLE_DIR=dist/iam-desk` reuses a bundle built by `make bundle` instead of building one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "iam-desk.spec"
WORK = ROOT / "build" / "bundle-test"  # git-ignored; PyInstaller's cache there makes a second build faster


@dataclass(frozen=True)
class Bundle:
    folder: Path
    build_seconds: float | None  # None when reused

    @property
    def program(self) -> Path:
        return self.folder / ("iam-desk.exe" if sys.platform == "win32" else "iam-desk")

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file() and not p.is_symlink())

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "IAM_"))}
        clean["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.run(
            [str(self.program), *args], capture_output=True, text=True, timeout=timeout, env={**clean, **(env or {})}
        )


def build_bundle(dist: Path, work: Path) -> float:
    """Build the bundle with the project's spec; return the seconds it took."""
    translations = subprocess.run([sys.executable, "-m", "iam_desktop.ui.i18n_build"], cwd=ROOT, capture_output=True)
    assert translations.returncode == 0, translations.stderr
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return time.monotonic() - started


@pytest.fixture(scope="session")
def bundle() -> Iterator[Bundle]:
    reuse = os.environ.get("IAM_BUNDLE_DIR")
    if reuse:
        yield Bundle(Path(reuse).resolve(), None)
        return
    if shutil.which("objdump") is None and sys.platform.startswith("linux"):
        pytest.fail("PyInstaller needs objdump on Linux: install binutils (.ci/run does)")
    dist = WORK / "dist"
    seconds = build_bundle(dist, WORK / "work")
    built = Bundle(dist / "iam-desk", seconds)
    figures = {"build_seconds": round(seconds, 1), "size_mb": round(built.size_bytes() / 1e6, 1)}
    (WORK / "figures.json").write_text(json.dumps(figures) + "\n")
    print(f"\nbundle built in {figures['build_seconds']} s, {figures['size_mb']} MB")
    yield built
