"""The indicator engine: computes every indicator of an ``IndicatorSet`` for a period over plain, already decrypted
case records (``CaseRecord``) — counts of people and their breakdowns (desk, sex, age band, citizenship,
protection status), the step funnel and moves, median and interquartile time on each step, outcomes, work and own
home at exit and at follow-up, training, self-entrepreneurship, co-housing and housing accompaniment. It reads no
storage and knows no scope: the service hands it the cases of the desk or of the network. Inconsistent old data
(moves out of order, dates before the opening) becomes a ``DataWarning``, never a crash. Quartiles use the
inclusive method (as a spreadsheet's QUARTILE.INC) so a person can check them by hand."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter

from iam_desktop.domain.agenda import add_months
from iam_desktop.domain.diary import DiaryEntry, InterventionType, effective
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.indicators import Indicator, IndicatorSet
from iam_desktop.domain.placements import (
    BusinessStage,
    ContractType,
    HousingKind,
    HousingPlacement,
    Placement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
    is_active,
)

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Move:
    """A step transition reduced to what monitoring reads (the day, not the second)."""

    at: dt.date
    from_step: int | None
    to_step: int


@dataclass(frozen=True, slots=True)
class Closure:
    """A closure (``closing``) or a reopening on a day; ``outcome`` is the esito code of a closure."""

    date: dt.date
    closing: bool
    outcome: str = ""


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One case as monitoring sees it. ``birth_date`` is ISO and may be partial (``1990``, ``1990-05``);
    codes are those of the interchange format; ``moves`` and ``closures`` in any order."""

    case_id: str
    desk: str
    opened: dt.date
    sex: str = ""
    birth_date: str = ""
    citizenship: str = ""
    protection_status: str = ""
    moves: tuple[Move, ...] = ()
    closures: tuple[Closure, ...] = ()
    placements: tuple[Placement, ...] = ()
    diary: tuple[DiaryEntry, ...] = ()
    follow_ups: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("period", "date_order", start=self.start.isoformat(), end=self.end.isoformat())

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[str]:
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


class Status(StrEnum):
    OK = "ok"
    NOT_AVAILABLE = "not_available"
    """The data the indicator needs is not recorded by this version (referrals): shown as such, never as zero."""


@dataclass(frozen=True)
class Row:
    key: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Result:
    """One indicator for one period: the headline ``total``, a table (``dimension`` names what ``rows`` are keyed
    by, ``columns`` name the values), ``breakdowns`` of the total, and ``extras`` (denominators, side figures)."""

    indicator: Indicator
    status: Status = Status.OK
    total: float | None = None
    dimension: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    breakdowns: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    extras: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class DataWarning:
    """A data-quality finding: ``code`` (``move_out_of_order``, ``move_before_opening``, ``closure_before_opening``),
    the case's random id (never a name) and the day concerned."""

    code: str
    case_id: str
    date: dt.date


@dataclass(frozen=True)
class IndicatorReport:
    period: Period
    results: tuple[Result, ...]
    warnings: tuple[DataWarning, ...]
    cases: int

    def result(self, indicator_id: str) -> Result:
        for result in self.results:
            if result.indicator.indicator_id == indicator_id:
                return result
        raise ValidationError("indicator", "indicator_unknown", indicator=indicator_id)


@lru_cache(maxsize=65536)
def age_on(birth_date: str, on: dt.date) -> int | None:
    """Age in whole years; a year-only birth date counts from 1 July, a year-month one from the 1st."""
    try:
        parts = [int(p) for p in birth_date.split("-")]
    except ValueError:
        return None
    if not parts:
        return None
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1
    return on.year - year - ((on.month, on.day) < (month, day))


def band_codes(bounds: Sequence[int]) -> list[str]:
    codes = [f"<{bounds[0]}"] + [f"{a}-{b - 1}" for a, b in itertools.pairwise(bounds)]
    return [*codes, f"{bounds[-1]}+", UNKNOWN]


def age_band(age: int | None, bounds: Sequence[int]) -> str:
    if age is None or age < 0:
        return UNKNOWN
    codes = band_codes(bounds)
    for i, bound in enumerate(bounds):
        if age < bound:
            return codes[i]
    return codes[len(bounds)]


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """(first quartile, median, third quartile), inclusive method; one value is its own quartiles."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


# --- per-case facts for one period -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Case:
    record: CaseRecord
    active: bool
    new: bool
    exit: Closure | None  # the last closure within the period
    step: int  # at the end of the period, or at the closure that ended it
    reached: int
    broken: bool
    moves: list[Move]


def _open_intervals(record: CaseRecord) -> list[tuple[dt.date, dt.date | None]]:
    intervals: list[tuple[dt.date, dt.date | None]] = []
    start: dt.date | None = record.opened
    for event in sorted(record.closures, key=lambda c: c.date):
        if event.closing and start is not None:
            intervals.append((start, event.date))
            start = None
        elif not event.closing and start is None:
            start = event.date
    if start is not None:
        intervals.append((start, None))
    return intervals


_AT = attrgetter("at")


def _moves_sorted(record: CaseRecord) -> list[Move]:
    return sorted(record.moves, key=_AT) if len(record.moves) > 1 else list(record.moves)


def data_warnings(records: Iterable[CaseRecord]) -> list[DataWarning]:
    """Inconsistencies of recorded (often imported) history, one warning each; the engine works around them."""
    found: list[DataWarning] = []
    for record in records:
        previous = 1
        for move in _moves_sorted(record):
            if move.at < record.opened:
                found.append(DataWarning("move_before_opening", record.case_id, move.at))
            elif move.from_step is not None and move.from_step != previous:
                found.append(DataWarning("move_out_of_order", record.case_id, move.at))
            previous = move.to_step
        for closure in record.closures:
            if closure.date < record.opened:
                found.append(DataWarning("closure_before_opening", record.case_id, closure.date))
    return found


def _broken(record: CaseRecord, moves: Sequence[Move]) -> bool:
    previous = 1
    for move in moves:
        if move.at < record.opened or (move.from_step is not None and move.from_step != previous):
            return True
        previous = move.to_step
    return False


def _prepare(record: CaseRecord, start: dt.date, end: dt.date) -> _Case:
    moves = sorted(record.moves, key=_AT) if len(record.moves) > 1 else list(record.moves)
    exit_ = None
    if not record.closures:
        active, reference = record.opened <= end, end
    else:
        intervals = _open_intervals(record)
        active = any(s <= end and (e is None or e >= start) for s, e in intervals)
        exits = [c for c in record.closures if c.closing and start <= c.date <= end]
        exit_ = max(exits, key=lambda c: c.date) if exits else None
        last_end = intervals[-1][1]
        reference = last_end if last_end is not None and last_end <= end else end
    step, reached = 1, 1
    for move in moves:
        if move.at > reference:
            break
        step = move.to_step
        reached = max(reached, move.to_step)
    broken = bool(moves) and _broken(record, moves)
    return _Case(record, active, start <= record.opened <= end, exit_, step, reached, broken, moves)


# --- the engine --------------------------------------------------------------------------------------------------


class _Pass:
    """One computation: the cases of the scope prepared for the period, and the placements and closures gathered
    once, so each measure walks only what it reads (the 100,000-case budget depends on it)."""

    def __init__(self, records: Sequence[CaseRecord], period: Period) -> None:
        self.period = period
        self.start, self.end = period.start, period.end
        self.cases = [_prepare(r, period.start, period.end) for r in records]
        self.closed = [c for c in self.cases if c.record.closures]
        self.placements: dict[type, list[tuple[_Case, Placement]]] = defaultdict(list)
        for case in self.cases:
            for p in case.record.placements:
                self.placements[type(p)].append((case, p))
        self.desks = len({c.record.desk for c in self.cases})

    def inside(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def running(self, placement: Placement) -> bool:
        return placement.start <= self.end and (placement.end is None or placement.end >= self.start)


def _with_desks(result: Result, ind: Indicator, run: _Pass, per_desk: Mapping[str, float]) -> Result:
    if "desk" not in ind.breakdowns or run.desks < 2:
        return result
    return replace(result, breakdowns={**result.breakdowns, "desk": dict(sorted(per_desk.items()))})


class Engine:
    """Computes an ``IndicatorSet`` over records; ``steps`` is the number of steps of the ladder."""

    def __init__(self, indicators: IndicatorSet, steps: int) -> None:
        self.indicators = indicators
        self.steps = steps

    def compute(self, records: Sequence[CaseRecord], period: Period) -> IndicatorReport:
        # The pass allocates a few objects per case and frees none of them until the end: the cyclic collector
        # would walk the growing heap again and again for nothing (it doubled the time at 100,000 cases).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            run = _Pass(records, period)
            results = tuple(self._result(ind, run) for ind in self.indicators.indicators)
            warnings = tuple(data_warnings(records))
        finally:
            if was_enabled:
                gc.enable()
        return IndicatorReport(period, results, warnings, len(records))

    def _result(self, indicator: Indicator, run: _Pass) -> Result:
        if not indicator.available:
            return Result(indicator, Status.NOT_AVAILABLE)
        measure: Callable[[Indicator, _Pass], Result] = getattr(self, f"_m_{indicator.formula.measure}")
        return measure(indicator, run)

    # -- people ------------------------------------------------------------------------------------------------

    def _counts(self, chosen: list[_Case], name: str, end: dt.date) -> dict[str, int]:
        if name != "age_band":
            get = attrgetter(name)
            return dict(sorted(Counter(get(c.record) or UNKNOWN for c in chosen).items()))
        bounds = self.indicators.age_bands
        codes = band_codes(bounds)
        memo: dict[str, str] = {}  # birth dates repeat (year only, first of the month): work each one out once
        counts: Counter[str] = Counter()
        for c in chosen:
            born = c.record.birth_date
            band = memo.get(born)
            if band is None:
                band = memo[born] = age_band(age_on(born, end), bounds) if born else UNKNOWN
            counts[band] += 1
        return {b: counts[b] for b in codes if b in counts}

    def _m_people(self, ind: Indicator, run: _Pass) -> Result:
        population = ind.formula.get("population")
        if population == "new":
            chosen = [c for c in run.cases if c.new]
        elif population == "closed":
            chosen = [c for c in run.cases if c.exit is not None]
        else:
            chosen = [c for c in run.cases if c.active]
        breakdowns = {name: self._counts(chosen, name, run.end) for name in ind.breakdowns}
        return Result(ind, total=len(chosen), breakdowns=breakdowns)

    def _m_trend(self, ind: Indicator, run: _Pass) -> Result:
        new = Counter(c.record.opened.isoformat()[:7] for c in run.cases if c.new)
        closed = Counter(
            e.date.isoformat()[:7] for c in run.closed for e in c.record.closures if e.closing and run.inside(e.date)
        )
        rows = tuple(Row(m, (new[m], closed[m])) for m in run.period.months())
        return Result(ind, total=sum(new.values()), dimension="month", columns=("new", "closed"), rows=rows)

    # -- the ladder --------------------------------------------------------------------------------------------

    def _m_steps(self, ind: Indicator, run: _Pass) -> Result:
        active = [c for c in run.cases if c.active]
        on = Counter(c.step for c in active)
        reached = Counter(c.reached for c in active)
        rows = tuple(
            Row(str(s), (on[s], sum(n for r, n in reached.items() if r >= s))) for s in range(1, self.steps + 1)
        )
        result = Result(ind, total=len(active), dimension="step", columns=("on_step", "reached"), rows=rows)
        return _with_desks(result, ind, run, Counter(c.record.desk for c in active))

    def _m_transitions(self, ind: Indicator, run: _Pass) -> Result:
        moves: Counter[tuple[int, int]] = Counter()
        per_desk: Counter[str] = Counter()
        for c in run.cases:
            for m in c.record.moves:
                if run.start <= m.at <= run.end:
                    moves[(m.from_step or 0, m.to_step)] += 1
                    per_desk[c.record.desk] += 1
        rows = tuple(Row(f"{a}>{b}", (n,)) for (a, b), n in sorted(moves.items()))
        result = Result(ind, total=sum(moves.values()), dimension="move", columns=("moves",), rows=rows)
        return _with_desks(result, ind, run, per_desk)

    def _m_time_on_step(self, ind: Indicator, run: _Pass) -> Result:
        stays: dict[int, list[float]] = defaultdict(list)
        per_desk: dict[str, list[float]] = defaultdict(list)
        excluded = 0
        for case in run.cases:
            record = case.record
            if not record.moves:
                continue
            if case.broken:
                excluded += 1
                continue
            start, step = record.opened, 1
            for move in case.moves:
                if run.start <= move.at <= run.end and move.from_step is not None:
                    days = (move.at - start).days
                    stays[step].append(days)
                    per_desk[record.desk].append(days)
                start, step = move.at, move.to_step
        rows = []
        for s in range(1, self.steps + 1):
            days_on = sorted(stays.get(s, []))
            q1, median, q3 = quartiles(days_on) if days_on else (None, None, None)
            rows.append(Row(str(s), (len(days_on), median, q1, q3)))
        everything = sorted(d for v in stays.values() for d in v)
        total = quartiles(everything)[1] if everything else None
        result = Result(
            ind,
            total=total,
            dimension="step",
            columns=("stays", "median", "q1", "q3"),
            rows=tuple(rows),
            extras={"excluded": excluded},
        )
        return _with_desks(result, ind, run, {d: quartiles(sorted(v))[1] for d, v in per_desk.items()})

    def _m_outcomes(self, ind: Indicator, run: _Pass) -> Result:
        exits = [c for c in run.closed if c.exit is not None]
        outcomes = Counter((c.exit.outcome if c.exit else "") or UNKNOWN for c in exits)
        order = list(self.indicators.categories.get("outcome", {}))
        keys = [k for k in order if k in outcomes] + sorted(k for k in outcomes if k not in order)
        rows = tuple(Row(k, (outcomes[k],)) for k in keys)
        result = Result(ind, total=sum(outcomes.values()), dimension="outcome", columns=("people",), rows=rows)
        return _with_desks(result, ind, run, Counter(c.record.desk for c in exits))

    # -- work and home at exit and follow-up -------------------------------------------------------------------

    def _at_dates(self, ind: Indicator, run: _Pass) -> tuple[list[tuple[_Case, dt.date]], int]:
        """(case, day to look at) for the indicator's population, and how many have no follow-up recorded."""
        months = ind.formula.get("months")
        if not isinstance(months, int):
            return [(c, c.exit.date) for c in run.closed if c.exit is not None], 0
        chosen: list[tuple[_Case, dt.date]] = []
        missing = 0
        for case in run.closed:
            inside = [
                d
                for d in (add_months(c.date, months) for c in case.record.closures if c.closing)
                if run.start <= d <= run.end
            ]
            if inside:
                chosen.append((case, max(inside)))
                missing += months not in case.record.follow_ups
        return chosen, missing

    def _m_employment(self, ind: Indicator, run: _Pass) -> Result:
        chosen, missing = self._at_dates(ind, run)
        by_type: Counter[str] = Counter()
        per_desk: Counter[str] = Counter()
        for case, day in chosen:
            kinds = {
                p.contract.value for p in case.record.placements if isinstance(p, WorkPlacement) and is_active(p, day)
            }
            if kinds:
                per_desk[case.record.desk] += 1
            by_type.update(kinds)
        rows = tuple(Row(t.value, (by_type[t.value],)) for t in ContractType if by_type[t.value])
        result = Result(
            ind,
            total=sum(per_desk.values()),
            dimension="contract",
            columns=("people",),
            rows=rows,
            extras={"population": len(chosen), "not_followed_up": missing},
        )
        return _with_desks(result, ind, run, per_desk)

    def _m_autonomous_housing(self, ind: Indicator, run: _Pass) -> Result:
        chosen, missing = self._at_dates(ind, run)
        per_desk: Counter[str] = Counter()
        for case, day in chosen:
            if any(
                isinstance(p, HousingPlacement) and p.kind is HousingKind.APPARTAMENTO_AUTONOMO and is_active(p, day)
                for p in case.record.placements
            ):
                per_desk[case.record.desk] += 1
        result = Result(
            ind,
            total=sum(per_desk.values()),
            columns=("people",),
            extras={"population": len(chosen), "not_followed_up": missing},
        )
        return _with_desks(result, ind, run, per_desk)

    # -- training, business, housing ---------------------------------------------------------------------------

    def _m_training_hours(self, ind: Indicator, run: _Pass) -> Result:
        courses = [(c, p) for c, p in run.placements[TrainingPlacement] if run.running(p)]
        planned = sum(p.hours_planned for _, p in courses if isinstance(p, TrainingPlacement))
        attended = sum(p.hours_attended for _, p in courses if isinstance(p, TrainingPlacement))
        per_desk: Counter[str] = Counter()
        for c, p in courses:
            per_desk[c.record.desk] += p.hours_attended if isinstance(p, TrainingPlacement) else 0
        result = Result(
            ind,
            total=attended,
            dimension="all",
            columns=("courses", "planned", "attended"),
            rows=(Row("all", (len(courses), planned, attended)),),
        )
        return _with_desks(result, ind, run, per_desk)

    def _m_training_completions(self, ind: Indicator, run: _Pass) -> Result:
        done = [
            (c, p)
            for c, p in run.placements[TrainingPlacement]
            if isinstance(p, TrainingPlacement) and p.completed and run.inside(p.end or p.start)
        ]
        certified = sum(1 for _, p in done if isinstance(p, TrainingPlacement) and p.certificate.strip())
        result = Result(
            ind,
            total=len(done),
            dimension="all",
            columns=("completed", "certified"),
            rows=(Row("all", (len(done), certified)),),
            extras={"people": len({c.record.case_id for c, _ in done})},
        )
        return _with_desks(result, ind, run, Counter(c.record.desk for c, _ in done))

    def _m_self_employment(self, ind: Indicator, run: _Pass) -> Result:
        running = [
            (c, p)
            for c, p in run.placements[SelfEmploymentPlacement]
            if isinstance(p, SelfEmploymentPlacement) and run.running(p)
        ]
        stages = Counter(p.stage for _, p in running if isinstance(p, SelfEmploymentPlacement))
        rows = tuple(Row(s.value, (stages[s],)) for s in BusinessStage)
        extras = {
            "started": sum(1 for _, p in running if run.inside(p.start)),
            "funded": sum(
                1
                for _, p in running
                if isinstance(p, SelfEmploymentPlacement) and p.funding_obtained is not None and p.funding_obtained > 0
            ),
        }
        result = Result(ind, total=len(running), dimension="stage", columns=("initiatives",), rows=rows, extras=extras)
        return _with_desks(result, ind, run, Counter(c.record.desk for c, _ in running))

    def _m_co_housing(self, ind: Indicator, run: _Pass) -> Result:
        people: dict[str, set[str]] = defaultdict(set)
        days: Counter[str] = Counter()
        per_desk: dict[str, set[str]] = defaultdict(set)
        for case, p in run.placements[HousingPlacement]:
            if isinstance(p, HousingPlacement) and p.kind is HousingKind.CO_HOUSING and run.running(p):
                place = p.place.strip() or UNKNOWN
                people[place].add(case.record.case_id)
                per_desk[case.record.desk].add(case.record.case_id)
                days[place] += (min(p.end or run.end, run.end) - max(p.start, run.start)).days + 1
        rows = tuple(Row(k, (len(people[k]), days[k])) for k in sorted(people))
        total_people = len(set().union(*people.values())) if people else 0
        result = Result(
            ind,
            total=total_people,
            dimension="place",
            columns=("people", "place_days"),
            rows=rows,
            extras={"average_occupancy": round(sum(days.values()) / run.period.days, 2)},
        )
        return _with_desks(result, ind, run, {d: len(v) for d, v in per_desk.items()})

    def _m_housing_sessions(self, ind: Indicator, run: _Pass) -> Result:
        sessions: Counter[str] = Counter()
        minutes: Counter[str] = Counter()
        people: dict[str, set[str]] = defaultdict(set)
        per_desk: Counter[str] = Counter()
        wanted = InterventionType.ACCOMPAGNAMENTO_ABITATIVO
        for case in run.cases:
            diary = case.record.diary
            if not diary:
                continue
            # Corrections are rare: the effective diary is only worked out when some entry corrects another.
            entries = [e.current for e in effective(diary)] if any(e.corrects for e in diary) else diary
            for entry in entries:
                if entry.type is wanted and run.start <= entry.date <= run.end:
                    module = entry.module.value if entry.module else UNKNOWN
                    sessions[module] += 1
                    minutes[module] += entry.duration_minutes
                    people[module].add(case.record.case_id)
                    per_desk[case.record.desk] += 1
        order = [*list(self.indicators.categories.get("module", {})), UNKNOWN]
        rows = tuple(Row(m, (sessions[m], len(people[m]), minutes[m])) for m in order if sessions[m])
        result = Result(
            ind, total=sum(sessions.values()), dimension="module", columns=("sessions", "people", "minutes"), rows=rows
        )
        return _with_desks(result, ind, run, per_desk)
