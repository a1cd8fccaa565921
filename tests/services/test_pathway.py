"""The pathway through the facade, on a real vault: checklist and facts, moves with and without criteria, the
coordinator's override, placements, plan, diary, closure, agenda and timeline — all stored encrypted."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import DiaryEntry, HousingModule, InterventionType
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.pathway import TransitionRefusedError
from iam_desktop.domain.placements import HousingKind, HousingPlacement
from iam_desktop.domain.plan import Action, Axis, Goal, Plan
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from tests.services.test_cases import AMADOU
from tests.vault_fixtures import PASSPHRASE, raw_bytes

TODAY = dt.date.today()


@pytest.fixture
def case_id(desk: Desk) -> str:
    extra = {"registrations.cpi_did": "2026-03-01", "registrations.ssn": "2026-03-02"}
    return desk.cases.intake({**AMADOU, "italian_level": "A1"}, extra=extra)


def test_move_forward_needs_the_criteria(desk: Desk, case_id: str) -> None:
    assert desk.pathway.current_step(case_id) == 1
    check = desk.pathway.evaluate(case_id, 2)
    assert check.missing == ("patto_firmato",)  # CPI, SSN and Italian A1 are read from the recorded facts
    with pytest.raises(TransitionRefusedError) as refused:
        desk.pathway.move(case_id, 2)
    assert refused.value.check.missing == ("patto_firmato",)
    desk.pathway.tick(case_id, "patto_firmato", note="firmato il 3/11")
    transition = desk.pathway.move(case_id, 2, reason="patto firmato")
    assert transition.from_step == 1 and transition.to_step == 2
    assert "iscrizione_cpi" in transition.criteria_met
    assert desk.pathway.current_step(case_id) == 2
    assert desk.cases.row(case_id).step == 2  # type: ignore[union-attr]
    assert [r.case_id for r in desk.cases.search("", step=2)] == [case_id]


def test_override_is_for_coordinators_with_a_reason(desk: Desk, case_id: str) -> None:
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, "passphrase di marco 2026")
    desk.lock()
    desk.unlock("marco", "passphrase di marco 2026")
    with pytest.raises(PermissionDeniedError):
        desk.pathway.move(case_id, 2, reason="urgente", override=True)
    desk.lock()
    desk.unlock("anna", PASSPHRASE)
    with pytest.raises(ValidationError) as no_reason:
        desk.pathway.move(case_id, 2, override=True)
    assert no_reason.value.code == "override_reason_missing"
    moved = desk.pathway.move(case_id, 2, reason="patto firmato su carta, scansione in arrivo", override=True)
    assert moved.override and moved.overridden == ("patto_firmato",)
    with pytest.raises(ValidationError) as back:
        desk.pathway.move(case_id, 1)
    assert back.value.code == "reason_missing"
    desk.pathway.move(case_id, 1, reason="ha perso il posto in accoglienza")
    assert [t.to_step for t in desk.pathway.transitions(case_id)] == [2, 1]


def test_housing_placement_becomes_a_fact_and_overlaps_are_refused(desk: Desk, case_id: str) -> None:
    first = HousingPlacement(str(uuid.uuid4()), case_id, HousingKind.CO_HOUSING, "Gardone V.T.", dt.date(2026, 9, 1),
                             rent_contribution=Decimal("80.00"))  # fmt: skip
    desk.pathway.add_placement(case_id, first)
    assert desk.pathway.facts(case_id).housing == (HousingKind.CO_HOUSING,)
    overlapping = HousingPlacement(str(uuid.uuid4()), case_id, HousingKind.APPARTAMENTO_AUTONOMO, "Brescia",
                                   dt.date(2026, 10, 1))  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        desk.pathway.add_placement(case_id, overlapping)
    assert caught.value.code == "housing_overlap"
    assert desk.pathway.placements(case_id) == [first]


def test_plan_diary_agenda_and_timeline(desk: Desk, case_id: str, data_dir: DataDir) -> None:
    action = Action("a1", "Colloquio al CPI di Lumezzane", "persona", TODAY + dt.timedelta(days=3))
    late = Action("a2", "Rinnovo tessera sanitaria", "anna", TODAY - dt.timedelta(days=2))
    plan = Plan("p1", case_id, TODAY - dt.timedelta(days=10), desk.operator.id,  # type: ignore[union-attr]
                (Goal("g1", Axis.LAVORO, "Primo contratto", (action, late)),))  # fmt: skip
    desk.pathway.save_plan(case_id, plan)
    assert desk.pathway.plan(case_id) == plan
    entry = DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.ACCOMPAGNAMENTO_ABITATIVO, TODAY, 45,
                       desk.operator.id, dt.datetime.now(dt.UTC), note="bilancio familiare discreto-segreto",  # type: ignore[union-attr]
                       module=HousingModule.ECONOMIA_DOMESTICA)  # fmt: skip
    desk.pathway.add_diary(case_id, entry)
    assert desk.pathway.diary(case_id) == [entry]
    items = desk.pathway.agenda(TODAY, TODAY + dt.timedelta(days=7), today=TODAY)
    by_ref = {i.ref: i for i in items}
    assert by_ref["a1"].overdue is False and by_ref["a2"].overdue is True
    kinds = [e.kind for e in desk.pathway.case_timeline(case_id)]
    assert kinds  # the diary entry and the permit at least
    assert b"discreto-segreto" not in raw_bytes(data_dir)


def test_close_and_reopen(desk: Desk, case_id: str) -> None:
    desk.pathway.close(case_id, Outcome.AUTONOMIA_RAGGIUNTA)
    assert desk.cases.row(case_id).status == "chiuso"  # type: ignore[union-attr]
    assert [r.case_id for r in desk.cases.search("traor", status="chiuso")] == [case_id]  # still searchable
    with pytest.raises(ValidationError) as closed:
        desk.pathway.move(case_id, 2, reason="x", override=True)
    assert closed.value.code == "case_closed"
    desk.pathway.reopen(case_id, reason="tornato allo sportello")
    assert desk.cases.row(case_id).status == "aperto"  # type: ignore[union-attr]
    assert len(desk.pathway.closures(case_id)) == 2


def test_overview_shows_who_is_on_which_step_for_how_long_and_what_is_overdue(desk: Desk, case_id: str) -> None:
    late = Action("a1", "Documenti per il CPI", "persona", TODAY - dt.timedelta(days=1))
    desk.pathway.save_plan(case_id, Plan("p1", case_id, TODAY - dt.timedelta(days=5), "anna",
                                         (Goal("g1", Axis.LAVORO, "Lavoro", (late,)),)))  # fmt: skip
    desk.pathway.tick(case_id, "patto_firmato")
    desk.pathway.move(case_id, 2)
    [progress] = desk.pathway.overview()
    assert (progress.case_id, progress.step, progress.days_on_step, progress.overdue) == (case_id, 2, 0, 1)
