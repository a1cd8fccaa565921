"""The audit log: every view, print, export and change of a case is one event in an append-only SHA-256 hash
chain (each event's hash covers its fields and the previous hash). Events hold ids and codes, never personal data
in clear. Triggers in the schema refuse UPDATE and DELETE; :func:`verify` names the first broken link.

The chain detects an edited, removed or reordered event. Someone who can write the file could rebuild the whole
chain from the altered event on; anchoring the chain's head on the sync server closes that gap (sync issues)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select

from iam_desktop.vault.tables import audit_events
from iam_desktop.vault.vault import now_iso

GENESIS = "0" * 64


def _event_hash(
    seq: int, at: str, operator_id: str | None, action: str, case_id: str | None, detail: str, prev_hash: str
) -> str:
    canonical = json.dumps([seq, at, operator_id, action, case_id, detail, prev_hash], separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def append(
    conn: Connection,
    *,
    operator_id: str | None,
    action: str,
    case_id: str | None = None,
    detail: dict[str, str | int] | None = None,
) -> int:
    """Append one event inside the caller's transaction, so the event and the change it records commit together."""
    last = conn.execute(
        select(audit_events.c.seq, audit_events.c.hash).order_by(audit_events.c.seq.desc()).limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev_hash = last.hash if last else GENESIS
    at = now_iso()
    detail_text = json.dumps(detail or {}, sort_keys=True)
    conn.execute(
        insert(audit_events).values(
            seq=seq,
            at=at,
            operator_id=operator_id,
            action=action,
            case_id=case_id,
            detail=detail_text,
            prev_hash=prev_hash,
            hash=_event_hash(seq, at, operator_id, action, case_id, detail_text, prev_hash),
        )
    )
    return seq


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    events: int
    first_broken: int | None
    reason: str | None


def verify(engine: Engine) -> AuditReport:
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    with engine.connect() as conn:
        for row in conn.execute(select(audit_events).order_by(audit_events.c.seq)):
            count += 1
            if row.seq != expected_seq:
                return AuditReport(False, count, expected_seq, "missing_event")
            if row.prev_hash != expected_prev:
                return AuditReport(False, count, row.seq, "broken_link")
            actual = _event_hash(row.seq, row.at, row.operator_id, row.action, row.case_id, row.detail, row.prev_hash)
            if actual != row.hash:
                return AuditReport(False, count, row.seq, "altered_event")
            expected_prev = row.hash
            expected_seq += 1
    return AuditReport(True, count, None, None)


def recent(engine: Engine, limit: int = 200) -> list[dict[str, object]]:
    with engine.connect() as conn:
        rows = conn.execute(select(audit_events).order_by(audit_events.c.seq.desc()).limit(limit)).mappings().all()
    return [dict(r) for r in rows]
