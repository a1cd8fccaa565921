"""The "Percorso" panel on a real desk: criteria met move the case (after ticking the checklist); criteria missing
keep the button off and list what is missing; a refused move says what is missing; a coordinator forces a move with a
mandatory reason, an operator never sees the override; going back asks a reason; the history shows who and why."""

from __future__ import annotations

from iam_desktop.services.desk import Desk
from iam_desktop.ui.pathway import CasePathwayPanel

from .conftest import as_operator


def test_tick_the_checklist_then_move(make_panel, desk: Desk, case_id: str) -> None:
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    assert panel.state.current == 1
    assert panel.step_frames[0][3].text() == "da oggi"
    assert panel.target_step() == 2
    assert panel.criteria_box.title() == "Criteri di ingresso del gradino 2"
    assert not panel.move_button.isEnabled()
    assert panel.missing_label.text() == "Per passare al gradino 2 mancano: Progetto individualizzato (patto) firmato."
    assert set(panel.criteria_widgets) == {"patto_firmato", "iscrizione_cpi", "iscrizione_ssn", "italiano_a1"}
    grid_text = [panel.criteria_grid.itemAt(i).widget().text() for i in range(panel.criteria_grid.count())]
    assert "livello di italiano registrato: A1" in grid_text
    assert "iscrizione registrata" in grid_text

    panel.criteria_widgets["patto_firmato"].setChecked(True)
    assert "patto_firmato" in desk.pathway.checklist(case_id)
    assert panel.move_button.isEnabled()
    assert panel.move_button.text() == "Passa al gradino 2"
    assert panel.missing_label.text() == "Tutti i criteri sono soddisfatti."
    panel.note_edit.setText("patto firmato il 3/11")
    panel.move_button.click()

    assert desk.pathway.current_step(case_id) == 2
    assert panel.state.current == 2 and panel.target_step() == 3
    top = panel.history.topLevelItem(0)
    assert [top.text(c) for c in (1, 2, 3, 4)] == ["1 → 2", "Maria Rossi", "patto firmato il 3/11", ""]


def test_untick_takes_the_criterion_back(make_panel, desk: Desk, case_id: str) -> None:
    desk.pathway.tick(case_id, "patto_firmato")
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    assert panel.move_button.isEnabled()
    panel.criteria_widgets["patto_firmato"].setChecked(False)
    assert desk.pathway.checklist(case_id) == {}
    assert not panel.move_button.isEnabled()


def test_refused_move_lists_the_missing_criteria(make_panel, desk: Desk, case_id: str) -> None:
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    panel.select_target(3)  # skipping a step checks its criteria too
    assert "Progetto individualizzato (patto) firmato" in panel.missing_label.text()
    panel.move_case(3, "")
    assert panel.message.text().startswith("Passaggio rifiutato: per il gradino 3 mancano: ")
    for label in ("Progetto individualizzato (patto) firmato", "Italiano almeno A2", "Tirocinio o contratto di lavoro"):
        assert label in panel.message.text()
    assert desk.pathway.current_step(case_id) == 1


def test_coordinator_forces_the_move_with_a_reason(make_panel, desk: Desk, case_id: str) -> None:
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    assert panel.override_button.isVisibleTo(panel)
    assert panel.override_button.text() == "Forza il passaggio…"
    panel.override_button.click()
    dialog = panel.reason_dialog
    dialog.accept()  # an empty reason is refused next to the field
    assert dialog.message.text() == "Scrivi il motivo: viene registrato con la modifica."
    assert desk.pathway.current_step(case_id) == 1
    dialog.reason_edit.setPlainText("patto firmato su carta, scansione in arrivo")
    dialog.accept()
    assert desk.pathway.current_step(case_id) == 2
    [moved] = desk.pathway.transitions(case_id)
    assert moved.override and moved.overridden == ("patto_firmato",)
    top = panel.history.topLevelItem(0)
    assert top.text(4) == "forzato"
    assert "Progetto individualizzato (patto) firmato" in top.toolTip(4)


def test_an_operator_does_not_see_the_override(make_panel, desk: Desk, case_id: str) -> None:
    as_operator(desk)
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    assert not panel.override_button.isVisibleTo(panel)
    assert not panel.move_button.isEnabled()


def test_going_back_asks_a_reason(make_panel, desk: Desk, case_id: str) -> None:
    desk.pathway.tick(case_id, "patto_firmato")
    desk.pathway.move(case_id, 2)
    panel = make_panel(CasePathwayPanel, case_id=case_id)
    panel.select_target(1)
    assert panel.move_button.text() == "Torna al gradino 1…"
    assert panel.move_button.isEnabled()
    panel.move_button.click()
    panel.reason_dialog.reason_edit.setPlainText("ha perso il posto in accoglienza")
    panel.reason_dialog.accept()
    assert desk.pathway.current_step(case_id) == 1
    assert panel.history.topLevelItem(0).text(1) == "2 → 1"
    assert panel.history.topLevelItem(0).text(3) == "ha perso il posto in accoglienza"
