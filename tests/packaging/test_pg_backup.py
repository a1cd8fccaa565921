"""The restore drill of docs/operations.md, for real: changes pushed through a server process on PostgreSQL are
backed up with packaging/server/backup.sh (pg_dump -Fc), restored with restore.sh into a NEW database, and a server
started on that database serves the same changes to the same devices, which go on pushing. restore.sh refuses to
restore over an existing database and refuses a damaged file."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sync.server.testing import ServerProcess, enrolled_desk, temporary_postgres_database

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("IAM_TEST_DATABASE_URL", "")
SCRIPTS = Path(__file__).resolve().parents[2] / "packaging" / "server"
SERVER_ENV = {"IAM_SYNC_ENROL_PER_MINUTE": "10000"}

if not PG_URL:
    pytest.skip(
        "the backup/restore drill needs PostgreSQL: set IAM_TEST_DATABASE_URL (.ci/run does)", allow_module_level=True
    )
if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
    pytest.skip("the backup/restore drill needs pg_dump, pg_restore and psql on PATH", allow_module_level=True)


def _script(name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPTS / name), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def restored_url() -> Iterator[str]:
    """The URL of a database that does not exist yet; dropped after the test if restore.sh created it."""
    url = sa.make_url(PG_URL).set(database=f"iam_sync_restored_{uuid.uuid4().hex[:10]}")
    yield url.render_as_string(hide_password=False)
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
    admin.dispose()


def test_backup_then_restore_into_a_new_database_serves_the_same_changes(tmp_path: Path, restored_url: str) -> None:
    with temporary_postgres_database(PG_URL) as live_url:
        with ServerProcess(live_url, env=SERVER_ENV) as server:
            writer, reader = enrolled_desk(live_url, server.url, "Sportello Padova", devices=2)
            case_key = os.urandom(32)
            cases = [str(uuid.uuid4()) for _ in range(3)]
            for case_id in cases:
                changes = [writer.change(case_id, case_key, f"record {n}".encode()) for n in range(4)]
                reply = writer.push(changes, [writer.grant(case_id)])
                assert {s.status for s in reply.statuses} == {"applied"}
            before = reader.pull_all()[0]
            assert len(before) == 12

        backup = _script("backup.sh", str(tmp_path / "backups"), env={"IAM_SYNC_DATABASE_URL": live_url})
        assert backup.returncode == 0, backup.stderr
        dump = Path(backup.stdout.strip())
        assert dump.parent == tmp_path / "backups" and dump.suffix == ".dump" and dump.stat().st_size > 0
        assert oct(dump.stat().st_mode & 0o777) == "0o600"  # the dump is as private as the database

        refused = _script("restore.sh", str(dump), live_url)  # never over an existing (here: the live) database
        assert refused.returncode == 1 and "already exists" in refused.stderr

    restore = _script("restore.sh", str(dump), restored_url)  # the live database is gone: a real disaster
    assert restore.returncode == 0, restore.stderr

    with ServerProcess(restored_url, env=SERVER_ENV) as restored:
        for device in (writer, reader):
            device.url = restored.url
        reader.cursor = ""  # a pull from the start: everything the old server had stored
        after = reader.pull_all()[0]
        assert [c.model_dump() for c in after] == [c.model_dump() for c in before]
        more = writer.push([writer.change(cases[0], case_key, b"after the restore")])
        assert [s.status for s in more.statuses] == ["applied"]
        assert len(reader.pull_all()[0]) == 1


def test_restore_refuses_a_damaged_backup(tmp_path: Path, restored_url: str) -> None:
    damaged = tmp_path / "damaged.dump"
    damaged.write_bytes(b"PGDMP" + os.urandom(200))
    result = _script("restore.sh", str(damaged), restored_url)
    assert result.returncode != 0
    admin = sa.create_engine(PG_URL)
    with admin.connect() as conn:
        name = sa.make_url(restored_url).database
        assert conn.execute(sa.text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}).scalar() == 0
    admin.dispose()
