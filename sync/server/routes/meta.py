"""Liveness and server information: what a client checks before it syncs."""

from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import (
    APP_VERSION,
    MAX_CLOCK_SKEW_MS,
    MIN_CLIENT_VERSION,
    PROTOCOL_VERSION,
    HealthReply,
    InfoReply,
)
from sync.server.deps import SettingsDep
from sync.server.routes import ERRORS
from sync.server.storage.engine import now_ms

router = APIRouter()


@router.get("/healthz", response_model=HealthReply, responses=ERRORS, tags=["meta"])
def healthz() -> HealthReply:
    return HealthReply(status="ok")


@router.get("/v1/info", response_model=InfoReply, responses=ERRORS, tags=["meta"])
def info(settings: SettingsDep) -> InfoReply:
    return InfoReply(
        server_time_ms=now_ms(),
        protocol_version=PROTOCOL_VERSION,
        app_version=APP_VERSION,
        min_client_version=MIN_CLIENT_VERSION,
        max_clock_skew_ms=MAX_CLOCK_SKEW_MS,
        max_batch_changes=settings.max_batch_changes,
        max_body_bytes=settings.max_body_bytes,
        max_pull_limit=settings.max_pull_limit,
        max_blob_bytes=settings.max_blob_bytes,
        blob_chunk_bytes=settings.blob_chunk_bytes,
    )
