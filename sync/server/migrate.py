"""Schema upgrades of the server database with Alembic, run by `serve` and by every admin command.

A database written by a newer server (its Alembic revision is unknown to this code) is refused with
`ErrorCode.SCHEMA_TOO_NEW` instead of being touched, so an accidental downgrade of the software cannot damage it.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from sync.protocol import ErrorCode, ProtocolError

__all__ = ["alembic_config", "current_revision", "head_revision", "upgrade"]

_SCRIPTS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine) -> str:
    """Bring the schema to the newest revision and return it; refuse a database from a newer server."""
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    if current is not None:
        try:
            scripts.get_revision(current)
        except Exception as exc:  # alembic raises several kinds for an unknown revision
            raise ProtocolError(
                ErrorCode.SCHEMA_TOO_NEW,
                f"the database schema is at revision {current!r}, newer than this server knows "
                f"(head {scripts.get_current_head()!r}); upgrade the server software instead",
            ) from exc
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return head_revision()
