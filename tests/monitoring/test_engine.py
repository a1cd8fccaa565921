"""The engine on a fixed synthetic data set of 12 people, small enough to count by hand: every expected value below
is worked out in the comments from the data, not by running the code. Period: 1 January – 30 June 2026 (181 days).
Desk A holds P1–P6, P10–P12; desk B holds P7–P9."""

from __future__ import annotations

import datetime as dt

import pytest

from iam_desktop.domain.diary import DiaryEntry, HousingModule, InterventionType
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.indicator_engine import (
    CaseRecord,
    Closure,
    Engine,
    Move,
    Period,
    Status,
    add_months,
    age_band,
    age_on,
    quartiles,
)
from iam_desktop.domain.placements import (
    BusinessStage,
    ContractType,
    HousingKind,
    HousingPlacement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
)
from iam_desktop.services.monitoring import load_indicator_set

D = dt.date
PERIOD = Period(D(2026, 1, 1), D(2026, 6, 30))
AT = dt.datetime(2026, 7, 1, tzinfo=dt.UTC)


def diary(case: str, n: str, module: HousingModule, day: dt.date, minutes: int, **kw: object) -> DiaryEntry:
    return DiaryEntry(n, case, InterventionType.ACCOMPAGNAMENTO_ABITATIVO, day, minutes, "op", AT, module=module, **kw)  # type: ignore[arg-type]


PEOPLE = [
    CaseRecord(
        "p1",
        "A",
        D(2025, 12, 1),
        "F",
        "1990-03-01",
        "ML",
        "rifugiato",
        moves=(Move(D(2026, 1, 10), 1, 2), Move(D(2026, 2, 19), 2, 3)),
        placements=(
            WorkPlacement("w1", "p1", "x", ContractType.TEMPO_DETERMINATO, D(2026, 2, 1)),
            HousingPlacement("h1", "p1", HousingKind.CO_HOUSING, "Casa Gardone", D(2026, 1, 15), D(2026, 3, 31)),
        ),
    ),
    CaseRecord(
        "p2",
        "A",
        D(2026, 1, 5),
        "M",
        "1985",
        "ML",
        "protezione_sussidiaria",
        moves=(Move(D(2026, 1, 25), 1, 2),),
        closures=(Closure(D(2026, 4, 30), True, "autonomia_raggiunta"),),
        placements=(
            WorkPlacement("w2", "p2", "x", ContractType.TEMPO_INDETERMINATO, D(2026, 3, 1)),
            HousingPlacement("h2", "p2", HousingKind.APPARTAMENTO_AUTONOMO, "x", D(2026, 4, 1)),
        ),
    ),
    CaseRecord(
        "p3",
        "A",
        D(2026, 2, 1),
        "M",
        "2000-05-10",
        "NG",
        "protezione_speciale",
        placements=(
            TrainingPlacement("t3", "p3", "c", "e", D(2026, 2, 1), D(2026, 4, 30), 100, 80, True, "attestato"),
        ),
    ),
    CaseRecord(
        "p4",
        "A",
        D(2026, 3, 1),
        "F",
        "2008-01-01",
        "NG",
        "rifugiato",
        moves=(Move(D(2026, 3, 11), 1, 2),),
        diary=(
            diary("p4", "a", HousingModule.ECONOMIA_DOMESTICA, D(2026, 3, 15), 60),
            diary("p4", "b", HousingModule.ECONOMIA_DOMESTICA, D(2026, 4, 15), 60),
            diary("p4", "c", HousingModule.MEDIAZIONE_CONFLITTI, D(2026, 5, 1), 90),
            diary("p4", "d", HousingModule.GESTIONE_SPAZI_COMUNI, D(2026, 5, 10), 30),
            diary("p4", "e", HousingModule.GESTIONE_SPAZI_COMUNI, D(2026, 5, 10), 30, corrects="d", voids=True),
        ),
    ),
    CaseRecord(
        "p5",
        "A",
        D(2024, 6, 1),
        "M",
        "1970-06-01",
        "PK",
        "casi_speciali",
        closures=(Closure(D(2025, 12, 15), True, "abbandono"),),
        follow_ups=frozenset({3}),
        placements=(WorkPlacement("w5", "p5", "x", ContractType.AUTONOMO, D(2026, 1, 1)),),
    ),
    CaseRecord("p6", "A", D(2026, 6, 30), "X", "", "AF", "richiedente_asilo"),
    # Old imported data: the move to step 3 is dated before the move to step 2.
    CaseRecord(
        "p7",
        "B",
        D(2025, 1, 10),
        "M",
        "1995-01-01",
        "ML",
        "protezione_sussidiaria",
        moves=(Move(D(2025, 6, 1), 1, 2), Move(D(2025, 3, 1), 2, 3)),
    ),
    CaseRecord(
        "p8",
        "B",
        D(2026, 1, 20),
        "F",
        "1992-12-31",
        "ER",
        "rifugiato",
        moves=(Move(D(2026, 2, 19), 1, 2), Move(D(2026, 4, 20), 2, 3), Move(D(2026, 5, 20), 3, 4)),
        closures=(Closure(D(2026, 6, 20), True, "trasferito"),),
        placements=(
            HousingPlacement("h8", "p8", HousingKind.APPARTAMENTO_AUTONOMO, "x", D(2026, 5, 1)),
            WorkPlacement("w8", "p8", "x", ContractType.TIROCINIO, D(2026, 3, 1), D(2026, 5, 31)),
        ),
    ),
    CaseRecord(
        "p9",
        "B",
        D(2025, 11, 1),
        "M",
        "1999",
        "SO",
        "altro",
        placements=(
            SelfEmploymentPlacement(
                "s9", "p9", "idea", BusinessStage.BUSINESS_PLAN, D(2025, 12, 1), funding_obtained=2000
            ),  # type: ignore[arg-type]
            TrainingPlacement("t9", "p9", "c", "e", D(2025, 10, 1), D(2026, 1, 15), 50, 50, True),
        ),
    ),
    CaseRecord(
        "p10",
        "A",
        D(2025, 9, 1),
        "M",
        "1980-01-01",
        "ML",
        "rifugiato",
        closures=(Closure(D(2026, 2, 10), True, "abbandono"), Closure(D(2026, 3, 1), False)),
        placements=(
            HousingPlacement("h10", "p10", HousingKind.CO_HOUSING, "Casa Gardone", D(2025, 9, 15), D(2026, 1, 31)),
        ),
    ),
    CaseRecord("p11", "A", D(2026, 7, 1), "F", "1975-05-05", "NG", "rifugiato"),
    CaseRecord(
        "p12",
        "A",
        D(2025, 1, 1),
        "M",
        "1988-02-02",
        "GM",
        "protezione_sussidiaria",
        closures=(Closure(D(2025, 6, 30), True, "autonomia_raggiunta"),),
    ),
]


@pytest.fixture(scope="module")
def report():
    return Engine(load_indicator_set(), 5).compute(PEOPLE, PERIOD)


def rows(result) -> dict[str, tuple]:
    return {r.key: r.values for r in result.rows}


def test_people_new_active_closed_and_breakdowns(report):
    # New: opened 1 Jan – 30 Jun: P2, P3, P4, P6 (the last day counts), P8. P11 opens the day after.
    assert report.result("people_new").total == 5
    # Active: open some day of the period: P1, P2, P3, P4, P6, P7, P8, P9, P10 (P5, P12 closed before; P11 after).
    active = report.result("people_active")
    assert active.total == 9
    assert active.breakdowns["sex"] == {"F": 3, "M": 5, "X": 1}  # F: P1 P4 P8; X: P6
    assert active.breakdowns["desk"] == {"A": 6, "B": 3}
    # Ages on 30 June 2026: P4 18; P3 26, P7 31, P8 33 (birthday on 31 Dec), P9 26 (year only: from 1 July);
    # P1 36, P2 40 (1985, from 1 July: not yet 41); P10 46; P6 unknown.
    assert active.breakdowns["age_band"] == {"18-24": 1, "25-34": 4, "35-44": 2, "45-54": 1, "unknown": 1}
    assert active.breakdowns["citizenship"] == {"AF": 1, "ER": 1, "ML": 4, "NG": 2, "SO": 1}
    assert active.breakdowns["protection_status"] == {
        "altro": 1,
        "protezione_speciale": 1,
        "protezione_sussidiaria": 2,
        "richiedente_asilo": 1,
        "rifugiato": 4,
    }
    # Closed in the period: P2 (30 Apr), P10 (10 Feb, reopened since: still counted once), P8 (20 Jun).
    assert report.result("people_closed").total == 3
    trend = rows(report.result("people_by_month"))
    assert trend == {
        "2026-01": (2, 0),
        "2026-02": (1, 1),
        "2026-03": (1, 0),
        "2026-04": (0, 1),
        "2026-05": (0, 0),
        "2026-06": (1, 1),
    }


def test_steps_funnel_moves_and_time_on_step(report):
    steps = report.result("step_distribution")
    # On the step at the end (or at closure): step 1 P3 P6 P9 P10; step 2 P2 P4 P7 (latest move by date); 3 P1; 4 P8.
    # Reached: P1 3, P2 2, P3 1, P4 2, P6 1, P7 3, P8 4, P9 1, P10 1.
    assert rows(steps) == {"1": (4, 9), "2": (3, 5), "3": (1, 3), "4": (1, 1), "5": (0, 0)}
    assert steps.total == 9
    # Moves in the period: 1>2 P1 P2 P4 P8; 2>3 P1 P8; 3>4 P8.
    assert rows(report.result("step_transitions")) == {"1>2": (4,), "2>3": (2,), "3>4": (1,)}
    time = report.result("time_on_step")
    # Step 1 stays: P4 10, P2 20, P8 30, P1 40 days → median 25; inclusive quartiles 17.5 and 32.5.
    # Step 2: P1 40, P8 60 → median 50, quartiles 45 and 55. Step 3: P8 30. P7 (moves out of order) left out.
    assert rows(time)["1"] == (4, 25, 17.5, 32.5)
    assert rows(time)["2"] == (2, 50, 45, 55)
    assert rows(time)["3"] == (1, 30, 30, 30)
    assert rows(time)["4"] == (0, None, None, None)
    assert time.total == 30  # all stays: 10 20 30 30 40 40 60
    assert time.extras["excluded"] == 1


def test_outcomes_work_and_home(report):
    outcomes = report.result("outcomes")
    assert rows(outcomes) == {"autonomia_raggiunta": (1,), "trasferito": (1,), "abbandono": (1,)}
    assert outcomes.breakdowns["desk"] == {"A": 2, "B": 1}
    # At exit: P2 permanent contract active on 30 Apr; P8's internship ended 31 May; P10 had no work.
    work = report.result("employment_exit")
    assert (work.total, work.extras["population"], rows(work)) == (1, 3, {"tempo_indeterminato": (1,)})
    # Closure + 3 months inside the period: P5 (15 Mar, follow-up recorded), P10 (10 May, not recorded).
    work3 = report.result("employment_follow_up_3")
    assert (work3.total, work3.extras["population"], work3.extras["not_followed_up"]) == (1, 2, 1)
    assert rows(work3) == {"autonomo": (1,)}
    # + 6 months: only P5 (15 Jun), whose 6-month follow-up is not recorded; P12's fell on 30 Dec 2025.
    work6 = report.result("employment_follow_up_6")
    assert (work6.total, work6.extras["population"], work6.extras["not_followed_up"]) == (1, 1, 1)
    # Own home at exit: P2 (since 1 Apr) and P8 (since 1 May); P10 left co-housing on 31 Jan.
    home = report.result("housing_exit")
    assert (home.total, home.extras["population"]) == (2, 3)
    assert report.result("housing_follow_up_3").total == 0


def test_training_business_co_housing_and_accompaniment(report):
    # Courses running: P3 (100 planned, 80 attended), P9 (50, 50). Completed in the period: both; certified: P3.
    assert rows(report.result("training_hours")) == {"all": (2, 150, 130)}
    assert report.result("training_hours").total == 130
    completions = report.result("training_completions")
    assert (rows(completions), completions.extras["people"]) == ({"all": (2, 1)}, 2)
    business = report.result("self_employment")
    assert business.total == 1 and rows(business)["business_plan"] == (1,)
    assert business.extras == {"started": 0, "funded": 1}
    # Co-housing: P1 15 Jan – 31 Mar = 17 + 28 + 31 = 76 place-days; P10 1–31 Jan = 31. 107 / 181 days = 0.59.
    co = report.result("co_housing")
    assert rows(co) == {"Casa Gardone": (2, 107)}
    assert (co.total, co.extras["average_occupancy"]) == (2, 0.59)
    # P4: two domestic-economy sessions (60' each), one mediation (90'); the shared-spaces one was voided.
    sessions = report.result("housing_sessions")
    assert rows(sessions) == {"economia_domestica": (2, 1, 120), "mediazione_conflitti": (1, 1, 90)}
    assert sessions.total == 3


def test_referrals_are_not_available_not_zero(report):
    for indicator_id in (
        "referrals_by_type",
        "referrals_between_desks",
        "referrals_acceptance",
        "referrals_answer_time",
    ):
        result = report.result(indicator_id)
        assert result.status is Status.NOT_AVAILABLE
        assert result.total is None and result.rows == ()


def test_moves_out_of_order_are_warnings_not_a_crash(report):
    assert [(w.code, w.case_id) for w in report.warnings] == [("move_out_of_order", "p7"), ("move_out_of_order", "p7")]


def test_empty_period_gives_zeros_and_no_medians():
    empty = Engine(load_indicator_set(), 5).compute(PEOPLE, Period(D(2030, 1, 1), D(2030, 1, 31)))
    assert empty.result("people_new").total == 0
    assert empty.result("people_closed").total == 0
    assert empty.result("time_on_step").total is None
    assert all(r.values[1] is None for r in empty.result("time_on_step").rows)
    nothing = Engine(load_indicator_set(), 5).compute([], PERIOD)
    assert nothing.result("people_active").total == 0 and nothing.result("outcomes").rows == ()
    with pytest.raises(ValidationError):
        Period(D(2026, 2, 1), D(2026, 1, 1))


def test_helpers():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert age_on("1990", D(2026, 6, 30)) == 35 and age_on("1990", D(2026, 7, 1)) == 36
    assert age_band(17, (18, 25)) == "<18" and age_band(25, (18, 25)) == "25+" and age_band(None, (18,)) == "unknown"
    assert quartiles([10, 20, 30, 40]) == (17.5, 25, 32.5)
