"""A case this desk transferred away is read only here, not hidden: in the case file every pathway panel stays
enabled so the operator reads and scrolls the ladder, the plan, the diary, the placements and the closures, while
each edit control (move, tick, plan forms, new diary entry, add placement, close) is disabled; a case of this desk
opened next has its edit controls back. Screenshots land in ``screenshot_dir`` to be looked at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iam_desktop.services.desk import Desk
from iam_desktop.ui.tasks import TaskRunner
from iam_desktop.ui.views.case_file import CaseFileView
from tests.ui_pathway.conftest import AMADOU
from tests.ui_pathway.test_screenshots import realistic

OTHER_DESK = "7d0c8a6e-2f59-4f7e-9f39-3a0d7e1b2c44"


def _transfer_away(desk: Desk, case_id: str) -> None:
    """What an accepted transfer leaves in the sender's copy once synced (meta.desk is the receiver's)."""
    with desk.vault.engine.begin() as conn:
        desk.vault.set_meta(conn, "network.directory",
                            f'[{{"desk_id": "{OTHER_DESK}", "name": "Sportello Reggio Emilia", "kind": "desk", '
                            f'"public_key": null}}]')  # fmt: skip
        desk.cases.set_meta(conn, case_id, desk=OTHER_DESK, transferred_from=desk.profile.desk_id,
                            transferred_at="2026-03-02T10:00:00+00:00")  # fmt: skip


def _edit_controls(view: CaseFileView) -> dict[str, list[Any]]:
    return {key: panel.edit_controls() for key, panel in view.pathway_panels.items()}


def test_a_transferred_case_reads_whole_and_edits_nothing(
    qtbot: Any, desk: Desk, case_id: str, errors: Any, screenshot_dir: Path
) -> None:
    realistic(desk, case_id)
    own = desk.cases.intake({**AMADOU, "given_names": ["Moussa"], "codice_fiscale": "", "phone": ""})
    _transfer_away(desk, case_id)
    view = CaseFileView(desk, TaskRunner(inline=True, fallback_error=errors.show), errors, lambda: "it")
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.open_case(case_id)

    assert view.read_only_banner.isVisible() and "Sportello Reggio Emilia" in view.read_only_banner.text()
    assert all(panel.isEnabled() for panel in view.pathway_panels.values())  # readable: nothing greyed whole
    controls = _edit_controls(view)
    assert all(controls[k] for k in ("pathway", "plan", "diary", "placements", "closure"))
    disabled = [(k, w.objectName() or type(w).__name__) for k, ws in controls.items() for w in ws if w.isEnabled()]
    assert disabled == []
    plan, diary = view.pathway_panels["plan"], view.pathway_panels["diary"]
    placements, ladder = view.pathway_panels["placements"], view.pathway_panels["pathway"]
    assert plan.tree.topLevelItemCount() >= 2 and plan.tree.isEnabled()
    assert diary.tree.topLevelItemCount() >= 2 and diary.tree.isEnabled()
    assert placements.tree.topLevelItemCount() == 3 and placements.tree.isEnabled()
    assert ladder.history.topLevelItemCount() >= 1 and ladder.criteria_widgets
    assert not ladder.override_button.isVisible()  # its warning colour would look clickable even disabled
    assert plan.print_button.isEnabled()  # printing the plan is reading
    diary.tree.setCurrentItem(diary.tree.topLevelItem(0))  # selecting an entry does not bring its buttons back
    assert not diary.correct_button.isEnabled() and not diary.void_button.isEnabled()
    for key in ("plan", "diary", "placements", "pathway"):
        view.tabs.setCurrentWidget(view.pathway_panels[key])
        view.grab().save(str(screenshot_dir / f"case_file_read_only_{key}.png"))

    view.open_case(own)  # a case of this desk: every edit control back
    assert not view.read_only_banner.isVisible()
    assert view.pathway_panels["diary"].new_button.isEnabled()
    assert all(b.isEnabled() for b in placements.add_buttons.values())
    assert plan.goal_box.isEnabled() and view.pathway_panels["closure"].close_box.isEnabled()
