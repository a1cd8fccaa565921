"""Fixtures of the dashboard tests: those of the pathway widget tests (cheap Argon2id, the Italian catalogue
installed, modal dialogs that never block, a real desk unlocked by its coordinator) and of the shell tests (the main
window wired as the app wires it), plus a small data set written through the services whose figures are counted
by hand in the tests."""

from __future__ import annotations

from typing import Any

import pytest

from iam_desktop.domain.closure import Outcome
from iam_desktop.services.desk import Desk
from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.monitoring import MonitoringView
from iam_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import built_translations, data_dir, make_shell, prepared_desk  # noqa: F401
from tests.ui_pathway.conftest import (  # noqa: F401
    AMADOU,
    desk,
    errors,
    fast_kdf,
    italian,
    italian_catalogue,
    shown,
)


def small_data_set(desk: Desk) -> list[str]:  # noqa: F811 (the fixture of the same name is another thing)
    """Four people taken in charge today: Amadou climbs to step 2 and leaves with autonomy reached, Fatou climbs to
    step 2, Ali and Moussa stay on step 1."""
    ids = [desk.cases.intake(AMADOU)]
    for name, sex in (("Fatou", "F"), ("Ali", "M"), ("Moussa", "M")):
        ids.append(desk.cases.intake({**AMADOU, "given_names": [name], "sex": sex, "codice_fiscale": None}))
    desk.pathway.move(ids[0], 2, reason="patto firmato su carta", override=True)
    desk.pathway.close(ids[0], Outcome.AUTONOMIA_RAGGIUNTA)
    desk.pathway.move(ids[1], 2, reason="patto firmato su carta", override=True)
    return ids


@pytest.fixture
def language() -> list[str]:
    return ["it"]


@pytest.fixture
def make_view(qtbot: Any, desk: Desk, errors: ErrorDialog, language: list[str]) -> Any:  # noqa: F811
    def make() -> MonitoringView:
        runner = TaskRunner(inline=True, fallback_error=errors.show)
        view = MonitoringView(desk, runner, errors, lambda: language[0])
        qtbot.addWidget(view)
        return view

    return make
