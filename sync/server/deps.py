"""FastAPI dependencies as `Annotated` aliases: the storage, the settings, the rate limits, the calling device.

Routes declare what they need (`device: ActiveDevice`) and stay thin; every refusal is a `ProtocolError`.
Authentication failures count against the caller's address; past the limit the address gets 429 until the window
passes, even with a valid token, so tokens cannot be guessed at speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.protocol import ErrorCode, ProtocolError
from sync.server.ratelimit import SlidingWindow
from sync.server.settings import Settings
from sync.server.storage import DeviceRow, Storage
from sync.server.storage.log import require_active

__all__ = ["ActiveDevice", "AnyDevice", "Limits", "LimitsDep", "SettingsDep", "StorageDep", "client_address"]


@dataclass
class Limits:
    enrol: SlidingWindow
    auth_failures: SlidingWindow


def _storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _limits(request: Request) -> Limits:
    limits: Limits = request.app.state.limits
    return limits


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


StorageDep = Annotated[Storage, Depends(_storage)]
SettingsDep = Annotated[Settings, Depends(_settings)]
LimitsDep = Annotated[Limits, Depends(_limits)]
_bearer = HTTPBearer(auto_error=False, description="The device token returned by POST /v1/enrol")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _device(request: Request, credentials: Credentials, storage: StorageDep, limits: LimitsDep) -> DeviceRow:
    address = client_address(request)
    if limits.auth_failures.blocked(address):
        raise ProtocolError(ErrorCode.RATE_LIMITED, "too many authentication failures; wait a minute")
    if credentials is None:
        limits.auth_failures.hit(address)
        raise ProtocolError(ErrorCode.MISSING_TOKEN, "send 'Authorization: Bearer <device token>'")
    try:
        return storage.authenticate(credentials.credentials)
    except ProtocolError:
        limits.auth_failures.hit(address)
        raise


def _active_device(device: Annotated[DeviceRow, Depends(_device)]) -> DeviceRow:
    require_active(device)
    return device


AnyDevice = Annotated[DeviceRow, Depends(_device)]
"""An enrolled, not revoked device (pending devices included: they may ask for their handover)."""
ActiveDevice = Annotated[DeviceRow, Depends(_active_device)]
"""An enrolled device that holds its desk key."""
