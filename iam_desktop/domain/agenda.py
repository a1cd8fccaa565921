"""The desk's agenda (scadenzario), computed locally from case data so it works offline: plan actions due, plan
reviews due, permit expiries and the follow-up contacts after a person's exit. Items dated before ``today`` and
still pending are overdue and always listed, whatever range is asked, so nothing slips off the screen. This module
owns what goes on the agenda and the day and week groupings; the reminder at unlock is the same list for today."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.closure import ClosureEvent, state
from iam_desktop.domain.documents import PermessoDiSoggiorno
from iam_desktop.domain.pathway import Pathway, StepTransition, latest_transition
from iam_desktop.domain.plan import Plan, next_review_due


class AgendaKind(StrEnum):
    """``azione``: a plan action due; ``revisione_piano``: a plan review due; ``scadenza_permesso``: a residence
    permit expiring; ``follow_up``: a contact some months after the person's exit."""

    AZIONE = "azione"
    REVISIONE_PIANO = "revisione_piano"
    SCADENZA_PERMESSO = "scadenza_permesso"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class AgendaItem:
    """``ref`` names what the item is about: the action id, the plan id, the permit number, or ``"3m"`` for the
    3-month follow-up. ``overdue`` is exactly ``date < today``."""

    date: dt.date
    kind: AgendaKind
    case_id: str
    ref: str
    overdue: bool
    text: str = ""
    """The action's own description when there is one (data typed by an operator, not a label)."""


@dataclass(frozen=True)
class ExpiryItem:
    """Anything of a case that expires: built from a permit by ``expiry_items``, or by callers for other papers."""

    case_id: str
    expires: dt.date
    ref: str
    renewal_requested: bool = False


@dataclass(frozen=True)
class AgendaCase:
    """What the agenda needs of one case. ``follow_ups_done`` holds the months (3, 6 …) already contacted."""

    case_id: str
    plan: Plan | None = None
    transitions: tuple[StepTransition, ...] = ()
    closures: tuple[ClosureEvent, ...] = ()
    expiries: tuple[ExpiryItem, ...] = ()
    follow_ups_done: frozenset[int] = frozenset()


@dataclass(frozen=True)
class AgendaSettings:
    review_every_days: int = 90
    follow_up_months: tuple[int, ...] = (3, 6)
    last_step: int = 5

    @classmethod
    def from_pathway(cls, pathway: Pathway) -> AgendaSettings:
        return cls(pathway.plan_review_days, pathway.follow_up_months, pathway.last)


def expiry_items(case_id: str, permits: Iterable[PermessoDiSoggiorno]) -> tuple[ExpiryItem, ...]:
    """The current permit (the one expiring last) as an expiry; a replaced permit is not an agenda item."""
    permit = max(permits, key=lambda p: p.expires, default=None)
    if permit is None:
        return ()
    return (ExpiryItem(case_id, permit.expires, permit.number, permit.renewal_receipt is not None),)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end (31 January + 1 month = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def exit_date(case: AgendaCase, last_step: int) -> dt.date | None:
    """When the person left the pathway: reaching the last step (if they are still on it) or the closure,
    whichever came first; None while the case is open below the last step."""
    candidates: list[dt.date] = []
    latest = latest_transition(case.transitions)
    if latest is not None and latest.to_step == last_step:
        candidates.append(latest.at.date())
    closure = state(case.closures)
    if closure.closed_on is not None:
        candidates.append(closure.closed_on)
    return min(candidates, default=None)


def _candidates(case: AgendaCase, settings: AgendaSettings) -> Iterable[tuple[dt.date, AgendaKind, str, str, bool]]:
    """(date, kind, ref, text, pending) for everything of the case that could be on an agenda."""
    closed = state(case.closures).is_closed
    if not closed and case.plan is not None:
        for _, action in case.plan.actions():
            yield action.due, AgendaKind.AZIONE, action.action_id, action.description, action.status.is_open
        due = next_review_due(case.plan, settings.review_every_days)
        yield due, AgendaKind.REVISIONE_PIANO, case.plan.plan_id, "", True
    if not closed:
        for item in case.expiries:
            # An expired permit with the renewal receipt on file is being handled: listed, not pending.
            yield item.expires, AgendaKind.SCADENZA_PERMESSO, item.ref, "", not item.renewal_requested
    left = exit_date(case, settings.last_step)
    if left is not None:
        for months in settings.follow_up_months:
            done = months in case.follow_ups_done
            yield add_months(left, months), AgendaKind.FOLLOW_UP, f"{months}m", "", not done


def agenda(
    cases: Iterable[AgendaCase], start: dt.date, end: dt.date, *, today: dt.date, settings: AgendaSettings
) -> list[AgendaItem]:
    """Items dated ``start``–``end`` (both included) that are still pending, plus every pending item dated
    before ``today`` (overdue), sorted by date, kind, case and ref. Done actions and contacted follow-ups are not
    listed."""
    items: list[AgendaItem] = []
    for case in cases:
        for day, kind, ref, text, pending in _candidates(case, settings):
            if not pending:
                continue
            if start <= day <= end or day < today:
                items.append(AgendaItem(day, kind, case.case_id, ref, day < today, text))
    return sorted(items, key=lambda i: (i.date, list(AgendaKind).index(i.kind), i.case_id, i.ref))


@dataclass(frozen=True)
class AgendaView:
    """``overdue``: pending overdue items dated outside the days shown; ``days``: each day shown with its items (an
    item dated within the days shown but before today is in its day, flagged overdue)."""

    overdue: tuple[AgendaItem, ...]
    days: tuple[tuple[dt.date, tuple[AgendaItem, ...]], ...]

    @property
    def count(self) -> int:
        return len(self.overdue) + sum(len(items) for _, items in self.days)


def _view(items: list[AgendaItem], first: dt.date, length: int) -> AgendaView:
    days = [first + dt.timedelta(days=n) for n in range(length)]
    shown = set(days)
    return AgendaView(
        # Only overdue items fall outside the days shown (``agenda`` adds them whatever the range).
        overdue=tuple(i for i in items if i.date not in shown),
        days=tuple((day, tuple(i for i in items if i.date == day)) for day in days),
    )


def day_view(cases: Iterable[AgendaCase], day: dt.date, *, today: dt.date, settings: AgendaSettings) -> AgendaView:
    return _view(agenda(cases, day, day, today=today, settings=settings), day, 1)


def week_view(cases: Iterable[AgendaCase], day: dt.date, *, today: dt.date, settings: AgendaSettings) -> AgendaView:
    """The Monday-to-Sunday week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    return _view(agenda(cases, monday, sunday, today=today, settings=settings), monday, 7)
