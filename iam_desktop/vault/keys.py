"""The device key store and its unlocked form, the keyring (DESIGN.md §5).

A random *store key* encrypts the key store (device X25519 and Ed25519 pairs, the desk's X25519 pair, the
network's blind-index key and a local key for drafts). Each operator holds a copy of the store key wrapped under a
key derived from their passphrase with Argon2id; a recovery key printed at set-up holds one more copy. Changing a
passphrase re-wraps the store key and never re-encrypts data. The keyring lives in memory only while unlocked."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from iam_desktop.domain.errors import LockedError
from iam_desktop.vault import crypto


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


@dataclass(frozen=True)
class KeyStore:
    """Secrets of one device. Serialised to JSON and sealed under the store key."""

    vault_id: str
    device_id: str
    desk_id: str
    device_x25519: bytes
    device_ed25519: bytes
    desk_x25519: bytes
    network_key: bytes
    local_key: bytes

    @classmethod
    def generate(cls, vault_id: str, device_id: str, desk_id: str) -> KeyStore:
        ed = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(
            vault_id=vault_id,
            device_id=device_id,
            desk_id=desk_id,
            device_x25519=crypto.x25519_private_bytes(X25519PrivateKey.generate()),
            device_ed25519=ed,
            desk_x25519=crypto.x25519_private_bytes(X25519PrivateKey.generate()),
            network_key=crypto.random_key(),
            local_key=crypto.random_key(),
        )

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "vault_id": self.vault_id,
                "device_id": self.device_id,
                "desk_id": self.desk_id,
                "device_x25519": _b64(self.device_x25519),
                "device_ed25519": _b64(self.device_ed25519),
                "desk_x25519": _b64(self.desk_x25519),
                "network_key": _b64(self.network_key),
                "local_key": _b64(self.local_key),
            },
            sort_keys=True,
        ).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyStore:
        raw = json.loads(data)
        return cls(
            vault_id=raw["vault_id"],
            device_id=raw["device_id"],
            desk_id=raw["desk_id"],
            device_x25519=_unb64(raw["device_x25519"]),
            device_ed25519=_unb64(raw["device_ed25519"]),
            desk_x25519=_unb64(raw["desk_x25519"]),
            network_key=_unb64(raw["network_key"]),
            local_key=_unb64(raw["local_key"]),
        )

    @property
    def desk_private(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(self.desk_x25519)

    @property
    def desk_public(self) -> bytes:
        return crypto.x25519_public_bytes(self.desk_private.public_key())


def keystore_aad(vault_id: str) -> bytes:
    return f"iam-keystore|{vault_id}".encode()


def operator_aad(vault_id: str, operator_id: str) -> bytes:
    return f"iam-operator|{vault_id}|{operator_id}".encode()


def recovery_aad(vault_id: str) -> bytes:
    return f"iam-recovery|{vault_id}".encode()


def recovery_wrapping_key(recovery_key: bytes, vault_id: str) -> bytes:
    # The recovery key is 256 random bits, so HKDF (not a slow KDF) is enough to separate its uses.
    return crypto.hkdf(recovery_key, recovery_aad(vault_id))


@dataclass
class Keyring:
    """The unlocked keys of one session. ``clear()`` drops every reference; afterwards every use raises
    :class:`LockedError`. (Python cannot guarantee that freed bytes are overwritten; the process holds no copy
    we keep a reference to.)"""

    store_key: bytes | None
    keystore: KeyStore | None
    _case_keys: dict[tuple[str, str], bytes] = field(default_factory=dict)

    @property
    def unlocked(self) -> bool:
        return self.store_key is not None and self.keystore is not None

    def require(self) -> KeyStore:
        if self.keystore is None:
            raise LockedError("vault is locked")
        return self.keystore

    def require_store_key(self) -> bytes:
        if self.store_key is None:
            raise LockedError("vault is locked")
        return self.store_key

    def cached_case_key(self, case_id: str, key_id: str) -> bytes | None:
        self.require()
        return self._case_keys.get((case_id, key_id))

    def remember_case_key(self, case_id: str, key_id: str, key: bytes) -> None:
        self.require()
        self._case_keys[(case_id, key_id)] = key

    def clear(self) -> None:
        self.store_key = None
        self.keystore = None
        self._case_keys.clear()

    @classmethod
    def locked(cls) -> Keyring:
        return cls(store_key=None, keystore=None)
