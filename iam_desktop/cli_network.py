"""Headless network commands of ``iam-desktop``: ``referral`` (propose, inbox, list, extract, accept, decline,
withdraw, complete, refresh, letter),
``person`` (export, erase — the person's data rights), ``catalogue`` (found, list, import, export, match, and the
methodology library's files: attach, files, get), ``retention``
(review, apply) and ``network sync`` (a sync run plus the grants and erasures only an online desk can deliver). Same
services, permissions and audit as the app. Erasure asks for confirmation unless ``--yes``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.referral import Purpose
from iam_desktop.services.desk import Desk

from .cli_sync import OpenUnlocked, desk_command

COMMANDS = ("referral", "person", "catalogue", "retention", "network")


def add_parsers(sub: Any, operator_default: str | None) -> None:
    def common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--operator", default=operator_default, help="user name (or IAM_OPERATOR)")
        parser.add_argument("--passphrase-file", type=Path)
        return parser

    ref = common(sub.add_parser("referral", help="referrals (invii) between desks"))
    acts = ref.add_subparsers(dest="referral_command", metavar="ACTION", required=True)
    prop = acts.add_parser("propose", help="refer a case to another desk (checked against the consents)")
    prop.add_argument("case_id")
    prop.add_argument("--to", required=True, help="receiving desk (name or id) or partner (catalogue entry id)")
    prop.add_argument("--purpose", required=True, choices=[p.value for p in Purpose])
    prop.add_argument("--opportunity", help="catalogue entry id (a place, a job, a course)")
    prop.add_argument(
        "--share",
        help="comma-separated sections of the file the receiver reads (default: the "
        "purpose's, see resources/referrals/sections.json); a transfer always shares the whole case",
    )
    prop.add_argument("--lawful-basis", default="", help="coordinators: the basis when there is no consent")
    inbox = acts.add_parser("inbox", help="referrals addressed to this desk")
    inbox.add_argument("--json", action="store_true")
    sent = acts.add_parser("list", help="every referral this vault holds")
    sent.add_argument("--json", action="store_true")
    shown = acts.add_parser("extract", help="the shared extract of a referral (what the receiving desk reads)")
    shown.add_argument("referral_id")
    for name, text in (("accept", "accept a referral (coordinators)"), ("decline", "decline with a reason"),
                       ("withdraw", "withdraw a pending referral this desk sent"),
                       ("complete", "close an accepted referral this desk sent (the receiver's access ends)"),
                       ("refresh", "copy the chosen sections into the shared extract again")):  # fmt: skip
        act = acts.add_parser(name, help=text)
        act.add_argument("referral_id")
        act.add_argument("--reason", default="")
    letter = acts.add_parser("letter", help="print the bilingual referral letter (PDF)")
    letter.add_argument("referral_id")
    letter.add_argument("--lang", dest="doc_lang", default="en")
    letter.add_argument("-o", "--output", type=Path, required=True)

    person = common(sub.add_parser("person", help="the person's data rights: access and erasure"))
    pacts = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    exp = pacts.add_parser("export", help="everything held about the person: one JSON and one PDF")
    exp.add_argument("case_id")
    exp.add_argument("-o", "--output", type=Path, required=True, help="directory")
    exp.add_argument(
        "--lang",
        dest="doc_lang",
        default=None,
        help="the PDF's second language (default: the first the person speaks that the app prints)",
    )
    erase = pacts.add_parser("erase", help="crypto-shred the case here and, at the next network sync, everywhere")
    erase.add_argument("case_id")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    cat = common(sub.add_parser("catalogue", help="the network's shared catalogue"))
    cacts = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    cacts.add_parser("found", help="create the catalogue partition (once for the whole network)")
    lst = cacts.add_parser("list", help="list entries")
    lst.add_argument("--kind", choices=[k.value for k in EntryKind])
    lst.add_argument("--json", action="store_true")
    imp = cacts.add_parser("import", help="add or replace entries from a catalogue file (all or nothing)")
    imp.add_argument("file", type=Path)
    cexp = cacts.add_parser("export", help="write the catalogue to a file")
    cexp.add_argument("-o", "--output", type=Path, required=True)
    match = cacts.add_parser("match", help="opportunità compatibili for a case, with the criteria met and not")
    match.add_argument("case_id")
    match.add_argument("--json", action="store_true")
    catt = cacts.add_parser("attach", help="add a file to a methodology entry (it syncs to every desk)")
    catt.add_argument("entry_id")
    catt.add_argument("file", type=Path)
    cfiles = cacts.add_parser("files", help="files of the methodology library (of one entry, or all)")
    cfiles.add_argument("entry_id", nargs="?")
    cfiles.add_argument("--json", action="store_true")
    cget = cacts.add_parser("get", help="save a methodology file")
    cget.add_argument("file_id")
    cget.add_argument("-o", "--output", type=Path, required=True, help="file or folder to write")

    ret = common(sub.add_parser("retention", help="retention rules: review list, then confirmed erasure"))
    racts = ret.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    rev = racts.add_parser("review", help="cases due for erasure under the rules (erases nothing)")
    rev.add_argument("--json", action="store_true")
    app = racts.add_parser("apply", help="erase the listed cases the review shows (asks confirmation)")
    app.add_argument("case_ids", nargs="+")
    app.add_argument("--yes", action="store_true")

    net = common(sub.add_parser("network", help="network sync: sync, then grants for referrals and erasures"))
    nacts = net.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    nacts.add_parser("sync", help="one sync run, then deliver catalogue and referral grants and erasures")
    keys = nacts.add_parser("keys", help="the other desks' public keys as pinned here, and any announced change")
    keys.add_argument("--json", action="store_true")
    trust = nacts.add_parser("trust", help="confirm a desk's key fingerprint, read out by that desk (coordinators)")
    trust.add_argument("desk", help="desk name or id")
    trust.add_argument("fingerprint", help="as 'iam-desktop device fingerprint' shows it on that desk")


def _confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    print(question, end=" ", flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes", "s", "si", "sì")


def _print(rows: list[dict[str, Any]], as_json: bool, columns: tuple[str, ...]) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        print("  ".join(str(row.get(c, "")) for c in columns))


def cmd_referral(desk: Desk, args: argparse.Namespace) -> int:
    refs = desk.network.referrals
    action = args.referral_command
    if action == "propose":
        share = None if args.share is None else [s.strip() for s in args.share.split(",") if s.strip()]
        rid = refs.propose(args.case_id, args.to, args.purpose, opportunity=args.opportunity, share=share,
                           lawful_basis=args.lawful_basis)  # fmt: skip
        print(rid)
    elif action in ("inbox", "list"):
        views = refs.inbox() if action == "inbox" else refs.all()
        _print([v.as_dict() for v in views], args.json, ("referral_id", "state", "purpose", "from_desk", "to_desk"))
    elif action in ("accept", "decline"):
        view = refs.answer(args.referral_id, "accepted" if action == "accept" else "declined", args.reason)
        print(view.state)
    elif action == "extract":
        print(json.dumps(asdict(refs.extract(args.referral_id)), ensure_ascii=False, indent=2))
    elif action in ("withdraw", "complete", "refresh"):
        getattr(refs, action)(args.referral_id)
        print({"withdraw": "withdrawn", "complete": "completed", "refresh": "refreshed"}[action])
    else:
        print(desk.network.referral_letter(args.referral_id, args.output, args.doc_lang))
    return 0


def cmd_person(desk: Desk, args: argparse.Namespace) -> int:
    if args.person_command == "export":
        for path in desk.network.rights.export(args.case_id, args.output, args.doc_lang):
            print(path)
        return 0
    if not _confirm(f"Erase every trace of case {args.case_id} on every desk? [y/N]", args.yes):
        print("not erased")
        return 1
    result = desk.network.rights.erase(args.case_id)
    print(f"erased here ({result['records']} records); the server erases it at the next network sync")
    return 0


def cmd_catalogue(desk: Desk, args: argparse.Namespace) -> int:
    cat = desk.network.catalogue
    action = args.catalogue_command
    if action == "found":
        print("founded" if cat.found() else "already joined")
    elif action == "list":
        entries = cat.entries(EntryKind(args.kind) if args.kind else None)
        _print([e.to_dict() for e in entries], args.json, ("id", "kind", "territory", "title"))
    elif action == "import":
        print(f"{cat.import_file(args.file)} entries changed")
    elif action == "export":
        print(f"{cat.export_file(args.output)} entries written")
    elif action == "attach":
        print(desk.network.methodology.attach(args.entry_id, args.file).attachment_id)
    elif action == "files":
        rows = [asdict(f) for f in desk.network.methodology.files(args.entry_id)]
        _print(rows, args.json, ("attachment_id", "subject", "state", "size", "filename"))
    elif action == "get":
        print(desk.network.methodology.save(args.file_id, args.output))
    else:
        matches = desk.network.matching.for_case(args.case_id)
        _print([{**asdict(m), "kind": m.kind.value} for m in matches], args.json,
               ("score", "entry_id", "title", "met", "not_met"))  # fmt: skip
    return 0


def cmd_retention(desk: Desk, args: argparse.Namespace) -> int:
    rights = desk.network.rights
    if args.retention_command == "review":
        _print([asdict(c) for c in rights.review(date.today())], args.json, ("case_id", "rule", "since", "due"))
        return 0
    if not _confirm(f"Erase {len(args.case_ids)} case(s) on every desk? [y/N]", args.yes):
        print("nothing erased")
        return 1
    print(f"{len(rights.apply_review(args.case_ids, confirmed=True))} erased")
    return 0


def cmd_network(desk: Desk, args: argparse.Namespace) -> int:
    from iam_desktop.services.desk_keys import DeskKeys

    if args.network_command == "keys":
        _print([k.as_dict() for k in DeskKeys(desk).all()], args.json,
               ("name", "fingerprint", "confirmed", "announced"))  # fmt: skip
        return 0
    if args.network_command == "trust":
        key = DeskKeys(desk).trust(args.desk, args.fingerprint)
        print(f"{key.name or key.desk_id}: {key.fingerprint} confirmed")
        return 0
    report = desk.network.sync()
    print(json.dumps({"state": report.sync.state, "catalogue_grants": report.catalogue_grants,
                      "referral_grants": report.referral_grants, "erasures": report.erasures}))  # fmt: skip
    return 0 if report.ok else 1


def handlers(open_unlocked: OpenUnlocked) -> dict[str, Callable[[argparse.Namespace], int]]:
    def with_desk(command: Callable[[Desk, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        return desk_command(open_unlocked, command)

    return {
        "referral": with_desk(cmd_referral),
        "person": with_desk(cmd_person),
        "catalogue": with_desk(cmd_catalogue),
        "retention": with_desk(cmd_retention),
        "network": with_desk(cmd_network),
    }
