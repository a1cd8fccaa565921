"""The erasure register and erasure proofs (DESIGN.md §5 promise 4: erasure is real).

The *register* lists every case erased on or through this vault — case id, when, who or how (`here` by an
operator or `network` by a proven notice; a restore carries the entries over unchanged) — and nothing personal.
It lives in ``vault_meta`` (one ``erasure:<case id>`` row per case), so it needs no key to read: restoring a backup
reads the current vault's register before the swap and erases every registered case from the restored file again.

A *proof* is what the erasing device sends with its erase request: AES-256-GCM with the case key over a fixed
statement, the associated data binding it to the case and the key id. Only a holder of the case key can make
one; the server, which holds none, can forward it but never forge or move it to another case, so a device shreds
its copy only on a notice whose proof opens with its own key.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from iam_desktop.domain.errors import TamperedError
from iam_desktop.vault import crypto
from iam_desktop.vault.tables import quarantine, vault_meta
from iam_desktop.vault.vault import now_iso

REGISTER_PREFIX = "erasure:"
# The erase requests not yet sent to the server: ``[{"case_id", "key_id", "proof"}]`` (older vaults: bare ids).
ERASE_QUEUE_META = "network.erase_queue"
NOT_PROVEN = "erasure_not_proven"
PROOF_INVALID = "erasure_proof_invalid"


# -- proofs -------------------------------------------------------------------------------------------------
def _proof_aad(case_id: str, key_id: str) -> bytes:
    return f"iam-erasure|{case_id}|erasure|{key_id}".encode()


def _statement(case_id: str) -> bytes:
    return f"iam-erasure/1 erase case {case_id}".encode()


def make_proof(case_key: bytes, case_id: str, key_id: str) -> bytes:
    """The proof a device holding ``case_key`` attaches to the erase request of ``case_id``."""
    return crypto.seal(case_key, _statement(case_id), _proof_aad(case_id, key_id))


def proof_opens(case_key: bytes, case_id: str, key_id: str, sealed: bytes) -> bool:
    """Whether ``sealed`` is a proof made with this case key for this case (any other case, key or statement: no)."""
    try:
        return crypto.open_sealed(case_key, sealed, _proof_aad(case_id, key_id), what="erasure proof") == _statement(
            case_id
        )
    except TamperedError:
        return False


# -- the register -------------------------------------------------------------------------------------------
def register(conn: Connection, case_id: str, *, via: str, by: str | None, at: str | None = None) -> None:
    """Record an erasure; the first entry of a case is kept (its date and author are the erasure's)."""
    key = REGISTER_PREFIX + case_id
    if conn.execute(select(vault_meta.c.key).where(vault_meta.c.key == key)).first() is not None:
        return
    entry = {"at": at or now_iso(), "via": via, "by": by}
    conn.execute(insert(vault_meta).values(key=key, value=json.dumps(entry, sort_keys=True)))


def registered(conn: Connection) -> dict[str, dict[str, Any]]:
    """case id → ``{"at", "via", "by"}`` for every erasure in the register."""
    query = select(vault_meta.c.key, vault_meta.c.value).where(vault_meta.c.key.startswith(REGISTER_PREFIX))
    rows = conn.execute(query)
    return {str(k)[len(REGISTER_PREFIX) :]: json.loads(v) for k, v in rows}


def is_registered(conn: Connection, case_id: str) -> bool:
    query = select(vault_meta.c.key).where(vault_meta.c.key == REGISTER_PREFIX + case_id)
    return conn.execute(query).first() is not None


def refuse_notice(conn: Connection, case_id: str, reason: str, notice_json: str) -> None:
    """Keep a refused erasure notice in quarantine (shown with the changes set aside; never retried by itself: a
    proven notice for the same case, or an erasure made here, clears it)."""
    item_id = f"erasure:{case_id}"
    attempts = conn.execute(select(quarantine.c.attempts).where(quarantine.c.item_id == item_id)).scalar()
    conn.execute(delete(quarantine).where(quarantine.c.item_id == item_id))
    conn.execute(
        insert(quarantine).values(item_id=item_id, case_id=case_id, what="erasure", reason=reason,
                                  envelope=notice_json, received_at=now_iso(), attempts=(attempts or 0) + 1)
    )  # fmt: skip
