"""Push, pull and acknowledge: the sync hot path.

Pull replies are assembled from the stored envelope texts instead of re-serialising one model per change: the
envelopes were produced by `Change.model_dump_json` at push time, so the reply still matches `PullReply`.
Replies are gzip-compressed (level 1: the payload is mostly ciphertext, so only speed matters) when asked for.
"""

from __future__ import annotations

import gzip
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    AckReply,
    AckRequest,
    ErrorCode,
    Grant,
    Notice,
    ProtocolError,
    PullReply,
    PushReply,
    PushRequest,
)
from sync.server.deps import ActiveDevice, SettingsDep, StorageDep
from sync.server.routes import ERRORS
from sync.server.storage.engine import now_ms

router = APIRouter(responses=ERRORS, tags=["sync"])
_grants_json = TypeAdapter(list[Grant])
_notices_json = TypeAdapter(list[Notice])


def maybe_gzip(request: Request, body: bytes, media_type: str = "application/json") -> Response:
    if len(body) > 1400 and "gzip" in request.headers.get("accept-encoding", ""):
        return Response(
            gzip.compress(body, compresslevel=1, mtime=0),
            media_type=media_type,
            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
        )
    return Response(body, media_type=media_type, headers={"Vary": "Accept-Encoding"})


@router.post("/v1/push", response_model=PushReply)
def push(batch: PushRequest, device: ActiveDevice, storage: StorageDep, settings: SettingsDep) -> Response:
    """Store a signed batch (gzip body accepted). Idempotent: a repeated change is reported `duplicate`."""
    if len(batch.changes) > settings.max_batch_changes or len(batch.grants) > settings.max_batch_changes:
        raise ProtocolError(ErrorCode.BATCH_TOO_LARGE, f"at most {settings.max_batch_changes} changes per batch")
    # Serialised here, not by FastAPI: validating one model per status would cost more than storing them.
    reply = storage.push_plain(device, batch, now_ms())
    return Response(json.dumps(reply, separators=(",", ":")), media_type="application/json")


@router.get("/v1/pull", response_model=PullReply)
async def pull(
    request: Request,
    device: ActiveDevice,
    storage: StorageDep,
    settings: SettingsDep,
    cursor: Annotated[str, Query(pattern=r"^[A-Za-z0-9_-]{0,200}$")] = "",
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
) -> Response:
    """One page of changes, grants and notices of the partitions granted to the device's desk."""
    page = await run_in_threadpool(storage.pull, device, cursor, min(limit, settings.max_pull_limit))

    def render() -> bytes:
        return b"".join(
            (
                b'{"changes":[',
                ",".join(page.envelopes).encode("utf-8"),
                b'],"grants":',
                _grants_json.dump_json(page.grants),
                b',"notices":',
                _notices_json.dump_json(page.notices),
                b',"cursor":"',
                page.cursor.encode("ascii"),
                b'","has_more":',
                b"true" if page.has_more else b"false",
                b"}",
            )
        )

    body = await run_in_threadpool(render)
    return await run_in_threadpool(maybe_gzip, request, body)


@router.post("/v1/ack", response_model=AckReply)
def ack(body: AckRequest, device: ActiveDevice, storage: StorageDep) -> AckReply:
    """Record that the device applied everything up to `cursor`; compacts acknowledged tombstones."""
    return storage.ack(device, body.cursor)
