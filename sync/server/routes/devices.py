"""Enrolment, the calling device, desk-key handover between devices of a desk, and the desk key directory."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from sync.protocol import (
    ApproveRequest,
    DeskList,
    DeviceInfo,
    EnrolReply,
    EnrolRequest,
    ErrorCode,
    HandoverReply,
    PendingList,
    ProtocolError,
)
from sync.protocol.models import UUID_PATTERN
from sync.server.deps import ActiveDevice, AnyDevice, LimitsDep, StorageDep, client_address
from sync.server.routes import ERRORS

router = APIRouter(responses=ERRORS)
DeviceId = Annotated[str, Path(pattern=UUID_PATTERN)]


@router.post("/v1/enrol", response_model=EnrolReply, tags=["devices"])
def enrol(request: Request, body: EnrolRequest, storage: StorageDep, limits: LimitsDep) -> EnrolReply:
    """Enrol a device with a one-time code; the token in the reply is shown only once."""
    if not limits.enrol.hit(client_address(request)):
        raise ProtocolError(ErrorCode.RATE_LIMITED, "too many enrolment attempts; wait a minute")
    return storage.enrol(body)


@router.get("/v1/devices/me", response_model=DeviceInfo, tags=["devices"])
def me(device: AnyDevice) -> DeviceInfo:
    return DeviceInfo(
        device_id=device.device_id,
        desk_id=device.desk_id,
        desk_kind=device.desk_kind,  # type: ignore[arg-type]
        status=device.status,  # type: ignore[arg-type]
        acked_seq=device.acked_seq,
    )


@router.get("/v1/handover", response_model=HandoverReply, tags=["devices"])
def handover(device: AnyDevice, storage: StorageDep) -> HandoverReply:
    """A (pending) device asks whether its desk key has been handed over yet."""
    return storage.handover(device)


@router.get("/v1/devices/pending", response_model=PendingList, tags=["devices"])
def pending(device: ActiveDevice, storage: StorageDep) -> PendingList:
    """Devices of the caller's desk (every desk, for the central office) waiting for the desk key."""
    return PendingList(devices=storage.pending_devices(device))


@router.post("/v1/devices/{device_id}/approve", response_model=HandoverReply, tags=["devices"])
def approve(device_id: DeviceId, body: ApproveRequest, device: ActiveDevice, storage: StorageDep) -> HandoverReply:
    """Hand the desk private key, wrapped to the pending device's X25519 key, over to it."""
    return storage.approve_device(device, device_id, body.wrapped_desk_key)


@router.get("/v1/desks", response_model=DeskList, tags=["keys"])
def desks(device: ActiveDevice, storage: StorageDep) -> DeskList:
    """The directory of desks and their public keys, to wrap case keys for a referral."""
    return DeskList(desks=storage.list_desks())
