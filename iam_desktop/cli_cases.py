"""Headless case commands of ``iam-desktop``: ``case import``, ``case export``, ``case list`` and ``print``. Same
services, same permissions and audit as the app. Kept apart from ``cli`` so each module stays about one thing."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from iam_desktop.domain import interchange
from iam_desktop.services.case_index import SortKey
from iam_desktop.services.desk import Desk
from iam_desktop.services.messages import field_problem

CASE_ACTIONS = ("import", "export", "list", "step")


def add_parsers(sub: Any, operator_default: str | None) -> None:
    case = sub.add_parser("case", help="case files: import, export, list")
    actions = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import people from JSON Lines or CSV (valid rows in one transaction)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--mapping", type=Path, help="JSON file mapping the spreadsheet's column names to ours")
    imp.add_argument("--report", type=Path, help="write the rejected rows and their reasons here (CSV)")
    imp.add_argument("--json", action="store_true")
    exp = actions.add_parser("export", help="export every case as JSON Lines (coordinators)")
    exp.add_argument("-o", "--output", type=Path, required=True)
    lst = actions.add_parser("list", help="list cases (search as in the app)")
    lst.add_argument("--search", default="")
    lst.add_argument("--status")
    lst.add_argument("--step", type=int)
    lst.add_argument("--sort", choices=[k.value for k in SortKey], default="name")
    lst.add_argument("--json", action="store_true")
    printing = sub.add_parser("print", help="print a case's documents as PDF (bilingual: Italian + --lang)")
    docs = printing.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    intake = docs.add_parser("intake", help="the filled intake form of a case")
    blank = docs.add_parser("blank-intake", help="the blank intake form, to fill by hand")
    consent = docs.add_parser("consent", help="the consent form of a case, one box per purpose")
    privacy = docs.add_parser("privacy", help="the privacy notice (informativa, GDPR art. 13)")
    plan = docs.add_parser("plan", help="the individual plan of a case, for the person to sign")
    for parser in (intake, consent, plan):
        parser.add_argument("case_id")
    privacy.add_argument("case_id", nargs="?")
    for parser in (intake, blank, consent, privacy, plan):
        parser.add_argument("--lang", dest="doc_lang", default="en", help="the person's language (it, en, fr, ar …)")
        parser.add_argument("-o", "--output", type=Path, required=True)
    step = actions.add_parser("step", help="move a case to another step of the pathway")
    step.add_argument("case_id")
    step.add_argument("--to", type=int, required=True, help="the step number")
    step.add_argument("--reason", default="", help="why (required going back, and for an override)")
    step.add_argument("--override", action="store_true", help="coordinators: move although criteria are missing")
    agenda = sub.add_parser("agenda", help="what is due: actions, plan reviews, permit expiries, follow-ups")
    agenda.add_argument("--days", type=int, default=7)
    agenda.add_argument("--json", action="store_true")
    for parser in (imp, exp, lst, intake, blank, consent, privacy, plan, step, agenda):
        parser.add_argument("--operator", default=operator_default)
        parser.add_argument("--passphrase-file", type=Path)


def run_print(desk: Desk, args: argparse.Namespace) -> int:
    docs = desk.documents
    if args.document == "intake":
        docs.intake(args.case_id, args.doc_lang, args.output)
    elif args.document == "blank-intake":
        docs.blank_intake(args.doc_lang, args.output)
    elif args.document == "plan":
        docs.plan(args.case_id, args.doc_lang, args.output)
    elif args.document == "consent":
        docs.consent(args.case_id, args.doc_lang, args.output)
    else:
        docs.privacy_notice(args.doc_lang, args.output, args.case_id)
    print(f"written: {args.output}")
    return 0


def run_agenda(desk: Desk, args: argparse.Namespace) -> int:
    today = date.today()
    items = desk.pathway.agenda(today, today + timedelta(days=args.days), today=today)
    names = {r.case_id: r.display_name for r in desk.cases.search("")}
    rows = [{"date": i.date.isoformat(), "kind": i.kind.value, "case_id": i.case_id, "person": names.get(i.case_id, ""),
             "ref": i.ref, "overdue": i.overdue, "text": i.text} for i in items]  # fmt: skip
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            flag = "!" if r["overdue"] else " "
            print(f"{flag} {r['date']}  {r['kind']:18} {r['person']:30} {r['text']}")
    return 0


def run_case(desk: Desk, args: argparse.Namespace) -> int:
    if args.case_command == "step":
        t = desk.pathway.move(args.case_id, args.to, reason=args.reason, override=args.override)
        print(f"case moved from step {t.from_step} to step {t.to_step}" + (" (override)" if t.override else ""))
        return 0
    if args.case_command == "import":
        return _import(desk, args)
    if args.case_command == "export":
        records = desk.cases.export()
        interchange.write_jsonl(records, args.output)
        print(f"{len(records)} cases written to {args.output}")
        return 0
    rows = desk.cases.search(args.search, status=args.status, step=args.step, sort=SortKey(args.sort))
    if args.json:
        print(json.dumps([{"case_id": r.case_id, "family_name": r.family_name, "given_names": r.given_names,
                           "codice_fiscale": r.codice_fiscale, "status": r.status, "step": r.step,
                           "opened": r.opened, "permit_expires": r.permit_expires} for r in rows],
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for r in rows:
            print(f"{r.case_id}  {r.display_name:40}  {r.status:8}  step {r.step}  {r.permit_expires or ''}")
    return 0


def _import(desk: Desk, args: argparse.Namespace) -> int:
    today = date.today()
    if args.file.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        results = interchange.read_jsonl(args.file, today=today)
    else:
        results = interchange.read_csv(args.file, args.mapping, today=today)
    report = desk.cases.import_results(results)
    problems = [(r.row, e.field, e.code, field_problem(e.field, e.code, e.params, args.lang))
                for r in report.rejected for e in r.errors]  # fmt: skip
    if args.report:
        with args.report.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["row", "field", "code", "reason"])
            writer.writerows(problems)
    summary = {"imported": len(report.imported), "already_present": len(report.already_present),
               "rejected": len(report.rejected), "rows_with_warnings": len(report.warnings)}  # fmt: skip
    if args.json:
        print(json.dumps({**summary, "problems": [dict(zip(("row", "field", "code", "reason"), p, strict=True))
                                                  for p in problems]}, ensure_ascii=False, indent=2))  # fmt: skip
    else:
        print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in summary.items()))
        for row, fld, _, reason in problems:
            print(f"  row {row}: {fld}: {reason}", file=sys.stderr)
    return 0 if not report.rejected else 3
