"""Blind-index look-ups and encrypted attachments of cases (and of the catalogue partition).

Look-ups: the vault stores ``HMAC-SHA256(network key, key)`` for the normalised strings the domain derives
(``iam_desktop.domain.duplicates``), so an operator learns that a codice fiscale or a name with the same birth
year already exists — and in which case — without the file holding the value. Attachments (scans, signed
consents, methodology files) are sealed with the case key like records; their name and type are sealed separately
so a list can be shown without decrypting every file.

An attachment syncs as two things (DESIGN.md §6): an append-only record of kind ``attachment_record`` — filename,
media type, kind, sizes, the key id and the SHA-256 of the sealed content —, written through the outbox in the same
transaction as the local row, and its sealed content, the *blob*, uploaded as is (its associated data already binds
it to case, attachment and key) before the change that references it. ``blob_queue`` holds what still has to move:
``up`` for a local attachment whose blob the server has not completed (its outbox change waits), ``down`` for an
attachment record that arrived without its content yet. A downloaded blob is stored only when its SHA-256 is the
one the (authenticated) record names."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from iam_desktop.vault import crypto
from iam_desktop.vault.records import SCHEMA_VERSION, RecordStore, StoredRecord
from iam_desktop.vault.tables import attachments, blob_queue, lookup_index, records
from iam_desktop.vault.vault import now_iso

ATTACHMENT_KIND = "attachment"
ATTACHMENT_META_KIND = "attachment_meta"
# The synced description of an attachment: a kind of its own, so its associated data never equals the blob's.
ATTACHMENT_RECORD_KIND = "attachment_record"
UP, DOWN = "up", "down"
WAITING, FAILED, TAMPERED = "waiting", "failed", "tampered"
READY = "ready"


def digests(records: RecordStore, keys: Iterable[str]) -> list[str]:
    network_key = records.vault.keyring.require().network_key
    return [crypto.blind_index(network_key, "lookup", key) for key in keys]


def replace_lookups(conn: Connection, records: RecordStore, case_id: str, keys: Iterable[str]) -> None:
    conn.execute(delete(lookup_index).where(lookup_index.c.case_id == case_id))
    rows = [{"digest": d, "case_id": case_id} for d in dict.fromkeys(digests(records, keys))]
    if rows:
        conn.execute(insert(lookup_index), rows)


def add_lookups(conn: Connection, records: RecordStore, case_id: str, keys: Iterable[str]) -> None:
    existing = set(conn.execute(select(lookup_index.c.digest).where(lookup_index.c.case_id == case_id)).scalars())
    rows = [{"digest": d, "case_id": case_id} for d in dict.fromkeys(digests(records, keys)) if d not in existing]
    if rows:
        conn.execute(insert(lookup_index), rows)


def find(conn: Connection, records: RecordStore, keys: Iterable[str]) -> dict[str, set[str]]:
    """Which cases hold each key: ``{key: {case_id, …}}`` for the keys found."""
    wanted = dict(zip(digests(records, keys), keys, strict=True))
    if not wanted:
        return {}
    found: dict[str, set[str]] = {}
    for row in conn.execute(select(lookup_index).where(lookup_index.c.digest.in_(list(wanted)))):
        found.setdefault(wanted[row.digest], set()).add(row.case_id)
    return found


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment of a case. ``state`` is ``ready`` (content here), or — for one whose record arrived before its
    content — ``waiting``, ``failed`` or ``tampered``, with the ``reason`` of the last failure. ``subject`` ties a
    file of the catalogue partition to its entry (empty for a case's documents)."""

    attachment_id: str
    case_id: str
    filename: str
    media_type: str
    kind: str
    size: int
    created_at: str
    state: str = READY
    reason: str = ""
    subject: str = ""

    @property
    def available(self) -> bool:
        return self.state == READY


def _aad(case_id: str, kind: str, attachment_id: str, key_id: str) -> bytes:
    return crypto.record_aad(case_id, kind, attachment_id, SCHEMA_VERSION, key_id)


def _seal_meta(key: bytes, case_id: str, attachment_id: str, key_id: str, meta: dict[str, str]) -> bytes:
    return crypto.seal(key, json.dumps(meta).encode(), _aad(case_id, ATTACHMENT_META_KIND, attachment_id, key_id))


def put_attachment(
    conn: Connection,
    records_store: RecordStore,
    case_id: str,
    *,
    filename: str,
    media_type: str,
    kind: str,
    data: bytes,
    subject: str = "",
) -> AttachmentInfo:
    """Store an attachment, add its record to the outbox and queue its blob for upload — one transaction."""
    key_id, key = records_store.case_key(conn, case_id)
    attachment_id = str(uuid.uuid4())
    meta = {"filename": filename, "media_type": media_type, "kind": kind, "subject": subject}
    stamp = now_iso()
    sealed = crypto.seal(key, data, _aad(case_id, ATTACHMENT_KIND, attachment_id, key_id))
    conn.execute(
        insert(attachments).values(
            attachment_id=attachment_id,
            case_id=case_id,
            key_id=key_id,
            sealed_meta=_seal_meta(key, case_id, attachment_id, key_id, meta),
            sealed=sealed,
            size=len(data),
            created_at=stamp,
        )
    )
    digest = hashlib.sha256(sealed).hexdigest()
    payload = {**meta, "size": len(data), "sha256": digest, "sealed_size": len(sealed), "key_id": key_id,
               "created_at": stamp}  # fmt: skip
    records_store.put(conn, case_id=case_id, kind=ATTACHMENT_RECORD_KIND, record_id=attachment_id, payload=payload)
    queue_blob(conn, attachment_id, case_id, UP, digest, len(sealed))
    return AttachmentInfo(attachment_id, case_id, filename, media_type, kind, len(data), stamp, subject=subject)


def store_downloaded(conn: Connection, records_store: RecordStore, record: StoredRecord, sealed: bytes) -> bool:
    """Keep a downloaded blob as the local attachment of ``record``; False (nothing stored) unless its SHA-256 is
    the one the record names. The row leaves the download queue."""
    payload = record.payload
    if hashlib.sha256(sealed).hexdigest() != payload.get("sha256"):
        return False
    key_id = str(payload["key_id"])
    _, key = records_store.case_key(conn, record.case_id, key_id)
    meta = {name: str(payload.get(name, "")) for name in ("filename", "media_type", "kind", "subject")}
    if conn.execute(select(attachments.c.attachment_id).where(attachments.c.attachment_id == record.record_id)).first():
        return True
    conn.execute(
        insert(attachments).values(
            attachment_id=record.record_id,
            case_id=record.case_id,
            key_id=key_id,
            sealed_meta=_seal_meta(key, record.case_id, record.record_id, key_id, meta),
            sealed=sealed,
            size=int(payload.get("size", 0)),
            created_at=str(payload.get("created_at") or record.created_at),
        )
    )
    conn.execute(delete(blob_queue).where(blob_queue.c.attachment_id == record.record_id))
    return True


def queue_blob(conn: Connection, attachment_id: str, case_id: str, direction: str, sha256: str, size: int) -> bool:
    """Add a blob to the queue (once); True if it was not there."""
    if conn.execute(select(blob_queue.c.attachment_id).where(blob_queue.c.attachment_id == attachment_id)).first():
        return False
    conn.execute(
        insert(blob_queue).values(attachment_id=attachment_id, case_id=case_id, direction=direction, sha256=sha256,
                                  size=size, state=WAITING, reason=None, attempts=0, next_try=time.time(),
                                  updated_at=now_iso())
    )  # fmt: skip
    return True


def missing_contents(conn: Connection, records_store: RecordStore) -> list[StoredRecord]:
    """Attachment records that arrived with no local content and are not queued yet."""
    query = select(records.c.record_id).where(
        records.c.kind == ATTACHMENT_RECORD_KIND,
        records.c.record_id.not_in(select(attachments.c.attachment_id)),
        records.c.record_id.not_in(select(blob_queue.c.attachment_id)),
    )
    out = []
    for record_id in list(conn.execute(query).scalars()):
        stored = records_store.get(conn, record_id)
        if stored is not None:
            out.append(stored)
    return out


def _meta_of(conn: Connection, records_store: RecordStore, row: Any) -> dict[str, str]:
    _, key = records_store.case_key(conn, row.case_id, row.key_id)
    meta: dict[str, str] = json.loads(
        crypto.open_sealed(
            key,
            row.sealed_meta,
            _aad(row.case_id, ATTACHMENT_META_KIND, row.attachment_id, row.key_id),
            what=f"attachment {row.attachment_id}",
        )
    )
    return meta


def list_attachments(conn: Connection, records_store: RecordStore, case_id: str) -> list[AttachmentInfo]:
    """The case's attachments, oldest first: those stored here, and those whose record arrived but whose content
    has not (yet), with the state of their download."""
    out = []
    query = select(
        attachments.c.attachment_id,
        attachments.c.case_id,
        attachments.c.key_id,
        attachments.c.sealed_meta,
        attachments.c.size,
        attachments.c.created_at,
    ).where(attachments.c.case_id == case_id)
    for row in conn.execute(query):
        meta = _meta_of(conn, records_store, row)
        out.append(
            AttachmentInfo(row.attachment_id, case_id, meta["filename"], meta["media_type"], meta["kind"], row.size,
                           row.created_at, subject=meta.get("subject", ""))
        )  # fmt: skip
    here = {info.attachment_id for info in out}
    queued = {
        r.attachment_id: r
        for r in conn.execute(select(blob_queue).where(blob_queue.c.case_id == case_id, blob_queue.c.direction == DOWN))
    }
    for stored in records_store.of_case(conn, case_id, ATTACHMENT_RECORD_KIND):
        if stored.record_id in here:
            continue
        p = stored.payload
        q = queued.get(stored.record_id)
        state, reason = (q.state, q.reason or "") if q is not None else (WAITING, "")
        out.append(
            AttachmentInfo(stored.record_id, case_id, str(p.get("filename", "")), str(p.get("media_type", "")),
                           str(p.get("kind", "")), int(p.get("size", 0)), str(p.get("created_at") or stored.created_at),
                           state=state, reason=reason, subject=str(p.get("subject", "")))
        )  # fmt: skip
    return sorted(out, key=lambda info: (info.created_at, info.attachment_id))


def read_attachment(conn: Connection, records_store: RecordStore, attachment_id: str) -> tuple[str, bytes] | None:
    """(case id, content) of an attachment, or None if there is no such attachment (or its content has not
    arrived yet)."""
    row = conn.execute(select(attachments).where(attachments.c.attachment_id == attachment_id)).first()
    if row is None:
        return None
    _, key = records_store.case_key(conn, row.case_id, row.key_id)
    data = crypto.open_sealed(
        key,
        row.sealed,
        _aad(row.case_id, ATTACHMENT_KIND, attachment_id, row.key_id),
        what=f"attachment {attachment_id}",
    )
    return row.case_id, data
