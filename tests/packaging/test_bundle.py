"""The desktop bundle works on its own: the program built by packaging/iam-desk.spec starts offscreen, reports the
project's version, creates and unlocks a vault (migrations, KDF, crypto, fonts for the recovery sheet), runs the
sync server it carries for the demo network, and opens the GUI without a missing Qt plugin."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from iam_desktop import __version__
from tests.packaging.conftest import Bundle

pytestmark = pytest.mark.slow

PASSPHRASE = "una passphrase lunga per la prova del pacchetto"
MAX_BUNDLE_MB = 350
MAX_BUILD_SECONDS = 300


def test_bundle_size_and_build_time(bundle: Bundle) -> None:
    size_mb = bundle.size_bytes() / 1e6
    assert size_mb < MAX_BUNDLE_MB, f"the bundle grew to {size_mb:.0f} MB"
    if bundle.build_seconds is not None:
        assert bundle.build_seconds < MAX_BUILD_SECONDS
    internal = bundle.folder / "_internal"
    for needed in (
        "resources/translations/iam_it.qm",
        "resources/fonts/DejaVuSans.ttf",
        "resources/pathways/iam.json",
        "resources/icons/iam-desk.png",
        "iam_desktop/vault/migrations/env.py",
        "sync/server/migrations/env.py",
    ):
        assert (internal / needed).is_file(), needed
    for unwanted in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libQt63DCore.so.6"):
        assert not list(internal.rglob(unwanted)), unwanted


def test_version(bundle: Bundle) -> None:
    done = bundle.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"I.Am Desk {__version__}"
    server = bundle.run("-m", "sync.server", "--version")
    assert server.returncode == 0, server.stderr
    assert server.stdout.strip() == f"iam-sync-server {__version__}"


def test_init_and_unlock_check_on_a_temporary_vault(bundle: Bundle, tmp_path: Path) -> None:
    env = {"IAM_PASSPHRASE": PASSPHRASE, "IAM_INSECURE_FAST_KDF": "1"}
    data = tmp_path / "vault"
    init = bundle.run("--data-dir", str(data), "init", "--desk", "Sportello Prova", "--operator", "anna",
                      "--recovery-sheet", str(tmp_path / "recovery.pdf"), env=env)  # fmt: skip
    assert init.returncode == 0, init.stderr
    assert "Desk 'Sportello Prova' created" in init.stdout and "Recovery key" in init.stdout
    assert (tmp_path / "recovery.pdf").read_bytes().startswith(b"%PDF")
    check = bundle.run("--data-dir", str(data), "unlock-check", "--operator", "anna", env=env)
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "ok: anna (Sportello Prova)"
    wrong = bundle.run("--data-dir", str(data), "unlock-check", "--operator", "anna",
                       env={**env, "IAM_PASSPHRASE": "sbagliata"})  # fmt: skip
    assert wrong.returncode == 1
    audit = bundle.run("--data-dir", str(data), "audit", "verify")
    assert audit.returncode == 0 and "audit chain ok" in audit.stdout, audit.stderr


def test_the_bundled_sync_server_administers_a_database(bundle: Bundle, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    create = bundle.run("-m", "sync.server", "desk", "create", "Sportello Prova", "--database-url", url)
    assert create.returncode == 0, create.stderr
    listed = bundle.run("-m", "sync.server", "desk", "list", "--database-url", url)
    assert "Sportello Prova" in listed.stdout, listed.stderr


def test_the_gui_starts_offscreen(bundle: Bundle, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "IAM_"))}
    env.update(QT_QPA_PLATFORM="offscreen", IAM_DATA_DIR=str(tmp_path / "gui"))
    process = subprocess.Popen(
        [str(bundle.program)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        time.sleep(6)  # the first-run wizard is up by then; a missing plugin or import fails within a second
        assert process.poll() is None, process.communicate()[0]
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "Traceback" not in output and "could not load the Qt platform plugin" not in output.lower(), output
