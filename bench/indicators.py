"""Benchmark of monitoring: a deterministic generator of synthetic cases (seeded, no personal data), then

- ``engine``: every indicator over N cases given as already decrypted records (the budget: 100,000 in ≤ 2 s);
- ``vault``: a real vault of ``--vault-cases`` cases (default 10,000) — unlock, bulk read and decrypt, decode, then
  one period change as the dashboard does it (budget ≤ 300 ms), and the full report PDF (budget ≤ 5 s).

    uv run --frozen python -m bench.indicators --cases 100000 --vault-cases 10000 --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from iam_desktop.domain.diary import DiaryEntry, HousingModule, InterventionType
from iam_desktop.domain.indicator_engine import CaseRecord, Closure, Move, Period
from iam_desktop.domain.placements import (
    BusinessStage,
    ContractType,
    HousingKind,
    HousingPlacement,
    Placement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
)

DESKS = ["desk-brescia", "desk-valtrompia", "desk-vallesabbia", "desk-padova", "desk-reggio"]
COUNTRIES = ["NG", "ML", "GM", "PK", "AF", "SN", "CI", "BD", "ER", "SO", "GN", "UA"]
STATUSES = ["rifugiato", "protezione_sussidiaria", "protezione_speciale", "casi_speciali", "richiedente_asilo"]
OUTCOMES = ["autonomia_raggiunta", "autonomia_raggiunta", "trasferito", "abbandono"]
START = dt.date(2024, 1, 1)


def generate(n: int, seed: int = 2026, desks: list[str] | None = None) -> list[CaseRecord]:
    """``n`` synthetic cases opened over 2024–2026 across the desks, climbing the ladder at random speeds."""
    rnd = random.Random(seed)
    desks = desks or DESKS
    out = []
    for i in range(n):
        case_id = str(uuid.UUID(int=rnd.getrandbits(128)))
        opened = START + dt.timedelta(days=rnd.randrange(0, 1000))
        day, step, moves = opened, 1, []
        while step < 5 and rnd.random() < 0.7:
            day += dt.timedelta(days=rnd.randrange(20, 200))
            moves.append(Move(day, step, step + 1))
            step += 1
        closures = ()
        if rnd.random() < 0.35:
            closures = (Closure(day + dt.timedelta(days=rnd.randrange(1, 90)), True, rnd.choice(OUTCOMES)),)
        placements: list[Placement] = []
        if step >= 3:
            placements.append(
                WorkPlacement(
                    f"w{i}", case_id, "employer", rnd.choice(list(ContractType)), opened + dt.timedelta(days=60)
                )
            )
        if step >= 2:
            kind = HousingKind.APPARTAMENTO_AUTONOMO if step >= 4 else HousingKind.CO_HOUSING
            placements.append(
                HousingPlacement(f"h{i}", case_id, kind, f"casa {i % 40}", opened + dt.timedelta(days=30))
            )
        if rnd.random() < 0.4:
            placements.append(
                TrainingPlacement(
                    f"t{i}",
                    case_id,
                    "corso",
                    "ente",
                    opened + dt.timedelta(days=10),
                    opened + dt.timedelta(days=100),
                    120,
                    rnd.randrange(40, 121),
                    rnd.random() < 0.6,
                )
            )
        if rnd.random() < 0.05:
            placements.append(
                SelfEmploymentPlacement(
                    f"s{i}",
                    case_id,
                    "idea",
                    rnd.choice(list(BusinessStage)),
                    opened + dt.timedelta(days=90),
                    funding_obtained=Decimal(3000) if rnd.random() < 0.3 else None,
                )
            )
        diary = tuple(
            DiaryEntry(
                f"d{i}-{k}",
                case_id,
                InterventionType.ACCOMPAGNAMENTO_ABITATIVO,
                opened + dt.timedelta(days=20 * (k + 1)),
                60,
                "op",
                dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                module=rnd.choice(list(HousingModule)),
            )
            for k in range(rnd.randrange(0, 4))
        )
        birth = f"{rnd.randrange(1965, 2007)}" + (f"-{rnd.randrange(1, 13):02d}-01" if rnd.random() < 0.8 else "")
        out.append(
            CaseRecord(
                case_id,
                rnd.choice(desks),
                opened,
                rnd.choice("MMMF"),
                birth,
                rnd.choice(COUNTRIES),
                rnd.choice(STATUSES),
                tuple(moves),
                closures,
                tuple(placements),
                diary,
                frozenset({3}) if closures and rnd.random() < 0.5 else frozenset(),
            )
        )
    return out


def bench_engine(n: int) -> dict[str, Any]:
    from iam_desktop.domain.indicator_engine import Engine
    from iam_desktop.services.monitoring import load_indicator_set
    from iam_desktop.services.pathway import load_ladder

    records = generate(n)
    engine = Engine(load_indicator_set(), len(load_ladder().steps))
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        report = engine.compute(records, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
        timings.append(time.perf_counter() - started)
    return {
        "cases": n,
        "engine_seconds_best": round(min(timings), 3),
        "engine_seconds_runs": [round(t, 3) for t in timings],
        "active": report.result("people_active").total,
    }


def payloads(record: CaseRecord, desk_id: str) -> list[tuple[str, dict[str, Any], str | None]]:
    """The stored payloads of a synthetic case, as the services write them (kind, payload, record id)."""
    from iam_desktop.services.codec import to_json

    person = {
        "given_names": ["Sintetico"],
        "family_name": f"Caso {record.case_id[:6]}",
        "sex": record.sex,
        "birth_date": record.birth_date,
        "citizenships": [record.citizenship],
        "protection_status": record.protection_status,
    }
    meta = {
        "desk": desk_id,
        "operator": "bench",
        "opened": record.opened.isoformat(),
        "source": "bench",
        "status": "chiuso" if record.closures else "aperto",
        "step": record.moves[-1].to_step if record.moves else 1,
        "closed": None,
        "outcome": "",
    }
    out: list[tuple[str, dict[str, Any], str | None]] = [
        ("case", {"person": person, "meta": meta, "extra": {}}, record.case_id)
    ]
    for m in record.moves:
        out.append(
            (
                "transition",
                {
                    "case_id": record.case_id,
                    "from_step": m.from_step,
                    "to_step": m.to_step,
                    "at": dt.datetime.combine(m.at, dt.time(10), dt.UTC).isoformat(),
                    "operator_id": "bench",
                    "role": "coordinator",
                    "reason": "",
                    "criteria_met": [],
                },
                None,
            )
        )
    for c in record.closures:
        out.append(
            (
                "closure",
                {
                    "case_id": record.case_id,
                    "kind": "chiusura" if c.closing else "riapertura",
                    "date": c.date.isoformat(),
                    "operator_id": "bench",
                    "outcome": c.outcome or None,
                    "note": "",
                },
                None,
            )
        )
    out += [("placement", to_json(p), p.placement_id + record.case_id[:8]) for p in record.placements]
    out += [("diary", to_json(d), None) for d in record.diary]
    out += [("follow_up", {"months": m, "note": "", "at": "2026-01-01"}, None) for m in record.follow_ups]
    return out


def build_vault(desk: Any, records: list[CaseRecord]) -> None:
    """Write synthetic cases straight through the record store (the intake path would take minutes for 10k)."""
    desk_id = desk.profile.desk_id
    store = desk.records
    for chunk in range(0, len(records), 1000):
        with desk.vault.engine.begin() as conn:
            for record in records[chunk : chunk + 1000]:
                store.new_case_key(conn, record.case_id)
                for kind, payload, rid in payloads(record, desk_id):
                    store.put(conn, case_id=record.case_id, kind=kind, payload=payload, record_id=rid)


def bench_vault(n: int) -> dict[str, Any]:
    os.environ.setdefault("IAM_INSECURE_FAST_KDF", "1")
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.crypto import KdfParams
    from iam_desktop.vault.paths import DataDir

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp) / "desk")
        desk, _ = Desk.initialise(
            data_dir,
            desk_name="Sportello Bench",
            territory="",
            username="bench",
            display_name="Bench",
            passphrase="passphrase del bench 2026",
            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
        )
        started = time.perf_counter()
        build_vault(desk, generate(n, seed=7, desks=["x"]))
        build = time.perf_counter() - started
        desk.lock()
        desk.close()
        desk = Desk.open(data_dir)
        started = time.perf_counter()
        desk.unlock("bench", "passphrase del bench 2026")
        unlock = time.perf_counter() - started
        started = time.perf_counter()
        first = desk.monitoring.compute(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        first_total = time.perf_counter() - started
        load = desk.monitoring.last_load
        changes = []
        for start, end in ((dt.date(2025, 1, 1), dt.date(2025, 12, 31)), (dt.date(2026, 4, 1), dt.date(2026, 6, 30))):
            started = time.perf_counter()
            desk.monitoring.compute(start, end)
            changes.append(time.perf_counter() - started)
        started = time.perf_counter()
        desk.monitoring.write_report(Path(tmp) / "report.pdf", dt.date(2026, 1, 1), dt.date(2026, 12, 31), report=first)
        pdf = time.perf_counter() - started
        desk.close()
    return {
        "vault_cases": n,
        "build_seconds": round(build, 1),
        "unlock_seconds": round(unlock, 3),
        "read_decrypt_seconds": round(load.decrypt_seconds, 3) if load else None,
        "decode_seconds": round(load.decode_seconds, 3) if load else None,
        "first_compute_total_seconds": round(first_total, 3),
        "period_change_seconds": [round(c, 3) for c in changes],
        "report_pdf_seconds": round(pdf, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="records for the pure engine timing")
    parser.add_argument("--vault-cases", type=int, default=10_000, help="cases in the real vault (0: skip)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result: dict[str, Any] = {"engine": bench_engine(args.cases)}
    if args.vault_cases:
        result["vault"] = bench_vault(args.vault_cases)
    print(json.dumps(result, indent=2) if args.json else result)


if __name__ == "__main__":
    main()
