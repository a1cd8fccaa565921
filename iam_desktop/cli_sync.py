"""Headless sync commands of ``iam-desktop``: ``enrol``, ``device pending|approve``, ``sync --once``,
``conflicts`` and ``demo``. Same services and permissions as the app (``desk.sync``); failures are ``IamError``s
with a sync kind, printed in words by ``cli.run``. Kept apart from ``cli`` so each module stays about one thing."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iam_desktop.services.desk import Desk
from iam_desktop.services.messages import text

COMMANDS = ("enrol", "device", "sync", "conflicts", "revoked", "demo")
OpenUnlocked = Callable[[argparse.Namespace], Desk]
SET_ASIDE_SHOWN = 20


def _set_aside_words(item: dict[str, Any], language: str) -> str:
    # Imported on use: the sync client pulls in requests and the wire models, which the app's start-up must not pay.
    from iam_desktop.services.sync_client import set_aside_words

    return set_aside_words(item, language)


def add_parsers(sub: Any, operator_default: str | None) -> None:
    enrol = sub.add_parser("enrol", help="enrol this desk's vault with the sync server")
    enrol.add_argument("--server", required=True, help="server address, e.g. https://sync.example.org")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code from the central office")
    enrol.add_argument("--label", default="", help="a name for this computer, shown to whoever approves it")
    enrol.add_argument(
        "--central-fingerprint",
        default="",
        metavar="XXXX-XXXX-XXXX-XXXX-XXXX",
        help="the central office key fingerprint, as its 'iam-desktop device fingerprint' shows it",
    )
    enrol.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SECONDS",
        help="on a desk's second computer: wait this long for approval (else a later sync finishes)",
    )
    device = sub.add_parser("device", help="computers waiting for the desk key; the central office key fingerprint")
    actions = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    pending = actions.add_parser("pending", help="list computers waiting for approval, with their short code")
    pending.add_argument("--json", action="store_true")
    approve = actions.add_parser("approve", help="hand the desk key to a waiting computer (central office: recover)")
    approve.add_argument("device_id")
    approve.add_argument("--short-code", required=True, help="the six digits the new computer shows")
    fingerprint = actions.add_parser("fingerprint", help="this desk's key fingerprint and the pinned central key")
    fingerprint.add_argument("--json", action="store_true")
    confirm = actions.add_parser("confirm-central", help="type the central office fingerprint after enrolment")
    confirm.add_argument("fingerprint")
    sync = sub.add_parser("sync", help="send and receive changes once (exit status 1 when it fails)")
    sync.add_argument("--once", action="store_true", help="one run (the default and only mode of the CLI)")
    sync.add_argument("--json", action="store_true")
    conflicts = sub.add_parser("conflicts", help="concurrent edits whose losing value was kept for review")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--resolve", metavar="CONFLICT_ID", help="resolve one entry")
    conflicts.add_argument(
        "--keep",
        choices=("current", "other"),
        default="current",
        help="with --resolve: keep the current value or restore the other one",
    )
    revoked = sub.add_parser("revoked", help="cases whose access was withdrawn while changes here were unsent")
    revoked.add_argument("--json", action="store_true")
    revoked.add_argument("--discard", metavar="CASE_ID", help="after review, drop one kept case and its changes")
    for parser in (enrol, pending, approve, fingerprint, confirm, sync, conflicts, revoked):
        parser.add_argument("--operator", default=operator_default)
        parser.add_argument("--passphrase-file", type=Path)
    demo = sub.add_parser("demo", help="start a demo network: a local sync server and demo desks")
    demo.add_argument("--dir", type=Path, help="demo folder (default: a new temporary folder)")
    demo.add_argument("--cases", type=int, default=5, help="fictitious cases per desk (default 5)")
    demo.add_argument("--no-wait", action="store_true", help="stop the server once set up (for scripts)")  # fmt: skip


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_enrol(desk: Desk, args: argparse.Namespace) -> int:
    enrolment = desk.sync.enrolment()
    result = enrolment.enrol(args.server, args.code, label=args.label, central_fingerprint=args.central_fingerprint)
    print(f"enrolled: desk '{result.desk_name}', device {result.device_id} ({result.status})")
    if result.central_fingerprint:
        confirmed = "confirmed" if result.central_confirmed else "NOT CONFIRMED: compare it with the central office's"
        print(f"central office key pinned: {result.central_fingerprint} ({confirmed})")
    if result.recovery_copy:
        print("a recovery copy of the desk key was left for the central office")
    if result.status == "pending":
        print(f"short code: {result.short_code}")
        print("On an enrolled computer of the desk run 'iam-desktop device approve "
              f"{result.device_id} --short-code \"{result.short_code}\"' after checking the code matches.")  # fmt: skip
        if args.wait and enrolment.wait_for_approval(args.wait, poll_s=min(2.0, args.wait)):
            print("approved: the desk key is installed")
        elif args.wait:
            print("not approved yet: 'iam-desktop sync --once' finishes once it is")
            return 1
    return 0


def cmd_device(desk: Desk, args: argparse.Namespace) -> int:
    enrolment = desk.sync.enrolment()
    if args.device_command == "pending":
        devices = enrolment.pending_devices()
        if args.json:
            _print_json([d.__dict__ for d in devices])
        for d in [] if args.json else devices:
            print(f"{d.device_id}  short code {d.short_code}  desk '{d.desk_name}'  {d.label}"
                  + ("  (recovery from the central office's copy)" if d.recovery else ""))  # fmt: skip
        return 0
    if args.device_command == "fingerprint":
        state = enrolment.state()
        info = {"desk": state.desk_name if state else "", "kind": state.desk_kind if state else "",
                "fingerprint": enrolment.own_fingerprint(),
                "central_fingerprint": state.central_fingerprint if state and state.central_pinned else "",
                "central_confirmed": bool(state and state.central_confirmed)}  # fmt: skip
        if args.json:
            _print_json(info)
        elif info["kind"] == "central":
            print(f"central office key fingerprint: {info['fingerprint']}")
            print("Give it to every desk (printed or by phone): they type it when they enrol.")
        else:
            print(f"this desk's key fingerprint: {info['fingerprint']}")
            pinned = info["central_fingerprint"] or "none yet"
            print(f"central office key pinned: {pinned}" + ("" if info["central_confirmed"] else " (not confirmed)"))
        return 0
    if args.device_command == "confirm-central":
        enrolment.confirm_central_fingerprint(args.fingerprint)
        print("central office key confirmed and pinned")
        return 0
    target = enrolment.approve(args.device_id, args.short_code)
    how = " from the central office's recovery copy" if target.recovery else ""
    print(f"approved {args.device_id} of desk '{target.desk_name}'{how}: it receives the desk key at its next sync")
    return 0


def cmd_sync(desk: Desk, args: argparse.Namespace) -> int:
    # The network's steps (referral grants, erasures, catalogue key) follow every successful run.
    report = desk.network.sync().sync
    status = desk.sync.status()
    words = text(report.message, args.lang, detail=report.detail)
    aside = desk.sync.quarantine() if desk.unlocked else []
    kept = desk.sync.revoked() if desk.unlocked else {}
    if args.json:
        _print_json({**report.as_dict(), "message_text": words, "status": status.as_dict(),
                     "set_aside": [{**item, "reason_text": _set_aside_words(item, args.lang)} for item in aside],
                     "kept_for_review": kept})  # fmt: skip
        return 0 if report.ok else 1
    print(words)
    print(f"sent {report.pushed}, received {report.pulled}, conflicts {report.conflicts}, "
          f"quarantined {report.quarantined}, {report.bytes_up} bytes up, {report.bytes_down} bytes down, "
          f"{report.duration_s:.2f} s")  # fmt: skip
    print(f"waiting to be sent: {status.waiting}; open conflicts: {status.conflicts}; "
          f"last success: {status.last_success or 'never'}")  # fmt: skip
    print(f"attachments: {report.blobs_up} sent, {report.blobs_down} received, {report.blobs_failed} failed "
          f"(retried later), {report.blobs_waiting} waiting")  # fmt: skip
    if report.attachments_adopted:
        print(f"attachments stored before sync of attachments, now queued to be sent: {report.attachments_adopted}")
    print(f"partitions checked against the server: {report.partitions_checked}, repaired: "
          f"{report.partitions_repaired}")  # fmt: skip
    if report.revoked or report.kept_for_review:
        print(f"access withdrawn by another desk: {report.revoked} case(s) removed, {report.kept_for_review} "
              "kept for review")  # fmt: skip
    for case_id, note in sorted(kept.items()):
        print(f"  kept for review: case {case_id[:8]} since {note.get('at', '')[:16]}, "
              f"{note.get('waiting', 0)} change(s) not accepted — after review: "
              f"iam-desktop revoked --discard {case_id}")  # fmt: skip
    if aside:
        print(f"set aside (retried at every sync): {len(aside)}")
    for item in aside[:SET_ASIDE_SHOWN]:
        print(f"  case {str(item['case_id'])[:8]}  {_set_aside_words(item, args.lang)}  "
              f"since {str(item['received_at'])[:16]}  attempts {item['attempts']}")  # fmt: skip
    if len(aside) > SET_ASIDE_SHOWN:
        print(f"  … and {len(aside) - SET_ASIDE_SHOWN} more ('iam-desktop sync --json' lists them all)")
    return 0 if report.ok else 1


def cmd_conflicts(desk: Desk, args: argparse.Namespace) -> int:
    if args.resolve:
        entry = desk.sync.resolve(args.resolve, "keep_current" if args.keep == "current" else "restore_other")
        print(f"resolved {entry.conflict_id} ({entry.field})")
        return 0
    entries = desk.sync.conflicts()
    if args.json:
        _print_json([e.as_dict() for e in entries])
    for e in [] if args.json else entries:
        print(f"{e.conflict_id}  case {e.case_id}  {e.field}: kept {e.winner['value']!r}, "
              f"other {e.loser['value']!r} (device {e.loser['device']}, {e.loser['hlc']})")  # fmt: skip
    return 0


def cmd_revoked(desk: Desk, args: argparse.Namespace) -> int:
    if args.discard:
        desk.sync.discard_revoked(args.discard)
        print(f"discarded {args.discard}")
        return 0
    kept = desk.sync.revoked()
    if args.json:
        _print_json(kept)
    for case_id, note in [] if args.json else sorted(kept.items()):
        print(f"{case_id}  access withdrawn {note.get('at', '')}, {note.get('waiting', 0)} change(s) kept")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from iam_desktop.services import demo

    root = args.dir or Path(tempfile.mkdtemp(prefix="iam-demo-"))
    network = demo.build(root, cases_per_desk=args.cases)
    print(f"Demo sync server: {network.server_url} (database {root / 'server.sqlite3'})")
    for name, folder in network.desks.items():
        print(f"  {name}: {network.cases[name]} fictitious cases — open with: iam-desktop --data-dir {folder}")
    print(f"Operator '{demo.DEMO_OPERATOR}', passphrase '{demo.DEMO_PASSPHRASE}' — DEMO ONLY, never for real data.")
    if args.no_wait:
        network.stop()
        return 0
    print("The server runs until you press Ctrl-C.")
    try:
        while network.server.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        network.stop()
    return 0


def desk_command(
    open_unlocked: OpenUnlocked, command: Callable[[Desk, argparse.Namespace], int]
) -> Callable[[argparse.Namespace], int]:
    """A command run on the unlocked desk, closed afterwards whatever happens (shared by the network commands)."""

    def run(args: argparse.Namespace) -> int:
        desk = open_unlocked(args)
        try:
            return command(desk, args)
        finally:
            desk.close()

    return run


def handlers(open_unlocked: OpenUnlocked) -> dict[str, Callable[[argparse.Namespace], int]]:
    def with_desk(command: Callable[[Desk, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        return desk_command(open_unlocked, command)

    return {
        "enrol": with_desk(cmd_enrol),
        "device": with_desk(cmd_device),
        "sync": with_desk(cmd_sync),
        "conflicts": with_desk(cmd_conflicts),
        "revoked": with_desk(cmd_revoked),
        "demo": cmd_demo,
    }
