"""Headless commands of ``iam-desktop``, on the same services as the GUI. Passphrases never come from the command
line (it is visible to other users of the machine): from ``IAM_PASSPHRASE``, ``--passphrase-file`` or a prompt.

Exit status: 0 success, 1 the operation failed (the reason is printed), 2 wrong usage, 3 an import left rows
out (each reported with its reason)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from iam_desktop import __version__, cli_cases, cli_network, cli_report, cli_sync
from iam_desktop.domain.errors import IamError
from iam_desktop.services.desk import Desk
from iam_desktop.services.logging_setup import configure_logging
from iam_desktop.services.messages import describe

COMMANDS = (
    "init", "unlock-check", "audit", "backup", "restore", "reset-passphrase", "case", "print", "agenda", "report",
    *cli_sync.COMMANDS, *cli_network.COMMANDS,
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iam-desktop", description="I.Am Desk — the desks' case tool.")
    parser.add_argument("--version", action="version", version=f"I.Am Desk {__version__}")
    parser.add_argument("--data-dir", help="data directory (default: IAM_DATA_DIR or the user data folder)")
    parser.add_argument("--lang", choices=("it", "en"), default=os.environ.get("IAM_LANG", "it"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create the desk's vault and its first coordinator")
    init.add_argument("--desk", required=True, help="desk name, e.g. 'Sportello Val Trompia'")
    init.add_argument("--territory", default="", help="territory of the desk")
    init.add_argument("--operator", required=True, help="user name of the first coordinator")
    init.add_argument("--display-name", help="full name of the first coordinator (default: the user name)")
    init.add_argument("--passphrase-file", type=Path, help="file whose first line is the passphrase")
    init.add_argument("--recovery-sheet", type=Path, help="write the recovery key sheet PDF here")

    check = sub.add_parser("unlock-check", help="check that an operator's passphrase unlocks the vault")
    check.add_argument("--operator", default=os.environ.get("IAM_OPERATOR"), help="user name (or IAM_OPERATOR)")
    check.add_argument("--passphrase-file", type=Path)

    audit_cmd = sub.add_parser("audit", help="the audit log")
    audit_sub = audit_cmd.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="check the audit hash chain; names the first broken link")
    verify.add_argument("--json", action="store_true")

    bak = sub.add_parser("backup", help="write an encrypted, self-checking backup of the vault")
    bak.add_argument("-o", "--output", type=Path, required=True)
    bak.add_argument("--operator", default=os.environ.get("IAM_OPERATOR"))
    bak.add_argument("--passphrase-file", type=Path)

    res = sub.add_parser("restore", help="replace the vault with a backup (checked completely first)")
    res.add_argument("file", type=Path)
    res.add_argument("--operator", default=os.environ.get("IAM_OPERATOR"))
    res.add_argument("--passphrase-file", type=Path)
    res.add_argument("--recovery-key-file", type=Path, help="use the desk's recovery key instead of a passphrase")

    reset = sub.add_parser("reset-passphrase", help="set a new passphrase for an operator with the recovery key")
    reset.add_argument("--operator", required=True)
    reset.add_argument("--recovery-key-file", type=Path, required=True)
    reset.add_argument("--passphrase-file", type=Path, help="the new passphrase")

    cli_cases.add_parsers(sub, os.environ.get("IAM_OPERATOR"))
    cli_report.add_parsers(sub, os.environ.get("IAM_OPERATOR"))
    cli_sync.add_parsers(sub, os.environ.get("IAM_OPERATOR"))
    cli_network.add_parsers(sub, os.environ.get("IAM_OPERATOR"))
    return parser


def wants_gui(args: list[str]) -> bool:
    return not any(arg in COMMANDS for arg in args) and not any(a in ("-h", "--help", "--version") for a in args)


def gui_options(args: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(args)


class _Fail(Exception):
    """A CLI-level failure with a message already in words."""


def _secret(path: Path | None, env: str, prompt: str) -> str:
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError) as exc:
            raise _Fail(f"cannot read {path}: {exc}") from exc
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise _Fail(f"no passphrase: set {env} or give --passphrase-file")


def _open_unlocked(args: argparse.Namespace) -> Desk:
    if not args.operator:
        raise _Fail("no operator: give --operator or set IAM_OPERATOR")
    desk = Desk.open(Desk.data_dir(args.data_dir))
    desk.unlock(args.operator, _secret(args.passphrase_file, "IAM_PASSPHRASE", "Passphrase: "))
    return desk


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_init(args: argparse.Namespace) -> int:
    data_dir = Desk.data_dir(args.data_dir)
    configure_logging(data_dir)
    passphrase = _secret(args.passphrase_file, "IAM_PASSPHRASE", "New passphrase: ")
    desk, recovery = Desk.initialise(
        data_dir,
        desk_name=args.desk,
        territory=args.territory,
        username=args.operator,
        display_name=args.display_name or args.operator,
        passphrase=passphrase,
    )
    try:
        if args.recovery_sheet:
            from iam_desktop.services.recovery import print_recovery_sheet  # reportlab only when printing

            print_recovery_sheet(desk.profile, recovery, args.recovery_sheet)
        print(f"Desk '{args.desk}' created in {data_dir.root}")
        print(f"Recovery key (print it and keep it in a safe; it is not shown again): {recovery}")
    finally:
        desk.close()
    return 0


def cmd_unlock_check(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        print(f"ok: {desk.operator.display_name if desk.operator else ''} ({desk.profile.desk_name})")
        desk.lock()
    finally:
        desk.close()
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    desk = Desk.open(Desk.data_dir(args.data_dir))
    try:
        report = desk.verify_audit()
    finally:
        desk.close()
    if args.json:
        _print_json(
            {
                "ok": report.ok,
                "events": report.events,
                "first_broken": report.first_broken,
                "reason": report.reason,
            }
        )
    elif report.ok:
        print(f"audit chain ok: {report.events} events")
    else:
        print(f"audit chain BROKEN at event {report.first_broken} ({report.reason})")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        info = desk.backup(args.output)
    finally:
        desk.close()
    print(f"backup written: {args.output} ({info.bytes} bytes of vault, desk '{info.desk_name}')")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    data_dir = Desk.data_dir(args.data_dir)
    if args.recovery_key_file:
        secret, recovery = _secret(args.recovery_key_file, "IAM_RECOVERY_KEY", "Recovery key: "), True
    else:
        if not args.operator:
            raise _Fail("no operator: give --operator or set IAM_OPERATOR")
        secret, recovery = _secret(args.passphrase_file, "IAM_PASSPHRASE", "Passphrase: "), False
    info = Desk.restore(data_dir, args.file, username=args.operator, secret=secret, recovery=recovery)
    print(f"restored desk '{info.desk_name}' from backup of {info.created_at[:19]}")
    if info.erased_again:
        print(f"{info.erased_again} case(s) erased since that backup were removed from it again (erasure register)")
    return 0


def cmd_reset_passphrase(args: argparse.Namespace) -> int:
    desk = Desk.open(Desk.data_dir(args.data_dir))
    try:
        recovery = _secret(args.recovery_key_file, "IAM_RECOVERY_KEY", "Recovery key: ")
        new = _secret(args.passphrase_file, "IAM_PASSPHRASE", "New passphrase: ")
        desk.reset_passphrase(recovery, args.operator, new)
    finally:
        desk.close()
    print(f"passphrase of '{args.operator}' reset")
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        return cli_cases.run_case(desk, args)
    finally:
        desk.close()


def cmd_agenda(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        return cli_cases.run_agenda(desk, args)
    finally:
        desk.close()


def cmd_report(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        return cli_report.run_report(desk, args)
    finally:
        desk.close()


def cmd_print(args: argparse.Namespace) -> int:
    desk = _open_unlocked(args)
    try:
        return cli_cases.run_print(desk, args)
    finally:
        desk.close()


HANDLERS = {
    "report": cmd_report,
    "case": cmd_case,
    "print": cmd_print,
    "agenda": cmd_agenda,
    "init": cmd_init,
    "unlock-check": cmd_unlock_check,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "reset-passphrase": cmd_reset_passphrase,
}
HANDLERS.update(cli_sync.handlers(_open_unlocked))
HANDLERS.update(cli_network.handlers(_open_unlocked))


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return HANDLERS[args.command](args)
    except IamError as exc:
        print(f"error: {describe(exc, args.lang)}", file=sys.stderr)
        return 1
    except _Fail as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
