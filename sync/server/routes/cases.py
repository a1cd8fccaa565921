"""Referrals (new grants), revocation of a desk's grant, and erasure of a case."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from sync.protocol import EraseReply, GrantReply, GrantRequest, RevokeReply
from sync.protocol.models import UUID_PATTERN, EraseRequest
from sync.server.deps import ActiveDevice, StorageDep
from sync.server.routes import ERRORS

router = APIRouter(responses=ERRORS, tags=["keys"])
CaseId = Annotated[str, Path(pattern=UUID_PATTERN)]
DeskId = Annotated[str, Path(pattern=UUID_PATTERN)]


@router.post("/v1/grants", response_model=GrantReply)
def add_grants(body: GrantRequest, device: ActiveDevice, storage: StorageDep) -> GrantReply:
    """Store wrapped case keys: share a case the desk holds with another desk, or rotate its key."""
    return storage.add_grants(device, list(body.grants))


@router.delete("/v1/cases/{case_id}/grants/{desk_id}", response_model=RevokeReply)
def revoke_grant(case_id: CaseId, desk_id: DeskId, device: ActiveDevice, storage: StorageDep) -> RevokeReply:
    """Withdraw a desk's access to a case (its devices get a `revoked` notice; rotate the key client side)."""
    return storage.revoke_grant(device, case_id, desk_id)


@router.post("/v1/cases/{case_id}/erase", response_model=EraseReply)
def erase(case_id: CaseId, device: ActiveDevice, storage: StorageDep, body: EraseRequest | None = None) -> EraseReply:
    """Erase a case: its changes, every wrapped copy of its key and its blobs are deleted. The body's `proof`
    (sealed by the erasing device with the case key) goes with the `erased` notice to every desk that held the
    case; their devices shred their copy only if it opens with their key."""
    return storage.erase_case(device, case_id, body.proof if body else None)
