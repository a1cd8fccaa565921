"""Monitoring (monitoraggio): reads the unlocked vault in bulk — one pass per record kind, never one query per case —
turns the sealed records into the engine's plain ``CaseRecord``s, keeps them in memory while nothing changes, and
computes the indicators of ``resources/indicators/iam.json`` for a period and a scope: the operator's own desk, or,
for the central office, every desk's cases present in the vault (or one of them). Reached as ``desk.monitoring``.
Desk-level scopes need ``view_case``; the network scope is the central monitor's. The decrypted records are
dropped by ``forget()`` (on lock) and re-read when the vault's records change."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from iam_desktop.domain.diary import DiaryEntry
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.indicator_engine import CaseRecord, Closure, Engine, IndicatorReport, Move, Period
from iam_desktop.domain.indicators import IndicatorSet, load_indicators
from iam_desktop.domain.placements import Placement
from iam_desktop.domain.roles import Permission, Role
from iam_desktop.resources import resource
from iam_desktop.vault import audit
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.tables import records as records_table

from .codec import decode
from .pathway import CLOSURE, DIARY, FOLLOW_UP, PLACEMENT, TRANSITION, load_ladder

if TYPE_CHECKING:
    from .desk import Desk

log = logging.getLogger(__name__)

CASE = "case"
KINDS = (CASE, TRANSITION, CLOSURE, PLACEMENT, DIARY, FOLLOW_UP)
NETWORK = "network"


@cache
def load_indicator_set() -> IndicatorSet:
    """The indicators in force; raises ``IndicatorDefinitionError`` naming file, line and indicator."""
    return load_indicators(resource("indicators", "iam.json"))


@dataclass(frozen=True)
class Scope:
    """``desk_id`` of one desk, or ``NETWORK`` for every case in the vault (central office)."""

    desk_id: str

    @property
    def is_network(self) -> bool:
        return self.desk_id == NETWORK


@dataclass(frozen=True)
class LoadTiming:
    """How long the last bulk read took: reading and decrypting the sealed records, then decoding them."""

    cases: int
    decrypt_seconds: float
    decode_seconds: float


def case_record(case_id: str, parts: dict[str, list[dict[str, Any]]]) -> CaseRecord | None:
    """One case's stored payloads (by kind) as the engine's record; None for a case without its case record."""
    stored = parts.get(CASE)
    if not stored:
        return None
    person = stored[0].get("person", {})
    meta = stored[0].get("meta", {})
    citizenships = person.get("citizenships") or [""]
    moves = tuple(
        Move(dt.datetime.fromisoformat(t["at"]).date(), t.get("from_step"), int(t["to_step"]))
        for t in parts.get(TRANSITION, ())
    )
    closures = tuple(
        Closure(dt.date.fromisoformat(c["date"]), c["kind"] == "chiusura", c.get("outcome") or "")
        for c in parts.get(CLOSURE, ())
    )
    return CaseRecord(
        case_id=case_id,
        desk=str(meta.get("desk", "")),
        opened=dt.date.fromisoformat(meta["opened"]),
        sex=person.get("sex", ""),
        birth_date=person.get("birth_date", ""),
        citizenship=citizenships[0],
        protection_status=person.get("protection_status", ""),
        moves=moves,
        closures=closures,
        placements=tuple(decode(Placement, p) for p in parts.get(PLACEMENT, ())),  # type: ignore[arg-type]
        diary=tuple(decode(DiaryEntry, d) for d in parts.get(DIARY, ())),
        follow_ups=frozenset(int(f["months"]) for f in parts.get(FOLLOW_UP, ())),
    )


def case_records(by_case: dict[str, dict[str, list[dict[str, Any]]]]) -> list[CaseRecord]:
    out = []
    for case_id, parts in by_case.items():
        record = case_record(case_id, parts)
        if record is not None:
            out.append(record)
    return out


class Monitoring:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._records: list[CaseRecord] | None = None
        self._stamp: tuple[Any, ...] | None = None
        self.last_load: LoadTiming | None = None

    @property
    def desk(self) -> Desk:
        """For the use-case modules of this package (the data set), not for the UI."""
        return self._desk

    @property
    def indicators(self) -> IndicatorSet:
        return load_indicator_set()

    def engine(self) -> Engine:
        return Engine(self.indicators, len(load_ladder().steps))

    def forget(self) -> None:
        """Drop the decrypted records (on lock)."""
        self._records = None
        self._stamp = None

    # -- scope ---------------------------------------------------------------------------------------------

    def own_scope(self) -> Scope:
        return Scope(self._desk.profile.desk_id)

    def can_see_network(self) -> bool:
        operator = self._desk.operator
        return operator is not None and operator.role is Role.CENTRAL_MONITOR

    def scopes(self) -> list[Scope]:
        """What this operator may choose: their desk; the central office also the network and each desk."""
        own = self.own_scope()
        if not self.can_see_network():
            return [own]
        others = sorted({r.desk for r in self.records()} - {own.desk_id})
        return [Scope(NETWORK), own, *(Scope(d) for d in others)]

    def desk_names(self) -> dict[str, str]:
        """Desk id → name, for the desks this vault knows by name (others are shown by a short id)."""
        profile = self._desk.profile
        return {profile.desk_id: profile.desk_name}

    def resolve_scope(self, name: str | None) -> Scope:
        """A scope from a CLI argument: none for the own desk, ``network``, a desk name or a desk id."""
        if not name:
            return self.own_scope()
        if name.strip().lower() == NETWORK:
            return Scope(NETWORK)
        for desk_id, desk_name in self.desk_names().items():
            if name.strip().casefold() in (desk_name.casefold(), desk_id):
                return Scope(desk_id)
        known = {r.desk for r in self.records()}
        if name in known:
            return Scope(name)
        raise ValidationError("desk", "desk_unknown", desk=name)

    def _check(self, scope: Scope) -> None:
        operator = self._desk.require(Permission.VIEW_CASE)
        if scope != self.own_scope() and operator.role is not Role.CENTRAL_MONITOR:
            # Another desk's or the network's figures are the central office's to see (DESIGN.md §2).
            raise PermissionDeniedError("network_report", permission="network_report", role=operator.role.value)

    # -- reading -------------------------------------------------------------------------------------------

    def _vault_stamp(self) -> tuple[Any, ...]:
        with self._desk.vault.engine.connect() as conn:
            row = conn.execute(
                select(func.count(), func.max(records_table.c.updated_at)).where(records_table.c.kind.in_(KINDS))
            ).one()
        return (self._desk.operator.id if self._desk.operator else None, *row)

    def records(self) -> list[CaseRecord]:
        """Every case in the vault as plain records (cached until the vault's records change)."""
        self._desk.require(Permission.VIEW_CASE)
        stamp = self._vault_stamp()
        if self._records is None or stamp != self._stamp:
            self._records = self._load()
            self._stamp = stamp
        return self._records

    def _load(self) -> list[CaseRecord]:
        started = time.perf_counter()
        by_case: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        store = self._desk.records
        with self._desk.vault.engine.connect() as conn:
            for kind in KINDS:
                for stored in store.of_kind(conn, kind):
                    by_case[stored.case_id].setdefault(kind, []).append(stored.payload)
        decrypted = time.perf_counter()
        out = case_records(by_case)
        self.last_load = LoadTiming(len(out), decrypted - started, time.perf_counter() - decrypted)
        log.info("monitoring: %d cases read in %.2f s", len(out), time.perf_counter() - started)
        return out

    def in_scope(self, scope: Scope) -> list[CaseRecord]:
        self._check(scope)
        everything = self.records()
        return everything if scope.is_network else [r for r in everything if r.desk == scope.desk_id]

    # -- computing -----------------------------------------------------------------------------------------

    def compute(self, start: dt.date, end: dt.date, scope: Scope | None = None) -> IndicatorReport:
        """Every indicator for the period ``start``–``end`` (both included) over the scope (default: own desk)."""
        period = Period(start, end)
        return self.engine().compute(self.in_scope(scope or self.own_scope()), period)

    def _print(self, document: str, scope: Scope) -> None:
        actor = self._desk.require(Permission.PRINT)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            audit.append(
                conn, operator_id=actor.id, action="print", detail={"document": document, "scope": scope.desk_id}
            )

    def write_report(
        self,
        target: Path,
        start: dt.date,
        end: dt.date,
        scope: Scope | None = None,
        language: str = "it",
        report: IndicatorReport | None = None,
    ) -> IndicatorReport:
        """The monitoring report PDF for the funder (audited as a print)."""
        from iam_desktop.printing.monitoring_report import write_monitoring_report  # reportlab only when printing

        chosen = scope or self.own_scope()
        computed = report or self.compute(start, end, chosen)
        self._print("monitoring_report", chosen)
        write_monitoring_report(
            target,
            computed,
            self.indicators,
            texts=document_texts(language),
            language=language,
            scope=self.scope_text(chosen, language),
            generated=dt.date.today().isoformat(),
            category=category_labeller(self.indicators, language, self.desk_names()),
        )
        return computed

    def write_public_summary(
        self, target: Path, start: dt.date, end: dt.date, scope: Scope | None = None, language: str = "it"
    ) -> list[Any]:
        """The one-page public summary with small cells suppressed; returns the published tables."""
        from iam_desktop.printing.public_summary import write_public_summary

        chosen = scope or self.own_scope()
        computed = self.compute(start, end, chosen)
        self._print("public_summary", chosen)
        return write_public_summary(
            target,
            computed,
            self.indicators,
            texts=document_texts(language),
            language=language,
            scope=self.scope_text(chosen, language),
            generated=dt.date.today().isoformat(),
            category=category_labeller(self.indicators, language, self.desk_names()),
        )

    def scope_text(self, scope: Scope, language: str) -> str:
        return document_texts(language)["network"] if scope.is_network else self.scope_label(scope)

    def scope_label(self, scope: Scope) -> str:
        if scope.is_network:
            return NETWORK
        return self.desk_names().get(scope.desk_id, short_desk(scope.desk_id))


def short_desk(desk_id: str) -> str:
    return desk_id[:8]


def desk_label(desk_id: str, names: dict[str, str]) -> str:
    return names.get(desk_id) or short_desk(desk_id)


def period_from(text_from: str | None, text_to: str | None, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The period of a command or a selector: ISO days; missing ends default to this calendar year."""
    day = today or dt.date.today()
    try:
        start = dt.date.fromisoformat(text_from) if text_from else dt.date(day.year, 1, 1)
        end = dt.date.fromisoformat(text_to) if text_to else dt.date(day.year, 12, 31)
    except ValueError:
        raise ValidationError("period", "date_format") from None
    Period(start, end)
    return start, end


# -- printed documents --------------------------------------------------------------------------------------------

REPORT_KEYS = (
    "title",
    "subtitle",
    "scope",
    "period",
    "cases",
    "generated",
    "indicator_set",
    "confidential",
    "summary",
    "summary_note",
    "indicator",
    "value",
    "headline",
    "indicators",
    "not_available",
    "not_available_short",
    "warnings",
    "warnings_none",
    "warnings_intro",
    "warning",
    "case_ref",
    "date",
    "warnings_more",
    "methodology",
    "methodology_text",
    "public_title",
    "public_too_few",
    "public_rule",
    "public_hidden",
    "public_footer",
    "people",
    "total",
    "network",
    "warning.move_out_of_order",
    "warning.move_before_opening",
    "warning.closure_before_opening",
    "dimension.step",
    "dimension.move",
    "dimension.outcome",
    "dimension.contract",
    "dimension.stage",
    "dimension.module",
    "dimension.month",
    "dimension.place",
    "dimension.all",
    "dimension.desk",
    "dimension.sex",
    "dimension.age_band",
    "dimension.citizenship",
    "dimension.protection_status",
    "dimension.total",
    "step",
)


def document_texts(language: str) -> dict[str, str]:
    """The report's words in ``language`` from the catalogue (``monitoring.<key>``)."""
    from .messages import catalogue

    # Raw templates: the printing module fills their {placeholders} itself.
    entries = catalogue()
    out = {}
    for key in REPORT_KEYS:
        entry = entries.get(f"monitoring.{key}", {})
        out[key] = entry.get(language) or entry.get("it") or key
    return out


def category_labeller(indicators: IndicatorSet, language: str, desk_names: dict[str, str]) -> Any:
    """A function (dimension, code) → words: steps from the ladder, desks by name, the rest from the file."""
    ladder = load_ladder()
    step_word = document_texts(language)["step"]

    def label(dimension: str, code: str) -> str:
        if dimension == "step" and code.isdigit() and 1 <= int(code) <= len(ladder.steps):
            step = ladder.steps[int(code) - 1]
            return f"{step_word} {code} · {step.label.get(language) or step.label['it']}"
        if dimension == "move":
            a, _, b = code.partition(">")
            return f"{a if a != '0' else '—'} → {b}"
        if dimension == "desk":
            return desk_label(code, desk_names)
        if dimension == "all":
            return document_texts(language)["total"]
        return indicators.label(dimension, code, language)

    return label
