"""Version numbers of the wire protocol and of the software, shared by the desktop client and the server.

`PROTOCOL_VERSION` changes only when the wire messages change incompatibly; `APP_VERSION` is the one version of
the `iam-desk` distribution (app and server ship together); `MIN_CLIENT_VERSION` is the oldest client the server
still serves, published by `GET /v1/info` so old clients can tell the operator to update.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["APP_VERSION", "MIN_CLIENT_VERSION", "PROTOCOL_VERSION", "version_tuple"]

PROTOCOL_VERSION = 1
MIN_CLIENT_VERSION = "0.1.0"

try:
    APP_VERSION = version("iam-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    APP_VERSION = "0.0.0"


def version_tuple(text: str) -> tuple[int, ...]:
    """`"1.2.3"` → `(1, 2, 3)`, ignoring any pre-release suffix, so versions compare as numbers, not strings."""
    parts: list[int] = []
    for piece in text.split("."):
        digits = ""
        for char in piece:
            if not char.isdigit():
                break
            digits += char
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
