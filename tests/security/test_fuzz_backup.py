"""Hypothesis over the backup reader: random files and mutated real backups (bytes flipped, cut, inserted; chunks
swapped; the header's JSON altered and re-framed with a correct length) restored over an existing vault and onto
a new machine. The only errors allowed are the documented ones (`BackupError` and its `NotABackupError`,
`BackupForeignError`; `WrongPassphraseError`), and a refused restore leaves no trace: the existing vault is
byte-for-byte the same, no `vault.db.pre-restore`, no temporary `restore-*.db`; on a new machine, no vault at all.
tests/vault/test_backup.py has the hand-picked cases (truncation, one flipped byte, another desk's file).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iam_desktop.domain.errors import BackupError, WrongPassphraseError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.backup import MAGIC
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from tests.json_paths import json_paths
from tests.vault_fixtures import PASSPHRASE, PERSON

DOCUMENTED = (BackupError, WrongPassphraseError)
_U32 = struct.Struct(">I")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@dataclass
class Backup:
    data: bytes
    header: dict[str, Any]
    chunks_at: int
    existing: DataDir
    existing_bytes: str
    scratch: Path


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backup]:
    root = tmp_path_factory.mktemp("backup-fuzz")
    data_dir = DataDir(root / "desk")
    desk, _ = Desk.initialise(
        data_dir, desk_name="Sportello fuzz", territory="", username="anna", display_name="Anna",
        passphrase=PASSPHRASE, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
    )  # fmt: skip
    # Enough cases for a backup of several chunks would be slow; chunk swaps are made on a two-chunk splice below.
    for n in range(20):
        desk.cases.intake({**PERSON, "given_names": [f"Persona {chr(ord('a') + n)}"]})
    target = root / "desk.iambak"
    desk.backup(target)
    desk.close()
    data = target.read_bytes()
    (length,) = _U32.unpack(data[len(MAGIC) : len(MAGIC) + 4])
    header = json.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
    yield Backup(data, header, len(MAGIC) + 4 + length, data_dir, _digest(data_dir), root)


def _digest(data_dir: DataDir) -> str:
    return hashlib.sha256(data_dir.vault.read_bytes()).hexdigest()


def _header_of(data: bytes) -> dict[str, Any] | None:
    """The header a reader would get past the framing, if any."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        return None
    (length,) = _U32.unpack(data[len(MAGIC) : len(MAGIC) + 4])
    try:
        header = json.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
    except ValueError:
        return None
    return header if isinstance(header, dict) and header.get("format") == 1 else None


def _restore_refused_without_trace(b: Backup, mutated: bytes, *, skip_known: bool = True) -> None:
    header = _header_of(mutated)
    if skip_known:
        assume(
            header is None or not _known_header_crash(header)
        )  # absurd Argon2id costs: refused quickly, see the test below
    source = Path(tempfile.mkstemp(dir=b.scratch, suffix=".iambak")[1])
    source.write_bytes(mutated)
    new_machine = DataDir(Path(tempfile.mkdtemp(dir=b.scratch)) / "new")
    try:
        for target in (b.existing, new_machine):
            try:
                Desk.restore(target, source, username="anna", secret=PASSPHRASE)
            except DOCUMENTED:
                pass
            else:
                assert mutated == b.data, "a damaged backup was restored"
                continue
            assert not (target.root / "vault.db.pre-restore").exists()
            assert not list(target.root.glob("restore-*")) if target.root.exists() else True
        assert _digest(b.existing) == b.existing_bytes
        assert not new_machine.vault.exists() or mutated == b.data
    finally:
        source.unlink()
        shutil.rmtree(new_machine.root.parent, ignore_errors=True)


@FUZZ
@given(st.binary(max_size=2000) | st.binary(max_size=200).map(lambda tail: MAGIC + tail))
def test_random_files_are_refused(backup: Backup, data: bytes) -> None:
    _restore_refused_without_trace(backup, data)


@FUZZ
@given(st.data())
def test_mutated_backups_are_refused_without_trace(backup: Backup, data: st.DataObject) -> None:
    raw = bytearray(backup.data)
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "drop", "duplicate tail"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del raw[at:]
    elif kind == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    elif kind == "drop":
        del raw[at : at + data.draw(st.integers(1, 64))]
    else:
        raw += raw[at:]
    _restore_refused_without_trace(backup, bytes(raw))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2**40) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=5,
)


@FUZZ
@given(st.data(), _JSON)
def test_altered_headers_are_refused_without_trace(backup: Backup, data: st.DataObject, value: Any) -> None:
    """The header's JSON altered (a key deleted or replaced) and re-framed, so the reader gets past the framing."""
    header = json.loads(json.dumps(backup.header))
    target = data.draw(st.sampled_from(json_paths(header)[1:]))
    parent = header
    for part in target[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[target[-1]]
    else:
        parent[target[-1]] = value
    assume(not _known_header_crash(header))  # absurd Argon2id costs: refused quickly, see the test below
    _restore_refused_without_trace(backup, _framed(header, backup))


def _framed(header: dict[str, Any], backup: Backup) -> bytes:
    raw = json.dumps(header).encode()
    return MAGIC + _U32.pack(len(raw)) + raw + backup.data[backup.chunks_at :]


def _absurd_kdf(header: dict[str, Any]) -> bool:
    """Argon2id costs no real vault has: restoring such a header hangs or exhausts memory (reported below)."""
    operators = header.get("operators")
    for entry in operators if isinstance(operators, list) else []:
        kdf = entry.get("kdf") if isinstance(entry, dict) else None
        if isinstance(kdf, dict) and any(
            isinstance(kdf.get(k), int) and not 0 < kdf[k] <= limit
            for k, limit in (("memory_kib", 1 << 20), ("iterations", 16), ("lanes", 16))
        ):
            return True
    return False


def _known_header_crash(header: dict[str, Any]) -> bool:
    return _absurd_kdf(header)


HEADER_CRASHES = {
    "salt missing": lambda h: h.pop("salt"),
    "salt not ASCII": lambda h: h.update(salt="\x80"),
    "operators not a list": lambda h: h.update(operators={"anna": 1}),
    "vault id missing": lambda h: h.pop("vault_id"),
}


@pytest.mark.parametrize("alteration", list(HEADER_CRASHES))
def test_a_header_missing_a_key_is_a_backup_error(backup: Backup, alteration: str) -> None:
    header = json.loads(json.dumps(backup.header))
    HEADER_CRASHES[alteration](header)
    _restore_refused_without_trace(backup, _framed(header, backup))


RESTORE_WITH_A_HEADER = """
import json, sys
from pathlib import Path
from iam_desktop.domain.errors import BackupError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
try:
    Desk.restore(DataDir(Path(sys.argv[1])), Path(sys.argv[2]), username="anna", secret=sys.argv[3])
except BackupError:
    print("refused")
"""


def test_a_backup_with_absurd_kdf_costs_is_refused_quickly(backup: Backup, tmp_path: Path) -> None:
    import subprocess
    import sys

    header = json.loads(json.dumps(backup.header))
    for entry in header["operators"]:
        entry["kdf"]["iterations"] = 2**31
    source = tmp_path / "absurd.iambak"
    source.write_bytes(_framed(header, backup))
    command = [sys.executable, "-c", RESTORE_WITH_A_HEADER, str(tmp_path / "new"), str(source), PASSPHRASE]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except subprocess.TimeoutExpired:
        raise AssertionError("restore still deriving a key after 20 s") from None
    assert done.stdout.strip() == "refused", done.stderr
