"""One version for the app and the server: pyproject's, read by iam_desktop.__version__ and sync.protocol's
APP_VERSION (both from the installed distribution's metadata). The bundle reports the same (tests/packaging/
test_bundle.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from iam_desktop import __version__
from iam_desktop.cli import build_parser
from sync.protocol import APP_VERSION
from sync.server.cli import build_parser as server_parser

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_app_server_and_pyproject_agree() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert __version__ == APP_VERSION == declared, "re-run `uv sync` after changing pyproject's version"


def test_both_commands_print_it(capsys) -> None:  # type: ignore[no-untyped-def]
    for parser, expected in ((build_parser(), f"I.Am Desk {__version__}"),
                             (server_parser(), f"iam-sync-server {__version__}")):  # fmt: skip
        try:
            parser.parse_args(["--version"])
        except SystemExit as stop:
            assert stop.code == 0
        assert capsys.readouterr().out.strip() == expected
