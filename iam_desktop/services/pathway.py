"""The stepped exit pathway of a case (sistema di uscita a gradini) and everything that moves a person along it:
the checklist of the ladder's criteria, placements (housing, work, training, self-employment), step transitions,
the individual plan, the diary of interventions, closure and reopening, follow-ups, the agenda and the timeline.
Reached as ``desk.pathway``. The ladder comes from ``resources/pathways/iam.json`` and is checked when the desk
opens, so the app never runs on a broken pathway_rules. Each kind of record is stored sealed in the case's partition;
transitions, diary entries and closures are append-only. Every record carries its writers' stamps
(``iam_desktop.domain.writers``), and the timeline names who wrote each event on whichever computer."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from iam_desktop.domain import agenda as agenda_rules
from iam_desktop.domain import closure as closure_rules
from iam_desktop.domain import diary as diary_rules
from iam_desktop.domain import interchange
from iam_desktop.domain import pathway as pathway_rules
from iam_desktop.domain import placements as placement_rules
from iam_desktop.domain import plan as plan_rules
from iam_desktop.domain.case import RegistrationKind
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.domain.timeline import TimelineEvent, timeline
from iam_desktop.domain.writers import STAMP_PREFIX, stamps_in
from iam_desktop.resources import resource
from iam_desktop.vault import audit
from iam_desktop.vault.database import translate_errors

from .cases import stored_permit
from .codec import decode, to_json

if TYPE_CHECKING:
    from .desk import Desk

TRANSITION, CHECKLIST, PLACEMENT, PLAN, DIARY, CLOSURE, FOLLOW_UP = (
    "transition", "checklist", "placement", "plan", "diary", "closure", "follow_up",
)  # fmt: skip


@cache
def load_ladder() -> pathway_rules.Pathway:
    """The ladder in force; raises ``PathwayDefinitionError`` naming file and line when it is broken."""
    return pathway_rules.load_pathway(resource("pathways", "iam.json"))


@dataclass(frozen=True)
class CaseProgress:
    case_id: str
    display_name: str
    step: int
    since: dt.date
    days_on_step: int
    overdue: int


def _single_id(case_id: str, kind: str) -> str:
    # One plan and one checklist per case: a stable id lets two devices edit the same record, not two copies.
    return str(uuid.uuid5(uuid.UUID(case_id), kind))


class PathwayBook:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    @property
    def ladder(self) -> pathway_rules.Pathway:
        return load_ladder()

    # -- reading -------------------------------------------------------------------------------------------

    def _payloads(self, conn: Connection, case_id: str, kind: str) -> list[dict[str, Any]]:
        return [r.payload for r in self._desk.records.of_case(conn, case_id, kind)]

    def _read(self, case_id: str, kind: str, cls: Any) -> list[Any]:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            return [decode(cls, p) for p in self._payloads(conn, case_id, kind)]

    def transitions(self, case_id: str) -> list[pathway_rules.StepTransition]:
        return sorted(self._read(case_id, TRANSITION, pathway_rules.StepTransition), key=lambda t: t.at)

    def current_step(self, case_id: str) -> int:
        return pathway_rules.current_step(self.transitions(case_id)) or 1

    def checklist(self, case_id: str) -> dict[str, dict[str, Any]]:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            record = self._desk.records.get(conn, _single_id(case_id, CHECKLIST))
        return dict(record.payload.get("ticked", {})) if record else {}

    def placements(self, case_id: str) -> list[placement_rules.Placement]:
        return self._read(case_id, PLACEMENT, placement_rules.Placement)

    def plan(self, case_id: str) -> plan_rules.Plan | None:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            record = self._desk.records.get(conn, _single_id(case_id, PLAN))
        return decode(plan_rules.Plan, record.payload) if record else None

    def diary(self, case_id: str) -> list[diary_rules.DiaryEntry]:
        return sorted(self._read(case_id, DIARY, diary_rules.DiaryEntry), key=lambda e: e.recorded_at)

    def closures(self, case_id: str) -> list[closure_rules.ClosureEvent]:
        return self._read(case_id, CLOSURE, closure_rules.ClosureEvent)

    def follow_ups_done(self, case_id: str) -> frozenset[int]:
        return frozenset(int(p["months"]) for p in self._read(case_id, FOLLOW_UP, dict))

    def facts(self, case_id: str, on: dt.date | None = None) -> placement_rules.CaseFacts:
        """What the ladder's fact criteria read: placements, permit, Italian level, registrations."""
        file = self._desk.cases.open(case_id)
        record = interchange.parse_record(file.person, today=dt.date.max).record
        permits = [record.permit] if record and record.permit else []
        registrations = [k for k in RegistrationKind if file.extra.get(f"registrations.{k.value}")]
        return placement_rules.facts_from(
            self.placements(case_id), on or dt.date.today(), permits=permits,
            italian_level=record.person.italian_level if record else None, registrations=registrations,
        )  # fmt: skip

    def evaluate(self, case_id: str, target_step: int, on: dt.date | None = None) -> pathway_rules.TransitionCheck:
        return self.ladder.evaluate(
            self.facts(case_id, on), set(self.checklist(case_id)), target_step, current_step=self.current_step(case_id)
        )

    # -- writing -------------------------------------------------------------------------------------------

    def _write(
        self, case_id: str, kind: str, payload: dict[str, Any], *, record_id: str | None = None, action: str,
        meta: dict[str, Any] | None = None,
    ) -> str:  # fmt: skip
        actor = self._desk.require(Permission.EDIT_CASE)
        records = self._desk.records
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self._desk.cases.check_writable(conn, case_id)  # a case transferred away is read only here
            # A record edited again (the plan, the checklist) keeps the stamps of everyone who wrote it before.
            before = records.get(conn, record_id) if record_id else None
            kept = {k: v for k, v in before.payload.items() if k.startswith(STAMP_PREFIX)} if before else {}
            payload = {**kept, **payload, **self._desk.cases.stamp(conn, actor)}
            rid = records.put(conn, case_id=case_id, kind=kind, payload=payload, record_id=record_id)
            if meta:
                self._desk.cases.set_meta(conn, case_id, **meta)
            audit.append(conn, operator_id=actor.id, action=action, case_id=case_id)
        return rid

    def tick(self, case_id: str, criterion_id: str, checked: bool = True, note: str = "") -> None:
        """Tick (or untick) a checklist criterion of the ladder for this case."""
        actor = self._desk.require(Permission.EDIT_CASE)
        self.ladder.criterion(criterion_id)  # refuses an id the ladder does not have
        ticked = self.checklist(case_id)
        if checked:
            ticked[criterion_id] = {"by": actor.id, "at": dt.datetime.now(dt.UTC).isoformat(), "note": note}
        else:
            ticked.pop(criterion_id, None)
        self._write(case_id, CHECKLIST, {"ticked": ticked}, record_id=_single_id(case_id, CHECKLIST),
                    action="pathway.checklist")  # fmt: skip

    def move(
        self, case_id: str, to_step: int, *, reason: str = "", override: bool = False
    ) -> pathway_rules.StepTransition:
        """Move the case to another step: refused with the missing criteria unless a coordinator overrides with a
        reason; going back needs a reason. The transition is recorded with who, when, why and what was met."""
        actor = self._desk.require(Permission.EDIT_CASE)
        if closure_rules.state(self.closures(case_id)).is_closed:
            raise ValidationError("step", "case_closed")
        transition = pathway_rules.move(
            self.ladder, case_id=case_id, current_step=self.current_step(case_id), target_step=to_step,
            facts=self.facts(case_id), checklist=set(self.checklist(case_id)), operator_id=actor.id,
            role=actor.role, at=dt.datetime.now(dt.UTC), reason=reason, override=override,
        )  # fmt: skip
        self._write(case_id, TRANSITION, to_json(transition), action="pathway.move", meta={"step": to_step})
        return transition

    def add_placement(self, case_id: str, placement: placement_rules.Placement) -> None:
        placement_rules.validate_placement(placement, self.placements(case_id))
        self._write(case_id, PLACEMENT, to_json(placement), record_id=placement.placement_id, action="placement.add")

    def save_plan(self, case_id: str, plan: plan_rules.Plan) -> None:
        plan_rules.validate_plan(plan)
        self._write(case_id, PLAN, to_json(plan), record_id=_single_id(case_id, PLAN), action="plan.save")

    def add_diary(self, case_id: str, entry: diary_rules.DiaryEntry, today: dt.date | None = None) -> None:
        diary_rules.validate_entry(entry, self.diary(case_id), today or dt.date.today())
        self._write(case_id, DIARY, to_json(entry), record_id=entry.entry_id, action="diary.add")

    def close(self, case_id: str, outcome: closure_rules.Outcome, *, on: dt.date | None = None, note: str = "") -> None:
        actor = self._desk.require(Permission.CLOSE_CASE)
        today = dt.date.today()
        event = closure_rules.close_case(
            self.closures(case_id), case_id=case_id, opened=self._opened(case_id), on=on or today, outcome=outcome,
            operator_id=actor.id, role=actor.role, today=today, note=note,
        )  # fmt: skip
        self._write(case_id, CLOSURE, to_json(event), record_id=str(uuid.uuid4()), action="case.close",
                    meta={"status": "chiuso", "closed": event.date.isoformat(), "outcome": outcome.value})  # fmt: skip

    def reopen(self, case_id: str, *, reason: str, on: dt.date | None = None) -> None:
        actor = self._desk.require(Permission.CLOSE_CASE)
        today = dt.date.today()
        event = closure_rules.reopen_case(
            self.closures(case_id), case_id=case_id, opened=self._opened(case_id), on=on or today, reason=reason,
            operator_id=actor.id, role=actor.role, today=today,
        )  # fmt: skip
        self._write(case_id, CLOSURE, to_json(event), record_id=str(uuid.uuid4()), action="case.reopen",
                    meta={"status": "aperto", "closed": None, "outcome": ""})  # fmt: skip

    def record_follow_up(self, case_id: str, months: int, note: str = "") -> None:
        self._write(case_id, FOLLOW_UP, {"months": months, "note": note, "at": dt.date.today().isoformat()},
                    action="follow_up.done")  # fmt: skip

    def _opened(self, case_id: str) -> dt.date:
        row = self._desk.cases.row(case_id)
        if row is None:
            raise ValidationError("case_id", "unknown")
        return dt.date.fromisoformat(row.opened)

    # -- agenda and timeline -------------------------------------------------------------------------------

    def _agenda_cases(self) -> Iterable[agenda_rules.AgendaCase]:
        self._desk.require(Permission.VIEW_CASE)
        by_case: dict[str, dict[str, list[dict[str, Any]]]] = {}
        records = self._desk.records
        kinds = (TRANSITION, PLAN, CLOSURE, FOLLOW_UP, "case")
        with self._desk.vault.engine.connect() as conn:
            for kind in kinds:
                for r in records.of_kind(conn, kind):
                    by_case.setdefault(r.case_id, {}).setdefault(kind, []).append(r.payload)
        for case_id, parts in by_case.items():
            person = parts.get("case", [{}])[0].get("person", {})
            permit = stored_permit(person)
            plans = parts.get(PLAN, [])
            yield agenda_rules.AgendaCase(
                case_id=case_id,
                plan=decode(plan_rules.Plan, plans[0]) if plans else None,
                transitions=tuple(decode(pathway_rules.StepTransition, t) for t in parts.get(TRANSITION, [])),
                closures=tuple(decode(closure_rules.ClosureEvent, c) for c in parts.get(CLOSURE, [])),
                expiries=agenda_rules.expiry_items(case_id, [permit] if permit else []),
                follow_ups_done=frozenset(int(f["months"]) for f in parts.get(FOLLOW_UP, [])),
            )

    def overview(self, today: dt.date | None = None) -> list[CaseProgress]:
        """For the coordinator: every open case, its step, since when, and how many agenda items are overdue."""
        day = today or dt.date.today()
        settings = agenda_rules.AgendaSettings.from_pathway(self.ladder)
        rows = {r.case_id: r for r in self._desk.cases.search("")}
        out = []
        for case in self._agenda_cases():
            row = rows.get(case.case_id)
            if row is None or row.status == "chiuso":
                continue
            since_at = pathway_rules.on_step_since(case.transitions)
            since = since_at.date() if since_at else dt.date.fromisoformat(row.opened)
            overdue = sum(1 for i in agenda_rules.agenda([case], day, day, today=day, settings=settings) if i.overdue)
            out.append(CaseProgress(case.case_id, row.display_name, row.step, since, (day - since).days, overdue))
        return sorted(out, key=lambda p: (p.step, -p.days_on_step, p.display_name))

    def agenda(self, start: dt.date, end: dt.date, *, today: dt.date | None = None) -> list[agenda_rules.AgendaItem]:
        """Everything due between ``start`` and ``end`` plus what is overdue, computed locally (works offline)."""
        settings = agenda_rules.AgendaSettings.from_pathway(self.ladder)
        return agenda_rules.agenda(self._agenda_cases(), start, end, today=today or dt.date.today(), settings=settings)

    def case_timeline(self, case_id: str) -> list[TimelineEvent]:
        """The case's events, each with who wrote it (``writer``; None for an operator of another computer who
        wrote before stamps existed). A placement's writer is the stamp on its record."""
        file = self._desk.cases.open(case_id)
        record = interchange.parse_record(file.person, today=dt.date.max).record
        events = timeline(
            transitions=self.transitions(case_id), diary=self.diary(case_id), placements=self.placements(case_id),
            permits=[record.permit] if record and record.permit else [], plan=self.plan(case_id),
            closures=self.closures(case_id),
        )  # fmt: skip
        with self._desk.vault.engine.connect() as conn:
            placed_by = {str(p.get("placement_id")): next((op for op, _s in stamps_in(p)), "")
                         for p in self._payloads(conn, case_id, PLACEMENT)}  # fmt: skip
        names = self._desk.cases.writers(case_id)
        out = []
        for event in events:
            operator_id = event.operator_id or placed_by.get(event.ref, "")
            out.append(replace(event, operator_id=operator_id, writer=names.get(operator_id)) if operator_id else event)
        return out
