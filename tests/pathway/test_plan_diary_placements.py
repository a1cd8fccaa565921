"""Plan, diary and placement rules: an action due before the plan is refused, diary corrections are new entries
and the latest wins, overlapping housing placements are refused naming the other, facts derived from placements."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from iam_desktop.domain.case import RegistrationKind
from iam_desktop.domain.diary import (
    DiaryEntry,
    HousingModule,
    InterventionType,
    append,
    effective,
    minutes_by_type,
)
from iam_desktop.domain.documents import PermessoDiSoggiorno, PermitType, RenewalReceipt
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.person import Cefr, LanguageSkill
from iam_desktop.domain.placements import (
    BusinessStage,
    ContractType,
    HouseholdBudget,
    HousingKind,
    HousingPlacement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
    facts_from,
    validate_placement,
)
from iam_desktop.domain.plan import (
    Action,
    ActionStatus,
    Axis,
    Goal,
    Review,
    add_action,
    add_goal,
    add_review,
    next_review_due,
    set_action_status,
    validate_plan,
)
from tests.pathway.samples import PLAN_DAY, sample_plan

# --- plan -------------------------------------------------------------------------------------------------------


def test_sample_plan_is_valid() -> None:
    validate_plan(sample_plan())


def test_action_due_before_the_plan_was_made_is_refused() -> None:
    plan = sample_plan()
    early = Action("A9", "Rinnovo permesso", "persona", PLAN_DAY - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        add_action(plan, "G1", early)
    assert (refused.value.code, refused.value.field) == ("action_due_before_plan", "action.due")
    assert refused.value.params["plan_made"] == "2026-03-02"
    same_day = add_action(plan, "G1", dataclasses.replace(early, due=PLAN_DAY))
    assert [a.action_id for a in same_day.goals[0].actions][-1] == "A9"


def test_a_whole_plan_with_an_early_action_is_refused() -> None:
    plan = sample_plan()
    goal = dataclasses.replace(plan.goals[2], actions=(Action("A6", "x", "persona", dt.date(2026, 1, 1)),))
    with pytest.raises(ValidationError) as refused:
        validate_plan(dataclasses.replace(plan, goals=(*plan.goals[:2], goal)))
    assert refused.value.code == "action_due_before_plan" and refused.value.field == "action[A6].due"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"description": "  "}, "text_missing"),
        ({"owner": ""}, "text_missing"),
        ({"status": ActionStatus.FATTO, "outcome": ""}, "outcome_missing"),
        ({"status": ActionStatus.ANNULLATO}, "outcome_missing"),
        ({"action_id": "A1"}, "duplicate_id"),
    ],
)
def test_action_rules(change: dict[str, object], code: str) -> None:
    action = dataclasses.replace(Action("A9", "Visita CPI", "persona", dt.date(2026, 5, 1)), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused:
        add_action(sample_plan(), "G1", action)
    assert refused.value.code == code


def test_status_change_keeps_the_outcome_and_unknown_goal_is_refused() -> None:
    plan = set_action_status(sample_plan(), "A3", ActionStatus.FATTO, "Assunto in prova")
    assert plan.goals[0].actions[2].status is ActionStatus.FATTO
    assert plan.goals[0].actions[2].outcome == "Assunto in prova"
    with pytest.raises(ValidationError, match="goal_unknown"):
        add_action(plan, "G99", Action("A9", "x", "persona", PLAN_DAY))
    with pytest.raises(ValidationError, match="action_unknown"):
        set_action_status(plan, "A99", ActionStatus.IN_CORSO)
    with pytest.raises(ValidationError, match="duplicate_id"):
        add_goal(plan, Goal("A1", Axis.SOCIALE, "Associazione sportiva"))


def test_reviews_and_next_review_due() -> None:
    plan = sample_plan()
    assert next_review_due(plan, 90) == dt.date(2026, 6, 30)  # 1 April + 90 days
    assert next_review_due(dataclasses.replace(plan, reviews=()), 30) == dt.date(2026, 4, 1)
    with pytest.raises(ValidationError, match="review_order"):
        add_review(plan, Review(dt.date(2026, 3, 20), "prima", "op"))
    with pytest.raises(ValidationError, match="review_before_plan"):
        add_review(dataclasses.replace(plan, reviews=()), Review(dt.date(2026, 3, 1), "x", "op"))
    later = add_review(plan, Review(dt.date(2026, 5, 1), "CV inviato", "op"))
    assert next_review_due(later, 90) == dt.date(2026, 7, 30)


# --- diary ------------------------------------------------------------------------------------------------------

TODAY = dt.date(2026, 5, 10)


def _entry(entry_id: str, day: int, **kw: object) -> DiaryEntry:
    base = DiaryEntry(
        entry_id=entry_id, case_id="C-1", type=InterventionType.COLLOQUIO, date=dt.date(2026, 5, day),
        duration_minutes=45, operator_id="op-anna", recorded_at=dt.datetime(2026, 5, day, 18, 0, tzinfo=dt.UTC),
        participants=("Amadou Diallo",), note="Primo colloquio",
    )  # fmt: skip
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def test_correction_is_a_new_entry_and_the_latest_wins_keeping_history() -> None:
    diary = append((), _entry("D1", 4), TODAY)
    diary = append(diary, _entry("D2", 5, type=InterventionType.PRATICHE_BUROCRATICHE, note="Questura"), TODAY)
    fix1 = _entry("D3", 4, duration_minutes=60, corrects="D1", recorded_at=dt.datetime(2026, 5, 6, 9, tzinfo=dt.UTC))
    fix2 = _entry("D4", 4, duration_minutes=90, corrects="D3", recorded_at=dt.datetime(2026, 5, 7, 9, tzinfo=dt.UTC))
    diary = append(append(diary, fix1, TODAY), fix2, TODAY)
    assert [e.entry_id for e in diary] == ["D1", "D2", "D3", "D4"]  # nothing edited, nothing removed
    view = effective(diary)
    assert [(v.original_id, v.current.entry_id, v.corrected) for v in view] == [("D1", "D4", True), ("D2", "D2", False)]
    assert [e.entry_id for e in view[0].history] == ["D1", "D3", "D4"]
    assert minutes_by_type(diary) == {InterventionType.COLLOQUIO: 90, InterventionType.PRATICHE_BUROCRATICHE: 45}


def test_latest_correction_wins_by_recording_time_not_list_order() -> None:
    late = _entry("D3", 4, duration_minutes=30, corrects="D1", recorded_at=dt.datetime(2026, 5, 9, tzinfo=dt.UTC))
    early = _entry("D2", 4, duration_minutes=20, corrects="D1", recorded_at=dt.datetime(2026, 5, 8, tzinfo=dt.UTC))
    view = effective([_entry("D1", 4), late, early])  # sync delivered them out of order
    assert view[0].current.entry_id == "D3"


def test_voiding_correction_hides_the_entry_but_keeps_it() -> None:
    diary = append((_entry("D1", 4),), _entry("D2", 4, corrects="D1", voids=True), TODAY)
    assert effective(diary) == []
    assert [e.entry_id for e in effective(diary, include_voided=True)[0].history] == ["D1", "D2"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"entry_id": "D1"}, "duplicate_id"),
        ({"date": dt.date(2026, 5, 11)}, "date_future"),
        ({"duration_minutes": 0}, "duration_range"),
        ({"duration_minutes": 721}, "duration_range"),
        ({"type": InterventionType.ACCOMPAGNAMENTO_ABITATIVO}, "module_missing"),
        ({"module": HousingModule.MEDIAZIONE_CONFLITTI}, "module_not_allowed"),
        ({"corrects": "D9"}, "corrects_unknown"),
        ({"corrects": "D1", "case_id": "C-2"}, "corrects_unknown"),
        ({"voids": True}, "voids_without_corrects"),
        ({"operator_id": " "}, "text_missing"),
    ],
)
def test_diary_entry_rules(change: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        append((_entry("D1", 4),), dataclasses.replace(_entry("D2", 5), **change), TODAY)  # type: ignore[arg-type]
    assert refused.value.code == code


def test_housing_accompaniment_with_each_module() -> None:
    diary: tuple[DiaryEntry, ...] = ()
    for n, module in enumerate(HousingModule, start=1):
        entry = _entry(f"H{n}", n, type=InterventionType.ACCOMPAGNAMENTO_ABITATIVO, module=module)
        diary = append(diary, entry, TODAY)
    assert [v.current.module for v in effective(diary)] == list(HousingModule)


# --- placements -------------------------------------------------------------------------------------------------


def _home(pid: str, start: dt.date, end: dt.date | None, **kw: object) -> HousingPlacement:
    return HousingPlacement(pid, "C-1", HousingKind.CO_HOUSING, "Via Roma 3, Gardone", start, end, **kw)  # type: ignore[arg-type]


def test_overlapping_housing_placements_are_refused_naming_the_other() -> None:
    first = _home("H1", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    with pytest.raises(ValidationError) as refused:
        validate_placement(_home("H2", dt.date(2026, 6, 30), None), [first])
    assert refused.value.code == "housing_overlap" and refused.value.params["other"] == "H1"
    open_ended = _home("H3", dt.date(2025, 1, 1), None)
    with pytest.raises(ValidationError, match="housing_overlap"):
        validate_placement(_home("H2", dt.date(2027, 1, 1), None), [open_ended])
    validate_placement(_home("H2", dt.date(2026, 7, 1), None), [first])  # the next day is fine
    validate_placement(first, [first])  # editing itself is not an overlap
    other_person = dataclasses.replace(first, placement_id="H9", case_id="C-2")
    validate_placement(_home("H2", dt.date(2026, 2, 1), None), [other_person])
    job = WorkPlacement("W1", "C-1", "Coop", ContractType.TIROCINIO, dt.date(2026, 1, 1))
    validate_placement(_home("H2", dt.date(2026, 2, 1), None), [job])


@pytest.mark.parametrize(
    ("placement", "code"),
    [
        (_home("H1", dt.date(2026, 2, 1), dt.date(2026, 1, 31)), "date_order"),
        (_home("H1", dt.date(2026, 2, 1), None, rent_contribution=Decimal(-1)), "value_negative"),
        (_home("H1", dt.date(2026, 2, 1), None, budget=HouseholdBudget(Decimal(900), Decimal(-5))), "value_negative"),
        (WorkPlacement("W", "C-1", "Coop", ContractType.TEMPO_DETERMINATO, dt.date(2026, 1, 1),
                       weekly_hours=Decimal(80)), "hours_range"),
        (TrainingPlacement("T", "C-1", "Saldatura", "ENAIP", dt.date(2026, 1, 1), certificate="Qualifica"),
         "certificate_not_completed"),
        (TrainingPlacement("T", "C-1", "Saldatura", "ENAIP", dt.date(2026, 1, 1), hours_attended=-3), "value_negative"),
        (SelfEmploymentPlacement("S", "C-1", "Sartoria", BusinessStage.IDEA, dt.date(2026, 3, 1),
                                 mentoring_sessions=(dt.date(2026, 2, 1),)), "date_order"),
        (SelfEmploymentPlacement("S", "C-1", "Sartoria", BusinessStage.IDEA, dt.date(2026, 3, 1),
                                 funding_applied=Decimal(-100)), "value_negative"),
    ],
)  # fmt: skip
def test_placement_rules(placement: object, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_placement(placement)  # type: ignore[arg-type]
    assert refused.value.code == code


def test_household_budget_balance() -> None:
    budget = HouseholdBudget(Decimal("1100"), Decimal("450"), Decimal("120"), Decimal("300"), Decimal("80"))
    assert budget.expenses == Decimal("950") and budget.balance == Decimal("150")


def test_facts_from_placements_permit_and_language() -> None:
    on = dt.date(2026, 5, 4)
    placements = [
        _home("H1", dt.date(2025, 9, 1), dt.date(2026, 3, 31)),
        HousingPlacement("H2", "C-1", HousingKind.APPARTAMENTO_AUTONOMO, "Via Mazzini 8", dt.date(2026, 4, 1),
                         budget=HouseholdBudget(Decimal(1200), Decimal(500), Decimal(150), Decimal(350), Decimal(100))),
        WorkPlacement("W1", "C-1", "Coop Il Ponte", ContractType.TIROCINIO, dt.date(2025, 10, 1), dt.date(2026, 3, 31),
                      Decimal(30)),
        WorkPlacement("W2", "C-1", "Trattoria Da Gino", ContractType.TEMPO_DETERMINATO, dt.date(2026, 4, 1),
                      dt.date(2026, 12, 31), Decimal(30)),
        TrainingPlacement("T1", "C-1", "HACCP", "ENAIP", dt.date(2025, 11, 1), dt.date(2025, 12, 15), 40, 38,
                          completed=True, certificate="Attestato HACCP"),
        TrainingPlacement("T2", "C-1", "Italiano B1", "CPIA", dt.date(2026, 2, 1), dt.date(2026, 6, 30), 100, 60),
        SelfEmploymentPlacement("S1", "C-1", "Sartoria", BusinessStage.BUSINESS_PLAN, dt.date(2026, 1, 10),
                                funding_obtained=Decimal(0)),
    ]  # fmt: skip
    permit = PermessoDiSoggiorno(PermitType.PROTEZIONE_SUSSIDIARIA, "I12345678", "Brescia", dt.date(2021, 6, 1),
                                 dt.date(2026, 5, 31))  # fmt: skip
    facts = facts_from(
        placements, on, permits=[permit], registrations=[RegistrationKind.SSN],
        italian_level={LanguageSkill.SPEAKING: Cefr.B1, LanguageSkill.WRITING: Cefr.A2},
    )  # fmt: skip
    assert facts.contracts == ((ContractType.TEMPO_DETERMINATO, Decimal(30)),)
    assert facts.housing == (HousingKind.APPARTAMENTO_AUTONOMO,)
    assert facts.household_balance == Decimal(100)
    assert (facts.trainings_completed, facts.trainings_certified, facts.trainings_active) == (1, 1, 1)
    assert facts.business_stage is BusinessStage.BUSINESS_PLAN and facts.funding_obtained is False
    assert (facts.permit_expires, facts.permit_valid, facts.permit_covered) == (dt.date(2026, 5, 31), True, True)
    assert facts.italian_level is Cefr.A2  # the weakest skill
    assert facts.registrations == frozenset({RegistrationKind.SSN})
    expired = facts_from([], dt.date(2026, 6, 10), permits=[
        dataclasses.replace(permit, renewal_receipt=RenewalReceipt("R1", dt.date(2026, 5, 20)))])  # fmt: skip
    assert (expired.permit_valid, expired.permit_covered) == (False, True)
    assert facts_from([], on, italian_level={LanguageSkill.OVERALL: Cefr.B2}).italian_level is Cefr.B2
