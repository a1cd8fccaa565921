"""Fixtures of the UI tests: cheap Argon2id, compiled translations, modal dialogs that never block (as Picard
patches ``exec``), a prepared desk in ``tmp_path`` and shells wired as the app wires them, with an inline runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.ui import i18n_build
from iam_desktop.ui.app import DeskShell
from iam_desktop.ui.tasks import TaskRunner
from iam_desktop.vault.paths import DataDir
from tests.qt_dialogs import ShownDialogs, shown  # noqa: F401  (autouse fixture for this folder)

PASSPHRASE = "una frase abbastanza lunga"
OPERATOR_PASSPHRASE = "un'altra frase lunga 42"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


@pytest.fixture(scope="session", autouse=True)
def built_translations() -> None:
    i18n_build.release(i18n_build.translation_sources())


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return Desk.data_dir(tmp_path / "data")


@pytest.fixture
def prepared_desk(data_dir: DataDir) -> DataDir:
    """A desk with a coordinator (m.rossi) and an operator (l.bianchi), closed again."""
    desk, _recovery = Desk.initialise(
        data_dir,
        desk_name="Sportello Val Trompia",
        territory="Val Trompia",
        username="m.rossi",
        display_name="Maria Rossi",
        passphrase=PASSPHRASE,
    )
    desk.add_operator("l.bianchi", "Luca Bianchi", Role.OPERATOR, OPERATOR_PASSPHRASE)
    desk.close()
    return data_dir


@pytest.fixture
def make_shell(qtbot: object) -> Iterator[Callable[..., DeskShell]]:
    shells: list[DeskShell] = []

    def make(data_dir: DataDir, *, language: str = "it", inline: bool = True) -> DeskShell:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        shell = DeskShell(app, data_dir, fallback_language=language, runner=TaskRunner(inline=inline))
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        shell.runner.wait_idle()
        for window in (shell.wizard, shell.main_window):
            if window is not None:
                window.hide()
                window.deleteLater()
        shell.close()
