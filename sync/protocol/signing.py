"""Batch signatures and the device short code: the byte encodings both client and server must agree on.

Canonical batch bytes (version 1), UTF-8, fields separated by US (0x1F), records by LF (0x0A)::

    IAMDESK-BATCH-V1
    D <device_id>
    G <case_id> <desk_id> <key_id> <wrapped_key>                    one line per grant, in batch order
    C <change_id> <device_id> <device_seq> <case_id> <kind> <record_id> <hlc> <base> <key_id>
      <schema_version> <ciphertext> <blind_indexes> <deleted>       one line per change, in batch order

`base` is `field=stamp` pairs sorted by field and joined by `,`; `blind_indexes` is joined by `,` (empty when
absent, `-` when null); `deleted` is `1` or `0`. Every field is restricted by the wire models to characters that
cannot contain a separator, so the encoding is unambiguous. The device signs these bytes with its Ed25519 key
(`sign_batch`) and the server verifies them against the key registered at enrolment (`verify_batch`): one
signature per batch, because per-change signatures would cost too much on the hot path.

The short code lets two people check, before a desk key is handed over, that both screens talk about the same
device: both compute `short_code(desk_public_key, device_public_key)` from base64 keys.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.protocol.models import Change, Grant, PushRequest

__all__ = ["canonical_batch_bytes", "short_code", "sign_batch", "verify_batch"]

_US = "\x1f"
_HEADER = "IAMDESK-BATCH-V1"


def _change_line(c: Change) -> str:
    base = ",".join(f"{k}={c.base[k]}" for k in sorted(c.base)) if c.base else ""
    blind = "-" if c.blind_indexes is None else ",".join(c.blind_indexes)
    return _US.join(
        (
            "C",
            c.change_id,
            c.device_id,
            str(c.device_seq),
            c.case_id,
            c.kind,
            c.record_id,
            c.hlc,
            base,
            c.key_id,
            str(c.schema_version),
            c.ciphertext,
            blind,
            "1" if c.deleted else "0",
        )
    )


def _grant_line(g: Grant) -> str:
    return _US.join(("G", g.case_id, g.desk_id, g.key_id, g.wrapped_key))


def canonical_batch_bytes(device_id: str, grants: Iterable[Grant], changes: Iterable[Change]) -> bytes:
    """The exact bytes a batch signature covers (see the module docstring for the layout)."""
    lines = [_HEADER, f"D{_US}{device_id}"]
    lines.extend(_grant_line(g) for g in grants)
    lines.extend(_change_line(c) for c in changes)
    return "\n".join(lines).encode("utf-8")


def sign_batch(private_key: Ed25519PrivateKey, device_id: str, grants: list[Grant], changes: list[Change]) -> str:
    """The base64 signature to put in `PushRequest.signature`."""
    return base64.b64encode(private_key.sign(canonical_batch_bytes(device_id, grants, changes))).decode("ascii")


def verify_batch(public_key_b64: str, batch: PushRequest) -> bool:
    """Whether `batch.signature` is the device's signature over the batch; never raises on bad input."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        signature = base64.b64decode(batch.signature, validate=True)
        key.verify(signature, canonical_batch_bytes(batch.device_id, batch.grants, batch.changes))
    except (InvalidSignature, ValueError):
        return False
    return True


def short_code(desk_public_key: str, device_public_key: str) -> str:
    """Six digits shown as `"123 456"`, from the desk's and the new device's base64 X25519 public keys.

    Order matters (desk first); a server that swapped either key would make the two screens disagree.
    """
    digest = hashlib.sha256(
        b"IAMDESK-SHORTCODE-V1\n"
        + base64.b64decode(desk_public_key, validate=True)
        + base64.b64decode(device_public_key, validate=True)
    ).digest()
    number = int.from_bytes(digest[:8], "big") % 1_000_000
    return f"{number // 1000:03d} {number % 1000:03d}"
