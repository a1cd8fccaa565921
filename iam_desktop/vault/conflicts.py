"""The conflicts list: losing values of concurrent edits kept by the merge (``vault.merge``), for an operator to
review side by side and resolve — keep the current value, or restore the other one. Restoring is an ordinary
local edit (``RecordStore.put``), so it gets a fresh stamp, wins everywhere and syncs like any change; either way
the entry is marked resolved and stays (bounded) for the record's story."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, update

from iam_desktop.domain.errors import ValidationError
from iam_desktop.vault import crypto, outbox
from iam_desktop.vault.merge import conflict_aad
from iam_desktop.vault.records import RecordStore
from iam_desktop.vault.tables import conflicts
from iam_desktop.vault.vault import now_iso

KEEP_CURRENT = "keep_current"
RESTORE_OTHER = "restore_other"


@dataclass(frozen=True)
class ConflictEntry:
    """One concurrent edit of one field. ``winner`` and ``loser`` are ``{"value", "present", "hlc", "device"}``;
    ``current`` is what the record holds now (it may have moved on since)."""

    conflict_id: str
    case_id: str
    record_id: str
    kind: str
    field: str
    path: tuple[str, ...]
    winner: dict[str, Any]
    loser: dict[str, Any]
    created_at: str
    resolved_at: str | None
    resolution: str | None

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "path": list(self.path)}


def _open(conn: Connection, records: RecordStore, row: Any) -> ConflictEntry:
    _, key = records.case_key(conn, row.case_id, row.key_id)
    aad = conflict_aad(row.conflict_id, row.case_id, row.record_id, row.key_id)
    body = json.loads(crypto.open_sealed(key, row.sealed, aad, what=f"conflict {row.conflict_id}"))
    path = tuple(body["field"])
    return ConflictEntry(row.conflict_id, row.case_id, row.record_id, row.kind, outbox.path_label(path), path,
                         body["winner"], body["loser"], row.created_at, row.resolved_at, row.resolution)  # fmt: skip


def list_conflicts(
    conn: Connection, records: RecordStore, *, case_id: str | None = None, include_resolved: bool = False
) -> list[ConflictEntry]:
    query = select(conflicts).order_by(conflicts.c.created_at)
    if case_id is not None:
        query = query.where(conflicts.c.case_id == case_id)
    if not include_resolved:
        query = query.where(conflicts.c.resolved_at.is_(None))
    return [_open(conn, records, row) for row in conn.execute(query)]


def resolve(conn: Connection, records: RecordStore, conflict_id: str, choice: str) -> ConflictEntry:
    """Resolve one entry: ``keep_current`` or ``restore_other`` (the losing value becomes a new local edit)."""
    row = conn.execute(select(conflicts).where(conflicts.c.conflict_id == conflict_id)).first()
    if row is None:
        raise ValidationError("conflict", "unknown")
    if choice not in (KEEP_CURRENT, RESTORE_OTHER):
        raise ValidationError("choice", "invalid")
    entry = _open(conn, records, row)
    if choice == RESTORE_OTHER:
        stored = records.get(conn, entry.record_id)
        if stored is None:
            raise ValidationError("conflict", "record_deleted")
        fields = outbox.flatten(entry.kind, stored.payload)
        if entry.loser.get("present", True):
            fields[entry.path] = entry.loser["value"]
        else:
            fields.pop(entry.path, None)
        records.put(conn, case_id=entry.case_id, kind=entry.kind, record_id=entry.record_id,
                    payload=outbox.unflatten(entry.kind, fields))  # fmt: skip
    conn.execute(
        update(conflicts).where(conflicts.c.conflict_id == conflict_id).values(resolved_at=now_iso(), resolution=choice)
    )
    return entry
