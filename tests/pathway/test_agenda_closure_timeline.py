"""The agenda for a fixed day on a fixed data set (expected items worked out by hand below), its ordering and
overdue property (hypothesis), closure and reopening, and the case timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iam_desktop.domain.agenda import (
    AgendaCase,
    AgendaKind,
    AgendaSettings,
    ExpiryItem,
    add_months,
    agenda,
    day_view,
    expiry_items,
    week_view,
)
from iam_desktop.domain.case import CaseStatus
from iam_desktop.domain.closure import (
    ClosureEvent,
    ClosureKind,
    Outcome,
    close_case,
    filter_by_status,
    reopen_case,
    state,
)
from iam_desktop.domain.diary import DiaryEntry, InterventionType
from iam_desktop.domain.documents import PermessoDiSoggiorno, PermitType, RenewalReceipt
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.pathway import StepTransition, default_pathway_path, load_pathway
from iam_desktop.domain.placements import ContractType, WorkPlacement
from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan
from iam_desktop.domain.roles import Role
from iam_desktop.domain.timeline import TimelineKind, timeline

TODAY = dt.date(2026, 5, 6)  # a Wednesday
K = AgendaKind


def _step(case_id: str, to: int, day: dt.date) -> StepTransition:
    at = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
    return StepTransition(case_id, to - 1, to, at, "op-anna", Role.OPERATOR, "", ())


def _closed(case_id: str, day: dt.date, outcome: Outcome) -> ClosureEvent:
    return ClosureEvent(case_id, ClosureKind.CHIUSURA, day, "coord", outcome)


def _plan(case_id: str, made: dt.date, *actions: tuple[str, dt.date, ActionStatus]) -> Plan:
    acts = tuple(
        Action(a, f"azione {a}", "persona", due, st_, "esito" if not st_.is_open else "") for a, due, st_ in actions
    )
    return Plan(f"P-{case_id}", case_id, made, "op-anna", (Goal("G1", Axis.LAVORO, "Lavoro", acts),))


def fixed_cases() -> list[AgendaCase]:
    d = dt.date
    return [
        # Open on step 2: five actions, plan made 1 Feb with no review (due 1 Feb + 90 days = 2 May), a permit.
        AgendaCase(
            "C-1",
            plan=_plan(
                "C-1",
                d(2026, 2, 1),
                ("A1", d(2026, 5, 4), ActionStatus.DA_FARE),
                ("A2", d(2026, 5, 6), ActionStatus.IN_CORSO),
                ("A3", d(2026, 5, 8), ActionStatus.DA_FARE),
                ("A4", d(2026, 5, 12), ActionStatus.DA_FARE),
                ("A5", d(2026, 4, 30), ActionStatus.FATTO),
                ("A6", d(2026, 5, 7), ActionStatus.ANNULLATO),
            ),
            transitions=(_step("C-1", 1, d(2026, 1, 20)), _step("C-1", 2, d(2026, 2, 1))),
            expiries=(ExpiryItem("C-1", d(2026, 5, 9), "I0000001"),),
        ),
        # Reached step 5 on 7 Feb, still open: follow-ups on 7 May and 7 Aug. Expired permit being renewed.
        AgendaCase(
            "C-2",
            transitions=(_step("C-2", 4, d(2025, 10, 1)), _step("C-2", 5, d(2026, 2, 7))),
            expiries=(ExpiryItem("C-2", d(2026, 4, 20), "I0000002", renewal_requested=True),),
        ),
        # Dropped out, closed 30 Nov 2025: 3-month follow-up done, 6-month one on 30 May. Closed: no actions/permits.
        AgendaCase(
            "C-3",
            plan=_plan("C-3", d(2025, 6, 1), ("B1", d(2025, 7, 1), ActionStatus.DA_FARE)),
            transitions=(_step("C-3", 3, d(2025, 9, 1)),),
            closures=(_closed("C-3", d(2025, 11, 30), Outcome.ABBANDONO),),
            expiries=(ExpiryItem("C-3", d(2026, 5, 8), "I0000003"),),
            follow_ups_done=frozenset({3}),
        ),
        # Step 5 on 15 Dec 2025, closed 31 Jan 2026: follow-ups count from the exit (15 Mar overdue, 15 Jun).
        AgendaCase(
            "C-4",
            transitions=(_step("C-4", 5, d(2025, 12, 15)),),
            closures=(_closed("C-4", d(2026, 1, 31), Outcome.AUTONOMIA_RAGGIUNTA),),
        ),
    ]


EXPECTED_WEEK = [
    (dt.date(2026, 3, 15), K.FOLLOW_UP, "C-4", "3m", True),
    (dt.date(2026, 5, 2), K.REVISIONE_PIANO, "C-1", "P-C-1", True),
    (dt.date(2026, 5, 4), K.AZIONE, "C-1", "A1", True),
    (dt.date(2026, 5, 6), K.AZIONE, "C-1", "A2", False),
    (dt.date(2026, 5, 7), K.FOLLOW_UP, "C-2", "3m", False),
    (dt.date(2026, 5, 8), K.AZIONE, "C-1", "A3", False),
    (dt.date(2026, 5, 9), K.SCADENZA_PERMESSO, "C-1", "I0000001", False),
]
SETTINGS = AgendaSettings(review_every_days=90, follow_up_months=(3, 6), last_step=5)


def _rows(items: object) -> list[tuple[object, ...]]:
    return [(i.date, i.kind, i.case_id, i.ref, i.overdue) for i in items]  # type: ignore[attr-defined]


def test_agenda_for_the_week_of_a_fixed_day() -> None:
    items = agenda(fixed_cases(), dt.date(2026, 5, 4), dt.date(2026, 5, 10), today=TODAY, settings=SETTINGS)
    assert _rows(items) == EXPECTED_WEEK
    assert items[2].text == "azione A1"


def test_week_view_groups_by_day_monday_to_sunday() -> None:
    view = week_view(fixed_cases(), TODAY, today=TODAY, settings=SETTINGS)
    assert _rows(view.overdue) == EXPECTED_WEEK[:2]
    assert [day for day, _ in view.days] == [dt.date(2026, 5, 4) + dt.timedelta(days=n) for n in range(7)]
    assert [[i.ref for i in items] for _, items in view.days] == [["A1"], [], ["A2"], ["3m"], ["A3"], ["I0000001"], []]
    assert view.count == 7


def test_day_view_shows_today_and_everything_overdue() -> None:
    view = day_view(fixed_cases(), TODAY, today=TODAY, settings=SETTINGS)
    assert _rows(view.overdue) == EXPECTED_WEEK[:3]
    assert view.days == ((TODAY, (view.days[0][1][0],)),) and view.days[0][1][0].ref == "A2"


def test_later_range_reaches_the_six_month_follow_ups() -> None:
    items = agenda(fixed_cases(), dt.date(2026, 5, 25), dt.date(2026, 6, 30), today=TODAY, settings=SETTINGS)
    later = [r for r in _rows(items) if not r[4]]
    assert later == [
        (dt.date(2026, 5, 30), K.FOLLOW_UP, "C-3", "6m", False),
        (dt.date(2026, 6, 15), K.FOLLOW_UP, "C-4", "6m", False),
    ]


def test_settings_from_the_pathway_file_and_month_arithmetic() -> None:
    assert AgendaSettings.from_pathway(load_pathway(default_pathway_path())) == SETTINGS
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 10, 15), 14) == dt.date(2026, 12, 15)


def test_expiry_items_from_the_intake_permit_model_use_the_current_permit() -> None:
    old = PermessoDiSoggiorno(
        PermitType.RICHIESTA_ASILO, "OLD00001", "Padova", dt.date(2022, 1, 1), dt.date(2023, 1, 1)
    )
    new = PermessoDiSoggiorno(PermitType.ASILO, "NEW00001", "Padova", dt.date(2023, 1, 1), dt.date(2028, 1, 1),
                              RenewalReceipt("R1", dt.date(2027, 12, 1)))  # fmt: skip
    assert expiry_items("C-9", [old, new]) == (ExpiryItem("C-9", dt.date(2028, 1, 1), "NEW00001", True),)
    assert expiry_items("C-9", []) == ()


_day = st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))


@st.composite
def _agenda_case(draw: st.DrawFn, n: int) -> AgendaCase:
    actions = draw(st.lists(st.tuples(_day, st.sampled_from(list(ActionStatus))), max_size=5))
    made = min([d for d, _ in actions], default=dt.date(2025, 1, 1))
    plan = _plan(f"C{n}", made, *((f"A{i}", d, s) for i, (d, s) in enumerate(actions))) if draw(st.booleans()) else None
    steps = tuple(_step(f"C{n}", s, d) for s, d in draw(st.lists(st.tuples(st.integers(1, 5), _day), max_size=3)))
    closures = (_closed(f"C{n}", draw(_day), Outcome.ALTRO),) if draw(st.booleans()) else ()
    expiries = tuple(
        ExpiryItem(f"C{n}", d, f"X{n}", r) for d, r in draw(st.lists(st.tuples(_day, st.booleans()), max_size=2))
    )
    done = frozenset(draw(st.sets(st.sampled_from([3, 6]))))
    return AgendaCase(f"C{n}", plan, steps, closures, expiries, done)


@settings(max_examples=150, deadline=None)
@given(st.data(), _day, _day, st.integers(0, 30))
def test_agenda_items_are_sorted_and_overdue_is_exactly_before_today(
    data: st.DataObject, today: dt.date, start: dt.date, span: int
) -> None:
    cases = [data.draw(_agenda_case(n)) for n in range(data.draw(st.integers(0, 4)))]
    end = start + dt.timedelta(days=span)
    items = agenda(cases, start, end, today=today, settings=SETTINGS)
    order = list(AgendaKind)
    keys = [(i.date, order.index(i.kind), i.case_id, i.ref) for i in items]
    assert keys == sorted(keys)
    for item in items:
        assert item.overdue is (item.date < today)
        assert start <= item.date <= end or item.overdue
    view = week_view(cases, start, today=today, settings=SETTINGS)
    assert all(i.overdue for i in view.overdue)


# --- closure ----------------------------------------------------------------------------------------------------

OPENED = dt.date(2025, 9, 1)


def _close(events: list[ClosureEvent], **kw: object) -> ClosureEvent:
    args: dict[str, object] = {"case_id": "C-1", "opened": OPENED, "on": dt.date(2026, 4, 30),
                               "outcome": Outcome.AUTONOMIA_RAGGIUNTA, "operator_id": "coord",
                               "role": Role.COORDINATOR, "today": TODAY}  # fmt: skip
    args.update(kw)
    return close_case(events, **args)  # type: ignore[arg-type]


def test_close_and_reopen_are_recorded_and_the_status_follows() -> None:
    events = [_close([])]
    assert state(events) == state(events) and state(events).status is CaseStatus.CHIUSO
    assert (state(events).outcome, state(events).closed_on) == (Outcome.AUTONOMIA_RAGGIUNTA, dt.date(2026, 4, 30))
    reopened = reopen_case(events, case_id="C-1", opened=OPENED, on=dt.date(2026, 5, 5), reason=" Ha perso la casa ",
                           operator_id="coord", role=Role.COORDINATOR, today=TODAY)  # fmt: skip
    assert (reopened.kind, reopened.note) == (ClosureKind.RIAPERTURA, "Ha perso la casa")
    events.append(reopened)
    now = state(events)
    assert (now.status, now.outcome, now.closed_on, now.reopenings) == (CaseStatus.APERTO, None, None, 1)
    events.append(_close(events, on=TODAY, outcome=Outcome.TRASFERITO))
    assert state(events).outcome is Outcome.TRASFERITO and state(events).reopenings == 1
    states = {"C-1": state(events), "C-2": state([]), "C-0": state(events[:1])}
    assert filter_by_status(states, CaseStatus.CHIUSO) == ["C-0", "C-1"]
    assert filter_by_status(states, CaseStatus.APERTO) == ["C-2"]
    assert filter_by_status(states, None) == ["C-0", "C-1", "C-2"]


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"on": dt.date(2025, 8, 31)}, "date_order"),
        ({"on": dt.date(2026, 5, 7)}, "date_future"),
        ({"outcome": Outcome.ALTRO}, "note_missing"),
    ],
)
def test_closure_rules(kw: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _close([], **kw)
    assert refused.value.code == code


def test_closure_needs_a_coordinator_and_an_open_case() -> None:
    with pytest.raises(PermissionDeniedError):
        _close([], role=Role.OPERATOR)
    closed = [_close([])]
    with pytest.raises(ValidationError, match="already_closed"):
        _close(closed)
    with pytest.raises(ValidationError, match="not_closed"):
        reopen_case([], case_id="C-1", opened=OPENED, on=TODAY, reason="x", operator_id="c", role=Role.COORDINATOR,
                    today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="reason_missing"):
        reopen_case(closed, case_id="C-1", opened=OPENED, on=TODAY, reason=" ", operator_id="c",
                    role=Role.COORDINATOR, today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="date_order"):
        reopen_case(closed, case_id="C-1", opened=OPENED, on=dt.date(2026, 4, 1), reason="x", operator_id="c",
                    role=Role.COORDINATOR, today=TODAY)  # fmt: skip
    assert _close([], outcome=Outcome.ALTRO, note="Rimpatrio volontario").note == "Rimpatrio volontario"


# --- timeline ---------------------------------------------------------------------------------------------------


def test_timeline_merges_everything_in_date_order() -> None:
    d = dt.date
    entry = DiaryEntry("D1", "C-1", InterventionType.COLLOQUIO, d(2026, 1, 20), 60, "op",
                       dt.datetime(2026, 1, 20, 18, tzinfo=dt.UTC))  # fmt: skip
    fix = DiaryEntry("D2", "C-1", InterventionType.COLLOQUIO, d(2026, 1, 20), 45, "op",
                     dt.datetime(2026, 1, 21, 9, tzinfo=dt.UTC), corrects="D1")  # fmt: skip
    permit = PermessoDiSoggiorno(PermitType.ASILO, "I0000001", "Brescia", d(2021, 3, 1), d(2026, 3, 1),
                                 RenewalReceipt("R1", d(2026, 2, 10)))  # fmt: skip
    job = WorkPlacement("W1", "C-1", "Coop", ContractType.TIROCINIO, d(2026, 2, 1), d(2026, 4, 30))
    back = StepTransition("C-1", 3, 2, dt.datetime(2026, 5, 2, 9, tzinfo=dt.UTC), "coord", Role.COORDINATOR, "x", ())
    events = timeline(
        transitions=[_step("C-1", 1, d(2026, 1, 20)), _step("C-1", 3, d(2026, 3, 5)), back],
        diary=[entry, fix], placements=[job], permits=[permit], plan=_plan("C-1", d(2026, 2, 1)),
        closures=[_closed("C-1", d(2026, 5, 5), Outcome.TRASFERITO)], until=d(2026, 5, 5),
    )  # fmt: skip
    got = [(e.date.isoformat(), e.kind.value, e.ref, e.code, e.flag) for e in events]
    assert got == [
        ("2021-03-01", "documento_rilascio", "I0000001", "asilo", False),
        ("2026-01-20", "gradino", "0>1", "avanti", False),
        ("2026-01-20", "diario", "D1", "colloquio", True),
        ("2026-02-01", "inserimento_inizio", "W1", "lavoro:tirocinio", False),
        ("2026-02-01", "piano", "P-C-1", "", False),
        ("2026-02-10", "documento_rinnovo", "I0000001", "ricevuta", False),
        ("2026-03-01", "documento_scadenza", "I0000001", "asilo", False),
        ("2026-03-05", "gradino", "2>3", "avanti", False),
        ("2026-04-30", "inserimento_fine", "W1", "lavoro:tirocinio", False),
        ("2026-05-02", "gradino", "3>2", "indietro", False),
        ("2026-05-05", "chiusura", "C-1", "trasferito", False),
    ]
    assert TimelineKind.DIARIO in {e.kind for e in events}
