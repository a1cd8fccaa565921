"""Every transition rule of the default ladder (resources/pathways/iam.json): each step reached with its criteria
met, refused with exactly the one missing criterion listed, coordinator override with a reason, override refused
without a reason or by an operator, steps back, skips and the recorded StepTransition."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from iam_desktop.domain.case import RegistrationKind as Reg
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.pathway import (
    Direction,
    Pathway,
    TransitionRefusedError,
    current_step,
    default_pathway_path,
    load_pathway,
    move,
    on_step_since,
)
from iam_desktop.domain.person import Cefr
from iam_desktop.domain.placements import CaseFacts, ContractType, HousingKind
from iam_desktop.domain.roles import Role

DAY = dt.date(2026, 5, 4)
AT = dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC)
VALID_PERMIT = {"permit_expires": DAY + dt.timedelta(days=200), "permit_valid": True, "permit_covered": True}

# Facts and ticked checklist items that meet every criterion of one step, and nothing else that matters.
STEP_FACTS: dict[int, CaseFacts] = {
    1: CaseFacts(on=DAY, **VALID_PERMIT),
    2: CaseFacts(on=DAY, registrations=frozenset({Reg.CPI_DID, Reg.SSN}), italian_level=Cefr.A1),
    3: CaseFacts(
        on=DAY,
        italian_level=Cefr.A2,
        trainings_completed=1,
        contracts=((ContractType.TIROCINIO, Decimal(30)),),
        housing=(HousingKind.CO_HOUSING,),
    ),
    4: CaseFacts(
        on=DAY,
        contracts=((ContractType.TEMPO_DETERMINATO, Decimal(24)),),
        housing=(HousingKind.APPARTAMENTO_AUTONOMO,),
        household_balance=Decimal("150.00"),
        registrations=frozenset({Reg.RESIDENZA}),
        **VALID_PERMIT,
    ),
    5: CaseFacts(on=DAY),
}
STEP_CHECKLIST: dict[int, set[str]] = {
    1: {"scheda_presa_in_carico", "consenso_privacy", "colloquio_orientamento"},
    2: {"patto_firmato"},
    3: {"modulo_economia_domestica"},
    4: set(),
    5: {"colloquio_uscita", "consenso_follow_up"},
}
# For each fact criterion: the change to its step's facts that breaks it and only it.
BREAK: dict[str, dict[str, object]] = {
    "permesso_valido": {"permit_expires": DAY - dt.timedelta(days=10), "permit_valid": False, "permit_covered": False},
    "iscrizione_cpi": {"registrations": frozenset({Reg.SSN})},
    "iscrizione_ssn": {"registrations": frozenset({Reg.CPI_DID})},
    "italiano_a1": {"italian_level": Cefr.PRE_A1},
    "italiano_a2": {"italian_level": Cefr.A1},
    "formazione_completata": {"trainings_completed": 0},
    "lavoro_o_tirocinio": {"contracts": ()},
    "abitazione_transizione": {"housing": (HousingKind.APPARTAMENTO_AUTONOMO,)},
    "contratto_stabile": {"contracts": ((ContractType.TIROCINIO, Decimal(38)),)},
    "casa_autonoma": {"housing": (HousingKind.CO_HOUSING,)},
    "bilancio_sostenibile": {"household_balance": Decimal("-0.01")},
    "residenza_anagrafica": {"registrations": frozenset({Reg.CPI_DID, Reg.SSN})},
    "permesso_almeno_60_giorni": {"permit_expires": DAY + dt.timedelta(days=59)},
}


@pytest.fixture(scope="module")
def ladder() -> Pathway:
    return load_pathway(default_pathway_path())


def _cases() -> list[tuple[int, str]]:
    pathway = load_pathway(default_pathway_path())
    return [(step.number, c.criterion_id) for step in pathway.steps for c in step.criteria]


def _move(ladder: Pathway, to: int, facts: CaseFacts, checklist: set[str], **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "case_id": "C-1",
        "current_step": to - 1 if to > 1 else None,
        "target_step": to,
        "facts": facts,
        "checklist": checklist,
        "operator_id": "op-anna",
        "role": Role.OPERATOR,
        "at": AT,
    }
    args.update(kw)
    return move(ladder, **args)  # type: ignore[arg-type]


def test_default_ladder_has_the_five_steps(ladder: Pathway) -> None:
    assert [s.step_id for s in ladder.steps] == [
        "accoglienza_orientamento",
        "attivazione",
        "semi_autonomia",
        "autonomia",
        "uscita_follow_up",
    ]
    assert ladder.step(3).label["it"].startswith("Semi-autonomia")
    assert ladder.follow_up_months == (3, 6) and ladder.plan_review_days == 90


def test_the_tables_cover_every_criterion_of_the_ladder(ladder: Pathway) -> None:
    for step in ladder.steps:
        for c in step.criteria:
            assert (c.criterion_id in BREAK) is (c.fact is not None), c.criterion_id
            assert c.fact is not None or c.criterion_id in STEP_CHECKLIST[step.number]


@pytest.mark.parametrize("to", [1, 2, 3, 4, 5])
def test_each_step_forward_with_criteria_met_is_allowed_and_recorded(ladder: Pathway, to: int) -> None:
    record = _move(ladder, to, STEP_FACTS[to], STEP_CHECKLIST[to])
    expected = tuple(c.criterion_id for c in ladder.step(to).criteria)
    assert record.to_step == to and record.from_step == (to - 1 if to > 1 else None)
    assert record.criteria_met == expected
    assert (record.override, record.overridden, record.reason) == (False, (), "")
    assert (record.operator_id, record.at, record.direction) == ("op-anna", AT, Direction.AVANTI)
    assert (record.pathway_id, record.pathway_version) == ("iam", "2026.1")


@pytest.mark.parametrize(("to", "criterion"), _cases())
def test_each_step_with_one_criterion_missing_is_refused_naming_it(ladder: Pathway, to: int, criterion: str) -> None:
    facts, checklist = STEP_FACTS[to], set(STEP_CHECKLIST[to])
    if criterion in BREAK:
        facts = dataclasses.replace(facts, **BREAK[criterion])  # type: ignore[arg-type]
    else:
        checklist.discard(criterion)
    with pytest.raises(TransitionRefusedError) as refused:
        _move(ladder, to, facts, checklist)
    assert refused.value.code == "criteria_missing"
    assert refused.value.check.missing == (criterion,)
    assert refused.value.params["missing"] == [criterion]
    assert criterion not in refused.value.check.met
    assert len(refused.value.check.met) == len(ladder.step(to).criteria) - 1


def test_contract_below_the_weekly_hours_does_not_count_for_autonomy(ladder: Pathway) -> None:
    facts = dataclasses.replace(STEP_FACTS[4], contracts=((ContractType.TEMPO_INDETERMINATO, Decimal(19)),))
    assert ladder.evaluate(facts, set(), 4, current_step=3).missing == ("contratto_stabile",)


def test_an_expired_permit_with_the_renewal_receipt_counts(ladder: Pathway) -> None:
    facts = CaseFacts(on=DAY, permit_expires=DAY - dt.timedelta(days=5), permit_valid=False, permit_covered=True)
    check = ladder.evaluate(facts, STEP_CHECKLIST[1], 1)
    assert check.missing == ()


def test_nothing_met_lists_every_criterion_in_ladder_order(ladder: Pathway) -> None:
    check = ladder.evaluate(CaseFacts(on=DAY), set(), 2, current_step=1)
    assert check.missing == ("patto_firmato", "iscrizione_cpi", "iscrizione_ssn", "italiano_a1")
    assert check.met == ()


def test_coordinator_override_with_reason_is_allowed_and_recorded(ladder: Pathway) -> None:
    facts = dataclasses.replace(STEP_FACTS[4], housing=(HousingKind.CO_HOUSING,))
    record = _move(ladder, 4, facts, set(), role=Role.COORDINATOR, override=True, reason="  Rogito fissato al 12/5 ")
    assert record.override is True and record.overridden == ("casa_autonoma",)
    assert "casa_autonoma" not in record.criteria_met and len(record.criteria_met) == 4
    assert record.reason == "Rogito fissato al 12/5" and record.role is Role.COORDINATOR


def test_override_without_reason_is_refused(ladder: Pathway) -> None:
    facts = dataclasses.replace(STEP_FACTS[4], housing=())
    with pytest.raises(ValidationError) as refused:
        _move(ladder, 4, facts, set(), role=Role.COORDINATOR, override=True, reason="   ")
    assert refused.value.code == "override_reason_missing"


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.CENTRAL_MONITOR])
def test_override_by_anyone_but_a_coordinator_is_refused(ladder: Pathway, role: Role) -> None:
    facts = dataclasses.replace(STEP_FACTS[4], housing=())
    with pytest.raises(PermissionDeniedError) as refused:
        _move(ladder, 4, facts, set(), role=role, override=True, reason="urgente")
    assert refused.value.params["permission"] == "override_transition"


def test_override_not_needed_is_not_recorded_as_override(ladder: Pathway) -> None:
    record = _move(ladder, 2, STEP_FACTS[2], STEP_CHECKLIST[2], role=Role.COORDINATOR, override=True, reason="x")
    assert record.override is False and record.overridden == ()


@pytest.mark.parametrize(("current", "to"), [(2, 1), (3, 2), (4, 3), (5, 4), (4, 2)])
def test_step_back_is_allowed_with_a_reason_and_recorded(ladder: Pathway, current: int, to: int) -> None:
    record = _move(ladder, to, CaseFacts(on=DAY), set(), current_step=current, reason="Perso il lavoro")
    assert (record.from_step, record.to_step, record.direction) == (current, to, Direction.INDIETRO)
    assert record.reason == "Perso il lavoro" and record.criteria_met == () and record.override is False


def test_step_back_without_a_reason_is_refused(ladder: Pathway) -> None:
    with pytest.raises(ValidationError) as refused:
        _move(ladder, 2, CaseFacts(on=DAY), set(), current_step=3)
    assert refused.value.code == "reason_missing"


def test_skipping_checks_every_step_climbed(ladder: Pathway) -> None:
    both = dataclasses.replace(
        STEP_FACTS[3], registrations=frozenset({Reg.CPI_DID, Reg.SSN}), italian_level=Cefr.A2
    )  # A2 meets the A1 of step 2 too
    record = _move(ladder, 3, both, STEP_CHECKLIST[2] | STEP_CHECKLIST[3], current_step=1)
    assert record.from_step == 1 and record.to_step == 3
    assert record.criteria_met[:4] == ("patto_firmato", "iscrizione_cpi", "iscrizione_ssn", "italiano_a1")
    check = ladder.evaluate(STEP_FACTS[3], STEP_CHECKLIST[3], 3, current_step=1)
    assert check.steps_checked == (2, 3)
    assert check.missing == ("patto_firmato", "iscrizione_cpi", "iscrizione_ssn")
    with pytest.raises(TransitionRefusedError) as refused:
        _move(ladder, 3, STEP_FACTS[3], STEP_CHECKLIST[3], current_step=1)
    assert refused.value.check.missing == check.missing


def test_entering_the_ladder_straight_at_step_two_checks_step_one(ladder: Pathway) -> None:
    check = ladder.evaluate(STEP_FACTS[2], STEP_CHECKLIST[2], 2)
    assert check.steps_checked == (1, 2) and "permesso_valido" in check.missing


@pytest.mark.parametrize(("current", "to", "code"), [(3, 3, "step_unchanged"), (3, 6, "step_unknown"),
                                                     (3, 0, "step_unknown"), (9, 2, "step_unknown")])  # fmt: skip
def test_impossible_moves_are_refused(ladder: Pathway, current: int, to: int, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _move(ladder, to, CaseFacts(on=DAY), set(), current_step=current, reason="x")
    assert refused.value.code == code


def test_current_step_and_time_on_it_follow_the_latest_transition(ladder: Pathway) -> None:
    first = _move(ladder, 1, STEP_FACTS[1], STEP_CHECKLIST[1])
    later = AT + dt.timedelta(days=40)
    second = _move(ladder, 2, STEP_FACTS[2], STEP_CHECKLIST[2], at=later)
    assert current_step([]) is None and on_step_since([]) is None
    assert current_step([second, first]) == 2
    assert on_step_since([first, second]) == later
