"""Closing and reopening a case from its panel (coordinators only); the agenda's day and week views on a fixed data
set for a fixed day — overdue items first and in red, the rest under their day —, the reminder after unlock, a double
click that asks to open the case; and the coordinator's overview with its counts per step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan
from iam_desktop.services.desk import Desk
from iam_desktop.ui.pathway import AgendaPanel, ClosurePanel, OverviewPanel, reminder_text
from iam_desktop.ui.pathway.agenda_panel import WEEK
from iam_desktop.ui.pathway.common import ERROR_COLOUR, to_qdate
from iam_desktop.ui.tasks import TaskRunner

from .conftest import as_operator

FIXED_TODAY = dt.date(2026, 11, 18)  # a Wednesday
FATOU = {
    "given_names": ["Fatoumata"], "family_name": "Konaté", "sex": "F", "birth_date": "1995-08",
    "codice_fiscale": "KNTFTA95M41Z343J", "phone": "+39 347 000 1111",
}  # fmt: skip


def action(ident: str, text: str, due: dt.date, status: ActionStatus = ActionStatus.DA_FARE) -> Action:
    return Action(ident, text, "persona", due, status, "fatto" if not status.is_open else "")


def fixed_data(desk: Desk, case_id: str) -> str:
    """Amadou: actions due today, on Friday, overdue last week and yesterday, one done; Fatou: a review today."""
    actions = (
        action("a1", "Consegnare il CV al CPI", FIXED_TODAY),
        action("a2", "Colloquio in cooperativa", dt.date(2026, 11, 20)),
        action("a3", "Rinnovo tessera sanitaria", dt.date(2026, 11, 10)),
        action("a4", "Iscrizione al corso A2", dt.date(2026, 11, 17)),
        action("a5", "Aprire il conto corrente", FIXED_TODAY, ActionStatus.FATTO),
    )
    desk.pathway.save_plan(case_id, Plan("p1", case_id, dt.date(2026, 10, 1), "x",
                                         (Goal("g1", Axis.LAVORO, "Lavoro", actions),)))  # fmt: skip
    fatou = desk.cases.intake(FATOU)
    desk.pathway.save_plan(fatou, Plan("p2", fatou, dt.date(2026, 8, 20), "x"))  # review due 90 days later
    return fatou


def rows(panel: AgendaPanel) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    out = []
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        children = [group.child(j) for j in range(group.childCount())]
        red = QColor(ERROR_COLOUR)
        out.append((group.text(0), [(c.text(0), c.text(1), c.foreground(3).color() == red) for c in children]))
    return out


def test_agenda_day_and_week_views(make_panel, desk: Desk, case_id: str) -> None:
    fixed_data(desk, case_id)
    panel = AgendaPanel(desk, TaskRunner(inline=True), today=lambda: FIXED_TODAY)
    panel.date_edit.setDate(to_qdate(FIXED_TODAY))
    panel.refresh()
    assert rows(panel) == [
        ("In ritardo (2)", [("Rinnovo tessera sanitaria", "TRAORÉ Amadou Bakary", True),
                            ("Iscrizione al corso A2", "TRAORÉ Amadou Bakary", True)]),
        ("mercoledì 18 novembre 2026 (oggi)", [
            ("Consegnare il CV al CPI", "TRAORÉ Amadou Bakary", False),
            ("Verifica del progetto individualizzato con la persona", "KONATÉ Fatoumata", False),
        ]),
    ]  # fmt: skip
    assert panel.summary_label.text() == "4 scadenze, 2 in ritardo"

    panel.set_mode(WEEK)
    week = rows(panel)
    assert week[0] == ("In ritardo (1)", [("Rinnovo tessera sanitaria", "TRAORÉ Amadou Bakary", True)])
    assert [title for title, _ in week[1:]] == [
        "lunedì 16 novembre 2026: nessuna scadenza", "martedì 17 novembre 2026",
        "mercoledì 18 novembre 2026 (oggi)", "giovedì 19 novembre 2026: nessuna scadenza", "venerdì 20 novembre 2026",
        "sabato 21 novembre 2026: nessuna scadenza", "domenica 22 novembre 2026: nessuna scadenza",
    ]  # fmt: skip
    assert week[2][1] == [("Iscrizione al corso A2", "TRAORÉ Amadou Bakary", True)]  # overdue, in its own day
    assert week[5][1] == [("Colloquio in cooperativa", "TRAORÉ Amadou Bakary", False)]
    assert "Aprire il conto corrente" not in str(week)  # done actions are not on the agenda

    panel.step(1)
    assert panel.range_label.text().startswith("Settimana da lunedì 23 novembre 2026")
    opened: list[str] = []
    panel.open_case_requested.connect(opened.append)
    panel.set_mode("day")
    panel.go_to(FIXED_TODAY)
    first = panel.tree.topLevelItem(0).child(0)
    panel.tree.itemActivated.emit(first, 0)
    assert opened == [case_id]


def test_reminder_after_unlock(desk: Desk, case_id: str) -> None:
    fixed_data(desk, case_id)
    assert reminder_text(desk, FIXED_TODAY) == "Oggi: 2 scadenze, 2 in ritardo"
    assert reminder_text(desk, dt.date(2026, 10, 2)) == "Oggi: 0 scadenze, 0 in ritardo"


def test_overview_counts_cases_per_step(desk: Desk, case_id: str) -> None:
    today = dt.date.today()
    fatou = desk.cases.intake(FATOU)
    desk.pathway.save_plan(case_id, Plan("p1", case_id, today - dt.timedelta(days=30), "x", (
        Goal("g1", Axis.LAVORO, "Lavoro", (action("a1", "CV", today - dt.timedelta(days=2)),
                                          action("a2", "CPI", today - dt.timedelta(days=1)))),)))  # fmt: skip
    desk.pathway.tick(fatou, "patto_firmato")
    desk.pathway.move(fatou, 2, reason="x", override=True)
    panel = OverviewPanel(desk, TaskRunner(inline=True), lambda: "it")
    panel.refresh()
    assert panel.per_step() == {1: 1, 2: 1, 3: 0, 4: 0, 5: 0}
    assert [number.text() for number, _name in panel.step_counts] == ["1", "1", "0", "0", "0"]
    assert panel.overdue_count.text() == "2"
    model = panel.proxy
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Giorni sul gradino"
    cells = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert cells[0][0] == "TRAORÉ Amadou Bakary" and cells[0][1].startswith("1 · Accoglienza")
    assert cells[0][4] == "2" and cells[1][4] == "–"
    panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "TRAORÉ Amadou Bakary"
    as_operator(desk)
    panel.refresh()
    assert not panel.table.isVisibleTo(panel) and panel.not_yours.isVisibleTo(panel)


def test_close_and_reopen(make_panel, desk: Desk, case_id: str) -> None:
    panel = make_panel(ClosurePanel, case_id=case_id)
    assert panel.state_label.text() == "Aperto"
    assert panel.close_box.isVisibleTo(panel) and not panel.reopen_box.isVisibleTo(panel)
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData(Outcome.ALTRO.value))
    panel.close_case()
    assert panel.close_message.text() == "Con l'esito «Altro» scrivi una nota."
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData(Outcome.AUTONOMIA_RAGGIUNTA.value))
    panel.close_note.setText("contratto a tempo indeterminato e casa in affitto")
    panel.close_case()
    assert desk.cases.row(case_id).status == "chiuso"
    today = dt.date.today().strftime("%d/%m/%Y")
    assert panel.state_label.text() == f"Chiuso il {today} — Autonomia raggiunta"
    assert panel.reopen_box.isVisibleTo(panel) and not panel.close_box.isVisibleTo(panel)
    panel.reopen_case()
    assert panel.reopen_message.text() == "Scrivi perché il caso viene riaperto."
    panel.reopen_reason.setText("ha perso il lavoro, torna allo sportello")
    panel.reopen_case()
    assert desk.cases.row(case_id).status == "aperto"
    assert panel.state_label.text() == "Aperto · riaperto una volta"
    assert [panel.history.topLevelItem(i).text(1) for i in range(2)] == ["Riaperto", "Chiuso: Autonomia raggiunta"]
    assert panel.follow_ups_label.text() == "Nessuno registrato finora."
    panel.months_combo.setCurrentIndex(panel.months_combo.findData(3))
    panel.follow_up_note.setText("lavora ancora in officina")
    panel.record_follow_up()
    assert desk.pathway.follow_ups_done(case_id) == frozenset({3})
    assert panel.follow_ups_label.text() == "Registrati: 3 mesi"
    as_operator(desk)
    panel.refresh()
    assert not panel.close_box.isVisibleTo(panel) and panel.only_coordinators.isVisibleTo(panel)
