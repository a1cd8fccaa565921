"""Entry point of ``iam-desktop``: the GUI with no arguments, headless subcommands otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from iam_desktop import cli

    if cli.wants_gui(args):
        from iam_desktop.ui.app import run_gui

        return int(run_gui(cli.gui_options(args)))
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
