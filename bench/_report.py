"""How a benchmark prints its figures: one JSON object with ``--json``, else one aligned ``name value`` line each."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Any


def print_figures(figures: Mapping[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures))
    else:
        width = max((len(key) for key in figures), default=0) + 2
        for key, value in figures.items():
            print(f"{key:<{width}}{value}")
    sys.stdout.flush()
