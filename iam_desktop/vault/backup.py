"""Encrypted, self-checking backups of a vault, and restoring them.

File layout::

    MAGIC | u32 header length | header (JSON) | chunk* where chunk = u32 length | AES-256-GCM(chunk)

The header carries the vault id, the operators' wrapped store keys (already Argon2id-protected) and the recovery
copy, so any operator of that vault can restore it on a new machine. Each chunk's associated data binds the header
hash, the chunk index and a final-chunk flag: a truncated, reordered, altered or spliced file fails before anything
is written. Restoring checks the decrypted database (hash and ``PRAGMA integrity_check``) in a temporary file and
only then swaps it in; the previous vault is kept beside it as ``vault.db.pre-restore``.

Erasure survives a restore (DESIGN.md §5 promise 4): before the swap, the current vault's erasure register
(``vault.erasures``) and its erase requests not yet sent are read, and every registered case is erased again from
the restored copy — keys, records, attachments, look-ups, queued changes —, still in the temporary file, with one
audit event per case; the register and the queue are carried over. The operator is told how many cases that was
(``BackupInfo.erased_again``). A backup file opened by anything but this app still holds the wrapped key."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, delete, insert, select

from iam_desktop.domain.errors import (
    BackupError,
    BackupForeignError,
    NotABackupError,
    TamperedError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from iam_desktop.vault import audit, crypto, erasures
from iam_desktop.vault.database import create_vault_engine, migrate, translate_errors
from iam_desktop.vault.keys import operator_aad, recovery_aad, recovery_wrapping_key
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import attachments, case_keys, keystore, operators, outbox, records, vault_meta
from iam_desktop.vault.vault import Vault, now_iso

MAGIC = b"IAMDESK-BACKUP\x00v1\n"
CHUNK = 1024 * 1024
_U32 = struct.Struct(">I")
MAX_HEADER = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    vault_id: str
    desk_name: str
    created_at: str
    app_version: str
    bytes: int
    erased_again: int = 0  # cases of the erasure register removed again from the restored copy


def _chunk_aad(header_hash: bytes, index: int, final: bool) -> bytes:
    return header_hash + struct.pack(">Q?", index, final)


def _backup_key(store_key: bytes, vault_id: str, salt: bytes) -> bytes:
    return crypto.hkdf(store_key, b"iam-backup|" + vault_id.encode() + b"|" + salt)


def write_backup(vault: Vault, target: Path, app_version: str) -> BackupInfo:
    store_key = vault.keyring.require_store_key()
    profile = vault.profile()
    with vault.engine.connect() as conn:
        ops = conn.execute(select(operators)).mappings().all()
        recovery_wrapped = conn.execute(select(keystore.c.recovery_wrapped_store_key)).scalar_one()
    salt = secrets.token_bytes(16)
    with tempfile.TemporaryDirectory(dir=vault.data_dir.root) as tmp:
        snapshot = Path(tmp) / "snapshot.db"
        # sqlite's online backup gives a consistent copy even while another thread writes.
        with translate_errors():
            source = sqlite3.connect(vault.data_dir.vault)
            dest = sqlite3.connect(snapshot)
            try:
                source.backup(dest)
            finally:
                dest.close()
                source.close()
        data_hash = hashlib.sha256(snapshot.read_bytes()).hexdigest()
        size = snapshot.stat().st_size
        header = {
            "format": 1,
            "vault_id": profile.vault_id,
            "desk_name": profile.desk_name,
            "created_at": now_iso(),
            "app_version": app_version,
            "salt": base64.b64encode(salt).decode(),
            "sha256": data_hash,
            "bytes": size,
            "operators": [
                {
                    "id": op["id"],
                    "username": op["username"],
                    "salt": base64.b64encode(op["salt"]).decode(),
                    "kdf": json.loads(op["kdf"]),
                    "wrapped_store_key": base64.b64encode(op["wrapped_store_key"]).decode(),
                }
                for op in ops
            ],
            "recovery_wrapped_store_key": base64.b64encode(recovery_wrapped).decode(),
        }
        header_bytes = json.dumps(header, sort_keys=True).encode()
        header_hash = hashlib.sha256(header_bytes).digest()
        key = _backup_key(store_key, profile.vault_id, salt)
        partial = target.with_name(target.name + ".partial")
        with translate_errors(), snapshot.open("rb") as src, partial.open("wb") as out:
            out.write(MAGIC + _U32.pack(len(header_bytes)) + header_bytes)
            index = 0
            chunk = src.read(CHUNK)
            while True:
                following = src.read(CHUNK)
                sealed = crypto.seal(key, chunk, _chunk_aad(header_hash, index, not following), compress=True)
                out.write(_U32.pack(len(sealed)) + sealed)
                if not following:
                    break
                chunk, index = following, index + 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    return BackupInfo(profile.vault_id, profile.desk_name, str(header["created_at"]), app_version, size)


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if len(data) != n:
        raise BackupError("backup file is truncated")
    return data


def read_header(path: Path) -> tuple[dict[str, object], bytes, int]:
    """Header dict, its raw bytes, and the offset where chunks start."""
    try:
        with path.open("rb") as stream:
            if stream.read(len(MAGIC)) != MAGIC:
                raise NotABackupError("not an I.Am Desk backup")
            (length,) = _U32.unpack(_read_exact(stream, 4))
            if length > MAX_HEADER:
                raise BackupError("backup header is damaged")
            raw = _read_exact(stream, length)
    except OSError as exc:
        raise BackupError(f"cannot read backup: {exc.strerror}") from exc
    try:
        header = json.loads(raw)
        if not isinstance(header, dict) or header.get("format") != 1:
            raise ValueError("format")
        # Everything restore reads later is checked here, so a damaged header is one clear error, never a crash.
        for key in ("vault_id", "desk_name", "created_at", "salt", "sha256", "recovery_wrapped_store_key"):
            if not isinstance(header.get(key), str):
                raise ValueError(key)
        base64.b64decode(header["salt"], validate=True)
        operators = header.get("operators")
        if not isinstance(operators, list) or not all(isinstance(o, dict) for o in operators):
            raise ValueError("operators")
    except (ValueError, UnicodeError) as exc:
        raise BackupError("backup header is damaged") from exc
    return header, raw, len(MAGIC) + 4 + length


def _store_key_from_header(header: dict[str, object], username: str | None, secret: str, recovery: bool) -> bytes:
    vault_id = str(header["vault_id"])
    try:
        if recovery:
            raw = crypto.parse_recovery_key(secret)
            wrapped = base64.b64decode(str(header["recovery_wrapped_store_key"]))
            return crypto.open_sealed(
                recovery_wrapping_key(raw, vault_id), wrapped, recovery_aad(vault_id), what="recovery"
            )
        entries = header["operators"]
        for entry in entries if isinstance(entries, list) else []:
            if entry["username"] != username:
                continue
            kek = crypto.derive_kek(secret, base64.b64decode(entry["salt"]), crypto.KdfParams.from_dict(entry["kdf"]))
            return crypto.open_sealed(
                kek,
                base64.b64decode(entry["wrapped_store_key"]),
                operator_aad(vault_id, entry["id"]),
                what="operator",
            )
    except TamperedError:
        if recovery:
            raise WrongRecoveryKeyError("recovery key does not open this backup") from None
        raise WrongPassphraseError() from None
    except (KeyError, ValueError, TypeError) as exc:
        raise BackupError("backup header is damaged") from exc
    raise WrongPassphraseError()


def restore_backup(
    data_dir: DataDir,
    source: Path,
    *,
    username: str | None,
    secret: str,
    recovery: bool = False,
    current_vault_id: str | None = None,
) -> BackupInfo:
    """Decrypt and check ``source`` completely, then replace the vault of ``data_dir`` with it.

    ``current_vault_id``: the vault now in ``data_dir`` (if any); a backup of another vault is refused, so a desk
    cannot overwrite its own work with another desk's file by mistake. The caller must have closed that vault.
    """
    header, raw, offset = read_header(source)
    if current_vault_id is not None and header.get("vault_id") != current_vault_id:
        raise BackupForeignError(
            "backup belongs to another vault",
            backup_desk=str(header.get("desk_name")),
            backup_vault=header.get("vault_id"),
        )
    store_key = _store_key_from_header(header, username, secret, recovery)
    key = _backup_key(store_key, str(header["vault_id"]), base64.b64decode(str(header["salt"])))
    header_hash = hashlib.sha256(raw).digest()
    data_dir.ensure()
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix="restore-", suffix=".db", dir=data_dir.root)
    tmp = Path(tmp_name)
    try:
        with translate_errors(), source.open("rb") as stream, os.fdopen(fd, "wb") as out:
            stream.seek(offset)
            index, final = 0, False
            while not final:
                length_bytes = stream.read(4)
                if len(length_bytes) != 4:
                    raise BackupError("backup file is truncated")
                (length,) = _U32.unpack(length_bytes)
                sealed = _read_exact(stream, length)
                try:
                    plain = crypto.open_sealed(key, sealed, _chunk_aad(header_hash, index, True), what="chunk")
                    final = True
                except TamperedError:
                    try:
                        plain = crypto.open_sealed(key, sealed, _chunk_aad(header_hash, index, False), what="chunk")
                    except TamperedError:
                        raise BackupError("backup file is damaged", chunk=index) from None
                digest.update(plain)
                out.write(plain)
                index += 1
            if stream.read(1):
                raise BackupError("backup file has trailing data")
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != header.get("sha256"):
            raise BackupError("backup content does not match its checksum")
        check = sqlite3.connect(tmp)
        try:
            status = check.execute("PRAGMA integrity_check").fetchone()[0]
            restored_id = check.execute("SELECT value FROM vault_meta WHERE key='vault_id'").fetchone()
        finally:
            check.close()
        if status != "ok" or restored_id is None or restored_id[0] != header["vault_id"]:
            raise BackupError("backup database failed its integrity check")
        # Read from the vault about to be replaced: erasures made since the backup are applied to the copy again.
        register, queue = _current_erasures(data_dir, str(header["vault_id"]))
        erased_again = _erase_again(data_dir, tmp, register, queue) if register or queue else 0
        _swap_in(data_dir, tmp)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    # The next open binds this installation to the restored vault.
    data_dir.binding.unlink(missing_ok=True)
    return BackupInfo(
        str(header["vault_id"]),
        str(header["desk_name"]),
        str(header["created_at"]),
        str(header.get("app_version", "")),
        int(str(header.get("bytes", 0))),
        erased_again,
    )


def _current_erasures(data_dir: DataDir, vault_id: str) -> tuple[dict[str, dict[str, object]], list[object]]:
    """The erasure register and the unsent erase requests of the vault now in ``data_dir`` (of this vault only)."""
    if not data_dir.vault.exists():
        return {}, []
    with translate_errors():
        conn = sqlite3.connect(data_dir.vault)
        try:
            query = "SELECT key, value FROM vault_meta WHERE key = 'vault_id' OR key = ? OR key LIKE ?"
            rows = dict(conn.execute(query, (erasures.ERASE_QUEUE_META, erasures.REGISTER_PREFIX + "%")).fetchall())
        finally:
            conn.close()
    if rows.get("vault_id") != vault_id:
        return {}, []
    register = {k[len(erasures.REGISTER_PREFIX) :]: json.loads(v) for k, v in rows.items()
                if k.startswith(erasures.REGISTER_PREFIX)}  # fmt: skip
    return register, json.loads(rows.get(erasures.ERASE_QUEUE_META) or "[]")


def _erase_again(data_dir: DataDir, restored: Path, register: dict[str, dict[str, object]], queue: list[object]) -> int:
    """Erase every registered case from the restored copy (still the temporary file: nothing of an erased case
    reaches the vault's path) and carry the register and the unsent erase requests over. Returns how many
    registered cases the copy still held."""
    from iam_desktop.vault.merge import Merger
    from iam_desktop.vault.records import RecordStore

    engine = create_vault_engine(restored)
    try:
        migrate(engine)  # a backup from an older version: erase with today's tables
        # The restored copy opened as a vault (locked: shredding needs no key), so the one erase_case does it.
        merger = Merger(RecordStore(Vault(data_dir, engine)), "", "")
        holding = (case_keys.c.case_id, records.c.case_id, outbox.c.case_id, attachments.c.case_id)
        erased = 0
        with translate_errors(), engine.begin() as conn:
            for case_id, entry in sorted(register.items()):
                erasures.register(conn, case_id, via=str(entry.get("via")), by=_text(entry.get("by")),
                                  at=_text(entry.get("at")))  # fmt: skip
                if not any(conn.execute(select(c).where(c == case_id).limit(1)).first() for c in holding):
                    continue
                merger.erase_case(conn, case_id)
                audit.append(conn, operator_id=None, action="person.erase.restore", case_id=case_id,
                             detail={"erased_at": str(entry.get("at", ""))})  # fmt: skip
                erased += 1
            _merge_queue(conn, queue)
        with engine.connect() as conn:  # everything into the file itself before it is moved into place
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return erased


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _merge_queue(conn: Connection, queue: list[object]) -> None:
    """The erase requests of the restored copy plus those the replaced vault had not sent yet (by case id)."""
    stored = conn.execute(select(vault_meta.c.value).where(vault_meta.c.key == erasures.ERASE_QUEUE_META)).scalar()
    before = json.loads(stored or "[]")
    merged = {_queued_case(e): e for e in before}
    merged.update({_queued_case(e): e for e in queue})
    if list(merged.values()) == before:
        return
    conn.execute(delete(vault_meta).where(vault_meta.c.key == erasures.ERASE_QUEUE_META))
    conn.execute(insert(vault_meta).values(key=erasures.ERASE_QUEUE_META, value=json.dumps(list(merged.values()))))


def _queued_case(entry: object) -> str:
    return str(entry["case_id"]) if isinstance(entry, dict) else str(entry)


def _swap_in(data_dir: DataDir, restored: Path) -> None:
    vault_path = data_dir.vault
    if vault_path.exists():
        keep = vault_path.with_name("vault.db.pre-restore")
        source = sqlite3.connect(vault_path)
        dest = sqlite3.connect(keep)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        keep.chmod(0o600)
    for suffix in ("-wal", "-shm"):
        Path(str(vault_path) + suffix).unlink(missing_ok=True)
    os.replace(restored, vault_path)
