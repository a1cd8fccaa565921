"""Partitions and their keys outside the push path: referrals (new grants), revocation of a desk's grant,
erasure of a whole case, and the case's encrypted attachments (blobs, uploaded in resumable chunks).

Revocation deletes the desk's grants (its wrapped keys) and ends its holding at the seq of the `revoked` notice it
leaves for the desk (`holdings.until_seq`): the row stays so that the desk's devices that had the case receive
what was written before the end, then the notice (`storage.log`). A new grant to the desk re-activates the row.

Erasure deletes the case's changes, grants (every wrapped copy of its key: crypto-shredding) and blobs, keeps
the case id as erased so nothing can recreate it (a push or grant for it is refused with `CASE_ERASED`, even from a
device restored from an old backup), and leaves one `erased` notice per desk that held it and per central-office
desk so their devices drop it too. Each notice carries the erasing device's proof (`ErasureProof`, sealed with the
case key): the server cannot make one, so it cannot make a desk destroy a case nobody erased.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from sync.protocol import BlobStatus, EraseReply, ErrorCode, Grant, GrantReply, ProtocolError, RevokeReply
from sync.protocol.models import ErasureProof
from sync.server.storage.base import DeviceRow
from sync.server.storage.engine import now_ms, write_tx
from sync.server.storage.log import case_numbers, holdings_of, known_cases, plan_grants, require_active
from sync.server.tables import blob_chunks, blobs, cases, changes, desks, grants, holdings, notices, tombstones

__all__ = ["CasesMixin"]


def check_holds(conn: sa.Connection, device: DeviceRow, case_id: str) -> int:
    """The case's number; refused unless the device's desk holds the (existing, not erased) case or the device
    is a central one."""
    known, numbers = case_numbers(conn, {case_id})
    if case_id not in known:
        raise ProtocolError(ErrorCode.NOT_FOUND, "no such case")
    if known[case_id]:
        raise ProtocolError(ErrorCode.CASE_ERASED, "the case was erased")
    if not device.central and (case_id, device.desk_id) not in holdings_of(conn, {case_id}):
        raise ProtocolError(ErrorCode.CASE_FORBIDDEN, "the desk does not hold this case")
    return numbers[case_id]


class CasesMixin:
    engine: sa.Engine
    max_blob_bytes: int
    blob_chunk_bytes: int

    # -- grants ---------------------------------------------------------------------------------------
    def add_grants(self, device: DeviceRow, batch: list[Grant]) -> GrantReply:
        require_active(device)
        with write_tx(self.engine) as (conn, counter):
            case_ids = {g.case_id for g in batch}
            counter.lock()
            known, numbers = case_numbers(conn, case_ids)
            held = holdings_of(conn, case_ids)
            statuses = plan_grants(conn, counter, device, batch, known, numbers, held)
            return GrantReply.model_validate({"statuses": statuses})

    def revoke_grant(self, device: DeviceRow, case_id: str, desk_id: str) -> RevokeReply:
        require_active(device)
        with write_tx(self.engine) as (conn, counter):
            case_no = check_holds(conn, device, case_id)
            seq = counter.take()
            held = conn.execute(
                holdings.update()
                .where(holdings.c.case_no == case_no, holdings.c.desk_id == desk_id, holdings.c.until_seq.is_(None))
                .values(until_seq=seq)
            )
            if not held.rowcount:
                raise ProtocolError(ErrorCode.NOT_FOUND, "that desk holds no grant for this case")
            result = conn.execute(grants.delete().where(grants.c.case_no == case_no, grants.c.desk_id == desk_id))
            conn.execute(notices.insert().values(seq=seq, desk_id=desk_id, case_id=case_id, kind="revoked"))
        return RevokeReply(case_id=case_id, desk_id=desk_id, revoked=result.rowcount or 0)

    # -- erasure --------------------------------------------------------------------------------------
    def erase_case(self, device: DeviceRow, case_id: str, proof: ErasureProof | None = None) -> EraseReply:
        """Erase the case; `proof` (from the erasing device) goes into every notice, unchecked: only the desks
        holding the case key can check it."""
        require_active(device)
        with write_tx(self.engine) as (conn, counter):
            case_no = check_holds(conn, device, case_id)
            held = sa.select(holdings.c.desk_id).where(holdings.c.case_no == case_no, holdings.c.until_seq.is_(None))
            holders = {r.desk_id for r in conn.execute(held)}
            holders |= {r.desk_id for r in conn.execute(sa.select(desks.c.desk_id).where(desks.c.kind == "central"))}
            removed = conn.execute(changes.delete().where(changes.c.case_no == case_no)).rowcount or 0
            conn.execute(tombstones.delete().where(tombstones.c.case_no == case_no))
            shredded = conn.execute(grants.delete().where(grants.c.case_no == case_no)).rowcount or 0
            conn.execute(holdings.delete().where(holdings.c.case_no == case_no))
            hashes = [r.sha256 for r in conn.execute(sa.select(blobs.c.sha256).where(blobs.c.case_id == case_id))]
            if hashes:
                conn.execute(blob_chunks.delete().where(blob_chunks.c.sha256.in_(hashes)))
                conn.execute(blobs.delete().where(blobs.c.sha256.in_(hashes)))
            conn.execute(cases.update().where(cases.c.case_no == case_no).values(erased_ms=now_ms()))
            conn.execute(
                notices.insert(),
                [
                    {
                        "seq": counter.take(),
                        "desk_id": desk_id,
                        "case_id": case_id,
                        "kind": "erased",
                        "proof_key_id": proof.key_id if proof else None,
                        "proof": proof.sealed if proof else None,
                    }
                    for desk_id in sorted(holders)
                ],
            )
        return EraseReply(case_id=case_id, changes_removed=removed, grants_removed=shredded, blobs_removed=len(hashes))

    # -- blobs ----------------------------------------------------------------------------------------
    def blob_status(self, device: DeviceRow, sha256: str) -> BlobStatus:
        require_active(device)
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(blobs).where(blobs.c.sha256 == sha256)).first()
            if row is None:
                raise ProtocolError(ErrorCode.NOT_FOUND, "no such blob")
            if not device.central and (row.case_id, device.desk_id) not in holdings_of(conn, {row.case_id}):
                raise ProtocolError(ErrorCode.CASE_FORBIDDEN, "the desk does not hold this blob's case")
        return BlobStatus(sha256=sha256, size=row.size, received=row.received, complete=row.complete)

    def put_blob_chunk(
        self, device: DeviceRow, sha256: str, case_id: str, size: int, offset: int, data: bytes
    ) -> BlobStatus:
        """Append one chunk; chunks must arrive in order, and the last one is checked against `sha256`."""
        require_active(device)
        if size > self.max_blob_bytes:
            raise ProtocolError(ErrorCode.BLOB_TOO_LARGE, f"blobs are limited to {self.max_blob_bytes} bytes")
        if len(data) > self.blob_chunk_bytes:
            raise ProtocolError(ErrorCode.BLOB_TOO_LARGE, f"chunks are limited to {self.blob_chunk_bytes} bytes")
        if not data or size < 1 or offset < 0:
            raise ProtocolError(ErrorCode.INVALID_REQUEST, "an empty chunk or a negative size or offset")
        if offset + len(data) > size:
            raise ProtocolError(ErrorCode.BLOB_OFFSET, "the chunk runs past the blob's declared size")
        with write_tx(self.engine) as (conn, _):
            known = known_cases(conn, {case_id})
            if known.get(case_id):
                raise ProtocolError(ErrorCode.CASE_ERASED, "the case was erased")
            if (
                case_id in known
                and not device.central
                and (case_id, device.desk_id) not in holdings_of(conn, {case_id})
            ):
                raise ProtocolError(ErrorCode.CASE_FORBIDDEN, "the desk does not hold this case")
            row = conn.execute(sa.select(blobs).where(blobs.c.sha256 == sha256)).first()
            if row is None:
                if offset != 0:
                    raise ProtocolError(ErrorCode.BLOB_OFFSET, "the upload starts at offset 0")
                conn.execute(
                    blobs.insert().values(
                        sha256=sha256,
                        case_id=case_id,
                        size=size,
                        received=0,
                        complete=False,
                        device_id=device.device_id,
                        created_ms=now_ms(),
                    )
                )
                received = 0
            else:
                if row.case_id != case_id or row.size != size:
                    raise ProtocolError(ErrorCode.ALREADY_EXISTS, "this blob exists with another case or size")
                if row.complete:
                    return BlobStatus(sha256=sha256, size=size, received=size, complete=True)
                received = int(row.received)
                if offset != received:
                    raise ProtocolError(ErrorCode.BLOB_OFFSET, f"the next chunk starts at offset {received}")
            conn.execute(blob_chunks.insert().values(sha256=sha256, offset=offset, data=data))
            received += len(data)
            complete = received == size
            conn.execute(blobs.update().where(blobs.c.sha256 == sha256).values(received=received, complete=complete))
        if complete and self._blob_digest(sha256) != sha256:
            with write_tx(self.engine) as (conn, _):
                conn.execute(blob_chunks.delete().where(blob_chunks.c.sha256 == sha256))
                conn.execute(blobs.delete().where(blobs.c.sha256 == sha256))
            raise ProtocolError(ErrorCode.BLOB_HASH, "the uploaded bytes do not match the blob's SHA-256")
        return BlobStatus(sha256=sha256, size=size, received=received, complete=complete)

    def _blob_digest(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with self.engine.connect() as conn:
            query = sa.select(blob_chunks.c.data).where(blob_chunks.c.sha256 == sha256).order_by(blob_chunks.c.offset)
            for row in conn.execute(query):
                digest.update(row.data)
        return digest.hexdigest()

    def read_blob(self, device: DeviceRow, sha256: str) -> bytes:
        status = self.blob_status(device, sha256)
        if not status.complete:
            raise ProtocolError(ErrorCode.BLOB_INCOMPLETE, "the blob is still being uploaded")
        with self.engine.connect() as conn:
            query = sa.select(blob_chunks.c.data).where(blob_chunks.c.sha256 == sha256).order_by(blob_chunks.c.offset)
            return b"".join(bytes(r.data) for r in conn.execute(query))
