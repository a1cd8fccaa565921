"""The wire protocol between I.Am Desk devices and the sync server: models, errors, versions, signatures.

Imported by both the desktop client (`iam_desktop.services`) and the server (`sync.server`); it depends on
neither. Import names from here, not from the submodules: `__all__` below is the public API.

How a device syncs (every call but the first carries `Authorization: Bearer <token>`):

1. `POST /v1/enrol` with `EnrolRequest` → `EnrolReply` (keep `device_id` and `token`). A desk's first device
   sends the desk public key and is `active`; later ones are `pending`: show `short_code(desk_key, own_x25519)`
   and poll `GET /v1/handover` until an enrolled device (`GET /v1/devices/pending`, same short code on its
   screen, `POST /v1/devices/{id}/approve` with `ApproveRequest`) has handed the wrapped desk key over.
2. `GET /v1/info` → `InfoReply`: compare `server_time_ms` with the local clock (warn beyond
   `MAX_CLOCK_SKEW_MS`) and `min_client_version` with `APP_VERSION`.
3. Push the outbox in batches: `PushRequest(device_id, grants, changes, signature=sign_batch(...))`, gzip body
   welcome → `PushReply` with one status per change and grant, in order. `applied` and `duplicate` both mean
   "stored": drop them from the outbox; keep `rejected` ones for review (see `errno`). Retrying a batch is safe.
4. Pull pages: `GET /v1/pull?cursor=<last cursor or empty>&limit=N` → `PullReply`; apply changes idempotently,
   store grants (wrapped case keys) and notices (revoked / erased cases), save `cursor`, repeat while
   `has_more`. A case's grant may arrive on a later page than its first changes: store envelopes, decrypt when
   the key is there. After applying, `POST /v1/ack` with `AckRequest(cursor)` so tombstones can be compacted.
5. After a pull, compare `GET /v1/digest` (`DigestReply`) with the same digest computed locally
   (`sync.protocol.partitions`); for a bucket that differs `POST /v1/digests` (`DigestRequest` →
   `PartitionDigestList`), and re-apply the history of each partition that differs from
   `GET /v1/partitions/{case_id}/changes?cursor=…` (`PartitionPage`).
6. Errors are `ErrorReply` bodies; `ProtocolError.from_reply(body)` gives the `ErrorCode`.
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
    DigestBucket,
    DigestReply,
    DigestRequest,
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
    PartitionDigest,
    PartitionDigestList,
    PartitionPage,
    PendingDevice,
    PendingList,
    PullReply,
    PushReply,
    PushRequest,
    RevokeReply,
    WireModel,
)
from sync.protocol.partitions import (
    CATALOGUE_PARTITION_ID,
    NETWORK_PARTITIONS,
    bucket_of,
    partition_digest,
    summarise,
)
from sync.protocol.signing import canonical_batch_bytes, short_code, sign_batch, verify_batch
from sync.protocol.versions import APP_VERSION, MIN_CLIENT_VERSION, PROTOCOL_VERSION, version_tuple

__all__ = [
    "APP_VERSION",
    "CATALOGUE_PARTITION_ID",
    "MAX_CLOCK_SKEW_MS",
    "MIN_CLIENT_VERSION",
    "NETWORK_PARTITIONS",
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
    "DigestBucket",
    "DigestReply",
    "DigestRequest",
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
    "PartitionDigest",
    "PartitionDigestList",
    "PartitionPage",
    "PendingDevice",
    "PendingList",
    "ProtocolError",
    "PullReply",
    "PushReply",
    "PushRequest",
    "RevokeReply",
    "WireModel",
    "bucket_of",
    "canonical_batch_bytes",
    "format_hlc",
    "hlc_wall_ms",
    "http_status",
    "new_change_id",
    "parse_hlc",
    "partition_digest",
    "short_code",
    "sign_batch",
    "summarise",
    "verify_batch",
    "version_tuple",
]

# Stamps further than this ahead of the server's clock are refused; clients warn the operator beyond it.
MAX_CLOCK_SKEW_MS = 5 * 60 * 1000
