"""The individual plan (progetto individualizzato, also called the patto: the agreement the person signs): goals on
five axes, the actions that serve each goal with who does them, by when, their status and outcome, and the periodic
reviews held with the person. This module owns the plan's shape and its rules (no action due before the plan was
made, an outcome for every closed action, reviews in date order) and when the next review is due; printing is in
``iam_desktop.printing.plan_document``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from iam_desktop.domain.errors import ValidationError


class Axis(StrEnum):
    """``lavoro``: work; ``abitazione``: housing; ``sociale``: social ties and participation; ``formazione``:
    language and training; ``salute_documenti``: health and documents (permit, registrations)."""

    LAVORO = "lavoro"
    ABITAZIONE = "abitazione"
    SOCIALE = "sociale"
    FORMAZIONE = "formazione"
    SALUTE_DOCUMENTI = "salute_documenti"


class ActionStatus(StrEnum):
    """``da_fare``: to do; ``in_corso``: in progress; ``fatto``: done; ``annullato``: cancelled."""

    DA_FARE = "da_fare"
    IN_CORSO = "in_corso"
    FATTO = "fatto"
    ANNULLATO = "annullato"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.DA_FARE, ActionStatus.IN_CORSO)


@dataclass(frozen=True)
class Action:
    """A concrete step towards a goal. ``owner`` says who does it: ``persona`` (the person), an operator id, or a
    partner's name."""

    action_id: str
    description: str
    owner: str
    due: dt.date
    status: ActionStatus = ActionStatus.DA_FARE
    outcome: str = ""
    """What came of it (esito); required once the action is done or cancelled."""


@dataclass(frozen=True)
class Goal:
    goal_id: str
    axis: Axis
    description: str
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Review:
    """A periodic review (verifica) of the plan with the person."""

    date: dt.date
    note: str
    operator_id: str


@dataclass(frozen=True)
class Plan:
    plan_id: str
    case_id: str
    made: dt.date
    """The day the plan was agreed: nothing in it can be due earlier."""
    operator_id: str
    goals: tuple[Goal, ...] = ()
    reviews: tuple[Review, ...] = ()
    signed: dt.date | None = None
    """When the person signed the printed plan (None until the signed copy is scanned back)."""

    def actions(self) -> list[tuple[Goal, Action]]:
        return [(goal, action) for goal in self.goals for action in goal.actions]

    def goals_on(self, axis: Axis) -> list[Goal]:
        return [goal for goal in self.goals if goal.axis is axis]


def _text(value: str, field: str) -> None:
    if not value.strip():
        raise ValidationError(field, "text_missing")


def validate_action(plan: Plan, action: Action, field: str = "action") -> None:
    """``text_missing`` (description, owner), ``action_due_before_plan`` (due before the plan was made),
    ``outcome_missing`` (done or cancelled without an outcome)."""
    _text(action.description, f"{field}.description")
    _text(action.owner, f"{field}.owner")
    if action.due < plan.made:
        raise ValidationError(
            f"{field}.due", "action_due_before_plan", due=action.due.isoformat(), plan_made=plan.made.isoformat()
        )
    if not action.status.is_open and not action.outcome.strip():
        raise ValidationError(f"{field}.outcome", "outcome_missing", status=action.status.value)


def validate_plan(plan: Plan) -> None:
    """Every rule of this module over a whole plan (as loaded or received by sync): also ``duplicate_id`` for a
    goal or action id used twice, ``review_before_plan`` and ``signed_before_plan``."""
    seen: set[str] = set()
    for goal in plan.goals:
        _text(goal.description, f"goal[{goal.goal_id}].description")
        for ident in (goal.goal_id, *(a.action_id for a in goal.actions)):
            if ident in seen:
                raise ValidationError("plan", "duplicate_id", id=ident)
            seen.add(ident)
        for action in goal.actions:
            validate_action(plan, action, f"action[{action.action_id}]")
    for review in plan.reviews:
        _check_review(plan, review)
    if plan.signed is not None and plan.signed < plan.made:
        raise ValidationError("plan.signed", "signed_before_plan", signed=plan.signed.isoformat())


def _check_review(plan: Plan, review: Review) -> None:
    _text(review.note, "review.note")
    if review.date < plan.made:
        raise ValidationError("review.date", "review_before_plan", date=review.date.isoformat())


def add_goal(plan: Plan, goal: Goal) -> Plan:
    updated = replace(plan, goals=(*plan.goals, goal))
    validate_plan(updated)
    return updated


def _goal(plan: Plan, goal_id: str) -> Goal:
    for goal in plan.goals:
        if goal.goal_id == goal_id:
            return goal
    raise ValidationError("goal", "goal_unknown", goal=goal_id)


def _replace_goal(plan: Plan, goal: Goal) -> Plan:
    return replace(plan, goals=tuple(goal if g.goal_id == goal.goal_id else g for g in plan.goals))


def add_action(plan: Plan, goal_id: str, action: Action) -> Plan:
    """The plan with ``action`` under the goal; the action is validated first (clear code on the action)."""
    goal = _goal(plan, goal_id)
    validate_action(plan, action)
    if any(a.action_id == action.action_id for _, a in plan.actions()):
        raise ValidationError("action", "duplicate_id", id=action.action_id)
    return _replace_goal(plan, replace(goal, actions=(*goal.actions, action)))


def update_action(plan: Plan, action: Action) -> Plan:
    """Replaces the action with the same id (status, outcome, new due date …); ``action_unknown`` otherwise."""
    for goal, current in plan.actions():
        if current.action_id == action.action_id:
            validate_action(plan, action)
            actions = tuple(action if a.action_id == action.action_id else a for a in goal.actions)
            return _replace_goal(plan, replace(goal, actions=actions))
    raise ValidationError("action", "action_unknown", action=action.action_id)


def set_action_status(plan: Plan, action_id: str, status: ActionStatus, outcome: str = "") -> Plan:
    for _, action in plan.actions():
        if action.action_id == action_id:
            return update_action(plan, replace(action, status=status, outcome=outcome.strip() or action.outcome))
    raise ValidationError("action", "action_unknown", action=action_id)


def add_review(plan: Plan, review: Review) -> Plan:
    """Reviews are kept in date order; one before the plan (``review_before_plan``) or before the latest recorded
    review (``review_order``) is refused, because the next due date is counted from the latest."""
    _check_review(plan, review)
    if plan.reviews and review.date < plan.reviews[-1].date:
        raise ValidationError("review.date", "review_order", latest=plan.reviews[-1].date.isoformat())
    return replace(plan, reviews=(*plan.reviews, review))


def next_review_due(plan: Plan, every_days: int) -> dt.date:
    """``every_days`` after the latest review, or after the plan was made when none was held yet."""
    if every_days < 1:
        raise ValidationError("plan_review_days", "value_range", minimum=1)
    last = plan.reviews[-1].date if plan.reviews else plan.made
    return last + dt.timedelta(days=every_days)
