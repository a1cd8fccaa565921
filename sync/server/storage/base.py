"""The one storage interface of the server, and the plain records it returns.

Routes and the admin CLI talk only to `Storage`; `SqlStorage` (SQLite and PostgreSQL through SQLAlchemy) is its
implementation, and `tests/sync/test_storage_contract.py` runs the same contract against both databases. Methods
raise `sync.protocol.ProtocolError` with a numbered code for every refusal, never a bare exception.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sync.protocol import (
    AckReply,
    BlobStatus,
    DeskInfo,
    DigestReply,
    DigestRequest,
    EnrolReply,
    EnrolRequest,
    EraseReply,
    Grant,
    GrantReply,
    HandoverReply,
    Notice,
    PartitionDigestList,
    PendingDevice,
    PushReply,
    PushRequest,
    RevokeReply,
)
from sync.protocol.models import ErasureProof

__all__ = ["DeviceRow", "PullPage", "Storage"]


@dataclass(frozen=True)
class DeviceRow:
    """A device as authentication sees it."""

    device_id: str
    desk_id: str
    desk_kind: str
    status: str
    label: str
    x25519_public_key: str
    ed25519_public_key: str
    acked_seq: int
    enrolled_ms: int = 0

    @property
    def central(self) -> bool:
        return self.desk_kind == "central"


@dataclass
class PullPage:
    """One page of a pull; `envelopes` are the stored JSON texts of `Change` messages, in log order."""

    envelopes: list[str]
    grants: list[Grant]
    notices: list[Notice]
    cursor: str
    has_more: bool
    extra: dict[str, Any] = field(default_factory=dict)


class Storage(ABC):
    """Everything the server keeps. All methods are synchronous and safe to call from several threads."""

    # -- set-up and administration (admin CLI) --------------------------------------------------------
    @abstractmethod
    def upgrade(self) -> str: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def create_desk(self, name: str, kind: str = "desk") -> DeskInfo: ...

    @abstractmethod
    def list_desks(self) -> list[DeskInfo]: ...

    @abstractmethod
    def find_desk(self, name_or_id: str) -> DeskInfo | None: ...

    @abstractmethod
    def create_enrol_code(self, desk_id: str, ttl_minutes: int) -> tuple[str, int]: ...

    @abstractmethod
    def list_devices(self) -> list[DeviceRow]: ...

    @abstractmethod
    def revoke_device(self, device_id: str) -> bool: ...

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    # -- enrolment, authentication, desk-key handover -------------------------------------------------
    @abstractmethod
    def enrol(self, request: EnrolRequest) -> EnrolReply: ...

    @abstractmethod
    def authenticate(self, token: str) -> DeviceRow: ...

    @abstractmethod
    def pending_devices(self, approver: DeviceRow) -> list[PendingDevice]: ...

    @abstractmethod
    def approve_device(self, approver: DeviceRow, device_id: str, wrapped_desk_key: str) -> HandoverReply: ...

    @abstractmethod
    def handover(self, device: DeviceRow) -> HandoverReply: ...

    # -- the log -------------------------------------------------------------------------------------
    @abstractmethod
    def push(self, device: DeviceRow, batch: PushRequest, now_ms: int) -> PushReply: ...

    @abstractmethod
    def push_plain(self, device: DeviceRow, batch: PushRequest, now_ms: int) -> dict[str, Any]:
        """`push` without building the reply models (the hot path serialises the dict directly)."""

    @abstractmethod
    def pull(self, device: DeviceRow, cursor: str, limit: int) -> PullPage: ...

    @abstractmethod
    def ack(self, device: DeviceRow, cursor: str) -> AckReply: ...

    @abstractmethod
    def compact(self) -> int: ...

    # -- grants, erasure, blobs ----------------------------------------------------------------------
    @abstractmethod
    def add_grants(self, device: DeviceRow, grants: list[Grant]) -> GrantReply: ...

    @abstractmethod
    def revoke_grant(self, device: DeviceRow, case_id: str, desk_id: str) -> RevokeReply: ...

    @abstractmethod
    def erase_case(self, device: DeviceRow, case_id: str, proof: ErasureProof | None = None) -> EraseReply: ...

    @abstractmethod
    def blob_status(self, device: DeviceRow, sha256: str) -> BlobStatus: ...

    @abstractmethod
    def put_blob_chunk(
        self, device: DeviceRow, sha256: str, case_id: str, size: int, offset: int, data: bytes
    ) -> BlobStatus: ...

    @abstractmethod
    def read_blob(self, device: DeviceRow, sha256: str) -> bytes: ...

    # -- digests and repair (sync.protocol.partitions) ---------------------------------------------------
    @abstractmethod
    def digest(self, device: DeviceRow) -> DigestReply: ...

    @abstractmethod
    def partition_digests(self, device: DeviceRow, request: DigestRequest) -> PartitionDigestList: ...

    @abstractmethod
    def partition_changes(self, device: DeviceRow, case_id: str, cursor: str, limit: int) -> PullPage: ...
