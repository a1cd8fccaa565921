"""The `iam-sync-server` command: run the server and administer desks, enrolment codes and devices.

Every command opens the database given by `--database-url` (or `IAM_SYNC_DATABASE_URL`, or the SQLite file in
the data directory) and upgrades its schema first; a database from a newer server is refused. Every command is
documented in `docs/server.md` (a test parses this argparse tree and the document and compares them).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sync.protocol import APP_VERSION, ProtocolError
from sync.server.settings import Settings
from sync.server.storage import SqlStorage, open_storage

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        help="SQLAlchemy URL (sqlite:///path or postgresql+psycopg://…); default: IAM_SYNC_DATABASE_URL, "
        "else an SQLite file in the data directory",
    )
    parser = argparse.ArgumentParser(prog="iam-sync-server", description="I.Am Desk central sync server")
    parser.add_argument("--version", action="version", version=f"iam-sync-server {APP_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")

    desk = commands.add_parser("desk", help="create and list desks").add_subparsers(
        dest="desk_command", required=True, metavar="ACTION"
    )
    create = desk.add_parser("create", parents=[common], help="create a desk")
    create.add_argument("name", help="the desk's name, e.g. 'Sportello Val Trompia'")
    create.add_argument("--central", action="store_true", help="a central-office desk: receives every case")
    desk_list = desk.add_parser("list", parents=[common], help="list desks")
    desk_list.add_argument("--json", action="store_true", help="print JSON")

    code = commands.add_parser("enrol-code", parents=[common], help="issue a one-time enrolment code")
    code.add_argument("desk", help="desk name or id")
    code.add_argument("--ttl-minutes", type=int, default=60, help="minutes until the code expires (default 60)")

    device = commands.add_parser("device", help="list and revoke devices").add_subparsers(
        dest="device_command", required=True, metavar="ACTION"
    )
    device_list = device.add_parser("list", parents=[common], help="list devices")
    device_list.add_argument("--json", action="store_true", help="print JSON")
    revoke = device.add_parser("revoke", parents=[common], help="revoke a device (refused from its next request)")
    revoke.add_argument("device_id", help="the device id (see 'device list')")

    stats = commands.add_parser("stats", parents=[common], help="counts and sizes of what the server stores")
    stats.add_argument("--json", action="store_true", help="print JSON")

    db = commands.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True, metavar="ACTION"
    )
    db.add_parser("upgrade", parents=[common], help="upgrade the database schema to this version")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(database_url=args.database_url or None).resolved()


def _open(args: argparse.Namespace) -> SqlStorage:
    return open_storage(_settings(args).database_url)


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["plain"] = {"format": "%(message)s"}
    config["handlers"]["iam"] = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    config["loggers"]["iam_sync"] = {"handlers": ["iam"], "level": "INFO", "propagate": False}
    return config


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = _settings(args)
    open_storage(settings.database_url).close()  # upgrade once, before any worker starts
    os.environ.update(settings.to_env())  # workers rebuild the same settings from the environment
    uvicorn.run(
        "sync.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # ours is structured and never logs query strings
        log_config=_log_config(),
        timeout_graceful_shutdown=5,
        # Longer than any client's pause between syncs, so a kept-alive connection is not closed by the server
        # just as the client reuses it (that race shows as a spurious connection error on the client).
        timeout_keep_alive=75,
        backlog=4096,
    )
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return serve(args)
    storage = _open(args)
    try:
        return _admin(args, storage)
    finally:
        storage.close()


def _admin(args: argparse.Namespace, storage: SqlStorage) -> int:
    if args.command == "db":
        print(f"database schema at revision {storage.upgrade()}")
    elif args.command == "desk" and args.desk_command == "create":
        desk = storage.create_desk(args.name, "central" if args.central else "desk")
        print(desk.desk_id)
    elif args.command == "desk":
        found = storage.list_desks()
        if args.json:
            print(json.dumps([d.model_dump() for d in found], indent=2))
        for d in [] if args.json else found:
            print(f"{d.desk_id}  {d.kind:<7}  {'key' if d.public_key else 'no key':<6}  {d.name}")
    elif args.command == "enrol-code":
        desk_info = storage.find_desk(args.desk)
        if desk_info is None:
            print(f"no desk named {args.desk!r}", file=sys.stderr)
            return 1
        code, expires = storage.create_enrol_code(desk_info.desk_id, args.ttl_minutes)
        print(code)
        print(f"for desk {desk_info.name!r}, valid once until {_when(expires)}", file=sys.stderr)
    elif args.command == "device" and args.device_command == "list":
        rows = storage.list_devices()
        if args.json:
            print(json.dumps([asdict(r) for r in rows], indent=2))
        for r in [] if args.json else rows:
            print(f"{r.device_id}  {r.status:<8}  desk {r.desk_id}  enrolled {_when(r.enrolled_ms)}  {r.label}")
    elif args.command == "device":
        if not storage.revoke_device(args.device_id):
            print(f"no active or pending device {args.device_id}", file=sys.stderr)
            return 1
        print(f"revoked {args.device_id}")
    elif args.command == "stats":
        figures = storage.stats()
        if args.json:
            print(json.dumps(figures, indent=2, sort_keys=True))
        for key in [] if args.json else sorted(figures):
            print(f"{key:<20} {figures[key]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ProtocolError as exc:
        print(f"error {int(exc.code)}: {exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
