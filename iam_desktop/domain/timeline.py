"""The case file timeline: one chronological list of everything that happened in a case — step transitions,
diary entries (their current version, flagged when corrected), placements starting and ending, documents issued,
renewed and expiring, plan reviews, closures and reopenings. This module only merges and orders; each event keeps a
reference to its record so the UI can open it, codes (never sentences) for the UI to label, and the id of the
operator who wrote it (the service adds who that is, ``iam_desktop.domain.writers``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.closure import ClosureEvent, ClosureKind
from iam_desktop.domain.diary import DiaryEntry, effective
from iam_desktop.domain.documents import PermessoDiSoggiorno
from iam_desktop.domain.pathway import StepTransition
from iam_desktop.domain.placements import (
    HousingPlacement,
    Placement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
)
from iam_desktop.domain.plan import Plan
from iam_desktop.domain.writers import Writer


class TimelineKind(StrEnum):
    GRADINO = "gradino"
    """a step transition"""
    DIARIO = "diario"
    INSERIMENTO_INIZIO = "inserimento_inizio"
    """a placement starts"""
    INSERIMENTO_FINE = "inserimento_fine"
    DOCUMENTO_RILASCIO = "documento_rilascio"
    """a document issued"""
    DOCUMENTO_RINNOVO = "documento_rinnovo"
    """renewal requested (ricevuta)"""
    DOCUMENTO_SCADENZA = "documento_scadenza"
    PIANO = "piano"
    """the plan agreed"""
    REVISIONE_PIANO = "revisione_piano"
    CHIUSURA = "chiusura"
    RIAPERTURA = "riapertura"


@dataclass(frozen=True)
class TimelineEvent:
    """``ref`` is the record's id; ``code`` a sub-type for the label (the intervention type, the placement kind,
    ``"2>3"`` for a step move, the closure outcome …); ``flag`` marks what deserves attention (a corrected diary
    entry, an overridden step move). ``operator_id`` is who wrote it (empty for what nobody wrote here: a permit's
    dates); ``writer`` names them once the service has looked them up (None: not known on this computer)."""

    date: dt.date
    kind: TimelineKind
    ref: str
    code: str = ""
    flag: bool = False
    operator_id: str = ""
    writer: Writer | None = None


_PLACEMENT_CODES: dict[type, str] = {
    HousingPlacement: "abitazione",
    WorkPlacement: "lavoro",
    TrainingPlacement: "formazione",
    SelfEmploymentPlacement: "autoimprenditorialita",
}


def _placement_code(placement: Placement) -> str:
    sub = placement.kind.value if isinstance(placement, HousingPlacement) else ""
    if isinstance(placement, WorkPlacement):
        sub = placement.contract.value
    return f"{_PLACEMENT_CODES[type(placement)]}:{sub}" if sub else _PLACEMENT_CODES[type(placement)]


def timeline(
    *,
    transitions: Iterable[StepTransition] = (),
    diary: Iterable[DiaryEntry] = (),
    placements: Iterable[Placement] = (),
    permits: Iterable[PermessoDiSoggiorno] = (),
    plan: Plan | None = None,
    closures: Iterable[ClosureEvent] = (),
    until: dt.date | None = None,
) -> list[TimelineEvent]:
    """Every event in date order (ties: the order of the kinds above, then ref). Future-dated ends and expiries
    are left out when ``until`` is given, so the timeline shows what happened, not what is planned."""
    events: list[TimelineEvent] = []
    for t in transitions:
        events.append(
            TimelineEvent(
                t.at.date(),
                TimelineKind.GRADINO,
                f"{t.from_step or 0}>{t.to_step}",
                t.direction.value,
                t.override,
                t.operator_id,
            )
        )
    for item in effective(diary):
        events.append(
            TimelineEvent(
                item.current.date,
                TimelineKind.DIARIO,
                item.original_id,
                item.current.type.value,
                item.corrected,
                item.history[0].operator_id,  # who recorded the intervention; a correction is flagged
            )
        )
    for p in placements:
        code = _placement_code(p)
        events.append(TimelineEvent(p.start, TimelineKind.INSERIMENTO_INIZIO, p.placement_id, code))
        if p.end is not None:
            events.append(TimelineEvent(p.end, TimelineKind.INSERIMENTO_FINE, p.placement_id, code))
    for permit in permits:
        events.append(TimelineEvent(permit.issued, TimelineKind.DOCUMENTO_RILASCIO, permit.number, permit.type.value))
        if permit.renewal_receipt is not None:
            events.append(
                TimelineEvent(permit.renewal_receipt.date, TimelineKind.DOCUMENTO_RINNOVO, permit.number, "ricevuta")
            )
        events.append(TimelineEvent(permit.expires, TimelineKind.DOCUMENTO_SCADENZA, permit.number, permit.type.value))
    if plan is not None:
        events.append(TimelineEvent(plan.made, TimelineKind.PIANO, plan.plan_id, operator_id=plan.operator_id))
        for n, review in enumerate(plan.reviews, start=1):
            events.append(
                TimelineEvent(
                    review.date, TimelineKind.REVISIONE_PIANO, f"{plan.plan_id}#{n}", operator_id=review.operator_id
                )
            )
    for c in closures:
        kind = TimelineKind.CHIUSURA if c.kind is ClosureKind.CHIUSURA else TimelineKind.RIAPERTURA
        events.append(
            TimelineEvent(c.date, kind, c.case_id, c.outcome.value if c.outcome else "", operator_id=c.operator_id)
        )
    if until is not None:
        events = [e for e in events if e.date <= until]
    order = list(TimelineKind)
    return sorted(events, key=lambda e: (e.date, order.index(e.kind), e.ref))
