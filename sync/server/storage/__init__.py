"""Server storage: the `Storage` interface and its SQLAlchemy implementation for SQLite and PostgreSQL.

`open_storage(url)` is the one way in; the implementation is assembled from one mixin per responsibility
(accounts, the log, cases and blobs) sharing a single engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync.server import migrate
from sync.server.storage.accounts import AccountsMixin
from sync.server.storage.base import DeviceRow, PullPage, Storage
from sync.server.storage.cases import CasesMixin
from sync.server.storage.digest import DigestMixin
from sync.server.storage.engine import make_engine
from sync.server.storage.log import LogMixin
from sync.server.tables import (
    blobs,
    cases,
    changes,
    desks,
    devices,
    grants,
    holdings,
    log_counter,
    notices,
    tombstones,
)

__all__ = ["DeviceRow", "PullPage", "SqlStorage", "Storage", "open_storage"]


class SqlStorage(AccountsMixin, LogMixin, CasesMixin, DigestMixin, Storage):
    """`Storage` on SQLAlchemy 2; the same code serves SQLite and PostgreSQL (see `storage.engine`)."""

    def __init__(self, url: str, *, max_blob_bytes: int = 256 << 20, blob_chunk_bytes: int = 4 << 20) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.max_blob_bytes = max_blob_bytes
        self.blob_chunk_bytes = blob_chunk_bytes

    def upgrade(self) -> str:
        return migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def stats(self) -> dict[str, Any]:
        """Counts and sizes for `iam-sync-server stats`: never a payload, never an id."""
        with self.engine.connect() as conn:

            def count(table: sa.Table, *where: Any) -> int:
                return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one())

            out: dict[str, Any] = {
                "desks": count(desks),
                "devices_active": count(devices, devices.c.status == "active"),
                "devices_pending": count(devices, devices.c.status == "pending"),
                "devices_revoked": count(devices, devices.c.status == "revoked"),
                "cases": count(cases, cases.c.erased_ms.is_(None)),
                "cases_erased": count(cases, cases.c.erased_ms.is_not(None)),
                "holdings": count(holdings, holdings.c.until_seq.is_(None)),
                "holdings_revoked": count(holdings, holdings.c.until_seq.is_not(None)),
                "grants": count(grants),
                "changes": count(changes),
                "tombstones": count(tombstones),
                "notices": count(notices),
                "blobs": count(blobs),
                "log_seq": int(conn.execute(sa.select(log_counter.c.value)).scalar_one()),
                "ciphertext_bytes": int(
                    conn.execute(sa.select(sa.func.coalesce(sa.func.sum(changes.c.size), 0))).scalar_one()
                ),
                "blob_bytes": int(
                    conn.execute(sa.select(sa.func.coalesce(sa.func.sum(blobs.c.received), 0))).scalar_one()
                ),
            }
            out["database_bytes"] = self._database_bytes(conn)
        return out

    def _database_bytes(self, conn: sa.Connection) -> int:
        if conn.dialect.name == "sqlite":
            database = self.engine.url.database or ""
            return sum(
                Path(database + suffix).stat().st_size for suffix in ("", "-wal") if Path(database + suffix).exists()
            )
        return int(conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one())


def open_storage(url: str, *, upgrade: bool = True, **options: Any) -> SqlStorage:
    """Open the database at `url`, upgrading its schema first (refused when it is newer than this server)."""
    storage = SqlStorage(url, **options)
    if upgrade:
        storage.upgrade()
    return storage
