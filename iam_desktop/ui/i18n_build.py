"""Building the UI translations: compiles every Qt Linguist ``.ts`` under ``resources/translations`` into the
``.qm`` beside it with the ``pyside6-lrelease`` executable of the environment (``make run`` and ``make test`` call
this; the ``.qm`` files are build output and not committed).

Keeping the ``.ts`` in sync with the code: ``python -m iam_desktop.ui.i18n_build --update`` runs
``pyside6-lupdate`` over ``iam_desktop/ui`` (new source strings are added as unfinished, strings no longer used are
dropped), then fill in the Italian with ``pyside6-linguist resources/translations/iam_it.ts`` (or by editing the
XML) and build again. The test suite fails while any message is unfinished or any ``tr()`` string is missing.

This module imports no Qt: it only runs the tools, so it works before the GUI can start.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from iam_desktop.resources import resource

UI_SOURCES = Path(__file__).resolve().parent


def tool(name: str) -> str:
    """The path of a PySide6 tool: beside the running interpreter (the venv) first, then on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's environment (uv sync)")
    return found


def translation_sources() -> list[Path]:
    return sorted(resource("translations").glob("*.ts"))


def ui_python_files() -> list[Path]:
    return sorted(p for p in UI_SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def update(ts_files: list[Path]) -> None:
    """Run lupdate over the UI sources into the given .ts files."""
    sources = [str(p) for p in ui_python_files()]
    for ts in ts_files:
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(ts)], check=True)  # noqa: S603


def release(ts_files: list[Path]) -> list[Path]:
    built = []
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m iam_desktop.ui.i18n_build", description="Build the UI translations (.ts -> .qm)."
    )
    parser.add_argument("--update", action="store_true", help="run pyside6-lupdate over iam_desktop/ui first")
    args = parser.parse_args(argv)
    ts_files = translation_sources()
    if args.update:
        update(ts_files)
    for qm in release(ts_files):
        print(f"built {qm.relative_to(resource())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
