"""Shared fixtures (registered in tests/conftest.py): a real vault in a temporary directory, cheap Argon2id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from iam_desktop.services.desk import Desk
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir

PASSPHRASE = "una passphrase lunga e segreta"
# A person as the intake form hands it to ``desk.cases.intake`` (the interchange format) …
PERSON = {
    "given_names": ["Amadou Bakary"],
    "family_name": "Traoré-Zyxwq",
    "codice_fiscale": "TRRMDB90A01Z329G",
    "phone": "+39 333 918 2746",
    "notes": "vive a Lumezzane",
}
# … and as the case file stores it (the phone normalised).
STORED_PERSON = {**PERSON, "phone": "+393339182746"}
# What a scan of the files must never find in clear: the strings as they are stored, so a leak would be seen.
KNOWN_STRINGS = ["Amadou Bakary", "Traoré-Zyxwq", "TRRMDB90A01Z329G", "3339182746", "Lumezzane"]


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAM_INSECURE_FAST_KDF", "1")


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "desk")


@pytest.fixture
def desk(data_dir: DataDir) -> Iterator[Desk]:
    desk, _ = Desk.initialise(
        data_dir,
        desk_name="Sportello Val Trompia",
        territory="Val Trompia",
        username="anna",
        display_name="Anna Bianchi",
        passphrase=PASSPHRASE,
        kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
    )
    yield desk
    desk.close()


def raw_bytes(data_dir: DataDir) -> bytes:
    """Every byte SQLite has on disk for this vault: main file, WAL and shared memory."""
    chunks = []
    for suffix in ("", "-wal", "-shm", ".pre-restore"):
        path = Path(str(data_dir.vault) + suffix)
        if path.exists():
            chunks.append(path.read_bytes())
    return b"".join(chunks)
