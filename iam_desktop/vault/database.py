"""Opening the vault's SQLite file: engine with WAL, foreign keys, busy timeout and secure delete; Alembic
migrations on every open; refusal of a file written by a newer schema; translation of SQLite's low-level failures
(disk full, damaged file) into the app's errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from iam_desktop.domain.errors import CorruptVaultError, NewerSchemaError, StorageFullError, VaultError

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision this version of the app knows (a test checks it is Alembic's head). Knowing it here lets an
# up-to-date vault open without importing Alembic, which costs half a second of start-up.
HEAD_REVISION = "0004_blob_queue"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=FULL")
    # Freed pages are zeroed, so an overwritten draft does not linger in the file's free list.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def create_vault_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": 10, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if exists is None:
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def migrate(engine: Engine) -> None:
    """Bring the schema to head; refuse a vault whose revision this version of the app does not know."""
    with translate_errors(), engine.begin() as connection:
        revision = current_revision(connection)
        if revision == HEAD_REVISION:
            return
        from alembic import command
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        script = ScriptDirectory(str(MIGRATIONS))
        if revision is not None and revision not in {rev.revision for rev in script.walk_revisions()}:
            raise NewerSchemaError("vault written by a newer version", revision=revision)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _is_disk_full(error: BaseException) -> bool:
    text = str(error).lower()
    return "database or disk is full" in text or "disk i/o error" in text or "file too large" in text


@contextmanager
def translate_errors() -> Iterator[None]:
    """SQLite's errors as the app's errors; the transaction they interrupt has already rolled back."""
    try:
        yield
    except VaultError:
        raise
    except (OperationalError, DatabaseError, sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
        original = getattr(exc, "orig", exc)
        if _is_disk_full(original):
            raise StorageFullError(str(original)) from exc
        text = str(original).lower()
        if "malformed" in text or "not a database" in text or "file is encrypted" in text:
            raise CorruptVaultError(str(original)) from exc
        raise
    except OSError as exc:
        if exc.errno in (28, 27):  # ENOSPC, EFBIG
            raise StorageFullError(str(exc)) from exc
        raise


def integrity_check(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA integrity_check").scalar())
