"""Small named values of sync kept in the vault (table ``sync_state``): the device's sequence counter, its hybrid
logical clock, the pull cursor, the enrolment (server address, server-side ids, the device token sealed under the
device's local key), and the last success and last error. Every read and write takes the caller's connection, so
a value changes in the same transaction as the data it describes."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from iam_desktop.vault import crypto
from iam_desktop.vault.tables import sync_state

DEVICE_SEQ = "device_seq"
HLC = "hlc"
CURSOR = "cursor"
ENROLMENT = "enrolment"
TOKEN = "token"
LAST_SUCCESS = "last_success"
LAST_ERROR = "last_error"
LAST_REPORT = "last_report"
REVOKED_CASES = "revoked_cases"


def get(conn: Connection, key: str, default: str | None = None) -> str | None:
    value = conn.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
    return default if value is None else str(value)


def put(conn: Connection, key: str, value: str) -> None:
    if conn.execute(update(sync_state).where(sync_state.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(insert(sync_state).values(key=key, value=value))


def drop(conn: Connection, key: str) -> None:
    conn.execute(delete(sync_state).where(sync_state.c.key == key))


def next_device_seq(conn: Connection) -> int:
    """The next per-device sequence number; taken inside the write's transaction, so a crash never reuses one."""
    seq = int(get(conn, DEVICE_SEQ, "0") or "0") + 1
    put(conn, DEVICE_SEQ, str(seq))
    return seq


@dataclass(frozen=True)
class Enrolment:
    """This device as the sync server knows it. ``status`` is ``pending`` until the desk key is handed over.

    The central office's key is *pinned*: ``central_fingerprint`` is what the operator typed at enrolment (from
    the central office's screen) until the directory is first read, then the fingerprint of the pinned
    ``central_public_key``; every grant to the central office is wrapped to that pinned key and nothing else.
    ``central_confirmed`` is false when no fingerprint was typed (pinned at first sight, shown as unconfirmed)."""

    server_url: str
    device_id: str
    desk_id: str
    desk_name: str
    desk_kind: str
    status: str
    central_desk_id: str = ""
    central_public_key: str = ""
    desk_public_key: str = ""  # kept while pending, so the short code can be shown again after a restart
    central_fingerprint: str = ""
    central_confirmed: bool = False

    @property
    def central_pinned(self) -> bool:
        return bool(self.central_public_key)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Enrolment:
        data: dict[str, Any] = json.loads(text)
        known = {f.name for f in dataclasses.fields(cls)}
        # A newer version may have added fields: keep what this version knows.
        return cls(**{k: v for k, v in data.items() if k in known})


def enrolment(conn: Connection) -> Enrolment | None:
    text = get(conn, ENROLMENT)
    return Enrolment.from_json(text) if text else None


def save_enrolment(conn: Connection, value: Enrolment) -> None:
    put(conn, ENROLMENT, value.to_json())


def _token_aad(vault_id: str) -> bytes:
    return f"iam-sync-token|{vault_id}".encode()


def save_token(conn: Connection, local_key: bytes, vault_id: str, token: str) -> None:
    # The bearer token is a credential: sealed like drafts, so the file alone does not let anyone sync as us.
    put(conn, TOKEN, crypto.seal(local_key, token.encode(), _token_aad(vault_id)).hex())


def load_token(conn: Connection, local_key: bytes, vault_id: str) -> str | None:
    text = get(conn, TOKEN)
    if not text:
        return None
    return crypto.open_sealed(local_key, bytes.fromhex(text), _token_aad(vault_id), what="sync token").decode()


def revoked_cases(conn: Connection) -> dict[str, dict[str, Any]]:
    """Cases whose grant was withdrawn while changes written here were still unacknowledged: kept for review
    (case id → when, how many changes); ids and counts only."""
    data: dict[str, dict[str, Any]] = json.loads(get(conn, REVOKED_CASES) or "{}")
    return data


def note_revoked(conn: Connection, case_id: str, note: dict[str, Any] | None) -> None:
    """Record (or, with ``None``, clear) the review note of one revoked case."""
    data = revoked_cases(conn)
    if note is None:
        data.pop(case_id, None)
    else:
        data[case_id] = note
    put(conn, REVOKED_CASES, json.dumps(data, sort_keys=True))
