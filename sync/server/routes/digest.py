"""Partition digests and partition histories: the after-pull check of a device and its repair of one partition
(definitions in `sync.protocol.partitions`). Replies are gzip-compressed when asked for, like pulls."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import DigestReply, DigestRequest, PartitionDigestList, PartitionPage
from sync.protocol.models import UUID_PATTERN
from sync.server.deps import ActiveDevice, SettingsDep, StorageDep
from sync.server.routes import ERRORS
from sync.server.routes.log import maybe_gzip

router = APIRouter(responses=ERRORS, tags=["digest"])
CaseId = Annotated[str, Path(pattern=UUID_PATTERN)]


@router.get("/v1/digest", response_model=DigestReply)
async def digest(request: Request, device: ActiveDevice, storage: StorageDep) -> Response:
    """The top digest and the 16 bucket digests of every partition granted to the device's desk."""
    reply = await run_in_threadpool(storage.digest, device)
    return maybe_gzip(request, reply.model_dump_json().encode())


@router.post("/v1/digests", response_model=PartitionDigestList)
async def partition_digests(
    request: Request, body: DigestRequest, device: ActiveDevice, storage: StorageDep
) -> Response:
    """The digest of each partition of the desk in the given buckets or among the given case ids."""
    reply = await run_in_threadpool(storage.partition_digests, device, body)
    return maybe_gzip(request, reply.model_dump_json().encode())


@router.get("/v1/partitions/{case_id}/changes", response_model=PartitionPage)
async def partition_changes(
    request: Request,
    case_id: CaseId,
    device: ActiveDevice,
    storage: StorageDep,
    settings: SettingsDep,
    cursor: Annotated[str, Query(pattern=r"^[A-Za-z0-9_-]{0,200}$")] = "",
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
) -> Response:
    """One page of the whole history of a partition the desk holds, to repair a replica that differs."""
    page = await run_in_threadpool(
        storage.partition_changes, device, case_id, cursor, min(limit, settings.max_pull_limit)
    )
    grants = ",".join(g.model_dump_json() for g in page.grants)
    body = (
        f'{{"changes":[{",".join(page.envelopes)}],"grants":[{grants}],"cursor":"{page.cursor}",'
        f'"has_more":{"true" if page.has_more else "false"}}}'
    )
    return await run_in_threadpool(maybe_gzip, request, body.encode("utf-8"))
