"""The admin CLI: every command works against a real database and is documented in docs/server.md."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

from sync.server.cli import build_parser, main
from sync.server.settings import ENVIRONMENT

DOCS = Path(__file__).resolve().parents[2] / "docs" / "server.md"


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                nested = commands(sub, path)
                found.update(nested or {path: sub})
    return found


def test_every_command_option_and_variable_is_documented() -> None:
    text = DOCS.read_text()
    tree = commands(build_parser())
    assert set(tree) == {"serve", "desk create", "desk list", "enrol-code", "device list", "device revoke",
                         "stats", "db upgrade"}  # fmt: skip
    for name, parser in tree.items():
        assert f"`{name}" in text, f"command {name!r} is not documented"
        for action in parser._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in text, f"option {flag} of {name!r} is not documented"
    for variable in ENVIRONMENT:
        assert variable in text, f"{variable} is not documented"


def run(url: str, *args: str, status: int = 0) -> str:
    """The CLI in-process (same `main` as the console script; a subprocess per command would cost seconds)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main([*args, "--database-url", url]) == status
    return out.getvalue()


def test_admin_commands_against_a_real_database(database_url: str) -> None:
    assert "revision" in run(database_url, "db", "upgrade")
    desk_id = run(database_url, "desk", "create", "Sportello Padova").strip()
    run(database_url, "desk", "create", "Ufficio centrale", "--central")
    desks = json.loads(run(database_url, "desk", "list", "--json"))
    assert {d["name"]: d["kind"] for d in desks} == {"Sportello Padova": "desk", "Ufficio centrale": "central"}
    code = run(database_url, "enrol-code", "Sportello Padova", "--ttl-minutes", "5").strip()
    assert len(code) == 19 and desk_id
    assert json.loads(run(database_url, "device", "list", "--json")) == []
    stats = json.loads(run(database_url, "stats", "--json"))
    assert stats["desks"] == 2 and stats["changes"] == 0 and stats["database_bytes"] > 0
    run(database_url, "device", "revoke", "nope", status=1)


def test_the_console_entry_point_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "sync.server", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("iam-sync-server ")
