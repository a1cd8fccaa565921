"""A fixed data set shared by the pathway tests: one plan with goals on three axes."""

from __future__ import annotations

import datetime as dt

from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan, Review

PLAN_DAY = dt.date(2026, 3, 2)


def sample_plan() -> Plan:
    return Plan(
        plan_id="P-0001",
        case_id="C-0001",
        made=PLAN_DAY,
        operator_id="op-giulia",
        goals=(
            Goal(
                "G1",
                Axis.LAVORO,
                "Trovare un tirocinio nel settore della ristorazione",
                (
                    Action("A1", "Iscrizione al Centro per l'Impiego (DID)", "persona", dt.date(2026, 3, 9),
                           ActionStatus.FATTO, "DID rilasciata il 5/3"),
                    Action("A2", "Preparare il curriculum vitae", "op-giulia", dt.date(2026, 3, 20),
                           ActionStatus.IN_CORSO),
                    Action("A3", "Colloquio con la cooperativa Il Ponte", "sportello", dt.date(2026, 4, 15)),
                ),
            ),
            Goal(
                "G2",
                Axis.ABITAZIONE,
                "Entrare nel co-housing di Gardone Val Trompia",
                (Action("A4", "Visita dell'alloggio con il mediatore", "op-giulia", dt.date(2026, 3, 31)),),
            ),
            Goal(
                "G3",
                Axis.FORMAZIONE,
                "Raggiungere il livello A2 di italiano",
                (Action("A5", "Iscrizione al corso CPIA serale", "persona", dt.date(2026, 3, 16)),),
            ),
        ),
        reviews=(Review(dt.date(2026, 4, 1), "Curriculum pronto; in attesa del colloquio.", "op-giulia"),),
    )  # fmt: skip
