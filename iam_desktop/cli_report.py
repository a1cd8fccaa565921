"""Headless monitoring commands of ``iam-desktop``: ``report indicators`` (the figures, as text or JSON),
``report pdf`` (the monitoring report for the funder), ``report public`` (the one-page public summary with small
cells suppressed) and ``report dataset`` (the anonymised SQLite data set). Same services, permissions and audit as
the dashboard."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from iam_desktop.domain.indicator_engine import IndicatorReport
from iam_desktop.services.desk import Desk
from iam_desktop.services.monitoring import period_from

REPORT_ACTIONS = ("indicators", "pdf", "public", "dataset")


def add_parsers(sub: Any, operator_default: str | None) -> None:
    report = sub.add_parser("report", help="monitoring: indicators, report PDF, public summary, anonymised data set")
    actions = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    parsers = {
        "indicators": actions.add_parser("indicators", help="compute every indicator for a period"),
        "pdf": actions.add_parser("pdf", help="the monitoring report PDF for the funder"),
        "public": actions.add_parser("public", help="the one-page public summary (cells under 5 suppressed)"),
        "dataset": actions.add_parser("dataset", help="the anonymised data set as a SQLite file"),
    }
    for name, parser in parsers.items():
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: 1 January this year)")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: 31 December this year)")
        parser.add_argument("--desk", help="desk name or id, or 'network' (central office); default: this desk")
        parser.add_argument("--operator", default=operator_default)
        parser.add_argument("--passphrase-file", type=Path)
        if name == "indicators":
            parser.add_argument("--json", action="store_true")
        else:
            parser.add_argument("-o", "--output", type=Path, required=True)
        if name in ("pdf", "public"):
            parser.add_argument("--lang", dest="doc_lang", choices=("it", "en"), default="it")


def report_json(report: IndicatorReport) -> dict[str, Any]:
    return {
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "cases": report.cases,
        "indicators": {
            r.indicator.indicator_id: {
                "status": r.status.value,
                "total": r.total,
                "dimension": r.dimension or None,
                "columns": list(r.columns),
                "rows": {row.key: list(row.values) for row in r.rows},
                "breakdowns": {k: dict(v) for k, v in r.breakdowns.items()},
                "extras": dict(r.extras),
            }
            for r in report.results
        },
        "warnings": [{"code": w.code, "case": w.case_id[:8], "date": w.date.isoformat()} for w in report.warnings],
    }


def run_report(desk: Desk, args: argparse.Namespace) -> int:
    start, end = period_from(args.start, args.end)
    monitoring = desk.monitoring
    scope = monitoring.resolve_scope(args.desk)
    if args.report_command == "indicators":
        report = monitoring.compute(start, end, scope)
        if args.json:
            print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
            return 0
        for r in report.results:
            value = "not available" if r.status.value == "not_available" else r.total
            population = r.extras.get("population")
            print(f"{r.indicator.indicator_id:28} {value}" + (f" / {population}" if population is not None else ""))
        if report.warnings:
            print(f"data-quality warnings: {len(report.warnings)}")
        return 0
    if args.report_command == "pdf":
        monitoring.write_report(args.output, start, end, scope, language=args.doc_lang)
    elif args.report_command == "public":
        monitoring.write_public_summary(args.output, start, end, scope, language=args.doc_lang)
    else:
        from iam_desktop.services.dataset import write_dataset

        counts = write_dataset(monitoring, args.output, start, end, scope)
        print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    print(f"written: {args.output}")
    return 0
