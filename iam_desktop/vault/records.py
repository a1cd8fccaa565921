"""Encrypted records and the keys of cases. Each case has its own random AES-256 key, wrapped to the desk's X25519
public key (the same wrapping the sync grants use); each record is sealed with its case key and associated data
binding it to ``case_id | kind | record_id | schema_version | key_id``, so a blob moved to another record, or an
older blob put back in place of a newer one of another record, fails to open. Drafts of unsaved forms are sealed
with the device's local key and bound to their operator and form."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import ColumnClause, Connection, delete, insert, literal_column, select, update

from iam_desktop.domain.errors import LockedError
from iam_desktop.vault import crypto, outbox
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.tables import case_keys, drafts, records
from iam_desktop.vault.vault import Vault, now_iso

SCHEMA_VERSION = 1
LOCAL_HOLDER = "local"
# Insertion order breaks ties between keys stored in the same millisecond (a rotation right after a grant, or two
# grants of one pull page): the later key is the newer one, and of one key the local copy is stored last.
_STORED_ORDER: ColumnClause[int] = literal_column("case_keys.rowid")


def case_key_context(case_id: str, key_id: str) -> bytes:
    return f"iam-case-key|{case_id}|{key_id}".encode()


def draft_aad(vault_id: str, operator_id: str, form_id: str) -> bytes:
    return f"iam-draft|{vault_id}|{operator_id}|{form_id}".encode()


@dataclass(frozen=True)
class StoredRecord:
    record_id: str
    case_id: str
    kind: str
    schema_version: int
    payload: dict[str, Any]
    created_at: str
    updated_at: str


class RecordStore:
    """Reads and writes sealed records of a vault. Every method needs the vault unlocked."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def _desk_holder(self) -> str:
        return f"desk:{self.vault.keyring.require().desk_id}"

    def new_case_key(self, conn: Connection, case_id: str) -> str:
        store = self.vault.keyring.require()
        key_id = str(uuid.uuid4())
        key = crypto.random_key()
        conn.execute(
            insert(case_keys).values(
                case_id=case_id,
                key_id=key_id,
                holder=self._desk_holder(),
                wrapped=crypto.wrap_for_public_key(store.desk_public, key, case_key_context(case_id, key_id)),
                created_at=now_iso(),
            )
        )
        # A second copy under the device's local key: AES-GCM opens it in microseconds, where X25519 costs ~100x
        # more — it matters when the case list decrypts thousands of cases after unlock.
        conn.execute(
            insert(case_keys).values(
                case_id=case_id,
                key_id=key_id,
                holder=LOCAL_HOLDER,
                wrapped=crypto.seal(store.local_key, key, case_key_context(case_id, key_id)),
                created_at=now_iso(),
            )
        )
        self.vault.keyring.remember_case_key(case_id, key_id, key)
        return key_id

    def case_key(self, conn: Connection, case_id: str, key_id: str | None = None) -> tuple[str, bytes]:
        """The (key id, key) of a case: the given key id, or the newest one this desk holds."""
        self.vault.keyring.require()  # locked: LockedError, even for a key already in memory
        query = select(case_keys.c.key_id, case_keys.c.holder, case_keys.c.wrapped).where(
            case_keys.c.case_id == case_id, case_keys.c.holder.in_((LOCAL_HOLDER, self._desk_holder()))
        )
        if key_id is not None:
            cached = self.vault.keyring.cached_case_key(case_id, key_id)
            if cached is not None:
                return key_id, cached
            query = query.where(case_keys.c.key_id == key_id)
        # Newest key first; for one key, the local copy before the desk's.
        row = conn.execute(query.order_by(case_keys.c.created_at.desc(), _STORED_ORDER.desc())).first()
        if row is None:
            raise LockedError("no key for case", case_id=case_id)
        cached = self.vault.keyring.cached_case_key(case_id, row.key_id)
        if cached is not None:
            return row.key_id, cached
        return row.key_id, self._open_case_key(case_id, row.key_id, row.holder, row.wrapped)

    def rotate_case_key(self, conn: Connection, case_id: str) -> str:
        """A new key for the case's later changes (DESIGN.md §5: revoking a desk rotates the key). Older records
        keep their key id and stay readable with the older keys; every later write seals with the new one, which
        is wrapped only to the holders that remain. Returns the new key id."""
        self.case_key(conn, case_id)  # only a case this desk holds is rotated (LockedError otherwise)
        return self.new_case_key(conn, case_id)

    def key_ids(self, conn: Connection, case_id: str) -> list[str]:
        """Every key id of the case this device holds, oldest first."""
        rows = conn.execute(
            select(case_keys.c.key_id)
            .where(case_keys.c.case_id == case_id, case_keys.c.holder == LOCAL_HOLDER)
            .order_by(case_keys.c.created_at, _STORED_ORDER)
        ).scalars()
        return list(dict.fromkeys(rows))

    def _open_case_key(self, case_id: str, key_id: str, holder: str, wrapped: bytes) -> bytes:
        """Unwrap one stored copy of a case key — AES-GCM for the local copy, X25519 for the desk's — and keep it
        in the keyring for the session."""
        store = self.vault.keyring.require()
        context = case_key_context(case_id, key_id)
        what = f"case key {case_id}"
        if holder == LOCAL_HOLDER:
            key = crypto.open_sealed(store.local_key, wrapped, context, what=what)
        else:
            private = X25519PrivateKey.from_private_bytes(store.desk_x25519)
            key = crypto.unwrap_with_private_key(private, wrapped, context, what=what)
        self.vault.keyring.remember_case_key(case_id, key_id, key)
        return key

    def put(
        self,
        conn: Connection,
        *,
        case_id: str,
        kind: str,
        payload: dict[str, Any],
        record_id: str | None = None,
    ) -> str:
        """Insert or replace one record, sealed with the case's current key, and add the change to the sync
        outbox in the same transaction (only the fields that differ from the stored record travel)."""
        key_id, key = self.case_key(conn, case_id)
        record_id = record_id or str(uuid.uuid4())
        existing = conn.execute(select(records).where(records.c.record_id == record_id)).first()
        old = self._open_row(conn, existing).payload if existing else None
        self.write(conn, case_id=case_id, kind=kind, record_id=record_id, payload=payload, key=(key_id, key),
                   exists=existing is not None)  # fmt: skip
        outbox.record_local_change(
            conn, self.vault, case_id=case_id, kind=kind, record_id=record_id, key_id=key_id, key=key, old=old,
            new=payload,
        )  # fmt: skip
        return record_id

    def delete(self, conn: Connection, record_id: str) -> bool:
        """Delete a record and queue its tombstone (a deleted record never comes back through sync)."""
        row = conn.execute(select(records).where(records.c.record_id == record_id)).first()
        if row is None:
            return False
        key_id, key = self.case_key(conn, row.case_id)
        conn.execute(delete(records).where(records.c.record_id == record_id))
        outbox.record_local_change(
            conn, self.vault, case_id=row.case_id, kind=row.kind, record_id=record_id, key_id=key_id, key=key,
            old=None, new=None,
        )  # fmt: skip
        return True

    def write(
        self,
        conn: Connection,
        *,
        case_id: str,
        kind: str,
        record_id: str,
        payload: dict[str, Any],
        key: tuple[str, bytes],
        exists: bool,
    ) -> None:
        """Seal and store a record without touching the outbox (for merging pulled changes)."""
        key_id, case_key = key
        aad = crypto.record_aad(case_id, kind, record_id, SCHEMA_VERSION, key_id)
        sealed = crypto.seal(case_key, json.dumps(payload, ensure_ascii=False).encode(), aad, compress=True)
        stamp = now_iso()
        if exists:
            conn.execute(
                update(records)
                .where(records.c.record_id == record_id)
                .values(sealed=sealed, key_id=key_id, schema_version=SCHEMA_VERSION, updated_at=stamp)
            )
        else:
            conn.execute(
                insert(records).values(
                    record_id=record_id,
                    case_id=case_id,
                    kind=kind,
                    schema_version=SCHEMA_VERSION,
                    key_id=key_id,
                    sealed=sealed,
                    created_at=stamp,
                    updated_at=stamp,
                )
            )

    def _open_row(self, conn: Connection, row: Any) -> StoredRecord:
        _, key = self.case_key(conn, row.case_id, row.key_id)
        aad = crypto.record_aad(row.case_id, row.kind, row.record_id, row.schema_version, row.key_id)
        plain = crypto.open_sealed(key, row.sealed, aad, what=f"record {row.record_id} ({row.kind})")
        return StoredRecord(
            row.record_id,
            row.case_id,
            row.kind,
            row.schema_version,
            json.loads(plain),
            row.created_at,
            row.updated_at,
        )

    def get(self, conn: Connection, record_id: str) -> StoredRecord | None:
        row = conn.execute(select(records).where(records.c.record_id == record_id)).first()
        return self._open_row(conn, row) if row else None

    def of_case(self, conn: Connection, case_id: str, kind: str | None = None) -> list[StoredRecord]:
        query = select(records).where(records.c.case_id == case_id)
        if kind is not None:
            query = query.where(records.c.kind == kind)
        return [self._open_row(conn, row) for row in conn.execute(query.order_by(records.c.created_at))]

    def preload_keys(self, conn: Connection) -> None:
        """Open every case key this device holds in one query: a bulk read (the case list after unlock, the
        indicators) then finds each key in memory instead of paying one query per record."""
        self.vault.keyring.require()
        holders = (LOCAL_HOLDER, self._desk_holder())
        rows = conn.execute(
            select(case_keys.c.case_id, case_keys.c.key_id, case_keys.c.holder, case_keys.c.wrapped).where(
                case_keys.c.holder.in_(holders)
            )
        ).all()
        # Local copies first: a key with both copies is opened with AES, not X25519.
        for row in sorted(rows, key=lambda r: r.holder != LOCAL_HOLDER):
            if self.vault.keyring.cached_case_key(row.case_id, row.key_id) is None:
                self._open_case_key(row.case_id, row.key_id, row.holder, row.wrapped)

    def of_kind(self, conn: Connection, kind: str) -> Iterable[StoredRecord]:
        self.preload_keys(conn)
        for row in conn.execute(select(records).where(records.c.kind == kind).order_by(records.c.created_at)):
            yield self._open_row(conn, row)

    # -- drafts ----------------------------------------------------------------------------------------------

    def save_draft(self, operator_id: str, form_id: str, data: dict[str, Any]) -> None:
        store = self.vault.keyring.require()
        sealed = crypto.seal(
            store.local_key,
            json.dumps(data, ensure_ascii=False).encode(),
            draft_aad(store.vault_id, operator_id, form_id),
            compress=True,
        )
        with translate_errors(), self.vault.engine.begin() as conn:
            conn.execute(delete(drafts).where(drafts.c.operator_id == operator_id, drafts.c.form_id == form_id))
            conn.execute(
                insert(drafts).values(operator_id=operator_id, form_id=form_id, sealed=sealed, updated_at=now_iso())
            )

    def load_draft(self, operator_id: str, form_id: str) -> dict[str, Any] | None:
        store = self.vault.keyring.require()
        with self.vault.engine.connect() as conn:
            sealed = conn.execute(
                select(drafts.c.sealed).where(drafts.c.operator_id == operator_id, drafts.c.form_id == form_id)
            ).scalar()
        if sealed is None:
            return None
        plain = crypto.open_sealed(
            store.local_key, sealed, draft_aad(store.vault_id, operator_id, form_id), what=f"draft {form_id}"
        )
        data: dict[str, Any] = json.loads(plain)
        return data

    def discard_draft(self, operator_id: str, form_id: str) -> None:
        with translate_errors(), self.vault.engine.begin() as conn:
            conn.execute(delete(drafts).where(drafts.c.operator_id == operator_id, drafts.c.form_id == form_id))
