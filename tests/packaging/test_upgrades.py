"""Upgrades, as a desk and the central office meet them: a vault written by the FIRST schema (0001_initial) and a
server database at the server's first revision, both with data, open under this version and keep every record; a
client newer than the server syncs; a client older than the server's minimum is told to update (DESIGN.md §6).

The 0001 vault is made with real, correctly encrypted data: a vault is created and filled by this version, then
Alembic takes it DOWN to 0001. Every migration after 0001 only adds tables, so what is left is exactly what a 0001
vault with those cases held (operators, keyring, case keys, records, audit chain)."""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncState
from iam_desktop.vault.database import HEAD_REVISION, MIGRATIONS
from iam_desktop.vault.paths import DataDir
from sync.protocol import APP_VERSION, MIN_CLIENT_VERSION, version_tuple
from sync.server import migrate as server_migrate
from sync.server.storage import open_storage
from sync.server.testing import ServerProcess, enrolled_desk
from tests.sync_client.helpers import PASSPHRASE, desk_devices, new_vault, person, replica, sync

VAULT_FIRST = "0001_initial"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


def _first_revision(location: Path) -> str:
    script = ScriptDirectory(str(location))
    (base,) = script.get_bases()
    return base


def _vault_revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _vault_down_to(path: Path, revision: str) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_the_vaults_first_revision_is_0001_initial() -> None:
    assert _first_revision(MIGRATIONS) == VAULT_FIRST


def test_a_vault_of_the_first_schema_with_cases_upgrades_to_head(tmp_path: Path) -> None:
    root = tmp_path / "desk"
    desk = new_vault(root, "Sportello Val Trompia")
    ids = [desk.cases.intake(person(n)) for n in range(3)]
    before = {case_id: desk.cases.open(case_id) for case_id in ids}
    desk.close()
    vault = DataDir(root).vault

    _vault_down_to(vault, VAULT_FIRST)
    assert _vault_revision(vault) == VAULT_FIRST
    assert "outbox" not in _tables(vault) and "lookup_index" not in _tables(vault)  # really the 0001 schema

    upgraded = Desk.open(DataDir(root))  # migrations run on open
    try:
        assert _vault_revision(vault) == HEAD_REVISION
        upgraded.unlock("anna", PASSPHRASE)
        assert {case_id: upgraded.cases.open(case_id) for case_id in ids} == before
        assert upgraded.cases.count() == 3
        assert upgraded.verify_audit().ok
        new_case = upgraded.cases.intake(person(7))  # and it keeps working: new writes, new tables
        assert upgraded.cases.count() == 4 and new_case not in ids
    finally:
        upgraded.close()


def test_a_server_database_of_the_first_revision_with_data_upgrades_to_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sync.sqlite3'}"
    first = _first_revision(server_migrate._SCRIPTS)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(server_migrate._SCRIPTS))
            config.attributes["connection"] = connection
            command.upgrade(config, first)
            # a row as the first schema had it: a desk with no key yet
            columns = {c["name"] for c in sa.inspect(connection).get_columns("desks")}
            row = {"desk_id": str(uuid.uuid4()), "name": "Sportello Padova", "kind": "desk", "created_ms": 1}
            connection.execute(sa.table("desks", *(sa.column(c) for c in row)).insert().values(**row))
            assert set(row) <= columns
    finally:
        engine.dispose()

    storage = open_storage(url)  # upgrades to head
    try:
        assert storage.upgrade() == server_migrate.head_revision()
        assert [d.name for d in storage.list_desks()] == ["Sportello Padova"]
    finally:
        storage.close()
    with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}) as server:
        (device,) = enrolled_desk(url, server.url, "Sportello Brescia")
        case_id = str(uuid.uuid4())
        reply = device.push([device.change(case_id, os.urandom(32), b"dati cifrati")], [device.grant(case_id)])
        assert [s.status for s in reply.statuses] == ["applied"]
        assert len(device.pull_all()[0]) == 1


def test_a_client_older_than_the_servers_minimum_is_told_to_update(server: ServerProcess, tmp_path: Path) -> None:
    (desk,) = desk_devices(server, tmp_path, devices=1)
    desk.cases.intake(person(1))
    report = desk.sync.client(app_version="0.0.1").run_once()
    assert version_tuple("0.0.1") < version_tuple(MIN_CLIENT_VERSION)
    assert report.state is SyncState.UPDATE_REQUIRED and report.detail == MIN_CLIENT_VERSION and report.pushed == 0
    assert desk.sync.status().waiting == 2 and desk.cases.count() == 1  # nothing lost, work goes on offline


def test_a_client_newer_than_the_server_syncs_with_an_older_one(server: ServerProcess, tmp_path: Path) -> None:
    newer, older = desk_devices(server, tmp_path, devices=2)
    major, minor, _patch = version_tuple(APP_VERSION)
    ahead = f"{major}.{minor + 1}.0"
    case_id = newer.cases.intake(person(2))
    report = newer.sync.client(app_version=ahead).run_once()
    assert report.ok and report.state is not SyncState.UPDATE_REQUIRED and report.pushed >= 1
    sync(older)
    assert older.cases.open(case_id) == newer.cases.open(case_id)
    assert replica(older) == replica(newer)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'sync.sqlite3'}"
    with ServerProcess(url, env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}) as process:
        yield process
