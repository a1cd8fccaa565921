"""After-pull check of a replica against the server, and repair of the partitions that differ (DESIGN.md §6:
"a mismatch repairs that partition only"; the digest is defined in ``sync.protocol.partitions``).

The check costs one small request when nothing differs: ``GET /v1/digest`` answers a top digest and 16 bucket
digests, which this module computes from the vault the same way (live records with their latest field stamp, plus
what sits in quarantine: known, not yet readable). Only a bucket that differs costs its per-partition list
(``POST /v1/digests``), and only a partition that differs costs its history
(``GET /v1/partitions/{case_id}/changes``). The history is re-applied in one transaction per partition: the
partition's records and field stamps are rebuilt from it, its ``applied_changes`` markers cleared first so
nothing short-circuits; tombstones stay (a delete is final), conflicts already recorded are not recorded again.

Partitions with changes not yet acknowledged (pending or rejected in the outbox) are not compared: their difference
is expected. A partition that still differs after a repair is remembered with the server's digest and left alone
until that digest moves, so an unrepairable difference (a revoked case, a record this device deleted that another
device edited later) never loops. The check runs after a pull that brought changes at most every
``CHECK_AFTER_CHANGES_S``, else every ``CHECK_EVERY_S`` (see ``bench/digest.py`` for its cost). Before the
check, the shared catalogue adopts the network's key if this desk founded it offline under another one
(``Catalogue.adopt_network_key``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, select

from iam_desktop.vault import outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import IncomingGrant, Merger
from iam_desktop.vault.outbox import Envelope
from iam_desktop.vault.tables import applied_changes, field_stamps, quarantine, records, tombstones
from iam_desktop.vault.tables import outbox as outbox_table
from sync.protocol import (
    Change,
    DigestReply,
    DigestRequest,
    ErrorCode,
    PartitionDigest,
    PartitionDigestList,
    PartitionPage,
    partition_digest,
    summarise,
)

from .cases import reindex
from .sync_http import SyncError, SyncProblem, Transport

if TYPE_CHECKING:
    from .desk import Desk

__all__ = ["CHECK_EVERY_S", "RepairReport", "check_and_repair", "local_digests"]

log = logging.getLogger(__name__)
# Measured (bench/digest.py, SQLite): 10,000 cases cost 0.34 s on the server and 0.36 s here; 100,000 cases 5 s
# and 11 s. So a pull that brought changes triggers a check at most every 10 minutes, and a quiet link hourly.
CHECK_EVERY_S = 3600.0
CHECK_AFTER_CHANGES_S = 600.0
LAST_CHECK = "repair.last_check"
STUCK = "repair.stuck"
_CHUNK = 500
# Refusals that mean "this desk cannot have that partition's history": remembered, not retried.
_UNREPAIRABLE = frozenset({int(ErrorCode.CASE_FORBIDDEN), int(ErrorCode.NOT_FOUND), int(ErrorCode.CASE_ERASED)})


@dataclass
class RepairReport:
    checked: bool = False
    partitions_checked: int = 0
    partitions_differing: int = 0
    partitions_repaired: int = 0
    catalogue_reissued: int = 0


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def local_digests(conn: Connection) -> tuple[dict[str, PartitionDigest], set[str]]:
    """The digest of every partition of the vault, and the partitions not compared (changes not acknowledged)."""
    dirty = set(
        conn.execute(select(outbox_table.c.case_id).where(outbox_table.c.state != outbox.ACKED).distinct()).scalars()
    )
    latest: dict[tuple[str, str], tuple[str, str]] = {}
    query = (
        select(records.c.case_id, records.c.record_id, records.c.kind, func.max(field_stamps.c.hlc).label("hlc"))
        .select_from(records.outerjoin(field_stamps, field_stamps.c.record_id == records.c.record_id))
        .group_by(records.c.case_id, records.c.record_id, records.c.kind)
    )
    for row in conn.execute(query):
        latest[(row.case_id, row.record_id)] = (row.kind, row.hlc or "")
    deleted: set[str] = set()
    # A change set aside for want of its key (the grant may still come) counts as known, so it never triggers a
    # repair; one that failed its integrity check does not: the partition differs, its history is fetched again
    # outside the pull and a genuine copy replaces it (a server that stores the altered copy gets "stuck", below).
    waiting_keys = select(quarantine.c.envelope).where(quarantine.c.what == "change", quarantine.c.reason == "no_key")
    for text in conn.execute(waiting_keys).scalars():
        e = Envelope.from_json(text)
        if e.deleted:
            deleted.add(e.record_id)
        elif (e.case_id, e.record_id) not in latest or e.hlc > latest[(e.case_id, e.record_id)][1]:
            latest[(e.case_id, e.record_id)] = (e.kind, e.hlc)
    if deleted or conn.execute(select(quarantine.c.item_id).limit(1)).first():
        deleted |= set(conn.execute(select(tombstones.c.record_id)).scalars())
    lines: dict[str, list[tuple[str, str, str]]] = {}
    for (case_id, record_id), (kind, hlc) in latest.items():
        if case_id not in dirty and record_id not in deleted:
            lines.setdefault(case_id, []).append((record_id, kind, hlc))
    return {case_id: partition_digest(case_id, rows) for case_id, rows in lines.items()}, dirty


class _Replay(Merger):
    """A merger that re-applies a partition's history: every change is treated as incoming (this device's own
    too), and a conflict already recorded when a change was first applied is not recorded a second time."""

    def __init__(self, desk: Desk, desk_id: str, seen: set[str]) -> None:
        super().__init__(desk.records, "", desk_id)
        self._seen = seen
        self._replaying = False

    def apply_change(self, conn: Connection, e: Envelope) -> Any:
        self._replaying = e.change_id in self._seen
        return super().apply_change(conn, e)

    def _conflict(self, *args: Any, **kwargs: Any) -> None:
        if not self._replaying:
            super()._conflict(*args, **kwargs)


class PartitionRepair:
    def __init__(self, desk: Desk, transport: Transport, *, page_limit: int = 1000) -> None:
        self.desk = desk
        self.transport = transport
        self.page_limit = page_limit

    # -- compare -----------------------------------------------------------------------------------------
    def run(self) -> RepairReport:
        report = RepairReport(checked=True)
        with self.desk.vault.engine.connect() as conn:
            mine, dirty = local_digests(conn)
            stuck: dict[str, str] = json.loads(sync_state.get(conn, STUCK) or "{}")
        server = self.transport.get("/v1/digest", DigestReply)
        report.partitions_checked = server.partitions
        ours = summarise(mine)
        if ours.digest == server.digest:
            self._save_stuck({})
            return report
        differing = [s.bucket for s, m in zip(server.buckets, ours.buckets, strict=True) if s != m]
        listed = self.transport.post("/v1/digests", DigestRequest(buckets=differing), PartitionDigestList)
        theirs = {p.case_id: p for p in listed.partitions}
        candidates = sorted(
            case_id
            for case_id in theirs.keys() | {c for c in mine if c[0] in differing}
            if case_id not in dirty and theirs.get(case_id) != mine.get(case_id)
        )
        report.partitions_differing = len(candidates)
        still: dict[str, str] = {}
        for case_id in candidates:
            mark = theirs[case_id].digest if case_id in theirs else "-"
            if stuck.get(case_id) == mark:
                still[case_id] = mark
                continue
            if self.repair(case_id, theirs.get(case_id)):
                report.partitions_repaired += 1
            else:
                still[case_id] = mark
        self._save_stuck(still)
        return report

    def _save_stuck(self, stuck: dict[str, str]) -> None:
        with translate_errors(), self.desk.vault.engine.begin() as conn:
            sync_state.put(conn, STUCK, json.dumps(stuck, sort_keys=True))

    # -- repair ------------------------------------------------------------------------------------------
    def history(self, case_id: str) -> PartitionPage | None:
        """The partition's whole history (all pages joined), or None when the server will not give it."""
        changes: list[Change] = []
        grants = []
        cursor = ""
        while True:
            try:
                page = self.transport.get(
                    f"/v1/partitions/{case_id}/changes", PartitionPage, {"cursor": cursor, "limit": self.page_limit}
                )
            except SyncError as exc:
                if exc.params.get("errno") in _UNREPAIRABLE:
                    return None
                raise
            changes += page.changes
            grants += page.grants
            cursor = page.cursor
            if not page.has_more:
                return PartitionPage(changes=changes, grants=grants, cursor=cursor, has_more=False)

    def repair(self, case_id: str, theirs: PartitionDigest | None) -> bool:
        """Rebuild one partition from its history in one transaction; True when it now matches the server."""
        history = self.history(case_id)
        if history is None:
            return False
        enrolled_desk = self._desk_id()
        ids = [c.change_id for c in history.changes]
        record_ids = sorted({c.record_id for c in history.changes})
        with translate_errors(), self.desk.vault.engine.begin() as conn:
            seen: set[str] = set()
            for part in _chunks(ids):
                seen |= set(conn.execute(select(applied_changes.c.change_id).where(
                    applied_changes.c.change_id.in_(part))).scalars())  # fmt: skip
                seen |= set(conn.execute(select(outbox_table.c.change_id).where(
                    outbox_table.c.change_id.in_(part))).scalars())  # fmt: skip
                conn.execute(delete(applied_changes).where(applied_changes.c.change_id.in_(part)))
                conn.execute(delete(quarantine).where(quarantine.c.item_id.in_(part)))
            for part in _chunks(record_ids):
                conn.execute(delete(records).where(records.c.case_id == case_id, records.c.record_id.in_(part)))
                conn.execute(delete(field_stamps).where(field_stamps.c.record_id.in_(part)))
            merger = _Replay(self.desk, enrolled_desk, seen)
            for g in history.grants:
                merger.apply_grant(conn, IncomingGrant(**g.model_dump()))
            for c in history.changes:
                merger.apply_change(conn, _envelope(c))
            reindex(conn, self.desk.records, [case_id])
        self.desk.cases.forget()  # the case list decrypts again on next use
        with self.desk.vault.engine.connect() as conn:
            now = local_digests(conn)[0].get(case_id)
        return now == theirs

    def _desk_id(self) -> str:
        with self.desk.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        return enrolled.desk_id


def _envelope(c: Change) -> Envelope:
    return Envelope(
        c.change_id, c.device_id, c.device_seq, c.case_id, c.kind, c.record_id, c.hlc, c.key_id, c.schema_version,
        c.ciphertext, c.deleted, dict(c.base),
    )  # fmt: skip


def check_and_repair(desk: Desk, transport: Transport, *, pulled: int, force: bool = False) -> RepairReport:
    """The after-pull step of a sync run: adopt the network's catalogue key if needed, then compare and repair
    when the pull brought changes, when forced, or when the last check is older than ``CHECK_EVERY_S``. A server
    without the digest routes (older) or a link lost meanwhile leaves the run successful: the check waits."""
    report = RepairReport()
    report.catalogue_reissued = desk.network.catalogue.adopt_network_key()
    with desk.vault.engine.connect() as conn:
        last = float(sync_state.get(conn, LAST_CHECK) or 0)
    since = time.time() - last
    due = since >= CHECK_EVERY_S or ((pulled or report.catalogue_reissued) and since >= CHECK_AFTER_CHANGES_S)
    if not (force or due):
        return report
    try:
        checked = PartitionRepair(desk, transport).run()
    except SyncError as exc:
        log.warning("partition check skipped: %s", exc.problem.value)
        return report
    checked.catalogue_reissued, report = report.catalogue_reissued, checked
    with translate_errors(), desk.vault.engine.begin() as conn:
        sync_state.put(conn, LAST_CHECK, str(time.time()))
    if report.partitions_differing:
        log.info("partition check: %d differing, %d repaired", report.partitions_differing,
                 report.partitions_repaired)  # fmt: skip
    return report
