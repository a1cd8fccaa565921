"""One desk installation's vault: creating it, opening it (binding check and migrations), operators and their
passphrases, unlocking into a :class:`Keyring` and locking again, with a growing delay after wrong passphrases."""

from __future__ import annotations

import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, insert, select, update

from iam_desktop.domain.errors import (
    AlreadyInitialisedError,
    ForeignVaultError,
    NotInitialisedError,
    TamperedError,
    TooManyAttemptsError,
    UnknownOperatorError,
    ValidationError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from iam_desktop.domain.roles import Role
from iam_desktop.vault import crypto
from iam_desktop.vault.database import create_vault_engine, migrate, translate_errors
from iam_desktop.vault.hlc import HybridClock
from iam_desktop.vault.keys import (
    Keyring,
    KeyStore,
    keystore_aad,
    operator_aad,
    recovery_aad,
    recovery_wrapping_key,
)
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import keystore, login_attempts, operators, vault_meta

MIN_PASSPHRASE_LENGTH = 10
FREE_ATTEMPTS = 2
MAX_DELAY_S = 300.0


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def default_kdf() -> crypto.KdfParams:
    # Tests set IAM_INSECURE_FAST_KDF so hundreds of vaults can be created quickly; never set it for real use.
    if os.environ.get("IAM_INSECURE_FAST_KDF") == "1":
        return crypto.KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
    return crypto.KdfParams(memory_kib=64 * 1024, iterations=16, lanes=4)


def backoff_delay(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong passphrases: 0, 0, then 2, 4, 8 … up to 5 minutes."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError("passphrase", "too_short", minimum=MIN_PASSPHRASE_LENGTH)


def check_username(username: str) -> None:
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ValidationError("username", "invalid")


@dataclass(frozen=True)
class OperatorInfo:
    id: str
    username: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class DeskProfile:
    vault_id: str
    device_id: str
    desk_id: str
    desk_name: str
    territory: str
    created_at: str


class Vault:
    """The encrypted store of one installation. Not thread-affine: SQLAlchemy's pool gives each thread its own
    connection, and SQLite serialises writers."""

    def __init__(self, data_dir: DataDir, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.keyring = Keyring.locked()
        # The device's hybrid logical clock for sync stamps (its state lives in the vault, see vault.hlc).
        self.clock = HybridClock()

    # -- lifecycle -------------------------------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: DataDir) -> bool:
        return data_dir.vault.exists()

    @classmethod
    def open(cls, data_dir: DataDir) -> Vault:
        if not data_dir.vault.exists():
            raise NotInitialisedError(str(data_dir.root))
        engine = create_vault_engine(data_dir.vault)
        migrate(engine)
        vault = cls(data_dir, engine)
        vault._check_binding()
        return vault

    @classmethod
    def create(
        cls,
        data_dir: DataDir,
        *,
        desk_name: str,
        territory: str,
        username: str,
        display_name: str,
        passphrase: str,
        kdf: crypto.KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Create the vault and its first coordinator. Returns the vault (unlocked) and the recovery key text."""
        if data_dir.vault.exists():
            raise AlreadyInitialisedError(str(data_dir.root))
        if not desk_name.strip():
            raise ValidationError("desk_name", "required")
        check_username(username)
        check_passphrase(passphrase)
        data_dir.ensure()
        vault_id, device_id, desk_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
        engine = create_vault_engine(data_dir.vault)
        migrate(engine)
        vault = cls(data_dir, engine)
        store = KeyStore.generate(vault_id, device_id, desk_id)
        store_key = crypto.random_key()
        recovery = crypto.random_key()
        created = now_iso()
        with translate_errors(), engine.begin() as conn:
            meta = {
                "vault_id": vault_id,
                "device_id": device_id,
                "desk_id": desk_id,
                "desk_name": desk_name.strip(),
                "territory": territory.strip(),
                "created_at": created,
                "desk_public_key": crypto.x25519_public_bytes(store.desk_private.public_key()).hex(),
            }
            conn.execute(insert(vault_meta), [{"key": k, "value": v} for k, v in meta.items()])
            conn.execute(
                insert(keystore).values(
                    id=1,
                    sealed=crypto.seal(store_key, store.to_bytes(), keystore_aad(vault_id)),
                    recovery_wrapped_store_key=crypto.seal(
                        recovery_wrapping_key(recovery, vault_id), store_key, recovery_aad(vault_id)
                    ),
                )
            )
        vault.keyring = Keyring(store_key=store_key, keystore=store)
        vault.add_operator(username, display_name, Role.COORDINATOR, passphrase, kdf=kdf)
        data_dir.vault.chmod(0o600)
        data_dir.binding.write_text(json.dumps({"vault_id": vault_id, "device_id": device_id}))
        return vault, crypto.format_recovery_key(recovery)

    def _check_binding(self) -> None:
        vault_id = self.meta("vault_id")
        if not self.data_dir.binding.exists():
            # A vault restored into a new data directory: bind it here.
            self.data_dir.binding.write_text(json.dumps({"vault_id": vault_id, "device_id": self.meta("device_id")}))
            return
        bound = json.loads(self.data_dir.binding.read_text()).get("vault_id")
        if bound != vault_id:
            raise ForeignVaultError("vault file belongs to another installation", expected=bound, found=vault_id)

    def close(self) -> None:
        self.keyring.clear()
        self.engine.dispose()

    # -- metadata --------------------------------------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str:
        with self.engine.connect() as conn:
            value = conn.execute(select(vault_meta.c.value).where(vault_meta.c.key == key)).scalar()
        if value is None:
            if default is None:
                raise KeyError(key)
            return default
        return str(value)

    def set_meta(self, conn: Connection, key: str, value: str) -> None:
        conn.execute(delete(vault_meta).where(vault_meta.c.key == key))
        conn.execute(insert(vault_meta).values(key=key, value=value))

    def profile(self) -> DeskProfile:
        with self.engine.connect() as conn:
            meta = {str(k): str(v) for k, v in conn.execute(select(vault_meta.c.key, vault_meta.c.value))}
        return DeskProfile(
            vault_id=meta["vault_id"],
            device_id=meta["device_id"],
            desk_id=meta["desk_id"],
            desk_name=meta["desk_name"],
            territory=meta["territory"],
            created_at=meta["created_at"],
        )

    def install_desk_key(self, desk_x25519: bytes) -> None:
        """Replace this device's desk key pair with the desk's real one, handed over by an enrolled device
        (sync enrolment of a desk's second device). The key store is re-sealed under the same store key, so every
        operator's passphrase and the recovery key keep working."""
        store_key = self.keyring.require_store_key()
        current = self.keyring.require()
        new = replace(current, desk_x25519=desk_x25519)
        with translate_errors(), self.engine.begin() as conn:
            conn.execute(
                update(keystore).values(sealed=crypto.seal(store_key, new.to_bytes(), keystore_aad(new.vault_id)))
            )
            self.set_meta(conn, "desk_public_key", new.desk_public.hex())
        self.keyring = Keyring(store_key=store_key, keystore=new)

    # -- operators -------------------------------------------------------------------------------------------

    def operators(self) -> list[OperatorInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(operators).order_by(operators.c.display_name)).mappings().all()
        return [
            OperatorInfo(r["id"], r["username"], r["display_name"], Role(r["role"]), bool(r["active"])) for r in rows
        ]

    def add_operator(
        self,
        username: str,
        display_name: str,
        role: Role,
        passphrase: str,
        *,
        kdf: crypto.KdfParams | None = None,
    ) -> OperatorInfo:
        check_username(username)
        check_passphrase(passphrase)
        if not display_name.strip():
            raise ValidationError("display_name", "required")
        store_key = self.keyring.require_store_key()
        vault_id = self.keyring.require().vault_id
        if any(op.username == username for op in self.operators()):
            raise ValidationError("username", "taken")
        params = kdf or default_kdf()
        operator_id = str(uuid.uuid4())
        salt = secrets.token_bytes(16)
        kek = crypto.derive_kek(passphrase, salt, params)
        with translate_errors(), self.engine.begin() as conn:
            conn.execute(
                insert(operators).values(
                    id=operator_id,
                    username=username,
                    display_name=display_name.strip(),
                    role=role.value,
                    salt=salt,
                    kdf=json.dumps(params.as_dict()),
                    wrapped_store_key=crypto.seal(kek, store_key, operator_aad(vault_id, operator_id)),
                    active=1,
                    created_at=now_iso(),
                )
            )
        return OperatorInfo(operator_id, username, display_name.strip(), role, True)

    def _operator_row(self, username: str) -> dict[str, object] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(operators).where(operators.c.username == username)).mappings().first()
        return dict(row) if row else None

    def _rewrap(self, operator_id: str, passphrase: str, store_key: bytes) -> None:
        params = default_kdf()
        salt = secrets.token_bytes(16)
        kek = crypto.derive_kek(passphrase, salt, params)
        vault_id = self.meta("vault_id")
        with translate_errors(), self.engine.begin() as conn:
            conn.execute(
                update(operators)
                .where(operators.c.id == operator_id)
                .values(
                    salt=salt,
                    kdf=json.dumps(params.as_dict()),
                    wrapped_store_key=crypto.seal(kek, store_key, operator_aad(vault_id, operator_id)),
                )
            )

    def change_passphrase(self, operator_id: str, new_passphrase: str) -> None:
        """Re-wrap the store key for this operator; no data is re-encrypted."""
        check_passphrase(new_passphrase)
        self._rewrap(operator_id, new_passphrase, self.keyring.require_store_key())

    def reset_passphrase_with_recovery(self, recovery_text: str, username: str, new_passphrase: str) -> OperatorInfo:
        check_passphrase(new_passphrase)
        row = self._operator_row(username)
        if row is None:
            raise UnknownOperatorError(username)
        recovery = crypto.parse_recovery_key(recovery_text)
        vault_id = self.meta("vault_id")
        with self.engine.connect() as conn:
            wrapped = conn.execute(select(keystore.c.recovery_wrapped_store_key)).scalar_one()
        try:
            store_key = crypto.open_sealed(
                recovery_wrapping_key(recovery, vault_id), wrapped, recovery_aad(vault_id), what="recovery"
            )
        except TamperedError:
            raise WrongRecoveryKeyError("recovery key does not open this vault") from None
        self._rewrap(str(row["id"]), new_passphrase, store_key)
        self._reset_attempts(username)
        return next(op for op in self.operators() if op.username == username)

    # -- unlock / lock ---------------------------------------------------------------------------------------

    def _attempts(self, username: str) -> tuple[int, float]:
        with self.engine.connect() as conn:
            row = conn.execute(select(login_attempts).where(login_attempts.c.username == username)).first()
        return (int(row.failures), float(row.last_failure)) if row else (0, 0.0)

    def _reset_attempts(self, username: str) -> None:
        with translate_errors(), self.engine.begin() as conn:
            conn.execute(delete(login_attempts).where(login_attempts.c.username == username))

    def _record_failure(self, username: str, failures: int) -> None:
        with translate_errors(), self.engine.begin() as conn:
            conn.execute(delete(login_attempts).where(login_attempts.c.username == username))
            conn.execute(insert(login_attempts).values(username=username, failures=failures, last_failure=time.time()))

    def retry_after(self, username: str) -> float:
        failures, last = self._attempts(username)
        return max(0.0, last + backoff_delay(failures) - time.time())

    def unlock(self, username: str, passphrase: str) -> OperatorInfo:
        wait = self.retry_after(username)
        if wait > 0:
            raise TooManyAttemptsError(wait)
        row = self._operator_row(username)
        store_key: bytes | None = None
        if row is not None and row["active"]:
            try:
                params = crypto.KdfParams.from_dict(json.loads(str(row["kdf"])))
            except (ValueError, KeyError):
                raise TamperedError(f"operator {row['id']}") from None
            salt = row["salt"]
            wrapped = row["wrapped_store_key"]
            assert isinstance(salt, bytes) and isinstance(wrapped, bytes)
            kek = crypto.derive_kek(passphrase, salt, params)
            try:
                store_key = crypto.open_sealed(
                    kek, wrapped, operator_aad(self.meta("vault_id"), str(row["id"])), what="operator"
                )
            except TamperedError:
                store_key = None
        else:
            # Same cost for an unknown name, so timing does not tell which accounts exist.
            crypto.derive_kek(passphrase, b"\0" * 16, default_kdf())
        if store_key is None or row is None:
            failures = self._attempts(username)[0] + 1
            self._record_failure(username, failures)
            raise WrongPassphraseError(retry_after=backoff_delay(failures), failures=failures)
        vault_id = self.meta("vault_id")
        with self.engine.connect() as conn:
            sealed = conn.execute(select(keystore.c.sealed)).scalar_one()
        store = KeyStore.from_bytes(crypto.open_sealed(store_key, sealed, keystore_aad(vault_id), what="keystore"))
        self._reset_attempts(username)
        self.keyring = Keyring(store_key=store_key, keystore=store)
        return OperatorInfo(
            str(row["id"]), username, str(row["display_name"]), Role(str(row["role"])), bool(row["active"])
        )

    def lock(self) -> None:
        self.keyring.clear()

    @property
    def unlocked(self) -> bool:
        return self.keyring.unlocked


def vault_file(data_dir: Path) -> Path:
    return DataDir(data_dir).vault
