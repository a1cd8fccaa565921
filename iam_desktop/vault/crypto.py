"""Cryptographic building blocks of the vault, all from ``cryptography``'s primitives (DESIGN.md §5): Argon2id for
passphrases, AES-256-GCM with associated data for every stored secret, X25519 + HKDF-SHA256 + AES-GCM to wrap a
key for a public key, HMAC-SHA256 blind indexes, and the human-readable recovery key. Nothing here keeps state."""

from __future__ import annotations

import base64
import hmac
import os
import secrets
import unicodedata
import zlib
from dataclasses import dataclass
from hashlib import sha256

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from iam_desktop.domain.errors import TamperedError, WrongRecoveryKeyError

KEY_BYTES = 32
NONCE_BYTES = 12
_COMPRESSED = b"\x01"
_PLAIN = b"\x00"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Defaults: 64 MiB, tuned to about half a second on a modest laptop (bench/unlock.py)."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> KdfParams:
        """Parameters read from a file; costs beyond these bounds (256 MiB, 32 passes, 8 lanes) are refused with
        ``ValueError``, so a crafted backup cannot make a restore run for hours or exhaust memory."""
        params = cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        if not (8 <= params.memory_kib <= 256 * 1024 and 1 <= params.iterations <= 32 and 1 <= params.lanes <= 8):
            raise ValueError("Argon2id parameters out of bounds")
        return params


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def normalise_passphrase(passphrase: str) -> bytes:
    # The same passphrase typed on two keyboards may arrive in different Unicode forms.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def seal(key: bytes, plaintext: bytes, aad: bytes, *, compress: bool = False) -> bytes:
    """AES-256-GCM: ``nonce || ciphertext``. Compression happens before encryption, where it still helps."""
    body = _COMPRESSED + zlib.compress(plaintext, 6) if compress else _PLAIN + plaintext
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, body, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes, *, what: str) -> bytes:
    """Inverse of :func:`seal`; any alteration of blob or aad raises :class:`TamperedError` naming ``what``."""
    if len(blob) < NONCE_BYTES + 16 + 1:
        raise TamperedError(what)
    try:
        body = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag:
        raise TamperedError(what) from None
    if body[:1] == _COMPRESSED:
        return zlib.decompress(body[1:])
    return body[1:]


def record_aad(case_id: str, kind: str, record_id: str, schema_version: int, key_id: str) -> bytes:
    """Associated data binding a record's ciphertext to where it belongs (DESIGN.md §5 promise 3)."""
    return f"iam-record|{case_id}|{kind}|{record_id}|{schema_version}|{key_id}".encode()


def hkdf(key: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)


def x25519_private_bytes(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def x25519_public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def wrap_for_public_key(recipient: bytes, secret: bytes, context: bytes) -> bytes:
    """Wrap ``secret`` so that only the holder of ``recipient``'s private key can read it.

    Ephemeral X25519 → HKDF-SHA256 (info binds both public keys and the context) → AES-256-GCM.
    Output: ``ephemeral public (32) || nonce || ciphertext``.
    """
    ephemeral = X25519PrivateKey.generate()
    eph_pub = x25519_public_bytes(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    key = hkdf(shared, b"iam-wrap|" + eph_pub + recipient + b"|" + context)
    return eph_pub + seal(key, secret, context)


def unwrap_with_private_key(private: X25519PrivateKey, wrapped: bytes, context: bytes, *, what: str) -> bytes:
    if len(wrapped) < 32:
        raise TamperedError(what)
    eph_pub = wrapped[:32]
    recipient = x25519_public_bytes(private.public_key())
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = hkdf(shared, b"iam-wrap|" + eph_pub + recipient + b"|" + context)
    return open_sealed(key, wrapped[32:], context, what=what)


def blind_index(network_key: bytes, purpose: str, value: str) -> str:
    """Keyed exact-match index (HMAC-SHA256): equal values match, the value itself is not revealed."""
    normalised = unicodedata.normalize("NFKC", value).strip().upper()
    return hmac.new(network_key, f"{purpose}|{normalised}".encode(), sha256).hexdigest()


# Recovery keys are typed by a person from a printed sheet: Crockford-like base32 without ambiguous letters.
_RECOVERY_GROUP = 4


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + _RECOVERY_GROUP] for i in range(0, len(text), _RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).replace("0", "O").replace("1", "I")
    cleaned = cleaned.replace("8", "B")
    padding = "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(cleaned + padding)
    except ValueError:
        raise WrongRecoveryKeyError("not a recovery key") from None
    if len(raw) != KEY_BYTES:
        raise WrongRecoveryKeyError("not a recovery key")
    return raw
