"""The server's settings: declared once, typed, read from the environment or set by the CLI.

Environment variables (all optional) are listed in `ENVIRONMENT` and documented in `docs/server.md`. Settings are
passed explicitly to `create_app`; the only global read of the environment is `Settings.from_env`, which the CLI
and the uvicorn worker factory call, because uvicorn starts workers by import string.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

import platformdirs

__all__ = ["ENVIRONMENT", "Settings", "default_database_url"]

ENVIRONMENT: dict[str, str] = {
    "IAM_SYNC_DATABASE_URL": "database_url",
    "IAM_SYNC_MAX_BODY_BYTES": "max_body_bytes",
    "IAM_SYNC_MAX_BATCH_CHANGES": "max_batch_changes",
    "IAM_SYNC_MAX_PULL_LIMIT": "max_pull_limit",
    "IAM_SYNC_MAX_BLOB_BYTES": "max_blob_bytes",
    "IAM_SYNC_BLOB_CHUNK_BYTES": "blob_chunk_bytes",
    "IAM_SYNC_ENROL_PER_MINUTE": "enrol_per_minute",
    "IAM_SYNC_AUTH_FAILURES_PER_MINUTE": "auth_failures_per_minute",
    "IAM_SYNC_ACCESS_LOG": "access_log",
}


def default_database_url() -> str:
    """An SQLite file in the platform's data directory for "iam-sync-server" (created when missing)."""
    folder = Path(platformdirs.user_data_dir("iam-sync-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'sync.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    max_body_bytes: int = 48 * 1024 * 1024
    max_batch_changes: int = 10_000
    max_pull_limit: int = 10_000
    max_blob_bytes: int = 256 * 1024 * 1024
    blob_chunk_bytes: int = 4 * 1024 * 1024
    enrol_per_minute: int = 20
    auth_failures_per_minute: int = 60
    access_log: bool = True

    def resolved(self) -> Settings:
        """These settings with the default database filled in."""
        return self if self.database_url else replace(self, database_url=default_database_url())

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from `IAM_SYNC_*` variables, then `overrides` (CLI flags) on top."""
        types = {f.name: f.type for f in fields(cls)}
        values: dict[str, object] = {}
        for variable, name in ENVIRONMENT.items():
            raw = os.environ.get(variable)
            if raw is None or raw == "":
                continue
            kind = types[name]
            if kind in ("int", int):
                values[name] = int(raw)
            elif kind in ("bool", bool):
                values[name] = raw.strip().lower() not in ("0", "false", "no", "off")
            else:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The environment that makes `from_env` rebuild these settings in a worker process."""
        out: dict[str, str] = {}
        for variable, name in ENVIRONMENT.items():
            value = getattr(self, name)
            out[variable] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out
