"""Every path into a JSON tree, for the fuzz tests that alter one value of a document (a form, an indicator set, a
pathway file, a backup header) and check the loader refuses it cleanly."""

from __future__ import annotations

from typing import Any


def json_paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of ``node`` itself and of everything below it (dict keys and list indexes)."""
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += json_paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += json_paths(value, (*at, index))
    return found
