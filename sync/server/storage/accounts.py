"""Desks, enrolment codes and devices: administration, enrolment, token authentication and desk-key handover.

Secrets never rest in the database in the clear: enrolment codes and device tokens are stored as SHA-256
hashes (both are long random strings, so a plain hash is enough and lets a token be found by one index lookup).
The desk private key passes through the server only wrapped to a device's X25519 public key.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from typing import Any

import sqlalchemy as sa

from sync.protocol import (
    DeskInfo,
    EnrolReply,
    EnrolRequest,
    ErrorCode,
    HandoverReply,
    PendingDevice,
    ProtocolError,
)
from sync.server.storage.base import DeviceRow
from sync.server.storage.engine import now_ms, write_tx
from sync.server.tables import desks, devices, enrol_codes

__all__ = ["AccountsMixin", "hash_secret"]

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _desk_info(row: Any) -> DeskInfo:
    return DeskInfo(desk_id=row.desk_id, name=row.name, kind=row.kind, public_key=row.public_key)


def _device_row(row: Any) -> DeviceRow:
    return DeviceRow(
        device_id=row.device_id,
        desk_id=row.desk_id,
        desk_kind=row.kind,
        status=row.status,
        label=row.label,
        x25519_public_key=row.x25519_public_key,
        ed25519_public_key=row.ed25519_public_key,
        acked_seq=int(row.acked_seq),
        enrolled_ms=int(row.enrolled_ms),
    )


_DEVICE_QUERY = sa.select(
    devices.c.device_id,
    devices.c.desk_id,
    desks.c.kind,
    devices.c.status,
    devices.c.label,
    devices.c.x25519_public_key,
    devices.c.ed25519_public_key,
    devices.c.acked_seq,
    devices.c.enrolled_ms,
).join(desks, desks.c.desk_id == devices.c.desk_id)


class AccountsMixin:
    engine: sa.Engine

    # -- administration -------------------------------------------------------------------------------
    def create_desk(self, name: str, kind: str = "desk") -> DeskInfo:
        name = name.strip()
        if not name or len(name) > 120 or kind not in ("desk", "central"):
            raise ProtocolError(ErrorCode.INVALID_REQUEST, "a desk needs a name of 1-120 characters")
        desk_id = str(uuid.uuid4())
        with write_tx(self.engine) as (conn, _):
            if conn.execute(sa.select(desks.c.desk_id).where(desks.c.name == name)).first():
                raise ProtocolError(ErrorCode.ALREADY_EXISTS, f"a desk named {name!r} exists")
            conn.execute(
                desks.insert().values(desk_id=desk_id, name=name, kind=kind, public_key=None, created_ms=now_ms())
            )
        return DeskInfo(desk_id=desk_id, name=name, kind=kind, public_key=None)  # type: ignore[arg-type]

    def list_desks(self) -> list[DeskInfo]:
        with self.engine.connect() as conn:
            return [_desk_info(r) for r in conn.execute(sa.select(desks).order_by(desks.c.name))]

    def find_desk(self, name_or_id: str) -> DeskInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(desks).where(sa.or_(desks.c.desk_id == name_or_id, desks.c.name == name_or_id))
            ).first()
        return _desk_info(row) if row else None

    def create_enrol_code(self, desk_id: str, ttl_minutes: int) -> tuple[str, int]:
        """A one-time code for one device of `desk_id`, and when it expires (Unix ms)."""
        if not 1 <= ttl_minutes <= 60 * 24 * 30:
            raise ProtocolError(ErrorCode.INVALID_REQUEST, "the lifetime must be 1 minute to 30 days")
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
        code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
        created = now_ms()
        expires = created + ttl_minutes * 60_000
        with write_tx(self.engine) as (conn, _):
            if not conn.execute(sa.select(desks.c.desk_id).where(desks.c.desk_id == desk_id)).first():
                raise ProtocolError(ErrorCode.NOT_FOUND, "no such desk")
            conn.execute(
                enrol_codes.insert().values(
                    code_hash=hash_secret(code), desk_id=desk_id, created_ms=created, expires_ms=expires
                )
            )
        return code, expires

    def list_devices(self) -> list[DeviceRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(_DEVICE_QUERY.order_by(devices.c.enrolled_ms, devices.c.device_id))
            return [_device_row(r) for r in rows]

    def revoke_device(self, device_id: str) -> bool:
        with write_tx(self.engine) as (conn, _):
            result = conn.execute(
                devices.update()
                .where(devices.c.device_id == device_id, devices.c.status != "revoked")
                .values(status="revoked", revoked_ms=now_ms())
            )
        return bool(result.rowcount)

    # -- enrolment and authentication -----------------------------------------------------------------
    def enrol(self, request: EnrolRequest) -> EnrolReply:
        token = "dev_" + secrets.token_urlsafe(32)
        device_id = str(uuid.uuid4())
        now = now_ms()
        with write_tx(self.engine) as (conn, _):
            code = conn.execute(
                sa.select(enrol_codes).where(enrol_codes.c.code_hash == hash_secret(request.code.upper()))
            ).first()
            if code is None or code.used_ms is not None or code.expires_ms < now:
                raise ProtocolError(ErrorCode.INVALID_ENROLMENT_CODE, "unknown, used or expired code")
            desk = conn.execute(sa.select(desks).where(desks.c.desk_id == code.desk_id)).one()
            if desk.public_key is None:
                if request.desk_public_key is None:
                    raise ProtocolError(
                        ErrorCode.DESK_KEY_STATE, "the desk's first device must send the desk public key"
                    )
                conn.execute(
                    desks.update().where(desks.c.desk_id == desk.desk_id).values(public_key=request.desk_public_key)
                )
                status, desk_key = "active", request.desk_public_key
            else:
                if request.desk_public_key not in (None, desk.public_key):
                    raise ProtocolError(ErrorCode.DESK_KEY_STATE, "the desk already has another public key")
                status, desk_key = "pending", desk.public_key
            conn.execute(enrol_codes.update().where(enrol_codes.c.code_hash == code.code_hash).values(used_ms=now))
            conn.execute(
                devices.insert().values(
                    device_id=device_id,
                    desk_id=desk.desk_id,
                    label=request.label,
                    x25519_public_key=request.x25519_public_key,
                    ed25519_public_key=request.ed25519_public_key,
                    token_hash=hash_secret(token),
                    status=status,
                    enrolled_ms=now,
                    acked_seq=0,
                )
            )
        return EnrolReply(
            device_id=device_id,
            desk_id=desk.desk_id,
            desk_name=desk.name,
            desk_kind=desk.kind,
            token=token,
            status=status,  # type: ignore[arg-type]
            desk_public_key=desk_key,
        )

    def authenticate(self, token: str) -> DeviceRow:
        with self.engine.connect() as conn:
            row = conn.execute(_DEVICE_QUERY.where(devices.c.token_hash == hash_secret(token))).first()
        if row is None:
            raise ProtocolError(ErrorCode.INVALID_TOKEN, "unknown token")
        if row.status == "revoked":
            raise ProtocolError(ErrorCode.DEVICE_REVOKED, "this device was revoked")
        return _device_row(row)

    # -- desk-key handover ---------------------------------------------------------------------------
    def pending_devices(self, approver: DeviceRow) -> list[PendingDevice]:
        query = _DEVICE_QUERY.where(devices.c.status == "pending")
        if not approver.central:
            query = query.where(devices.c.desk_id == approver.desk_id)
        with self.engine.connect() as conn:
            rows = [_device_row(r) for r in conn.execute(query.order_by(devices.c.enrolled_ms))]
        return [
            PendingDevice(
                device_id=r.device_id,
                desk_id=r.desk_id,
                label=r.label,
                x25519_public_key=r.x25519_public_key,
                ed25519_public_key=r.ed25519_public_key,
                enrolled_at_ms=r.enrolled_ms,
            )
            for r in rows
        ]

    def approve_device(self, approver: DeviceRow, device_id: str, wrapped_desk_key: str) -> HandoverReply:
        with write_tx(self.engine) as (conn, _):
            target = conn.execute(_DEVICE_QUERY.where(devices.c.device_id == device_id)).first()
            if target is None:
                raise ProtocolError(ErrorCode.NOT_FOUND, "no such device")
            if target.desk_id != approver.desk_id and not approver.central:
                raise ProtocolError(ErrorCode.NOT_SAME_DESK, "only a device of the same desk may approve")
            if target.status != "pending":
                raise ProtocolError(ErrorCode.DESK_KEY_STATE, "the device is not waiting for approval")
            conn.execute(
                devices.update()
                .where(devices.c.device_id == device_id)
                .values(status="active", wrapped_desk_key=wrapped_desk_key, approved_by=approver.device_id)
            )
        return self._handover(device_id)

    def handover(self, device: DeviceRow) -> HandoverReply:
        return self._handover(device.device_id)

    def _handover(self, device_id: str) -> HandoverReply:
        approver = devices.alias("approver")
        query = (
            sa.select(
                devices.c.device_id,
                devices.c.status,
                devices.c.desk_id,
                desks.c.public_key,
                devices.c.wrapped_desk_key,
                devices.c.approved_by,
                approver.c.x25519_public_key.label("approver_key"),
            )
            .join(desks, desks.c.desk_id == devices.c.desk_id)
            .outerjoin(approver, approver.c.device_id == devices.c.approved_by)
            .where(devices.c.device_id == device_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).one()
        return HandoverReply(
            device_id=row.device_id,
            status=row.status,
            desk_id=row.desk_id,
            desk_public_key=row.public_key,
            wrapped_desk_key=row.wrapped_desk_key,
            approved_by=row.approved_by,
            approver_x25519_public_key=row.approver_key,
        )
