"""What the soak's final checks read (bench/soak.py): one replica — its records, outbox, waiting blobs, the desk a
case names responsible, its referral records, the transfers its audit says were given back, the partitions its
digest check finds differing — and the server's stored changes; the audit chain through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa


def meta_desk(desk: Any, case_id: str) -> str | None:
    """The desk a device's copy of a case names responsible (``meta.desk``), None when it does not hold the case."""
    from iam_desktop.services.cases import CASE_KIND

    with desk.vault.engine.connect() as conn:
        stored = desk.records.get(conn, case_id)
    if stored is None or stored.kind != CASE_KIND:
        return None
    return str(stored.payload.get("meta", {}).get("desk"))


def referral_payloads(desk: Any) -> dict[str, dict[str, Any]]:
    """Every referral record a device holds, by id (the sender's desk holds all it sent)."""
    from iam_desktop.domain.referral import REFERRAL_KIND

    with desk.vault.engine.connect() as conn:
        return {r.record_id: dict(r.payload) for r in desk.records.of_kind(conn, REFERRAL_KIND)}


def given_back(desks: dict[str, Any]) -> set[str]:
    """The transfers whose move some device undid (``Referrals.settle``), from every vault's audit events."""
    from iam_desktop.vault.tables import audit_events

    out: set[str] = set()
    for desk in desks.values():
        with desk.vault.engine.connect() as conn:
            query = sa.select(audit_events.c.detail).where(audit_events.c.action == "referral.transfer_undone")
            out |= {str(json.loads(detail).get("referral")) for detail in conn.execute(query).scalars()}
    return out


def observe(desk: Any) -> dict[str, Any]:
    """What one replica holds, for the final checks."""
    from iam_desktop.services.blob_sync import waiting_blobs
    from iam_desktop.services.cases import CASE_KIND
    from iam_desktop.vault.tables import outbox as outbox_table
    from iam_desktop.vault.tables import records

    with desk.vault.engine.connect() as conn:
        rows = conn.execute(sa.select(outbox_table.c.change_id, outbox_table.c.state)).all()
        ids = conn.execute(sa.select(records.c.record_id, records.c.kind).order_by(records.c.record_id)).all()
        stored = {r.record_id: (r.kind, desk.records.get(conn, r.record_id)) for r in ids}
        blobs = waiting_blobs(conn)
    view = {rid: s.payload for rid, (_, s) in stored.items() if s is not None}
    notes = [
        s.payload["person"].get("notes", "")
        for kind, s in stored.values()
        if kind == CASE_KIND and s is not None and isinstance(s.payload.get("person"), dict)
    ]
    return {
        "view": view,
        "tokens": Counter(n for n in notes if n.startswith("soak-")),
        "acked": {r.change_id for r in rows if r.state == "acked"},
        "waiting": sum(1 for r in rows if r.state != "acked"),
        "outbox": len(rows),
        "blobs_waiting": blobs,
        "quarantined": desk.sync.status().quarantined,
    }


def differing(desk: Any) -> Counter[str]:
    """The partitions the digest check finds differing from the server after the final syncs, and, if any, how
    many it repaired and how many still differ at a second check."""
    from iam_desktop.services.enrolment import Enrolment
    from iam_desktop.services.sync_repair import PartitionRepair

    first = PartitionRepair(desk, Enrolment(desk).transport()).run()
    out = Counter(partitions_differing=first.partitions_differing, partitions_repaired=first.partitions_repaired)
    if first.partitions_differing:
        second = PartitionRepair(desk, Enrolment(desk).transport()).run()
        out["partitions_still_differing"] = second.partitions_differing
    return out


def data_root(desk: Any) -> Path:
    """The data folder of an open desk (where its vault file lives)."""
    return Path(desk.vault.engine.url.database).parent


def server_counts(database_url: str) -> Counter[str]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT change_id, COUNT(*) FROM changes GROUP BY change_id")).all()
    finally:
        engine.dispose()
    return Counter({str(r[0]): int(r[1]) for r in rows})


def audit_verify(root: Path) -> bool:
    command = [sys.executable, "-m", "iam_desktop", "--data-dir", str(root), "audit", "verify", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    return done.returncode == 0
