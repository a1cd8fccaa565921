"""Placements (inserimenti): where a person lives, works, trains or builds a business while climbing the pathway —
housing (a co-housing unit or an apartment, with the rent contribution and the household budget used by the
economia domestica module), work (contract type, hours), training (hours planned and attended, completion,
certificate) and self-entrepreneurship (autoimprenditorialità: idea, business-plan stage, mentoring, funding). This
module owns their validation (dates in order, no two housing placements of one person at once), the ``CaseFacts``
derived from them (with the permit, the Italian level and the registrations) and the closed vocabulary of ``Fact``
names a pathway criterion may rely on, with each fact's parameters and its test on ``CaseFacts``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from iam_desktop.domain.case import RegistrationKind
from iam_desktop.domain.dates import check_order
from iam_desktop.domain.documents import PermessoDiSoggiorno
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.person import Cefr, LanguageSkill

# A week has 168 hours; anything above 60 is a typo (a monthly figure typed as weekly).
MAX_WEEKLY_HOURS = 60


class HousingKind(StrEnum):
    """``co_housing``: a place in a shared co-housing unit; ``appartamento_transizione``: transitional apartment
    (rent partly covered by the project); ``appartamento_autonomo``: the person's own tenancy."""

    CO_HOUSING = "co_housing"
    APPARTAMENTO_TRANSIZIONE = "appartamento_transizione"
    APPARTAMENTO_AUTONOMO = "appartamento_autonomo"


class ContractType(StrEnum):
    """``tirocinio``: internship (tirocinio extracurricolare, paid by an allowance); ``tempo_determinato``:
    fixed-term contract; ``tempo_indeterminato``: permanent contract; ``apprendistato``: apprenticeship;
    ``autonomo``: self-employed (partita IVA)."""

    TIROCINIO = "tirocinio"
    TEMPO_DETERMINATO = "tempo_determinato"
    TEMPO_INDETERMINATO = "tempo_indeterminato"
    APPRENDISTATO = "apprendistato"
    AUTONOMO = "autonomo"


class BusinessStage(StrEnum):
    """Stages of a self-entrepreneurship project, in order: ``idea``, ``studio_fattibilita`` (feasibility study),
    ``business_plan`` (written plan), ``avvio`` (registering the business), ``attiva`` (trading)."""

    IDEA = "idea"
    STUDIO_FATTIBILITA = "studio_fattibilita"
    BUSINESS_PLAN = "business_plan"
    AVVIO = "avvio"
    ATTIVA = "attiva"

    @property
    def rank(self) -> int:
        return list(BusinessStage).index(self)


@dataclass(frozen=True)
class HouseholdBudget:
    """Monthly figures in euro discussed in the economia domestica (domestic economy) module."""

    income: Decimal
    rent: Decimal
    utilities: Decimal = Decimal(0)
    food: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def expenses(self) -> Decimal:
        return self.rent + self.utilities + self.food + self.other

    @property
    def balance(self) -> Decimal:
        """Income minus expenses; negative means the household cannot hold the tenancy as things stand."""
        return self.income - self.expenses


@dataclass(frozen=True)
class HousingPlacement:
    placement_id: str
    case_id: str
    kind: HousingKind
    place: str
    start: dt.date
    end: dt.date | None = None
    rent_contribution: Decimal = Decimal(0)
    """What the person pays each month towards the rent (part of the exit pathway is learning to pay it)."""
    budget: HouseholdBudget | None = None


@dataclass(frozen=True)
class WorkPlacement:
    placement_id: str
    case_id: str
    employer: str
    contract: ContractType
    start: dt.date
    end: dt.date | None = None
    weekly_hours: Decimal = Decimal(0)


@dataclass(frozen=True)
class TrainingPlacement:
    placement_id: str
    case_id: str
    course: str
    provider: str
    start: dt.date
    end: dt.date | None = None
    hours_planned: int = 0
    hours_attended: int = 0
    completed: bool = False
    certificate: str = ""
    """What was issued at the end (attestato di frequenza, qualifica regionale …); empty when none."""


@dataclass(frozen=True)
class SelfEmploymentPlacement:
    placement_id: str
    case_id: str
    idea: str
    stage: BusinessStage
    start: dt.date
    end: dt.date | None = None
    mentoring_sessions: tuple[dt.date, ...] = ()
    funding_applied: Decimal | None = None
    funding_obtained: Decimal | None = None


Placement = HousingPlacement | WorkPlacement | TrainingPlacement | SelfEmploymentPlacement


def is_active(placement: Placement, on: dt.date) -> bool:
    """Started on or before ``on`` and not yet ended (the end day itself still counts)."""
    return placement.start <= on and (placement.end is None or on <= placement.end)


def _overlaps(a: Placement, b: Placement) -> bool:
    a_end = a.end or dt.date.max
    b_end = b.end or dt.date.max
    return a.start <= b_end and b.start <= a_end


def _check_amount(value: Decimal | None, field: str) -> None:
    if value is not None and value < 0:
        raise ValidationError(field, "value_negative", value=str(value))


def validate_placement(placement: Placement, existing: Iterable[Placement] = ()) -> None:
    """Refuses an end before the start (``date_order``), negative money or hours (``value_negative``), weekly
    hours outside 0–60 (``hours_range``), a certificate for a course not completed (``certificate_not_completed``),
    and a housing placement overlapping another housing placement of the same case (``housing_overlap``, naming
    ``other``). ``existing`` may contain ``placement`` itself (an edit): it is skipped by id."""
    if placement.end is not None:
        check_order(placement.start, placement.end, "placement.end")
    if isinstance(placement, HousingPlacement):
        _check_amount(placement.rent_contribution, "placement.rent_contribution")
        if placement.budget is not None:
            for name in ("income", "rent", "utilities", "food", "other"):
                _check_amount(getattr(placement.budget, name), f"placement.budget.{name}")
        for other in existing:
            if (
                isinstance(other, HousingPlacement)
                and other.case_id == placement.case_id
                and other.placement_id != placement.placement_id
                and _overlaps(placement, other)
            ):
                raise ValidationError(
                    "placement.start",
                    "housing_overlap",
                    other=other.placement_id,
                    other_start=other.start.isoformat(),
                    other_end=other.end.isoformat() if other.end else "",
                )
    elif isinstance(placement, WorkPlacement):
        if not 0 <= placement.weekly_hours <= MAX_WEEKLY_HOURS:
            raise ValidationError("placement.weekly_hours", "hours_range", value=str(placement.weekly_hours))
    elif isinstance(placement, TrainingPlacement):
        if placement.hours_planned < 0 or placement.hours_attended < 0:
            raise ValidationError("placement.hours", "value_negative")
        if placement.certificate.strip() and not placement.completed:
            raise ValidationError("placement.certificate", "certificate_not_completed")
    else:
        _check_amount(placement.funding_applied, "placement.funding_applied")
        _check_amount(placement.funding_obtained, "placement.funding_obtained")
        for session in placement.mentoring_sessions:
            check_order(placement.start, session, "placement.mentoring_sessions")


@dataclass(frozen=True)
class CaseFacts:
    """What is recorded about a case on one day, in the shape the pathway's fact vocabulary reads
    (``iam_desktop.domain.pathway.Fact``). Built by ``facts_from``; tests may build it directly."""

    on: dt.date
    contracts: tuple[tuple[ContractType, Decimal], ...] = ()
    """Active work placements as (contract type, weekly hours)."""
    housing: tuple[HousingKind, ...] = ()
    household_balance: Decimal | None = None
    """Monthly balance of the active housing placement's budget, when one was worked out."""
    trainings_completed: int = 0
    trainings_certified: int = 0
    trainings_active: int = 0
    business_stage: BusinessStage | None = None
    funding_obtained: bool = False
    permit_expires: dt.date | None = None
    permit_covered: bool = False
    """The current permit is valid, or expired with the renewal receipt on file."""
    permit_valid: bool = False
    italian_level: Cefr | None = None
    registrations: frozenset[RegistrationKind] = frozenset()


def facts_from(
    placements: Iterable[Placement],
    on: dt.date,
    *,
    permits: Iterable[PermessoDiSoggiorno] = (),
    italian_level: Mapping[LanguageSkill, Cefr] | None = None,
    registrations: Iterable[RegistrationKind] = (),
) -> CaseFacts:
    """The facts of one case on ``on``. The Italian level is the ``overall`` one when assessed, otherwise the
    weakest skill (a person who speaks B1 but cannot read is not yet A2 for a written contract). The permit is the
    one expiring last, as ``Case.current_permit``."""
    items = list(placements)
    housing = [p for p in items if isinstance(p, HousingPlacement) and is_active(p, on)]
    work = [p for p in items if isinstance(p, WorkPlacement) and is_active(p, on)]
    training = [p for p in items if isinstance(p, TrainingPlacement)]
    business = [p for p in items if isinstance(p, SelfEmploymentPlacement) and p.start <= on]
    budgets = [p.budget for p in sorted(housing, key=lambda p: p.start) if p.budget is not None]
    level: Cefr | None = None
    if italian_level:
        level = italian_level.get(LanguageSkill.OVERALL) or min(italian_level.values(), key=lambda c: c.rank)
    permit = max(permits, key=lambda p: p.expires, default=None)
    return CaseFacts(
        on=on,
        contracts=tuple((p.contract, p.weekly_hours) for p in work),
        housing=tuple(p.kind for p in housing),
        household_balance=budgets[-1].balance if budgets else None,
        # A course counts as completed once its end date has passed with the completion recorded.
        trainings_completed=sum(1 for p in training if p.completed and (p.end is None or p.end <= on)),
        trainings_certified=sum(
            1 for p in training if p.completed and p.certificate.strip() and (p.end is None or p.end <= on)
        ),
        trainings_active=sum(1 for p in training if is_active(p, on) and not p.completed),
        business_stage=max((p.stage for p in business), key=lambda s: s.rank, default=None),
        funding_obtained=any(p.funding_obtained is not None and p.funding_obtained > 0 for p in business),
        permit_expires=permit.expires if permit else None,
        permit_covered=permit.is_covered_on(on) if permit else False,
        permit_valid=permit.is_valid_on(on) if permit else False,
        italian_level=level,
        registrations=frozenset(registrations),
    )


# --- the fact vocabulary pathway criteria may name -----------------------------------------------------------


class Fact(StrEnum):
    """The closed set of facts a criterion may name (documented in ``pathway.schema.json``)."""

    WORK_CONTRACT = "work_contract"
    HOUSING = "housing"
    HOUSEHOLD_BUDGET_BALANCED = "household_budget_balanced"
    TRAINING_COMPLETED = "training_completed"
    TRAINING_ACTIVE = "training_active"
    PERMIT_VALID = "permit_valid"
    ITALIAN_LEVEL = "italian_level"
    REGISTRATION = "registration"
    BUSINESS_STAGE = "business_stage"
    FUNDING_OBTAINED = "funding_obtained"


@dataclass(frozen=True)
class FactParam:
    """One parameter a fact accepts: ``kind`` is ``enum``, ``enum_list``, ``int``, ``number`` or ``bool``."""

    kind: str
    enum: type[Enum] | None = None
    required: bool = False
    default: object = None


FACT_PARAMS: dict[Fact, dict[str, FactParam]] = {
    Fact.WORK_CONTRACT: {
        "contract_types": FactParam("enum_list", ContractType, default=tuple(ContractType)),
        "min_weekly_hours": FactParam("number", default=0),
    },
    Fact.HOUSING: {"kinds": FactParam("enum_list", HousingKind, default=tuple(HousingKind))},
    Fact.HOUSEHOLD_BUDGET_BALANCED: {},
    Fact.TRAINING_COMPLETED: {
        "min_courses": FactParam("int", default=1),
        "with_certificate": FactParam("bool", default=False),
    },
    Fact.TRAINING_ACTIVE: {},
    Fact.PERMIT_VALID: {
        "min_days_left": FactParam("int", default=0),
        "accept_renewal_receipt": FactParam("bool", default=True),
    },
    Fact.ITALIAN_LEVEL: {"min_level": FactParam("enum", Cefr, required=True)},
    Fact.REGISTRATION: {"kind": FactParam("enum", RegistrationKind, required=True)},
    Fact.BUSINESS_STAGE: {"min_stage": FactParam("enum", BusinessStage, required=True)},
    Fact.FUNDING_OBTAINED: {},
}


def _permit_holds(f: CaseFacts, p: Mapping[str, Any]) -> bool:
    if f.permit_expires is None:
        return False
    if f.permit_valid and (f.permit_expires - f.on).days >= p["min_days_left"]:
        return True
    # A renewal in progress keeps the person's rights; the days-left threshold cannot apply to it.
    return bool(p["accept_renewal_receipt"]) and f.permit_covered and not f.permit_valid


_HOLDS: dict[Fact, Callable[[CaseFacts, Mapping[str, Any]], bool]] = {
    Fact.WORK_CONTRACT: lambda f, p: any(
        kind in p["contract_types"] and hours >= p["min_weekly_hours"] for kind, hours in f.contracts
    ),
    Fact.HOUSING: lambda f, p: any(kind in p["kinds"] for kind in f.housing),
    Fact.HOUSEHOLD_BUDGET_BALANCED: lambda f, p: f.household_balance is not None and f.household_balance >= 0,
    Fact.TRAINING_COMPLETED: lambda f, p: (
        (f.trainings_certified if p["with_certificate"] else f.trainings_completed) >= p["min_courses"]
    ),
    Fact.TRAINING_ACTIVE: lambda f, p: f.trainings_active > 0,
    Fact.PERMIT_VALID: _permit_holds,
    Fact.ITALIAN_LEVEL: lambda f, p: f.italian_level is not None and f.italian_level.rank >= p["min_level"].rank,
    Fact.REGISTRATION: lambda f, p: p["kind"] in f.registrations,
    Fact.BUSINESS_STAGE: lambda f, p: f.business_stage is not None and f.business_stage.rank >= p["min_stage"].rank,
    Fact.FUNDING_OBTAINED: lambda f, p: f.funding_obtained,
}


def fact_holds(fact: Fact, params: Mapping[str, Any], facts: CaseFacts) -> bool:
    """Whether ``fact`` with its (validated, defaults filled) ``params`` holds on ``facts``."""
    return _HOLDS[fact](facts, params)
