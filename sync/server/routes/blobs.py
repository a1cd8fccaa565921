"""Encrypted attachments: content-addressed by the SHA-256 of their ciphertext, uploaded in resumable chunks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import BlobStatus
from sync.protocol.models import UUID_PATTERN
from sync.server.deps import ActiveDevice, StorageDep
from sync.server.routes import ERRORS

router = APIRouter(responses=ERRORS, tags=["blobs"])
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
_BINARY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put("/v1/blobs/{sha256}", response_model=BlobStatus, openapi_extra=_BINARY)
async def put_chunk(
    request: Request,
    sha256: Sha256,
    device: ActiveDevice,
    storage: StorageDep,
    case_id: Annotated[str, Query(pattern=UUID_PATTERN)],
    size: Annotated[int, Query(ge=1, le=2**40)],
    offset: Annotated[int, Query(ge=0, le=2**40)] = 0,
) -> BlobStatus:
    """Append the chunk at `offset` (must equal `received` of the status); the last chunk completes the blob."""
    data = await request.body()
    return await run_in_threadpool(storage.put_blob_chunk, device, sha256, case_id, size, offset, data)


@router.get("/v1/blobs/{sha256}/status", response_model=BlobStatus)
def status(sha256: Sha256, device: ActiveDevice, storage: StorageDep) -> BlobStatus:
    """Where an upload stands, to resume it after a broken connection."""
    return storage.blob_status(device, sha256)


@router.get(
    "/v1/blobs/{sha256}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)
def download(sha256: Sha256, device: ActiveDevice, storage: StorageDep) -> Response:
    """The whole blob, once complete."""
    return Response(storage.read_blob(device, sha256), media_type="application/octet-stream")
