"""The wire protocol between I.Am Desk devices and the sync server: models, errors, versions, signatures.

Imported by both the desktop client (`iam_desktop.services`) and the server (`sync.server`); it depends on
neither. Import names from here, not from the submodules: `__all__` below is the public API.
"""

from __future__ import annotations

from sync.protocol.clock import format_hlc, hlc_wall_ms, new_change_id, parse_hlc
from sync.protocol.errors import ErrorCode, ProtocolError, http_status
from sync.protocol.models import (
    AckReply,
    AckRequest,
    ApproveRequest,
    BlobStatus,
    Change,
    ChangeStatus,
    DeskInfo,
    DeskList,
    DeviceInfo,
    EnrolReply,
    EnrolRequest,
    EraseReply,
    ErrorReply,
    Grant,
    GrantReply,
    GrantRequest,
    GrantStatus,
    HandoverReply,
    HealthReply,
    InfoReply,
    Notice,
    PendingDevice,
    PendingList,
    PullReply,
    PushReply,
    PushRequest,
    RevokeReply,
    WireModel,
)
from sync.protocol.signing import canonical_batch_bytes, short_code, sign_batch, verify_batch
from sync.protocol.versions import APP_VERSION, MIN_CLIENT_VERSION, PROTOCOL_VERSION, version_tuple

__all__ = [
    "APP_VERSION",
    "MAX_CLOCK_SKEW_MS",
    "MIN_CLIENT_VERSION",
    "PROTOCOL_VERSION",
    "AckReply",
    "AckRequest",
    "ApproveRequest",
    "BlobStatus",
    "Change",
    "ChangeStatus",
    "DeskInfo",
    "DeskList",
    "DeviceInfo",
    "EnrolReply",
    "EnrolRequest",
    "EraseReply",
    "ErrorCode",
    "ErrorReply",
    "Grant",
    "GrantReply",
    "GrantRequest",
    "GrantStatus",
    "HandoverReply",
    "HealthReply",
    "InfoReply",
    "Notice",
    "PendingDevice",
    "PendingList",
    "ProtocolError",
    "PullReply",
    "PushReply",
    "PushRequest",
    "RevokeReply",
    "WireModel",
    "canonical_batch_bytes",
    "format_hlc",
    "hlc_wall_ms",
    "http_status",
    "new_change_id",
    "parse_hlc",
    "short_code",
    "sign_batch",
    "verify_batch",
    "version_tuple",
]

# Stamps further than this ahead of the server's clock are refused; clients warn the operator beyond it.
MAX_CLOCK_SKEW_MS = 5 * 60 * 1000
