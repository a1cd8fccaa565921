"""Partition digests and partition histories: what a device compares after a pull, and what it re-applies when
one partition differs (DESIGN.md §6, "a mismatch repairs that partition only"; definitions in
`sync.protocol.partitions`).

The latest stamp of a record is read from the stored envelope text itself: envelopes are the canonical JSON of
`Change` written at push time (`Change.model_dump_json`), whose fields before `hlc` are all pattern-checked ids,
numbers and kinds that cannot contain a quote, so `"hlc":"` occurs once and the 20 characters after it are the
stamp. Reading it with `substr`/`instr` keeps the whole digest one indexed scan of the desk's changes, without
parsing JSON or storing a second copy of the stamp. Tombstoned records are dropped in Python from the (small,
compacted) tombstones table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from sync.protocol import (
    DigestReply,
    DigestRequest,
    ErrorCode,
    Grant,
    PartitionDigest,
    PartitionDigestList,
    ProtocolError,
    partition_digest,
    summarise,
)
from sync.server.storage.base import DeviceRow, PullPage
from sync.server.storage.cases import check_holds
from sync.server.storage.engine import decode_cursor, encode_cursor
from sync.server.storage.log import require_active
from sync.server.tables import cases, changes, grants, holdings, tombstones

__all__ = ["DigestMixin"]

_HLC_MARK = '"hlc":"'
_HLC_LENGTH = 20


def _latest_hlc(conn: sa.Connection) -> Any:
    envelope = changes.c.envelope
    find = sa.func.strpos if conn.dialect.name == "postgresql" else sa.func.instr
    return sa.func.max(sa.func.substr(envelope, find(envelope, _HLC_MARK) + len(_HLC_MARK), _HLC_LENGTH))


class DigestMixin:
    engine: sa.Engine

    def digest(self, device: DeviceRow) -> DigestReply:
        require_active(device)
        with self.engine.connect() as conn, conn.begin():
            return summarise(self._partition_digests(conn, device))

    def partition_digests(self, device: DeviceRow, request: DigestRequest) -> PartitionDigestList:
        require_active(device)
        if not request.buckets and not request.case_ids:
            return PartitionDigestList(partitions=[])
        with self.engine.connect() as conn, conn.begin():
            found = self._partition_digests(conn, device, set(request.buckets), set(request.case_ids))
        return PartitionDigestList(partitions=[found[k] for k in sorted(found)])

    def _partition_digests(
        self,
        conn: sa.Connection,
        device: DeviceRow,
        buckets: set[str] | None = None,
        case_ids: set[str] | None = None,
    ) -> dict[str, PartitionDigest]:
        """Digests of the desk's partitions (all, or those in `buckets` or `case_ids`) with a live record."""
        query = (
            sa.select(cases.c.case_id, changes.c.record_id, changes.c.kind, _latest_hlc(conn).label("hlc"))
            .select_from(changes)
            .join(cases, cases.c.case_no == changes.c.case_no)
            .where(cases.c.erased_ms.is_(None))
            .group_by(cases.c.case_id, changes.c.record_id, changes.c.kind)
        )
        dead = sa.select(cases.c.case_id, tombstones.c.record_id).join(cases, cases.c.case_no == tombstones.c.case_no)
        if not device.central:
            held = sa.and_(
                holdings.c.case_no == changes.c.case_no,
                holdings.c.desk_id == device.desk_id,
                holdings.c.until_seq.is_(None),
            )
            query = query.join(holdings, held)
        wanted: list[Any] = []
        if buckets:
            wanted.append(sa.func.substr(cases.c.case_id, 1, 1).in_(sorted(buckets)))
        if case_ids:
            wanted.append(cases.c.case_id.in_(sorted(case_ids)))
        if wanted:
            query = query.where(sa.or_(*wanted))
            dead = dead.where(sa.or_(*wanted))
        tombstoned = {(r.case_id, r.record_id) for r in conn.execute(dead)}
        lines: dict[str, list[tuple[str, str, str]]] = {}
        for row in conn.execute(query):
            if (row.case_id, row.record_id) in tombstoned:
                continue
            lines.setdefault(row.case_id, []).append((row.record_id, row.kind, row.hlc))
        return {case_id: partition_digest(case_id, rows) for case_id, rows in lines.items()}

    def partition_changes(self, device: DeviceRow, case_id: str, cursor: str, limit: int) -> PullPage:
        """One page of the whole stored history of a partition the desk holds (the central office: any), in
        log order; the desk's grants of the partition come with the first page."""
        require_active(device)
        numbers_in = decode_cursor(cursor)
        if len(numbers_in) != 1:
            raise ProtocolError(ErrorCode.BAD_CURSOR, "not a partition cursor")
        after = numbers_in[0]
        with self.engine.connect() as conn, conn.begin():
            case_no = check_holds(conn, device, case_id)
            rows = conn.execute(
                sa.select(changes.c.seq, changes.c.envelope)
                .where(changes.c.case_no == case_no, changes.c.seq > after)
                .order_by(changes.c.seq)
                .limit(limit)
            ).all()
            found: Iterable[Any] = ()
            if after == 0:
                desk_grants = sa.select(grants.c.case_id, grants.c.desk_id, grants.c.key_id, grants.c.wrapped_key)
                found = conn.execute(
                    desk_grants.where(grants.c.case_no == case_no, grants.c.desk_id == device.desk_id).order_by(
                        grants.c.seq
                    )
                ).all()
        end = int(rows[-1].seq) if rows else after
        return PullPage(
            envelopes=[r.envelope for r in rows],
            grants=[
                Grant(case_id=g.case_id, desk_id=g.desk_id, key_id=g.key_id, wrapped_key=g.wrapped_key) for g in found
            ],
            notices=[],
            cursor=encode_cursor(end),
            has_more=len(rows) == limit,
        )
