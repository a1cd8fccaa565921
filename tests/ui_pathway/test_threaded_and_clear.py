"""The panels as the app runs them: reads and writes on the runner's one database worker, results back on the main
thread by signal; and ``clear()`` on lock leaves nothing of the case on screen."""

from __future__ import annotations

from iam_desktop.services.desk import Desk
from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.pathway import CasePathwayPanel, ClosurePanel, DiaryView, PlacementsView, PlanEditor, TimelineView
from iam_desktop.ui.tasks import TaskRunner


def test_threaded_runner_moves_a_step(qtbot, desk: Desk, case_id: str, errors: ErrorDialog) -> None:
    runner = TaskRunner(fallback_error=errors.show)
    panel = CasePathwayPanel(desk, runner, errors, lambda: "it", case_id=case_id)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None)
    panel.criteria_widgets["patto_firmato"].setChecked(True)
    qtbot.waitUntil(lambda: panel.move_button.isEnabled())
    panel.move_button.click()
    qtbot.waitUntil(lambda: panel.state is not None and panel.state.current == 2)
    assert runner.wait_idle()
    assert desk.pathway.current_step(case_id) == 2


def test_clear_forgets_the_case(make_panel, desk: Desk, case_id: str) -> None:
    desk.pathway.tick(case_id, "patto_firmato")
    desk.pathway.move(case_id, 2)
    for cls in (CasePathwayPanel, PlanEditor, DiaryView, PlacementsView, ClosurePanel, TimelineView):
        panel = make_panel(cls, case_id=case_id)
        panel.clear()
        assert panel.case_id is None
    ladder = make_panel(CasePathwayPanel, case_id=case_id)
    assert ladder.history.topLevelItemCount() == 1
    ladder.clear()
    assert ladder.history.topLevelItemCount() == 0 and ladder.state is None
