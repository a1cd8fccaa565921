from iam_desktop.ui.pathway.ladder_panel import CasePathwayPanel
from iam_desktop.ui.pathway.plan_editor import PlanEditor

def test_smoke(make_panel, case_id, desk):
    p = make_panel(CasePathwayPanel, case_id=case_id)
    assert p.state.current == 1
    assert p.target_step() == 2
    assert not p.move_button.isEnabled()
    p.criteria_widgets["patto_firmato"].setChecked(True)
    assert p.move_button.isEnabled(), p.missing_label.text()
    p.move_button.click()
    assert desk.pathway.current_step(case_id) == 2
    e = make_panel(PlanEditor, case_id=case_id)
    e.goal_edit.setText("Lavoro"); e.add_goal()
    e.action_edit.setText("CV"); e.save_action()
    assert desk.pathway.plan(case_id).actions()
