"""Screenshots at 1366×768 of every pathway panel with realistic data, for a person to look at (IAM_SCREENSHOT_DIR,
default build/screenshots): each panel is hosted in a 1366×768 window as it would sit in the case file or the
Agenda section."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QVBoxLayout, QWidget

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import DiaryEntry, HousingModule, InterventionType
from iam_desktop.domain.placements import (
    ContractType,
    HouseholdBudget,
    HousingKind,
    HousingPlacement,
    TrainingPlacement,
    WorkPlacement,
)
from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan, Review
from iam_desktop.services.desk import Desk
from iam_desktop.ui.pathway import (
    AgendaPanel,
    CasePathwayPanel,
    ClosurePanel,
    DiaryView,
    OverviewPanel,
    PlacementsView,
    PlanEditor,
    TimelineView,
)
from iam_desktop.ui.pathway.agenda_panel import WEEK
from iam_desktop.ui.tasks import TaskRunner

SCREEN = QSize(1366, 768)
TODAY = dt.date.today()
PEOPLE = [
    {"given_names": ["Fatoumata"], "family_name": "Konaté", "sex": "F", "birth_date": "1995-08",
     "codice_fiscale": "KNTFTA95M41Z343J"},
    {"given_names": ["Tesfay"], "family_name": "Gebremedhin", "sex": "M", "birth_date": "1993"},
    {"given_names": ["Ahmad"], "family_name": "Rahimi", "sex": "M", "birth_date": "1998-03-02"},
    {"given_names": ["Mohammed Abdi"], "family_name": "Hassan", "sex": "M", "birth_date": "1988"},
]  # fmt: skip


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def realistic(desk: Desk, case_id: str) -> list[str]:
    """Amadou on step 2 towards step 3 with placements, a plan, a diary; four more people on the ladder."""
    me = desk.operator.id
    desk.pathway.tick(case_id, "patto_firmato", note="firmato")
    desk.pathway.move(case_id, 2, reason="patto firmato, iscrizioni al CPI e al SSN fatte")
    desk.pathway.tick(case_id, "modulo_economia_domestica")
    budget = HouseholdBudget(Decimal("780"), Decimal("180"), Decimal("60"), Decimal("220"), Decimal("90"))
    for placement in (
        HousingPlacement(str(uuid.uuid4()), case_id, HousingKind.CO_HOUSING, "Casa Aurora, Gardone V.T.", days(-60),
                         rent_contribution=Decimal("180"), budget=budget),
        WorkPlacement(str(uuid.uuid4()), case_id, "Officine Meccaniche Bonetti Srl", ContractType.TIROCINIO,
                      days(-45), days(135), Decimal("30")),
        TrainingPlacement(str(uuid.uuid4()), case_id, "Saldatura a filo (MIG/MAG)", "ENAIP Lombardia", days(-200),
                          days(-90), 120, 114, True, "Attestato di frequenza"),
    ):  # fmt: skip
        desk.pathway.add_placement(case_id, placement)
    goals = (
        Goal("g1", Axis.LAVORO, "Trasformare il tirocinio in contratto", (
            Action("a1", "Colloquio di verifica con il tutor aziendale", me, days(0)),
            Action("a2", "Preparare il CV aggiornato con la qualifica", "persona", days(4)),
            Action("a3", "Iscrizione all'agenzia per il lavoro", "persona", days(-3)),
        )),
        Goal("g2", Axis.ABITAZIONE, "Passare a un appartamento autonomo entro l'estate", (
            Action("a4", "Visita all'Agenzia per la casa del Comune", "Agenzia Casa Brescia", days(9)),
            Action("a5", "Aprire un conto corrente", "persona", days(-20), ActionStatus.FATTO, "conto aperto in Posta"),
        )),
        Goal("g3", Axis.FORMAZIONE, "Raggiungere il livello A2 di italiano", (
            Action("a6", "Iscrizione al corso serale del CPIA", "persona", days(-1)),
        )),
        Goal("g4", Axis.SALUTE_DOCUMENTI, "Rinnovare la tessera sanitaria", (
            Action("a7", "Appuntamento all'ASST", me, days(2), ActionStatus.IN_CORSO),
        )),
    )  # fmt: skip
    desk.pathway.save_plan(case_id, Plan(str(uuid.uuid4()), case_id, days(-70), me, goals,
                                         (Review(days(-10), "Buon avvio del tirocinio, motivato", me),)))  # fmt: skip
    first = DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.COLLOQUIO, days(-70), 60, me,
                       dt.datetime.now(dt.UTC) - dt.timedelta(days=70), ("mediatore linguistico",),
                       "Primo colloquio: bilancio delle competenze")  # fmt: skip
    housing = DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.ACCOMPAGNAMENTO_ABITATIVO, days(-5), 45, me,
                         dt.datetime.now(dt.UTC) - dt.timedelta(days=5), ("coinquilini",),
                         "Bilancio mensile e bollette", HousingModule.ECONOMIA_DOMESTICA)  # fmt: skip
    for entry in (first, housing):
        desk.pathway.add_diary(case_id, entry)
    corrected = DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.ACCOMPAGNAMENTO_ABITATIVO, days(-5), 90, me,
                           dt.datetime.now(dt.UTC), ("coinquilini", "proprietario"),
                           "Bilancio mensile, bollette e turni delle pulizie", HousingModule.ECONOMIA_DOMESTICA,
                           corrects=housing.entry_id)  # fmt: skip
    desk.pathway.add_diary(case_id, corrected)
    desk.pathway.add_diary(case_id, DiaryEntry(
        str(uuid.uuid4()), case_id, InterventionType.PRATICHE_BUROCRATICHE, days(-2), 120, me,
        dt.datetime.now(dt.UTC), ("Questura di Brescia",), "Accompagnamento per il ritiro del permesso"))  # fmt: skip
    others = []
    for n, person in enumerate(PEOPLE):
        other = desk.cases.intake(person)
        others.append(other)
        desk.pathway.save_plan(other, Plan(str(uuid.uuid4()), other, days(-40), me, (
            Goal("g", Axis.LAVORO, "Orientamento al lavoro", (
                Action("b1", "Bilancio di competenze", "persona", days(-n - 1)),
                Action("b2", "Colloquio al CPI", me, days(n)))),)))  # fmt: skip
        if n % 2:
            desk.pathway.move(other, 2 + n // 2, reason="passaggio deciso in équipe", override=True)
    desk.pathway.close(others[0], Outcome.TRASFERITO, note="trasferita a Padova")
    desk.pathway.reopen(others[0], reason="rientrata a Brescia")
    return others


def host(qtbot, widget: QWidget) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(widget)
    window.resize(SCREEN)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shoot(qtbot, window: QWidget, path: Path) -> None:
    window.resize(SCREEN)
    qtbot.wait(20)
    image = window.grab()
    assert image.size() == SCREEN
    assert image.save(str(path))


def test_screenshots(qtbot, desk: Desk, case_id: str, errors, screenshot_dir: Path) -> None:
    others = realistic(desk, case_id)
    runner = TaskRunner(inline=True, fallback_error=errors.show)
    windows = []  # the host windows own the panels; kept alive until the end of the test

    def case_panel(cls: type) -> QWidget:
        shown_case = others[0] if cls is ClosurePanel else case_id  # the one closed and reopened
        panel = cls(desk, runner, errors, lambda: "it", case_id=shown_case)
        windows.append(host(qtbot, panel))
        return panel

    for cls, name in ((CasePathwayPanel, "pathway_ladder"), (PlanEditor, "pathway_plan"),
                      (DiaryView, "pathway_diary"), (PlacementsView, "pathway_placements"),
                      (ClosurePanel, "pathway_closure"), (TimelineView, "pathway_timeline")):  # fmt: skip
        panel = case_panel(cls)
        if isinstance(panel, DiaryView):
            panel.tree.expandAll()
        shoot(qtbot, windows[-1], screenshot_dir / f"{name}.png")
    placements = windows[3].findChild(PlacementsView)
    housing = next(p for p in placements.placements if isinstance(p, HousingPlacement))
    placements.edit(housing.placement_id)
    dialog = placements.dialog
    dialog.adjustSize()
    assert dialog.grab().save(str(screenshot_dir / "pathway_placement_housing_dialog.png"))
    dialog.reject()
    agenda = AgendaPanel(desk, runner)
    windows.append(host(qtbot, agenda))
    agenda.refresh()
    shoot(qtbot, windows[-1], screenshot_dir / "pathway_agenda_day.png")
    agenda.set_mode(WEEK)
    shoot(qtbot, windows[-1], screenshot_dir / "pathway_agenda_week.png")
    overview = OverviewPanel(desk, runner, lambda: "it")
    windows.append(host(qtbot, overview))
    overview.refresh()
    shoot(qtbot, windows[-1], screenshot_dir / "pathway_overview.png")
