"""The vault's schema is Alembic's: migrations run on open and the app's idea of the head matches Alembic's."""

from __future__ import annotations

import sqlite3

from iam_desktop.services.desk import Desk
from iam_desktop.vault.database import HEAD_REVISION, alembic_head
from iam_desktop.vault.paths import DataDir


def test_head_constant_matches_alembic() -> None:
    assert alembic_head() == HEAD_REVISION


def test_new_vault_is_at_head_with_wal_and_foreign_keys(desk: Desk, data_dir: DataDir) -> None:
    conn = sqlite3.connect(data_dir.vault)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    with desk._vault.engine.connect() as live:
        assert live.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert live.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
