"""The outbox: every local write of a record turns into a sealed *change* in the same SQLite transaction
(DESIGN.md §6), ready for the sync client to push.

Fields. A record's fields are the last-writer-wins registers of the merge. For ``case`` records (payload
``{"person": {…}, "meta": {…}, "extra": {…}}``) a field is one top-level key of a section — ``person.phone``,
``meta.step``, ``extra.reception.kind`` (the key after the section may itself contain dots) —, so two operators
editing different answers of one case never collide, while a nested value (a permit, a list of languages) is
replaced whole. Every other kind is flat: a field is a top-level key. Paths are tuples; their stored form is JSON.

A change carries only the changed fields (``set`` and ``unset``), sealed with the case key (AES-256-GCM, zlib
before encryption) and associated data binding it to ``change_id | device_id | device_seq | case_id | kind |
record_id | hlc | key_id | schema_version | deleted | base``, so the server can neither forge, alter nor move it.
``base`` maps each changed field — under an opaque id, an HMAC of the path with the case key, so the server does
not learn field names — to the HLC stamp the field had when it was edited: the receiver compares it with its own
stamp to recognise concurrent edits. Append-only kinds (history, diary, notes, attachments) are written once."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from iam_desktop.vault import crypto, sync_state
from iam_desktop.vault.tables import field_stamps, outbox, tombstones
from iam_desktop.vault.vault import Vault, now_iso

Path = tuple[str, ...]
SECTIONED_KINDS = frozenset({"case"})
# Written once, never edited: an incoming change of these kinds is never a conflict. ``attachment_record`` is the
# synced description of an attachment (vault.lookup): its fields are fixed when the file is attached.
APPEND_ONLY_KINDS = frozenset(
    {"history", "diary", "note", "notes", "attachment", "attachment_meta", "attachment_record"}
)
MAX_FIELDS_PER_CHANGE = 200  # the wire allows 256 `base` entries per change
PENDING, ACKED, REJECTED = "pending", "acked", "rejected"


def uuid7() -> str:
    """A UUIDv7 (RFC 9562): 48-bit milliseconds then random bits (``sync.protocol.new_change_id``'s layout)."""
    ms = int(time.time() * 1000)
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | ((rand >> 62) & 0xFFF) << 64 | 0b10 << 62
    return str(uuid.UUID(int=value | (rand & ((1 << 62) - 1))))


def path_key(path: Path) -> str:
    return json.dumps(list(path), ensure_ascii=False)


def path_label(path: Path) -> str:
    return ".".join(path)


def flatten(kind: str, payload: Mapping[str, Any]) -> dict[Path, Any]:
    out: dict[Path, Any] = {}
    for key, value in payload.items():
        if kind in SECTIONED_KINDS and isinstance(value, dict):
            for sub, inner in value.items():
                out[(key, sub)] = inner
        else:
            out[(key,)] = value
    return out


def unflatten(kind: str, fields: Mapping[Path, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = {"person": {}, "meta": {}, "extra": {}} if kind == "case" else {}
    for path, value in sorted(fields.items()):
        if len(path) == 2:
            section = payload.setdefault(path[0], {})
            if isinstance(section, dict):
                section[path[1]] = value
        else:
            payload[path[0]] = value
    return payload


def field_id(case_key: bytes, path: Path) -> str:
    """The opaque name of a field in ``base``: the server sees that a field changed, never which one."""
    return hmac.new(case_key, b"iam-field|" + path_key(path).encode(), hashlib.sha256).hexdigest()[:20]


@dataclass(frozen=True)
class Envelope:
    """A change as stored in the outbox and as it travels (the fields of ``sync.protocol.Change``)."""

    change_id: str
    device_id: str
    device_seq: int
    case_id: str
    kind: str
    record_id: str
    hlc: str
    key_id: str
    schema_version: int
    ciphertext: str
    deleted: bool = False
    base: dict[str, str] = field(default_factory=dict)

    def aad(self) -> bytes:
        return change_aad(
            self.change_id, self.device_id, self.device_seq, self.case_id, self.kind, self.record_id, self.hlc,
            self.key_id, self.schema_version, self.deleted, self.base,
        )  # fmt: skip

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Envelope:
        return cls(**json.loads(text))


def change_aad(
    change_id: str, device_id: str, device_seq: int, case_id: str, kind: str, record_id: str, hlc: str,
    key_id: str, schema_version: int, deleted: bool, base: Mapping[str, str],
) -> bytes:  # fmt: skip
    canonical_base = ",".join(f"{k}={base[k]}" for k in sorted(base))
    parts = (change_id, device_id, str(device_seq), case_id, kind, record_id, hlc, key_id, str(schema_version),
             "1" if deleted else "0", canonical_base)  # fmt: skip
    return ("iam-change|" + "|".join(parts)).encode()


def seal_change(key: bytes, body: dict[str, Any], envelope: Envelope) -> Envelope:
    plain = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    sealed = crypto.seal(key, plain, envelope.aad(), compress=True)
    return Envelope(**{**envelope.__dict__, "ciphertext": base64.b64encode(sealed).decode("ascii")})


def open_change(key: bytes, envelope: Envelope) -> dict[str, Any]:
    """The change's body ``{"create": bool, "set": [[path, value]…], "unset": [path…]}``; TamperedError if
    the ciphertext or any bound metadata was altered."""
    raw = base64.b64decode(envelope.ciphertext)
    body: dict[str, Any] = json.loads(crypto.open_sealed(key, raw, envelope.aad(), what=f"change {envelope.change_id}"))
    return body


def device_id_for_changes(conn: Connection, vault: Vault) -> str:
    """The server's id of this device once enrolled; before, the local one (re-stamped at enrolment)."""
    enrolled = sync_state.enrolment(conn)
    return enrolled.device_id if enrolled else vault.keyring.require().device_id


def stamps_of(conn: Connection, record_id: str) -> dict[Path, tuple[str, str]]:
    rows = conn.execute(
        select(field_stamps.c.field, field_stamps.c.hlc, field_stamps.c.device_id).where(
            field_stamps.c.record_id == record_id
        )
    )
    return {tuple(json.loads(r.field)): (r.hlc, r.device_id) for r in rows}


def set_stamps(conn: Connection, record_id: str, paths: Iterable[Path], hlc: str, device_id: str) -> None:
    # One upsert for all the fields of a write: a case has dozens of fields, and a statement per field made an
    # import of a spreadsheet crawl.
    rows = [{"record_id": record_id, "field": path_key(p), "hlc": hlc, "device_id": device_id} for p in paths]
    if rows:
        statement = sqlite_insert(field_stamps)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[field_stamps.c.record_id, field_stamps.c.field],
                set_={"hlc": statement.excluded.hlc, "device_id": statement.excluded.device_id},
            ),
            rows,
        )


def _chunks(items: list[Path], size: int) -> Iterator[list[Path]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def record_local_change(
    conn: Connection,
    vault: Vault,
    *,
    case_id: str,
    kind: str,
    record_id: str,
    key_id: str,
    key: bytes,
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
) -> int:
    """Add the outbox change(s) for a write of ``record_id`` from ``old`` to ``new`` (None: absent/deleted) and
    stamp the changed fields. Runs in the caller's transaction. Returns the number of changes added."""
    device_id = device_id_for_changes(conn, vault)
    if new is None:
        hlc = vault.clock.now(conn)
        envelope = Envelope(uuid7(), device_id, sync_state.next_device_seq(conn), case_id, kind, record_id, hlc,
                            key_id, 1, "", deleted=True)  # fmt: skip
        _queue(conn, seal_change(key, {"create": False, "set": [], "unset": []}, envelope))
        # The tombstone is local too, so a concurrent edit arriving later cannot bring the record back.
        conn.execute(delete(field_stamps).where(field_stamps.c.record_id == record_id))
        conn.execute(insert(tombstones).values(record_id=record_id, case_id=case_id, hlc=hlc, device_id=device_id))
        return 1
    before = flatten(kind, old or {})
    after = flatten(kind, new)
    changed = [p for p in after if p not in before or before[p] != after[p]]
    removed = [p for p in before if p not in after]
    if old is not None and not changed and not removed:
        return 0
    stamps = stamps_of(conn, record_id)
    paths = sorted(changed) + sorted(removed)
    count = 0
    # A huge record is split so each change stays within the wire's limit of `base` entries.
    for part in _chunks(paths, MAX_FIELDS_PER_CHANGE) if paths else iter([[]]):
        hlc = vault.clock.now(conn)
        base = {field_id(key, p): stamps[p][0] for p in part if p in stamps}
        body = {
            "create": old is None,
            "set": [[list(p), after[p]] for p in part if p in after],
            "unset": [list(p) for p in part if p not in after],
        }
        envelope = Envelope(uuid7(), device_id, sync_state.next_device_seq(conn), case_id, kind, record_id, hlc,
                            key_id, 1, "", base=base)  # fmt: skip
        _queue(conn, seal_change(key, body, envelope))
        set_stamps(conn, record_id, part, hlc, device_id)
        count += 1
    return count


def _queue(conn: Connection, e: Envelope) -> None:
    conn.execute(
        insert(outbox).values(
            change_id=e.change_id, device_seq=e.device_seq, device_id=e.device_id, case_id=e.case_id, kind=e.kind,
            record_id=e.record_id, hlc=e.hlc, base=json.dumps(e.base, sort_keys=True), key_id=e.key_id,
            schema_version=e.schema_version, ciphertext=e.ciphertext, deleted=int(e.deleted), state=PENDING,
            errno=None, created_at=now_iso(),
        )
    )  # fmt: skip


def _row_envelope(row: Any) -> Envelope:
    return Envelope(
        row.change_id, row.device_id, int(row.device_seq), row.case_id, row.kind, row.record_id, row.hlc,
        row.key_id, int(row.schema_version), row.ciphertext, bool(row.deleted), json.loads(row.base),
    )  # fmt: skip


def pending(conn: Connection, limit: int, after_seq: int = 0) -> list[Envelope]:
    """The oldest changes not yet acknowledged (numbered after ``after_seq``), in device-sequence order."""
    query = (
        select(outbox)
        .where(outbox.c.state == PENDING, outbox.c.device_seq > after_seq)
        .order_by(outbox.c.device_seq)
        .limit(limit)
    )
    return [_row_envelope(r) for r in conn.execute(query)]


def waiting(conn: Connection) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.count()).select_from(outbox).where(outbox.c.state == PENDING)).scalar_one())


def mark(conn: Connection, change_id: str, state: str, errno: int | None = None) -> bool:
    """Set one sent row's state (only a pending row changes: an ack never touches rows written since)."""
    result = conn.execute(
        update(outbox)
        .where(outbox.c.change_id == change_id, outbox.c.state == PENDING)
        .values(state=state, errno=errno)
    )
    return bool(result.rowcount)


def is_own(conn: Connection, change_id: str) -> bool:
    return conn.execute(select(outbox.c.change_id).where(outbox.c.change_id == change_id)).first() is not None


def restamp_device(conn: Connection, vault: Vault, keys: Any, old_device: str, new_device: str) -> int:
    """At enrolment: changes written before the server gave this device its id are re-sealed under the new id
    (the id is bound in their associated data) and the field stamps follow. ``keys(case_id, key_id)`` → key."""
    from iam_desktop.vault.tables import outbox as ob

    rows = list(conn.execute(select(ob).where(ob.c.device_id == old_device, ob.c.state == PENDING)))
    for row in rows:
        envelope = _row_envelope(row)
        key = keys(conn, envelope.case_id, envelope.key_id)
        body = open_change(key, envelope)
        moved = seal_change(key, body, Envelope(**{**envelope.__dict__, "device_id": new_device}))
        conn.execute(
            update(ob).where(ob.c.change_id == row.change_id).values(device_id=new_device, ciphertext=moved.ciphertext)
        )
    conn.execute(update(field_stamps).where(field_stamps.c.device_id == old_device).values(device_id=new_device))
    return len(rows)
