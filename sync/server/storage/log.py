"""The numbered log: push (idempotent, signed batches), pull pages with an opaque cursor, acknowledgements and
tombstone compaction.

Pull cursors come in two shapes. Normal `[p]`: everything up to `p` of the desk's current partitions was
delivered. Catch-up `[p0, H, b, f]`: the desk was newly granted cases (holdings with `since_seq` in `(p0, H]`)
whose history starts at or before `p0`; their old changes are delivered first, in log order, `b` marking progress,
then the ordinary forward scan continues from `f` up to `H`. This is how a referral delivers a whole case on the
next pull without a second cursor on the client. Changes a device may see twice (a grant landing while a page was
read) are harmless: clients apply changes idempotently.

A revoked holding (`holdings.until_seq`, the seq of the desk's `revoked` notice) still delivers its changes before
`until_seq`, but only to a device that had been delivered the grant (its page starts at or after `since_seq`): the
device that had not pulled since a change of its own desk and the revocation must still see that change before
the notice. A device that never held the partition gets only the notice; everywhere else (pushes, digests, erasure,
compaction) a revoked holding is not held. Clients apply a page's grants, then its changes, then its notices, so a
page ends at a notice that a grant or change of the same case follows (a case referred again after its revocation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from sync.protocol import (
    MAX_CLOCK_SKEW_MS,
    NETWORK_PARTITIONS,
    AckReply,
    ErrorCode,
    Grant,
    Notice,
    ProtocolError,
    PushReply,
    PushRequest,
    hlc_wall_ms,
    verify_batch,
)
from sync.protocol.models import ErasureProof
from sync.server.storage.base import DeviceRow, PullPage
from sync.server.storage.engine import Counter, bulk_insert, decode_cursor, encode_cursor, select_in, write_tx
from sync.server.tables import cases, changes, desks, devices, grants, holdings, log_counter, notices, tombstones

__all__ = ["LogMixin", "case_numbers", "grant_lookups", "holdings_of", "known_cases", "plan_grants", "require_active"]


def require_active(device: DeviceRow) -> None:
    if device.status == "pending":
        raise ProtocolError(ErrorCode.DEVICE_PENDING, "the device waits for its desk key")
    if device.status != "active":
        raise ProtocolError(ErrorCode.DEVICE_REVOKED, "this device was revoked")


def case_numbers(conn: sa.Connection, case_ids: set[str]) -> tuple[dict[str, bool], dict[str, int]]:
    """For the cases that exist: case_id → erased?, and case_id → case_no."""
    rows = select_in(conn, "SELECT case_id, case_no, erased_ms FROM cases WHERE case_id IN ({})", sorted(case_ids))
    return {r[0]: r[2] is not None for r in rows}, {r[0]: int(r[1]) for r in rows}


def known_cases(conn: sa.Connection, case_ids: set[str]) -> dict[str, bool]:
    """case_id → erased?, for the cases that exist."""
    return case_numbers(conn, case_ids)[0]


def holdings_of(conn: sa.Connection, case_ids: set[str]) -> set[tuple[str, str]]:
    """(case_id, desk_id) of every desk holding one of `case_ids` (revoked holdings are not held).

    Two index lookups rather than a join: with thousands of ids PostgreSQL would otherwise pick a hash join over
    the whole holdings table, and an incremental push would cost as much as the store is large.
    """
    numbers = case_numbers(conn, case_ids)[1]
    if not numbers:
        return set()
    ids = {case_no: case_id for case_id, case_no in numbers.items()}
    query = "SELECT case_no, desk_id FROM holdings WHERE until_seq IS NULL AND case_no IN ({})"
    rows = select_in(conn, query, sorted(ids))
    return {(ids[int(case_no)], desk_id) for case_no, desk_id in rows}


def grant_lookups(conn: sa.Connection, batch: list[Grant]) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Read-only facts `plan_grants` needs: existing desk ids and already stored (case, desk, key id)."""
    if not batch:
        return set(), set()
    desk_ids = {r.desk_id for r in conn.execute(sa.select(desks.c.desk_id))}
    numbers = case_numbers(conn, {g.case_id for g in batch})[1]
    query = "SELECT case_id, desk_id, key_id FROM grants WHERE case_no IN ({})"
    existing = {(r[0], r[1], r[2]) for r in select_in(conn, query, sorted(numbers.values()))}
    return desk_ids, existing


def network_keys(conn: sa.Connection, case_ids: set[str]) -> dict[str, str]:
    """For the network-wide partitions among `case_ids` that exist: the key id of their first grant, which is
    their only key (`sync.protocol.partitions`)."""
    out: dict[str, str] = {}
    wanted = case_ids & NETWORK_PARTITIONS
    for case_id, case_no in (case_numbers(conn, wanted)[1] if wanted else {}).items():
        first = conn.execute(
            sa.select(grants.c.key_id).where(grants.c.case_no == case_no).order_by(grants.c.seq).limit(1)
        ).scalar()
        if first is not None:
            out[case_id] = str(first)
    return out


def plan_grants(
    conn: sa.Connection,
    counter: Counter,
    device: DeviceRow,
    batch: list[Grant],
    known: dict[str, bool],
    numbers: dict[str, int],
    held: set[tuple[str, str]],
    lookups: tuple[set[str], set[tuple[str, str, str]]] | None = None,
) -> list[dict[str, Any]]:
    """Check, number and insert `batch`; updates `known`, `numbers` and `held` so the batch's changes see the
    cases it creates."""
    desk_ids, existing = lookups or grant_lookups(conn, batch)
    statuses: list[dict[str, Any]] = []
    network = network_keys(conn, {g.case_id for g in batch})
    new_cases: list[dict[str, Any]] = []
    new_holdings: list[dict[str, Any]] = []
    new_grants: list[dict[str, Any]] = []
    for g in batch:
        errno: ErrorCode | None = None
        key = (g.case_id, g.desk_id, g.key_id)
        if known.get(g.case_id):
            errno = ErrorCode.CASE_ERASED
        elif network.get(g.case_id, g.key_id) != g.key_id:
            errno = ErrorCode.PARTITION_KEY_CONFLICT
        elif g.case_id in known and (g.case_id, device.desk_id) not in held and not device.central:
            errno = ErrorCode.CASE_FORBIDDEN
        elif g.desk_id not in desk_ids:
            errno = ErrorCode.NOT_FOUND
        if errno is not None:
            statuses.append(_grant_status(g, "rejected", errno))
            continue
        if key in existing:
            statuses.append(_grant_status(g, "duplicate"))
            continue
        seq = counter.take()
        existing.add(key)
        if g.case_id in NETWORK_PARTITIONS:
            network.setdefault(g.case_id, g.key_id)
        if g.case_id not in known:
            known[g.case_id] = False
            numbers[g.case_id] = seq
            new_cases.append({"case_no": seq, "case_id": g.case_id})
        case_no = numbers[g.case_id]
        if (g.case_id, g.desk_id) not in held:
            held.add((g.case_id, g.desk_id))
            new_holdings.append({"case_no": case_no, "desk_id": g.desk_id, "since_seq": seq})
        new_grants.append(
            {
                "seq": seq,
                "case_no": case_no,
                **_grant_key(g),
                "wrapped_key": g.wrapped_key,
                "device_id": device.device_id,
            }
        )
        statuses.append(_grant_status(g, "applied"))
    bulk_insert(conn, cases, new_cases)
    _store_holdings(conn, new_holdings, {row["case_no"] for row in new_cases})
    bulk_insert(conn, grants, new_grants)
    return statuses


_GRANT_COLUMNS = (grants.c.case_id, grants.c.desk_id, grants.c.key_id, grants.c.wrapped_key)


def _store_holdings(conn: sa.Connection, rows: list[dict[str, Any]], new_cases: set[int]) -> None:
    """Insert new holdings; a desk whose holding of an older case was revoked gets its row back, re-activated
    from the new grant (only grants of older cases need the look-up: new cases have no holding yet)."""
    older = sorted({row["case_no"] for row in rows} - new_cases)
    revoked: set[tuple[int, str]] = set()
    if older:
        query = "SELECT case_no, desk_id FROM holdings WHERE until_seq IS NOT NULL AND case_no IN ({})"
        revoked = {(int(case_no), desk_id) for case_no, desk_id in select_in(conn, query, older)}
    for row in rows:
        if (row["case_no"], row["desk_id"]) in revoked:
            conn.execute(
                holdings.update()
                .where(holdings.c.case_no == row["case_no"], holdings.c.desk_id == row["desk_id"])
                .values(since_seq=row["since_seq"], until_seq=None)
            )
    bulk_insert(conn, holdings, [row for row in rows if (row["case_no"], row["desk_id"]) not in revoked])


def _held_by(device: DeviceRow, p: int) -> sa.ColumnElement[bool]:
    """Join condition of `changes` to the desk's holdings, for a page starting at `p`: an active holding, or a
    revoked one up to its end when the device had been delivered its grant."""
    return sa.and_(
        holdings.c.case_no == changes.c.case_no,
        holdings.c.desk_id == device.desk_id,
        sa.or_(
            holdings.c.until_seq.is_(None),
            sa.and_(holdings.c.since_seq <= p, changes.c.seq < holdings.c.until_seq),
        ),
    )


def _notice_followed(conn: sa.Connection, notice_rows: Sequence[Any], later: Sequence[Any]) -> int | None:
    """The seq of the first notice that a row of `later` (changes and grants, with `seq` and `case_no`) of the
    same case follows, or None."""
    if not notice_rows:
        return None
    numbers = case_numbers(conn, {n.case_id for n in notice_rows})[1]
    last: dict[int, int] = {}
    for row in later:
        last[int(row.case_no)] = max(last.get(int(row.case_no), 0), int(row.seq))
    for n in notice_rows:
        case_no = numbers.get(n.case_id)
        if case_no is not None and last.get(case_no, 0) > int(n.seq):
            return int(n.seq)
    return None


def _proof(key_id: str | None, sealed: str | None) -> ErasureProof | None:
    return ErasureProof(key_id=key_id, sealed=sealed) if key_id and sealed else None


def _grant_status(g: Grant, status: str, errno: int | None = None) -> dict[str, Any]:
    # A plain dict: the caller validates all statuses in one pydantic call (much cheaper than one per model).
    return {"case_id": g.case_id, "desk_id": g.desk_id, "key_id": g.key_id, "status": status, "errno": errno}


def _grant_key(g: Grant) -> dict[str, str]:
    return {"case_id": g.case_id, "desk_id": g.desk_id, "key_id": g.key_id}


class LogMixin:
    engine: sa.Engine

    # -- push -----------------------------------------------------------------------------------------
    def push(self, device: DeviceRow, batch: PushRequest, now_ms: int) -> PushReply:
        return PushReply.model_validate(self.push_plain(device, batch, now_ms))

    def push_plain(self, device: DeviceRow, batch: PushRequest, now_ms: int) -> dict[str, Any]:
        """`push` as plain data in the shape of `PushReply`: the route serialises it with `json` directly,
        because building one pydantic model per status costs more than storing a 5,000-change batch."""
        require_active(device)
        if batch.device_id != device.device_id or any(c.device_id != device.device_id for c in batch.changes):
            raise ProtocolError(ErrorCode.WRONG_DEVICE, "a device pushes only its own changes")
        if not verify_batch(device.ed25519_public_key, batch):
            raise ProtocolError(ErrorCode.BAD_SIGNATURE, "the batch signature does not verify")
        horizon = now_ms + MAX_CLOCK_SKEW_MS
        for attempt in range(3):
            try:
                return self._push_once(device, batch, now_ms, horizon)
            except Exception as exc:
                # Two copies of one batch in flight (a client retry racing its first try) both pass the
                # duplicate checks, which run before the lock; the loser hits a unique constraint. Retrying
                # sees the winner's rows and answers `duplicate`.
                integrity = (sa.exc.IntegrityError, self.engine.dialect.loaded_dbapi.IntegrityError)
                if attempt == 2 or not isinstance(exc, integrity):
                    raise
        raise AssertionError("unreachable")

    def _push_once(self, device: DeviceRow, batch: PushRequest, now_ms: int, horizon: int) -> dict[str, Any]:
        case_ids = {g.case_id for g in batch.grants} | {c.case_id for c in batch.changes}
        # Everything that needs no lock happens first, in a plain read transaction, so that concurrent pushes
        # (other workers) overlap it with each other's serialised numbering and inserting.
        envelopes = [c.model_dump_json() for c in batch.changes]
        with self.engine.connect() as reader, reader.begin():
            before = Counter(reader).peek()
            held = holdings_of(reader, case_ids)
            lookups = grant_lookups(reader, list(batch.grants))
            seen = self._change_lookups(reader, device, batch)
        with write_tx(self.engine) as (conn, counter):
            if counter.lock() != before:
                # Another write committed since we looked: look again, now that nobody else can write.
                held = holdings_of(conn, case_ids)
                lookups = grant_lookups(conn, list(batch.grants))
                seen = self._change_lookups(conn, device, batch)
            known, numbers = case_numbers(conn, case_ids)
            grant_statuses = plan_grants(conn, counter, device, list(batch.grants), known, numbers, held, lookups)
            statuses = self._apply_changes(conn, counter, device, batch, known, numbers, held, horizon, seen, envelopes)
        return {"statuses": statuses, "grant_statuses": grant_statuses, "server_time_ms": now_ms}

    def _change_lookups(
        self, conn: sa.Connection, device: DeviceRow, batch: PushRequest
    ) -> tuple[dict[str, tuple[str, int]], dict[int, str]]:
        """Already stored change ids, and this device's already used sequence numbers, among the batch's."""
        if not batch.changes:
            return {}, {}
        query = "SELECT change_id, device_id, device_seq FROM changes WHERE change_id IN ({})"
        seen_ids = {r[0]: (r[1], int(r[2])) for r in select_in(conn, query, [c.change_id for c in batch.changes])}
        # Only this device's own numbers can clash; the range query uses the (device_id, device_seq) index.
        low, high = min(c.device_seq for c in batch.changes), max(c.device_seq for c in batch.changes)
        query_seqs = sa.select(changes.c.device_seq, changes.c.change_id).where(
            changes.c.device_id == device.device_id, changes.c.device_seq.between(low, high)
        )
        return seen_ids, {int(r.device_seq): r.change_id for r in conn.execute(query_seqs)}

    def _apply_changes(
        self,
        conn: sa.Connection,
        counter: Counter,
        device: DeviceRow,
        batch: PushRequest,
        known: dict[str, bool],
        numbers: dict[str, int],
        held: set[tuple[str, str]],
        horizon: int,
        seen: tuple[dict[str, tuple[str, int]], dict[int, str]],
        envelopes: list[str],
    ) -> list[dict[str, Any]]:
        seen_ids, seen_seqs = seen
        network = network_keys(conn, {c.case_id for c in batch.changes})
        statuses: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        tombs: list[dict[str, Any]] = []
        for c, envelope in zip(batch.changes, envelopes, strict=True):
            errno: ErrorCode | None = None
            if c.change_id in seen_ids:
                if seen_ids[c.change_id] == (c.device_id, c.device_seq):
                    statuses.append({"change_id": c.change_id, "status": "duplicate", "errno": None})
                    continue
                errno = ErrorCode.DEVICE_SEQ_CONFLICT
            elif c.device_seq in seen_seqs:
                errno = ErrorCode.DEVICE_SEQ_CONFLICT
            elif known.get(c.case_id):
                errno = ErrorCode.CASE_ERASED
            elif network.get(c.case_id, c.key_id) != c.key_id:
                errno = ErrorCode.PARTITION_KEY_CONFLICT
            elif (c.case_id, device.desk_id) not in held and not (device.central and c.case_id in known):
                errno = ErrorCode.CASE_FORBIDDEN
            elif hlc_wall_ms(c.hlc) > horizon:
                errno = ErrorCode.CLOCK_SKEW
            if errno is not None:
                statuses.append({"change_id": c.change_id, "status": "rejected", "errno": int(errno)})
                continue
            seq = counter.take()
            seen_ids[c.change_id] = (c.device_id, c.device_seq)
            seen_seqs[c.device_seq] = c.change_id
            rows.append(
                {
                    "seq": seq,
                    "change_id": c.change_id,
                    "device_id": c.device_id,
                    "device_seq": c.device_seq,
                    "case_no": numbers[c.case_id],
                    "kind": c.kind,
                    "record_id": c.record_id,
                    "size": len(c.ciphertext),
                    "envelope": envelope,
                }
            )
            if c.deleted:
                tombs.append({"seq": seq, "case_no": numbers[c.case_id], "kind": c.kind, "record_id": c.record_id})
            statuses.append({"change_id": c.change_id, "status": "applied", "errno": None})
        bulk_insert(conn, changes, rows)
        bulk_insert(conn, tombstones, tombs)
        return statuses

    # -- pull -----------------------------------------------------------------------------------------
    def pull(self, device: DeviceRow, cursor: str, limit: int) -> PullPage:
        require_active(device)
        numbers = decode_cursor(cursor)
        with self.engine.connect() as conn, conn.begin():
            top = int(conn.execute(sa.select(log_counter.c.value).where(log_counter.c.id == 1)).scalar_one())
            if len(numbers) == 1:
                p = numbers[0]
                if p > top:
                    raise ProtocolError(ErrorCode.BAD_CURSOR, "cursor is ahead of this server's log")
                if device.central or p == 0 or not self._has_new_holdings(conn, device, p, top):
                    return self._forward(conn, device, p, top, limit, top)
                p0, high, b, f = p, top, 0, p
            else:
                p0, high, b, f = numbers
                if not (b <= p0 <= f <= high <= top):
                    raise ProtocolError(ErrorCode.BAD_CURSOR, "cursor is not one of this log")
            envelopes: list[str] = []
            if b < p0:
                query = (
                    sa.select(changes.c.seq, changes.c.envelope)
                    .join(holdings, holdings.c.case_no == changes.c.case_no)
                    .where(
                        holdings.c.desk_id == device.desk_id,
                        holdings.c.until_seq.is_(None),
                        holdings.c.since_seq > p0,
                        holdings.c.since_seq <= high,
                        changes.c.seq > b,
                        changes.c.seq <= p0,
                    )
                    .order_by(changes.c.seq)
                    .limit(limit)
                )
                rows = conn.execute(query).all()
                envelopes = [r.envelope for r in rows]
                if len(rows) == limit:
                    return PullPage(envelopes, [], [], encode_cursor(p0, high, int(rows[-1].seq), f), True)
            page = self._forward(conn, device, f, high, limit - len(envelopes), top)
            page.envelopes = envelopes + page.envelopes
            if int(page.extra["end"]) < high:  # the forward walk goes on inside the catch-up
                page.cursor = encode_cursor(p0, high, p0, int(page.extra["end"]))
            # Otherwise the catch-up is over: the plain cursor `[high]` that `_forward` gave goes on from there,
            # past what the log gained meanwhile (`has_more` while high < top) — never the same cursor again.
            return page

    def _has_new_holdings(self, conn: sa.Connection, device: DeviceRow, p: int, top: int) -> bool:
        """Whether the desk was granted, after `p`, cases whose history starts at or before `p`
        (`case_no` is the case's first sequence number) and that it still holds."""
        query = (
            sa.select(holdings.c.case_no)
            .where(
                holdings.c.desk_id == device.desk_id,
                holdings.c.until_seq.is_(None),
                holdings.c.since_seq > p,
                holdings.c.since_seq <= top,
                holdings.c.case_no <= p,
            )
            .limit(1)
        )
        return conn.execute(query).first() is not None

    def _forward(self, conn: sa.Connection, device: DeviceRow, p: int, upto: int, limit: int, top: int) -> PullPage:
        """Changes, grants and notices of the desk with `p < seq <= upto`, at most `limit` changes; the page ends
        early at a notice that a grant or change of the same case follows."""
        rows: Sequence[Any] = []
        if limit > 0:
            query = sa.select(changes.c.seq, changes.c.case_no, changes.c.envelope).where(
                changes.c.seq > p, changes.c.seq <= upto
            )
            if not device.central:
                query = query.join(holdings, _held_by(device, p))
            rows = conn.execute(query.order_by(changes.c.seq).limit(limit)).all()
        more = limit <= 0 or len(rows) == limit
        end = (int(rows[-1].seq) if rows else p) if more else upto
        grant_rows = conn.execute(
            sa.select(grants.c.seq, grants.c.case_no, *_GRANT_COLUMNS)
            .where(grants.c.desk_id == device.desk_id, grants.c.seq > p, grants.c.seq <= end)
            .order_by(grants.c.seq)
        ).all()
        notice_rows = conn.execute(
            sa.select(
                notices.c.seq,
                notices.c.kind,
                notices.c.case_id,
                notices.c.desk_id,
                notices.c.proof_key_id,
                notices.c.proof,
            )
            .where(notices.c.desk_id == device.desk_id, notices.c.seq > p, notices.c.seq <= end)
            .order_by(notices.c.seq)
        ).all()
        cut = _notice_followed(conn, notice_rows, [*rows, *grant_rows])
        if cut is not None:
            end, more = cut, True
            rows = [r for r in rows if r.seq <= end]
            grant_rows = [g for g in grant_rows if g.seq <= end]
            notice_rows = [n for n in notice_rows if n.seq <= end]
        return PullPage(
            envelopes=[r.envelope for r in rows],
            grants=[
                Grant(case_id=g.case_id, desk_id=g.desk_id, key_id=g.key_id, wrapped_key=g.wrapped_key)
                for g in grant_rows
            ],
            notices=[
                Notice(kind=n.kind, case_id=n.case_id, desk_id=n.desk_id, proof=_proof(n.proof_key_id, n.proof))
                for n in notice_rows
            ],
            cursor=encode_cursor(end),
            has_more=more or end < top,
            extra={"end": end},
        )

    # -- acknowledgement and compaction ------------------------------------------------------------------
    def ack(self, device: DeviceRow, cursor: str) -> AckReply:
        require_active(device)
        position = decode_cursor(cursor)[0]
        with write_tx(self.engine) as (conn, counter):
            if position > counter.lock():
                raise ProtocolError(ErrorCode.BAD_CURSOR, "cursor is ahead of this server's log")
            conn.execute(
                devices.update()
                .where(devices.c.device_id == device.device_id, devices.c.acked_seq < position)
                .values(acked_seq=position)
            )
        acked = max(position, device.acked_seq)
        return AckReply(acked_seq=acked, compacted=self.compact())

    def compact(self) -> int:
        """Drop tombstoned records (the tombstone and every earlier change of the record) once every active
        device of every desk holding the case, and of the central office, has acknowledged the tombstone (a desk
        whose holding was revoked is not waited for: its devices drop the case at the notice)."""
        removed = 0
        with write_tx(self.engine) as (conn, _):
            tombs = conn.execute(sa.select(tombstones).order_by(tombstones.c.seq).limit(2000)).all()
            if not tombs:
                return 0
            central = conn.execute(
                sa.select(sa.func.min(devices.c.acked_seq))
                .join(desks, desks.c.desk_id == devices.c.desk_id)
                .where(desks.c.kind == "central", devices.c.status == "active")
            ).scalar()
            floors: dict[int, int | None] = {}
            for t in tombs:
                if t.case_no not in floors:
                    floors[t.case_no] = conn.execute(
                        sa.select(sa.func.min(devices.c.acked_seq))
                        .join(holdings, holdings.c.desk_id == devices.c.desk_id)
                        .where(
                            holdings.c.case_no == t.case_no,
                            holdings.c.until_seq.is_(None),
                            devices.c.status == "active",
                        )
                    ).scalar()
                bounds = [v for v in (floors[t.case_no], central) if v is not None]
                if bounds and t.seq > min(bounds):
                    continue
                result = conn.execute(
                    changes.delete().where(
                        changes.c.case_no == t.case_no,
                        changes.c.kind == t.kind,
                        changes.c.record_id == t.record_id,
                        changes.c.seq <= t.seq,
                    )
                )
                conn.execute(tombstones.delete().where(tombstones.c.seq == t.seq))
                removed += result.rowcount or 0
        return removed
