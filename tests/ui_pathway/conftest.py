"""Fixtures of the pathway widget tests: cheap Argon2id, the Italian catalogue compiled and installed, modal
dialogs that never block, and a real desk in ``tmp_path`` unlocked by its coordinator (m.rossi), with an operator
(l.bianchi) and a few cases of people at different points of the pathway. Widgets get an inline task runner."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.ui import i18n_build
from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.tasks import TaskRunner
from tests.qt_dialogs import ShownDialogs, shown  # noqa: F401  (autouse fixture for this folder)

PASSPHRASE = "una frase abbastanza lunga"
OPERATOR_PASSPHRASE = "un'altra frase lunga 42"
TODAY = dt.date.today()

AMADOU = {
    "given_names": ["Amadou", "Bakary"],
    "family_name": "Traoré",
    "sex": "M",
    "birth_date": "1990-01-01",
    "birth_country": "ML",
    "citizenships": ["ML"],
    "languages": ["fr", "bm"],
    "codice_fiscale": "TRRMDB90A01Z329G",
    "protection_status": "protezione_sussidiaria",
    "italian_level": "A1",
    "permit": {"type": "asilo", "number": "I12345678", "questura": "Brescia", "issued": "2025-01-10",
               "expires": (TODAY + dt.timedelta(days=400)).isoformat()},
    "phone": "+39 333 918 2746",
}  # fmt: skip
REGISTRATIONS = {"registrations.cpi_did": "2026-03-01", "registrations.ssn": "2026-03-02"}


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


@pytest.fixture(scope="session")
def italian_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Italian catalogue compiled into a private file: other test runs rebuild the shared .qm meanwhile."""
    ts = i18n_build.resource("translations", "iam_it.ts")
    qm = tmp_path_factory.mktemp("qm") / "iam_it.qm"
    subprocess.run([i18n_build.tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture(autouse=True)
def italian(qapp: QApplication, italian_catalogue: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(italian_catalogue))
    qtbase = QTranslator()  # standard buttons ("Annulla"), as the app's UiLanguage installs them
    qtbase.load(QLocale("it"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for installed in (translator, qtbase):
        qapp.installTranslator(installed)
    QLocale.setDefault(QLocale("it"))
    yield translator
    for installed in (translator, qtbase):
        qapp.removeTranslator(installed)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    """A desk unlocked by its coordinator, Maria Rossi; Luca Bianchi is an operator."""
    data_dir = Desk.data_dir(tmp_path / "data")
    desk, _recovery = Desk.initialise(
        data_dir, desk_name="Sportello Val Trompia", territory="Val Trompia", username="m.rossi",
        display_name="Maria Rossi", passphrase=PASSPHRASE,
    )  # fmt: skip
    desk.add_operator("l.bianchi", "Luca Bianchi", Role.OPERATOR, OPERATOR_PASSPHRASE)
    yield desk
    desk.close()


@pytest.fixture
def case_id(desk: Desk) -> str:
    return desk.cases.intake(AMADOU, extra=REGISTRATIONS)


def as_operator(desk: Desk) -> None:
    desk.lock()
    desk.unlock("l.bianchi", OPERATOR_PASSPHRASE)


@pytest.fixture
def errors() -> ErrorDialog:
    return ErrorDialog(lambda: "it")


@pytest.fixture
def make_panel(qtbot: Any, desk: Desk, errors: ErrorDialog) -> Callable[..., Any]:
    """Builds a pathway widget as the app would: the desk, an inline runner, the error dialog, Italian."""

    def make(cls: type[QWidget], *args: Any, **kwargs: Any) -> Any:
        runner = TaskRunner(inline=True, fallback_error=errors.show)
        widget = cls(desk, runner, errors, lambda: "it", *args, **kwargs)
        qtbot.addWidget(widget)
        widget.runner_for_test = runner
        return widget

    return make
