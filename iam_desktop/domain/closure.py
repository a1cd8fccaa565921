"""Closing and reopening a case (chiusura / riapertura). A case closes with an outcome (esito) and a date; it is
never deleted by closing — closed cases stay in searches, reports and the follow-up agenda, and the case list filters
on their status. Reopening (the person comes back to the desk) is recorded as an event too, so the history shows
every closure and every reopening. This module owns those events, their rules and the state derived from them; it
speaks the ``CaseStatus`` of ``iam_desktop.domain.case`` so the case list has one status to filter on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.case import CaseStatus
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Permission, Role, allows


class Outcome(StrEnum):
    """``autonomia_raggiunta``: autonomy reached (the pathway's aim); ``trasferito``: moved to another desk, city or
    service; ``abbandono``: the person dropped out or became unreachable; ``altro``: other (a note is required)."""

    AUTONOMIA_RAGGIUNTA = "autonomia_raggiunta"
    TRASFERITO = "trasferito"
    ABBANDONO = "abbandono"
    ALTRO = "altro"


class ClosureKind(StrEnum):
    CHIUSURA = "chiusura"
    """closure"""
    RIAPERTURA = "riapertura"
    """reopening"""


@dataclass(frozen=True)
class ClosureEvent:
    case_id: str
    kind: ClosureKind
    date: dt.date
    operator_id: str
    outcome: Outcome | None = None
    note: str = ""


@dataclass(frozen=True)
class ClosureState:
    """What the events say now: ``status`` is ``aperto`` or ``chiuso``; ``closed_on`` and ``outcome`` belong to
    the current closure; ``reopenings`` counts how often the case came back (a reportable figure)."""

    status: CaseStatus
    closed_on: dt.date | None
    outcome: Outcome | None
    reopenings: int

    @property
    def is_closed(self) -> bool:
        return self.status is CaseStatus.CHIUSO


def state(events: Sequence[ClosureEvent]) -> ClosureState:
    closing = None
    for event in events:
        closing = event if event.kind is ClosureKind.CHIUSURA else None
    reopenings = sum(1 for e in events if e.kind is ClosureKind.RIAPERTURA)
    if closing is None:
        return ClosureState(CaseStatus.APERTO, None, None, reopenings)
    return ClosureState(CaseStatus.CHIUSO, closing.date, closing.outcome, reopenings)


def _check(role: Role, events: Sequence[ClosureEvent], on: dt.date, opened: dt.date) -> None:
    # Closing decides what a person's pathway counted as: the coordinator's call (DESIGN.md §2).
    if not allows(role, Permission.CLOSE_CASE):
        raise PermissionDeniedError("close_case", permission=Permission.CLOSE_CASE.value, role=role.value)
    earliest = max((e.date for e in events), default=opened)
    if on < earliest:
        raise ValidationError("closure.date", "date_order", start=earliest.isoformat(), end=on.isoformat())


def close_case(
    events: Sequence[ClosureEvent],
    *,
    case_id: str,
    opened: dt.date,
    on: dt.date,
    outcome: Outcome,
    operator_id: str,
    role: Role,
    today: dt.date,
    note: str = "",
) -> ClosureEvent:
    """The closure to record. Refuses ``already_closed``, a date in the future (``date_future``) or before the
    opening or the latest event (``date_order``), ``altro`` without a note (``note_missing``), and any role without
    ``close_case`` (``PermissionDeniedError``)."""
    if state(events).is_closed:
        raise ValidationError("closure", "already_closed", case_id=case_id)
    _check(role, events, on, opened)
    if on > today:
        raise ValidationError("closure.date", "date_future", value=on.isoformat(), today=today.isoformat())
    if outcome is Outcome.ALTRO and not note.strip():
        raise ValidationError("closure.note", "note_missing")
    return ClosureEvent(case_id, ClosureKind.CHIUSURA, on, operator_id, outcome, note.strip())


def reopen_case(
    events: Sequence[ClosureEvent],
    *,
    case_id: str,
    opened: dt.date,
    on: dt.date,
    reason: str,
    operator_id: str,
    role: Role,
    today: dt.date,
) -> ClosureEvent:
    """The reopening to record: ``not_closed`` on an open case, ``reason_missing``, dates as ``close_case``."""
    if not state(events).is_closed:
        raise ValidationError("closure", "not_closed", case_id=case_id)
    _check(role, events, on, opened)
    if on > today:
        raise ValidationError("closure.date", "date_future", value=on.isoformat(), today=today.isoformat())
    if not reason.strip():
        raise ValidationError("closure.reason", "reason_missing")
    return ClosureEvent(case_id, ClosureKind.RIAPERTURA, on, operator_id, None, reason.strip())


def filter_by_status(states: dict[str, ClosureState], status: CaseStatus | None) -> list[str]:
    """Case ids whose status is ``status`` (all of them for None), sorted: the case list's status filter."""
    return sorted(case_id for case_id, s in states.items() if status is None or s.status is status)
