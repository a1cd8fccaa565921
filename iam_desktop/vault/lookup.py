"""Blind-index look-ups and encrypted attachments of cases.

Look-ups: the vault stores ``HMAC-SHA256(network key, key)`` for the normalised strings the domain derives
(``iam_desktop.domain.duplicates``), so an operator learns that a codice fiscale or a name with the same birth
year already exists — and in which case — without the file holding the value. Attachments (scans, signed
consents) are sealed with the case key like records; their name and type are sealed separately so a list can be
shown without decrypting every file."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from iam_desktop.vault import crypto
from iam_desktop.vault.records import SCHEMA_VERSION, RecordStore
from iam_desktop.vault.tables import attachments, lookup_index
from iam_desktop.vault.vault import now_iso

ATTACHMENT_KIND = "attachment"
ATTACHMENT_META_KIND = "attachment_meta"


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
    attachment_id: str
    case_id: str
    filename: str
    media_type: str
    kind: str
    size: int
    created_at: str


def _aad(case_id: str, kind: str, attachment_id: str, key_id: str) -> bytes:
    return crypto.record_aad(case_id, kind, attachment_id, SCHEMA_VERSION, key_id)


def put_attachment(
    conn: Connection, records: RecordStore, case_id: str, *, filename: str, media_type: str, kind: str, data: bytes
) -> AttachmentInfo:
    key_id, key = records.case_key(conn, case_id)
    attachment_id = str(uuid.uuid4())
    meta = {"filename": filename, "media_type": media_type, "kind": kind}
    stamp = now_iso()
    conn.execute(
        insert(attachments).values(
            attachment_id=attachment_id,
            case_id=case_id,
            key_id=key_id,
            sealed_meta=crypto.seal(
                key, json.dumps(meta).encode(), _aad(case_id, ATTACHMENT_META_KIND, attachment_id, key_id)
            ),
            sealed=crypto.seal(key, data, _aad(case_id, ATTACHMENT_KIND, attachment_id, key_id)),
            size=len(data),
            created_at=stamp,
        )
    )
    return AttachmentInfo(attachment_id, case_id, filename, media_type, kind, len(data), stamp)


def list_attachments(conn: Connection, records: RecordStore, case_id: str) -> list[AttachmentInfo]:
    out = []
    query = select(
        attachments.c.attachment_id,
        attachments.c.key_id,
        attachments.c.sealed_meta,
        attachments.c.size,
        attachments.c.created_at,
    ).where(attachments.c.case_id == case_id)
    for row in conn.execute(query.order_by(attachments.c.created_at)):
        _, key = records.case_key(conn, case_id, row.key_id)
        meta = json.loads(
            crypto.open_sealed(
                key,
                row.sealed_meta,
                _aad(case_id, ATTACHMENT_META_KIND, row.attachment_id, row.key_id),
                what=f"attachment {row.attachment_id}",
            )
        )
        out.append(
            AttachmentInfo(
                row.attachment_id, case_id, meta["filename"], meta["media_type"], meta["kind"], row.size, row.created_at
            )
        )
    return out


def read_attachment(conn: Connection, records: RecordStore, attachment_id: str) -> tuple[str, bytes] | None:
    """(case id, content) of an attachment, or None if there is no such attachment."""
    row = conn.execute(select(attachments).where(attachments.c.attachment_id == attachment_id)).first()
    if row is None:
        return None
    _, key = records.case_key(conn, row.case_id, row.key_id)
    data = crypto.open_sealed(
        key,
        row.sealed,
        _aad(row.case_id, ATTACHMENT_KIND, attachment_id, row.key_id),
        what=f"attachment {attachment_id}",
    )
    return row.case_id, data
