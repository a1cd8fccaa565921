"""Pydantic v2 models of every message on the wire between a desk device and the sync server.

All models are strict (no type coercion: a number sent as a string is an error) and forbid unknown fields, so a
malformed message is refused at the edge with a numbered error instead of reaching storage. Everything personal
travels inside `ciphertext` (AES-256-GCM, produced and opened only by clients); the other fields are routing
metadata the server needs: random ids, desks, record kinds, sequence numbers, clock stamps, key ids and keyed
blind indexes. Ids are lower-case UUID strings, binary values are standard base64 with padding, stamps are HLC
strings (see `sync.protocol.clock`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = [
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
    "EraseRequest",
    "ErasureProof",
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
    "PullReply",
    "PushReply",
    "PushRequest",
    "RevokeReply",
    "WireModel",
]

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
UUID7_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
KEY_PATTERN = r"^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$"  # exactly 32 bytes
HLC_PATTERN = r"^[0-9]{13}-[0-9]{6}$"
TOKEN_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"

Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
Uuid7 = Annotated[str, StringConstraints(pattern=UUID7_PATTERN)]
PublicKey = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
Base64 = Annotated[str, StringConstraints(pattern=BASE64_PATTERN, min_length=4, max_length=1_400_000)]
WrappedKey = Annotated[str, StringConstraints(pattern=BASE64_PATTERN, min_length=4, max_length=1024)]
Hlc = Annotated[str, StringConstraints(pattern=HLC_PATTERN)]
Token = Annotated[str, StringConstraints(pattern=TOKEN_PATTERN)]
RecordKind = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
BlindIndex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,128}$")]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Cursor = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,200}$")]
DeskKind = Literal["desk", "central"]
DeviceStatus = Literal["pending", "active", "revoked"]


class WireModel(BaseModel):
    """Base of every wire message: strict types, unknown fields refused, immutable once parsed."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ErrorReply(WireModel):
    """The body of every error reply: HTTP status, stable `errno` (`ErrorCode`), reason phrase, English message."""

    code: int
    errno: int
    error: str
    message: str


class HealthReply(WireModel):
    status: Literal["ok"]


class InfoReply(WireModel):
    """`GET /v1/info`: what a client checks before syncing (clock skew, versions, limits)."""

    server_time_ms: int
    protocol_version: int
    app_version: str
    min_client_version: str
    max_clock_skew_ms: int
    max_batch_changes: int
    max_body_bytes: int
    max_pull_limit: int
    max_blob_bytes: int
    blob_chunk_bytes: int


class EnrolRequest(WireModel):
    """`POST /v1/enrol`: a one-time enrolment code and the new device's public keys.

    The first device of a desk also sends the desk's X25519 public key (it created the desk key pair) and is
    active at once; later devices are `pending` until an enrolled device of the desk hands the desk key over.
    """

    code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{6,64}$")]
    x25519_public_key: PublicKey
    ed25519_public_key: PublicKey
    desk_public_key: PublicKey | None = None
    label: Annotated[str, StringConstraints(max_length=80)] = ""


class EnrolReply(WireModel):
    """The device's id and bearer token (shown once; the server keeps only its hash)."""

    device_id: Uuid
    desk_id: Uuid
    desk_name: str
    desk_kind: DeskKind
    token: str
    status: DeviceStatus
    desk_public_key: PublicKey | None


class DeviceInfo(WireModel):
    """`GET /v1/devices/me`: who the server thinks this device is."""

    device_id: Uuid
    desk_id: Uuid
    desk_kind: DeskKind
    status: DeviceStatus
    acked_seq: int


class Change(WireModel):
    """One encrypted change of one record, as written to a device's outbox and delivered by pulls.

    `case_id` is the partition (a random UUID per case); `hlc` orders concurrent edits (with `device_id` as the
    tie-break); `base` maps opaque field identifiers to the stamp each field was edited against, for conflict
    detection; `deleted` marks a tombstone. The ciphertext's associated data binds it to
    `case_id | kind | record_id | schema_version | key_id` (client side), so the server can neither forge nor move it.
    """

    change_id: Uuid7
    device_id: Uuid
    device_seq: Annotated[int, Field(ge=1, le=2**53)]
    case_id: Uuid
    kind: RecordKind
    record_id: Uuid
    hlc: Hlc
    base: Annotated[
        dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")], Hlc], Field(max_length=256)
    ] = Field(default_factory=dict)
    key_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
    schema_version: Annotated[int, Field(ge=1, le=65535)]
    ciphertext: Base64
    blind_indexes: Annotated[list[BlindIndex], Field(max_length=32)] | None = None
    deleted: bool = False


class Grant(WireModel):
    """A case key wrapped (X25519 + HKDF-SHA256 + AES-GCM, by a client) to a desk's public key.

    The server stores and delivers it; it never holds a private key, so it can never unwrap it.
    """

    case_id: Uuid
    desk_id: Uuid
    key_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
    wrapped_key: WrappedKey


class PushRequest(WireModel):
    """`POST /v1/push`: a batch signed by the device (`sync.protocol.signing.sign_batch`).

    Grants come before changes when applied, so a batch can create a case (its first grant) and its records.
    """

    device_id: Uuid
    grants: Annotated[list[Grant], Field(max_length=20_000)] = Field(default_factory=list)
    changes: Annotated[list[Change], Field(max_length=20_000)]
    signature: Annotated[str, StringConstraints(pattern=BASE64_PATTERN, min_length=88, max_length=88)]


class ChangeStatus(WireModel):
    """The fate of one pushed change: `applied` now, `duplicate` (stored before, acknowledged again) or
    `rejected` with the `errno` saying why (the client keeps it for review)."""

    change_id: str
    status: Literal["applied", "duplicate", "rejected"]
    errno: int | None = None


class GrantStatus(WireModel):
    """The fate of one grant: `applied`, `duplicate` (this exact wrapped key was stored before) or `rejected`."""

    case_id: str
    desk_id: str
    key_id: str
    status: Literal["applied", "duplicate", "rejected"]
    errno: int | None = None


class PushReply(WireModel):
    """One status per change and per grant, in batch order."""

    statuses: list[ChangeStatus]
    grant_statuses: list[GrantStatus]
    server_time_ms: int


class ErasureProof(WireModel):
    """Proof that a holder of the case key asked for the erasure: AES-256-GCM with the case key `key_id` over a
    fixed statement, the associated data binding it to the case (`iam_desktop.services.data_rights`). The server,
    which holds no case key, can store and forward it but can neither make one nor move one to another case."""

    key_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
    sealed: Annotated[str, StringConstraints(pattern=BASE64_PATTERN, min_length=4, max_length=256)]


class Notice(WireModel):
    """Something that happened to a partition a desk held: its grant was `revoked` or the case was `erased`.

    An `erased` notice carries the erasing device's `proof`; a client shreds its copy only if the proof opens
    with its own case key (a notice without one, from an older client or a forging server, is refused)."""

    kind: Literal["revoked", "erased"]
    case_id: Uuid
    desk_id: Uuid
    proof: ErasureProof | None = None


class PullReply(WireModel):
    """`GET /v1/pull`: one page. Pass `cursor` back unchanged for the next page; stop when `has_more` is false."""

    changes: list[Change]
    grants: list[Grant]
    notices: list[Notice]
    cursor: Cursor
    has_more: bool


class AckRequest(WireModel):
    """`POST /v1/ack`: the cursor up to which this device has applied every pulled change (for compaction)."""

    cursor: Cursor


class AckReply(WireModel):
    acked_seq: int
    compacted: int


class GrantRequest(WireModel):
    """`POST /v1/grants`: new grants (a referral shares a case with another desk; a key rotation re-wraps)."""

    grants: Annotated[list[Grant], Field(min_length=1, max_length=1000)]


class GrantReply(WireModel):
    statuses: list[GrantStatus]


class RevokeReply(WireModel):
    case_id: Uuid
    desk_id: Uuid
    revoked: int


class EraseRequest(WireModel):
    """`POST /v1/cases/{case_id}/erase` (the body is optional: an older client sends none, and the devices that
    receive that erasure refuse it as not proven)."""

    proof: ErasureProof | None = None


class EraseReply(WireModel):
    case_id: Uuid
    changes_removed: int
    grants_removed: int
    blobs_removed: int


class DeskInfo(WireModel):
    """An entry of the desk public-key directory (used to wrap case keys for referrals)."""

    desk_id: Uuid
    name: str
    kind: DeskKind
    public_key: PublicKey | None


class DeskList(WireModel):
    desks: list[DeskInfo]


class PendingDevice(WireModel):
    """A device waiting for its desk key; the approver compares `short_code` on both screens first."""

    device_id: Uuid
    desk_id: Uuid
    label: str
    x25519_public_key: PublicKey
    ed25519_public_key: PublicKey
    enrolled_at_ms: int


class PendingList(WireModel):
    devices: list[PendingDevice]


class ApproveRequest(WireModel):
    """`POST /v1/devices/{id}/approve`: the desk private key wrapped to the pending device's X25519 key."""

    wrapped_desk_key: WrappedKey


class HandoverReply(WireModel):
    """`GET /v1/handover`: the calling device's status and, once approved, its wrapped desk key."""

    device_id: Uuid
    status: DeviceStatus
    desk_id: Uuid
    desk_public_key: PublicKey | None
    wrapped_desk_key: str | None
    approved_by: Uuid | None
    approver_x25519_public_key: PublicKey | None


class BlobStatus(WireModel):
    """Where a resumable blob upload stands: the next chunk must start at `received`."""

    sha256: Sha256Hex
    size: int
    received: int
    complete: bool


BucketId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]$")]


class DigestBucket(WireModel):
    """One of the 16 buckets of a desk's partitions (by the first hex digit of the case id); see
    `sync.protocol.partitions` for how digests are computed."""

    bucket: BucketId
    partitions: int
    records: int
    digest: Sha256Hex


class DigestReply(WireModel):
    """`GET /v1/digest`: the digest of every partition granted to the calling device's desk, summed up."""

    partitions: int
    records: int
    digest: Sha256Hex
    buckets: list[DigestBucket]


class DigestRequest(WireModel):
    """`POST /v1/digests`: the per-partition digests of whole buckets and/or of named partitions."""

    buckets: Annotated[list[BucketId], Field(max_length=16)] = Field(default_factory=list)
    case_ids: Annotated[list[Uuid], Field(max_length=1000)] = Field(default_factory=list)


class PartitionDigest(WireModel):
    """The live-record count and digest of one partition."""

    case_id: Uuid
    records: int
    digest: Sha256Hex


class PartitionDigestList(WireModel):
    partitions: list[PartitionDigest]


class PartitionPage(WireModel):
    """`GET /v1/partitions/{case_id}/changes`: one page of a partition's whole stored history, in log order, with
    the desk's grants of the partition on the first page. Pass `cursor` back for the next page."""

    changes: list[Change]
    grants: list[Grant]
    cursor: Cursor
    has_more: bool
