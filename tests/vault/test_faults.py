"""Bad input and faults on the real vault: a foreign vault file, a newer schema, SIGKILL in the middle of a batch,
a full disk. Each must give a clear error and lose nothing that was committed."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from iam_desktop.domain.errors import ForeignVaultError, NewerSchemaError, NotInitialisedError, StorageFullError
from iam_desktop.services.desk import Desk
from iam_desktop.services.messages import describe
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import PASSPHRASE, PERSON


def _make_desk(path: Path, name: str) -> DataDir:
    data_dir = DataDir(path)
    desk, _ = Desk.initialise(
        data_dir,
        desk_name=name,
        territory="",
        username="anna",
        display_name="Anna",
        passphrase=PASSPHRASE,
        kdf=KdfParams(8192, 1, 1),
    )
    desk.cases.intake(PERSON)
    desk.close()
    return data_dir


def test_no_vault_yet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotInitialisedError) as caught:
        Desk.open(DataDir(tmp_path / "empty"))
    assert "iam-desktop init" in describe(caught.value, "en")


def test_vault_file_copied_from_another_device_is_refused(tmp_path: Path) -> None:
    mine = _make_desk(tmp_path / "mine", "Sportello Brescia")
    theirs = _make_desk(tmp_path / "theirs", "Sportello Padova")
    original = mine.vault.read_bytes()
    shutil.copy(theirs.vault, mine.vault)
    with pytest.raises(ForeignVaultError) as caught:
        Desk.open(mine)
    assert "backup" in describe(caught.value, "en")
    # Nothing was written to the copied file by the refused open.
    assert mine.vault.read_bytes() == theirs.vault.read_bytes()
    assert original != mine.vault.read_bytes()


def test_vault_from_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = _make_desk(tmp_path / "d", "Sportello Brescia")
    conn = sqlite3.connect(data_dir.vault)
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = data_dir.vault.read_bytes()
    with pytest.raises(NewerSchemaError) as caught:
        Desk.open(data_dir)
    assert "9999_from_the_future" in describe(caught.value, "it")
    assert data_dir.vault.read_bytes() == before


# Both writers store their batch as ``case import`` does: desk.cases.import_results, one transaction for every row.
PEOPLE = """
import datetime, os
from iam_desktop.domain import interchange
def people(n, notes):
    # names are letters only (the intake rules refuse digits): the row number spelt with a..j
    rows = [{"given_names": ["Persona " + "".join("abcdefghij"[int(d)] for d in str(i))], "family_name": "Prova",
             "notes": os.urandom(notes).hex()} for i in range(n)]
    return [interchange.parse_record(row, i + 1, today=datetime.date.today()) for i, row in enumerate(rows)]
"""

BATCH_WRITER = PEOPLE + textwrap.dedent(
    """
    import os, sys
    os.environ["IAM_INSECURE_FAST_KDF"] = "1"
    from iam_desktop.services.desk import Desk
    from iam_desktop.vault.paths import DataDir
    desk = Desk.open(DataDir(sys.argv[1]))
    desk.unlock("anna", sys.argv[2])
    batch = people(int(sys.argv[3]), 1900)
    assert all(row.record is not None for row in batch)
    print("ready", flush=True)
    report = desk.cases.import_results(batch)
    print("done", len(report.imported), flush=True)
    """
)


def _wait_for_wal(data_dir: DataDir, proc: subprocess.Popen[str], size: int) -> None:
    wal = Path(str(data_dir.vault) + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size >= size:
            return
        time.sleep(0.02)
    raise AssertionError(f"the batch ended before {size} bytes of WAL were written")


# The batch (about 1 s of duplicate look-ups, then several seconds of writing here) is killed before it writes,
# while its uncommitted pages are already in the WAL (1 MB and 4 MB of it: measured by size, not by time, so the
# kill lands mid-write on a fast or a busy machine), and after the commit.
@pytest.mark.parametrize("kill", ["before_writing", "wal_1mb", "wal_4mb", "after_commit"])
def test_sigkill_in_the_middle_of_a_batch_leaves_all_or_nothing(tmp_path: Path, kill: str) -> None:
    data_dir = _make_desk(tmp_path / "d", "Sportello Brescia")
    batch = 1500
    proc = subprocess.Popen(
        [sys.executable, "-c", BATCH_WRITER, str(data_dir.root), PASSPHRASE, str(batch)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    if kill == "before_writing":
        time.sleep(0.1)
    elif kill == "after_commit":
        assert proc.stdout.readline().split() == ["done", str(batch)]
    else:
        _wait_for_wal(data_dir, proc, {"wal_1mb": 2**20, "wal_4mb": 4 * 2**20}[kill])
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    desk = Desk.open(data_dir)
    try:
        assert desk.integrity() == "ok"
        desk.unlock("anna", PASSPHRASE)
        count = desk.cases.count()
        assert count in (1, 1 + batch), f"half-written batch: {count - 1} of {batch}"
        expected = {"before_writing": 1, "after_commit": 1 + batch}.get(kill)
        assert expected is None or count == expected
        assert desk.verify_audit().ok
    finally:
        desk.close()


FULL_DISK_WRITER = PEOPLE + textwrap.dedent(
    """
    import os, resource, signal, sys
    os.environ["IAM_INSECURE_FAST_KDF"] = "1"
    from iam_desktop.domain.errors import StorageFullError
    from iam_desktop.services.desk import Desk
    from iam_desktop.services.messages import describe
    from iam_desktop.vault.paths import DataDir
    desk = Desk.open(DataDir(sys.argv[1]))
    desk.unlock("anna", sys.argv[2])
    # A file-size limit a little above the current files plays the part of a disk that fills up.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        desk.cases.import_results(people(300, 1900))
    except StorageFullError as exc:
        print("FULL:" + describe(exc, "en"), flush=True)
        sys.exit(0)
    print("NOT FULL", flush=True)
    """
)


def test_full_disk_is_reported_and_the_last_good_state_kept(tmp_path: Path) -> None:
    data_dir = _make_desk(tmp_path / "d", "Sportello Brescia")
    limit = max(os.path.getsize(data_dir.vault), 64 * 1024) + 256 * 1024
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_WRITER, str(data_dir.root), PASSPHRASE, str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("FULL:"), result.stdout + result.stderr
    assert "disk is full" in result.stdout
    desk = Desk.open(data_dir)
    try:
        assert desk.integrity() == "ok"
        desk.unlock("anna", PASSPHRASE)
        assert desk.cases.count() == 1
        assert desk.cases.intake({"given_names": ["Dopo"], "family_name": "Prova"})  # once space is back, work goes on
        assert desk.cases.count() == 2
    finally:
        desk.close()


def test_storage_full_error_names_what_to_do() -> None:
    assert "Free some space" in describe(StorageFullError("x"), "en")
