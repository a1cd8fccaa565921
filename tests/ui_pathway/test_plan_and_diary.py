"""The plan typed with the keyboard only (a goal, then an action, Enter to save), the inline messages of the domain's
rules (an action due before the plan, an outcome missing), a review; the diary: a new housing-accompaniment entry,
its correction (a new entry, the old one kept in the history) and a withdrawal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from iam_desktop.domain.diary import HousingModule, InterventionType
from iam_desktop.domain.plan import ActionStatus, Axis
from iam_desktop.services.desk import Desk
from iam_desktop.ui.pathway import DiaryView, PlanEditor
from iam_desktop.ui.pathway.common import to_qdate
from tests.ui.helpers import press, type_text

TODAY = dt.date.today()


def test_plan_a_goal_with_an_action_by_keyboard(qtbot, make_panel, desk: Desk, case_id: str) -> None:
    editor = make_panel(PlanEditor, case_id=case_id)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    assert editor.made_label.text() == "nessun progetto ancora: aggiungi un primo obiettivo"
    editor.axis_combo.setFocus()
    qtbot.waitUntil(lambda: editor.axis_combo.hasFocus())
    press(qtbot, Qt.Key.Key_Down)  # Lavoro -> Abitazione
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Trovare una stanza in co-housing")
    press(qtbot, Qt.Key.Key_Return)

    plan = desk.pathway.plan(case_id)
    assert plan is not None and [(g.axis, g.description) for g in plan.goals] == [
        (Axis.ABITAZIONE, "Trovare una stanza in co-housing")
    ]
    assert editor.action_edit.hasFocus()  # the next thing to type is the goal's first action
    type_text(qtbot, "Colloquio con la cooperativa Il Mosaico")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Coop. Il Mosaico")
    press(qtbot, Qt.Key.Key_Tab)
    editor.due_edit.setDate(to_qdate(TODAY + dt.timedelta(days=10)))
    editor.action_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)

    [(_goal, action)] = desk.pathway.plan(case_id).actions()
    assert (action.description, action.owner, action.due, action.status) == (
        "Colloquio con la cooperativa Il Mosaico", "Coop. Il Mosaico", TODAY + dt.timedelta(days=10),
        ActionStatus.DA_FARE,
    )  # fmt: skip
    axis_item = editor.tree.topLevelItem(0)
    assert axis_item.text(0) == "Abitazione"
    assert axis_item.child(0).child(0).text(1) == "Coop. Il Mosaico"
    assert axis_item.child(0).child(0).text(3) == "Da fare"


def test_action_rules_are_said_next_to_the_field(make_panel, desk: Desk, case_id: str) -> None:
    editor = make_panel(PlanEditor, case_id=case_id)
    editor.goal_edit.setText("Primo contratto")
    editor.add_goal()
    editor.action_edit.setText("Iscrizione a un'agenzia per il lavoro")
    editor.due_edit.setDate(to_qdate(TODAY - dt.timedelta(days=3)))
    editor.save_action()
    assert editor.action_messages["due"].text() == "la scadenza precede la data del progetto"
    editor.due_edit.setDate(to_qdate(TODAY + dt.timedelta(days=3)))
    editor.status_combo.setCurrentIndex(editor.status_combo.findData(ActionStatus.FATTO.value))
    assert editor.outcome_edit.placeholderText() == "obbligatorio: com'è andata"
    editor.save_action()
    assert editor.action_messages["outcome"].text() == "manca l'esito"
    assert desk.pathway.plan(case_id).actions() == []
    editor.outcome_edit.setText("iscritto a Gi Group")
    editor.save_action()
    [(_goal, action)] = desk.pathway.plan(case_id).actions()
    assert action.status is ActionStatus.FATTO and action.owner == "persona"
    editor.review_note.setText("Buon avvio, motivato")
    editor.add_review()
    assert [r.note for r in desk.pathway.plan(case_id).reviews] == ["Buon avvio, motivato"]
    assert editor.reviews.topLevelItem(0).text(1) == "Maria Rossi"


def test_print_the_plan(make_panel, desk: Desk, case_id: str, tmp_path, shown) -> None:
    editor = make_panel(PlanEditor, case_id=case_id)
    editor.goal_edit.setText("Primo contratto")
    editor.add_goal()
    editor.print_plan("fr")
    assert editor.last_pdf is not None and editor.last_pdf.read_bytes().startswith(b"%PDF")
    for preview in list(editor.previews):
        preview.close()


def test_record_a_diary_entry_correct_and_withdraw_it(make_panel, desk: Desk, case_id: str) -> None:
    view = make_panel(DiaryView, case_id=case_id)
    view.new_button.click()
    dialog = view.entry_dialog
    assert dialog.windowTitle() == "Nuovo intervento"
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(InterventionType.ACCOMPAGNAMENTO_ABITATIVO.value))
    assert dialog.module_combo.isEnabled()
    dialog.module_combo.setCurrentIndex(dialog.module_combo.findData(HousingModule.MEDIAZIONE_CONFLITTI.value))
    dialog.duration_spin.setValue(45)
    dialog.participants_edit.setText("coinquilini, proprietario")
    dialog.note_edit.setPlainText("Turni delle pulizie concordati")
    dialog.date_edit.setDate(to_qdate(TODAY + dt.timedelta(days=2)))
    dialog.accept()  # an intervention cannot be in the future
    assert dialog.messages["date"].isVisibleTo(dialog)
    dialog.date_edit.setDate(to_qdate(TODAY))
    dialog.accept()

    [entry] = desk.pathway.diary(case_id)
    assert entry.module is HousingModule.MEDIAZIONE_CONFLITTI and entry.participants == ("coinquilini", "proprietario")
    row = view.tree.topLevelItem(0)
    assert row.text(1) == "Accompagnamento abitativo · Mediazione dei conflitti"
    assert row.text(3) == "Maria Rossi"

    view.tree.setCurrentItem(row)
    view.correct_button.click()
    correction = view.entry_dialog
    assert correction.windowTitle() == "Correggi un intervento"
    assert correction.duration_spin.value() == 45
    correction.duration_spin.setValue(90)
    correction.accept()

    diary = desk.pathway.diary(case_id)
    assert len(diary) == 2 and diary[1].corrects == entry.entry_id  # append-only: the first entry is still there
    row = view.tree.topLevelItem(0)
    assert row.text(1) == "Accompagnamento abitativo · Mediazione dei conflitti (corretto)"
    assert row.text(2) == "90 min"
    assert row.childCount() == 1 and row.child(0).text(2) == "45 min"

    view.tree.setCurrentItem(row)
    view.void_button.click()
    view.reason_dialog.reason_edit.setPlainText("registrato nel caso sbagliato")
    view.reason_dialog.accept()
    assert len(desk.pathway.diary(case_id)) == 3
    assert view.tree.topLevelItemCount() == 0
    view.voided_check.setChecked(True)
    assert view.tree.topLevelItem(0).text(1).startswith("Annullato: ")
