"""The anonymised data set for analysts (``iam-desktop report dataset -o FILE.db``): a SQLite file written with
sqlite-utils that any SQLite tool opens. Each person is a pseudonym — HMAC-SHA256 of the case id under a random salt
made for this export and never stored, so two exports cannot be linked and no id leads back to the vault — with
generalised attributes only: age band (not birth date), first citizenship (grouped into ``altro`` when fewer than
the suppression threshold share it), protection status, sex; dates cut to the month; no names, codici fiscali,
documents, places, employers or free text. The schema is in ``docs/monitoring.md`` and in the ``about`` table."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from iam_desktop.domain.diary import InterventionType, effective
from iam_desktop.domain.indicator_engine import CaseRecord, Period, age_band, age_on
from iam_desktop.domain.placements import HousingPlacement, SelfEmploymentPlacement, TrainingPlacement, WorkPlacement
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit
from iam_desktop.vault.database import translate_errors

if TYPE_CHECKING:
    from .monitoring import Monitoring, Scope

SCHEMA_VERSION = 1
OTHER = "altro"


def month(day: dt.date | None) -> str | None:
    return day.isoformat()[:7] if day else None


def dataset_rows(
    records: list[CaseRecord], period: Period, bands: tuple[int, ...], threshold: int, salt: bytes
) -> dict[str, list[dict[str, Any]]]:
    """The tables' rows for the cases open at some time in ``period``."""

    def pid(case_id: str) -> str:
        return hmac.new(salt, case_id.encode(), hashlib.sha256).hexdigest()[:20]

    def gone(r: CaseRecord) -> bool:  # closed before the period began and not reopened since
        last = max(r.closures, key=lambda c: c.date) if r.closures else None
        return last is not None and last.closing and last.date < period.start

    chosen = [r for r in records if r.opened <= period.end and not gone(r)]
    common = Counter(r.citizenship for r in chosen)
    tables: dict[str, list[dict[str, Any]]] = {k: [] for k in ("people", "moves", "placements", "interventions")}
    for r in chosen:
        p = pid(r.case_id)
        last = max(r.closures, key=lambda c: c.date) if r.closures else None
        closed = last if last is not None and last.closing else None
        tables["people"].append(
            {
                "pid": p,
                "desk": r.desk[:8],
                "sex": r.sex or None,
                "age_band": age_band(age_on(r.birth_date, period.end), bands) if r.birth_date else "unknown",
                "citizenship": (r.citizenship if common[r.citizenship] >= threshold else OTHER)
                if r.citizenship
                else None,
                "protection_status": r.protection_status or None,
                "opened_month": month(r.opened),
                "closed_month": month(closed.date) if closed else None,
                "outcome": closed.outcome if closed else None,
                "reopenings": sum(1 for c in r.closures if not c.closing),
                "follow_up_3": 3 in r.follow_ups,
                "follow_up_6": 6 in r.follow_ups,
            }
        )
        for m in sorted(r.moves, key=lambda m: m.at):
            tables["moves"].append({"pid": p, "month": month(m.at), "from_step": m.from_step, "to_step": m.to_step})
        for pl in r.placements:
            row: dict[str, Any] = {
                "pid": p,
                "start_month": month(pl.start),
                "end_month": month(pl.end),
                "hours_planned": None,
                "hours_attended": None,
                "completed": None,
                "certified": None,
            }
            if isinstance(pl, HousingPlacement):
                row.update(kind="housing", subtype=pl.kind.value)
            elif isinstance(pl, WorkPlacement):
                row.update(kind="work", subtype=pl.contract.value)
            elif isinstance(pl, TrainingPlacement):
                row.update(
                    kind="training",
                    subtype=None,
                    hours_planned=pl.hours_planned,
                    hours_attended=pl.hours_attended,
                    completed=pl.completed,
                    certified=bool(pl.certificate.strip()),
                )
            elif isinstance(pl, SelfEmploymentPlacement):
                row.update(kind="self_employment", subtype=pl.stage.value)
            tables["placements"].append(row)
        for item in effective(r.diary):
            e = item.current
            tables["interventions"].append(
                {
                    "pid": p,
                    "month": month(e.date),
                    "type": e.type.value,
                    "module": e.module.value if e.module else None,
                    "minutes": e.duration_minutes,
                    "housing": e.type is InterventionType.ACCOMPAGNAMENTO_ABITATIVO,
                }
            )
    return tables


def write_dataset(
    monitoring: Monitoring, target: Path, start: dt.date, end: dt.date, scope: Scope | None = None
) -> dict[str, int]:
    """Write the data set (replacing ``target``); needs the ``export`` permission; audited. Returns row counts."""
    desk = monitoring.desk
    actor = desk.require(Permission.EXPORT)
    chosen = scope or monitoring.own_scope()
    records = monitoring.in_scope(chosen)
    indicators = monitoring.indicators
    salt = secrets.token_bytes(32)  # per export, never written anywhere: pseudonyms cannot be linked across exports
    tables = dataset_rows(records, Period(start, end), indicators.age_bands, indicators.threshold, salt)
    target.unlink(missing_ok=True)
    db = sqlite_utils.Database(target)
    db.table("about").insert_all(
        [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "period", "value": f"{month(start)}/{month(end)}"},
            {"key": "exported_month", "value": str(month(dt.date.today()))},
            {"key": "indicator_set", "value": f"{indicators.set_id} {indicators.version}"},
            {"key": "pseudonyms", "value": "HMAC-SHA256 of the case id, random salt per export, not kept"},
        ],
        pk="key",
    )
    db.table("people").insert_all(tables["people"], pk="pid")
    if tables["people"]:
        db.table("people").create_index(["desk"], if_not_exists=True)
    for name in ("moves", "placements", "interventions"):
        if tables[name]:
            db.table(name).insert_all(tables[name], foreign_keys=[("pid", "people", "pid")])
    db.close()
    with translate_errors(), desk.vault.engine.begin() as conn:
        audit.append(
            conn,
            operator_id=actor.id,
            action="report.dataset",
            detail={"people": len(tables["people"]), "scope": chosen.desk_id},
        )
    return {name: len(rows) for name, rows in tables.items()}
