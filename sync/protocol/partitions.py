"""What a partition digest is, so that a device and the server compute the same one; and the network-wide
partitions.

A partition is one `case_id`. Its digest covers the partition's *live* records: for each record that has changes
and no tombstone, the line `record_id:kind:hlc`, where `hlc` is the greatest stamp among the record's changes.
The client derives the same lines from its vault (the greatest field stamp of each record is the stamp of the
record's latest change, because that change wins every field it writes), and adds what it holds in quarantine
(changes it could not open yet: known, just not readable). Deleted records are left out on both sides: a tombstone
is final everywhere, and the server compacts tombstoned records away once every device has them, while devices
keep their tombstones. Partitions without a live record are left out too.

    partition digest = SHA-256 over the sorted lines, each ending in "\\n"; `records` = the number of lines
    bucket           = the first hex digit of the case id (16 buckets)
    bucket digest    = SHA-256 over the sorted lines `case_id:records:digest\\n` of the bucket's partitions
    top digest       = SHA-256 over `bucket:partitions:records:digest\\n` for the 16 buckets in order

`GET /v1/digest` answers the top digest and the 16 bucket digests (about 1.5 kB); only a bucket that differs needs
its per-partition list (`POST /v1/digests`), and only a partition that differs needs its history
(`GET /v1/partitions/{case_id}/changes`).

Network partitions (`NETWORK_PARTITIONS`) are shared by every desk rather than held by one: today the shared
catalogue (`CATALOGUE_PARTITION_ID`). The first key id the server stores for such a partition is its key for
good; a grant or a change under another key id is refused with `ErrorCode.PARTITION_KEY_CONFLICT`.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping

from sync.protocol.models import DigestBucket, DigestReply, PartitionDigest

__all__ = [
    "BUCKETS",
    "CATALOGUE_NAMESPACE",
    "CATALOGUE_PARTITION_ID",
    "NETWORK_PARTITIONS",
    "bucket_of",
    "partition_digest",
    "summarise",
]

CATALOGUE_NAMESPACE = uuid.UUID("6f1c2a0e-4a39-5d0b-9a51-1a2b3c4d5e6f")
CATALOGUE_PARTITION_ID = str(uuid.uuid5(CATALOGUE_NAMESPACE, "iam-network-catalogue"))
NETWORK_PARTITIONS = frozenset({CATALOGUE_PARTITION_ID})
BUCKETS = "0123456789abcdef"


def bucket_of(case_id: str) -> str:
    return case_id[0]


def partition_digest(case_id: str, lines: Iterable[tuple[str, str, str]]) -> PartitionDigest:
    """The digest of one partition from its live records' `(record_id, kind, latest hlc)`."""
    rows = sorted(f"{record_id}:{kind}:{hlc}\n" for record_id, kind, hlc in lines)
    digest = hashlib.sha256("".join(rows).encode("ascii")).hexdigest()
    return PartitionDigest(case_id=case_id, records=len(rows), digest=digest)


def summarise(partitions: Mapping[str, PartitionDigest]) -> DigestReply:
    """The top digest and the 16 bucket digests of a set of partition digests (empty partitions left out)."""
    grouped: dict[str, list[PartitionDigest]] = {b: [] for b in BUCKETS}
    for p in partitions.values():
        if p.records:
            grouped[bucket_of(p.case_id)].append(p)
    buckets: list[DigestBucket] = []
    for b in BUCKETS:
        members = grouped[b]
        lines = sorted(f"{p.case_id}:{p.records}:{p.digest}\n" for p in members)
        buckets.append(
            DigestBucket(
                bucket=b,
                partitions=len(members),
                records=sum(p.records for p in members),
                digest=hashlib.sha256("".join(lines).encode("ascii")).hexdigest(),
            )
        )
    top = "".join(f"{x.bucket}:{x.partitions}:{x.records}:{x.digest}\n" for x in buckets)
    return DigestReply(
        partitions=sum(x.partitions for x in buckets),
        records=sum(x.records for x in buckets),
        digest=hashlib.sha256(top.encode("ascii")).hexdigest(),
        buckets=buckets,
    )
