"""Fixtures of the sync UI tests: the UI fixtures (cheap Argon2id, compiled translations, patched modal dialogs,
shells wired as the app wires them), one real sync server process on SQLite per module, desk vaults in temporary
folders and a helper that opens a desk in a shell and unlocks it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from iam_desktop.services.desk import Desk
from iam_desktop.ui.app import DeskShell
from iam_desktop.ui.main_window import MainWindow
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess
from tests.ui.conftest import built_translations, fast_kdf, make_shell, shown  # noqa: F401 — fixtures

PASSPHRASE = "una passphrase lunga e segreta"
SCREEN = QSize(1366, 768)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'sync.sqlite3'}"
    with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}) as process:
        yield process


def new_vault(root: Path, desk_name: str = "Sportello Val Trompia") -> DataDir:
    """An empty desk vault with one coordinator (anna), closed again."""
    desk, _ = Desk.initialise(
        DataDir(root), desk_name=desk_name, territory="Val Trompia", username="anna", display_name="Anna Prova",
        passphrase=PASSPHRASE, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
    )  # fmt: skip
    desk.close()
    return DataDir(root)


def open_unlocked(
    qtbot, shell_factory: Callable[..., DeskShell], data_dir: DataDir, **kwargs
) -> tuple[DeskShell, MainWindow]:
    shell = shell_factory(data_dir, **kwargs)
    assert shell.start() is None
    window = shell.main_window
    assert window is not None
    window.resize(SCREEN)
    qtbot.waitExposed(window)
    window.lock_screen.passphrase_edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    return shell, window


def shoot(qtbot, widget, path: Path, size: QSize = SCREEN) -> None:
    widget.resize(size)
    qtbot.wait(20)
    image = widget.grab()
    assert image.save(str(path))
