"""Where the data files under ``resources/`` are: beside the package in a source checkout, or inside the
PyInstaller bundle. Forms, pathways, indicators, translations and fonts are data so another network can change
them without touching code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def read_json(*parts: str) -> Any:
    """A JSON data file under ``resources/``, parsed (UTF-8)."""
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
