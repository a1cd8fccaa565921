"""SQLAlchemy Core tables of the server's database (separate from the wire schemas in `sync.protocol`).

What the server stores is routing metadata and ciphertext only: random ids, desk names chosen by the operator,
public keys, hashed tokens and enrolment codes, sequence numbers, clock stamps, sizes and opaque encrypted
envelopes. `log_counter` is the single row that numbers the log: every change, grant and notice takes its `seq`
from it while holding its row lock, so sequence order is commit order. The Alembic migrations under `migrations/`
create the same tables; `tests/sync` checks the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "blob_chunks",
    "blobs",
    "cases",
    "changes",
    "desks",
    "devices",
    "enrol_codes",
    "grants",
    "holdings",
    "log_counter",
    "metadata",
    "notices",
    "tombstones",
]

metadata = sa.MetaData()

# SQLite only makes INTEGER PRIMARY KEY the fast rowid alias; PostgreSQL needs 64-bit sequence numbers.
Seq = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Id = sa.String(36)

log_counter = sa.Table(
    "log_counter",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

desks = sa.Table(
    "desks",
    metadata,
    sa.Column("desk_id", Id, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("public_key", sa.String(64)),
    sa.Column("created_ms", sa.BigInteger, nullable=False),
)

enrol_codes = sa.Table(
    "enrol_codes",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("desk_id", Id, sa.ForeignKey("desks.desk_id"), nullable=False),
    sa.Column("created_ms", sa.BigInteger, nullable=False),
    sa.Column("expires_ms", sa.BigInteger, nullable=False),
    sa.Column("used_ms", sa.BigInteger),
)

devices = sa.Table(
    "devices",
    metadata,
    sa.Column("device_id", Id, primary_key=True),
    sa.Column("desk_id", Id, sa.ForeignKey("desks.desk_id"), nullable=False),
    sa.Column("label", sa.String(80), nullable=False),
    sa.Column("x25519_public_key", sa.String(64), nullable=False),
    sa.Column("ed25519_public_key", sa.String(64), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("enrolled_ms", sa.BigInteger, nullable=False),
    sa.Column("revoked_ms", sa.BigInteger),
    sa.Column("acked_seq", sa.BigInteger, nullable=False),
    sa.Column("wrapped_desk_key", sa.Text),
    sa.Column("approved_by", Id),
)

# `case_no` is the log sequence of the case's first grant: unique, and increasing in creation order, so the
# indexes of holdings, grants and changes grow at their right edge instead of at random pages as a random
# `case_id` would make them (the difference is a third of the time of a 100,000-case push). Only
# `cases.case_id` is a random-order index.
cases = sa.Table(
    "cases",
    metadata,
    sa.Column("case_no", Seq, primary_key=True, autoincrement=False),
    sa.Column("case_id", Id, nullable=False, unique=True),
    sa.Column("erased_ms", sa.BigInteger),
)

holdings = sa.Table(
    "holdings",
    metadata,
    sa.Column("case_no", sa.BigInteger, primary_key=True),
    sa.Column("desk_id", Id, primary_key=True),
    sa.Column("since_seq", sa.BigInteger, nullable=False),
    # NULL while the desk holds the case; the seq of its `revoked` notice once its grant was withdrawn. The row
    # stays so the desk's devices that had the case still receive what was written before the end (see
    # `storage.log`); a new grant re-activates it.
    sa.Column("until_seq", sa.BigInteger),
    sa.Index("ix_holdings_desk_since", "desk_id", "since_seq"),
)

grants = sa.Table(
    "grants",
    metadata,
    sa.Column("seq", Seq, primary_key=True, autoincrement=False),
    sa.Column("case_no", sa.BigInteger, nullable=False),
    sa.Column("case_id", Id, nullable=False),
    sa.Column("desk_id", Id, nullable=False),
    sa.Column("key_id", sa.String(64), nullable=False),
    sa.Column("wrapped_key", sa.Text, nullable=False),
    sa.Column("device_id", Id, nullable=False),
    sa.UniqueConstraint("case_no", "desk_id", "key_id", name="uq_grants_case_desk_key"),
    sa.Index("ix_grants_desk_seq", "desk_id", "seq"),
)

changes = sa.Table(
    "changes",
    metadata,
    sa.Column("seq", Seq, primary_key=True, autoincrement=False),
    sa.Column("change_id", Id, nullable=False, unique=True),
    sa.Column("device_id", Id, nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("case_no", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", Id, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("envelope", sa.Text, nullable=False),
    sa.UniqueConstraint("device_id", "device_seq", name="uq_changes_device_seq"),
    sa.Index("ix_changes_case_seq", "case_no", "seq"),
)

tombstones = sa.Table(
    "tombstones",
    metadata,
    sa.Column("seq", Seq, primary_key=True, autoincrement=False),
    sa.Column("case_no", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", Id, nullable=False),
)

notices = sa.Table(
    "notices",
    metadata,
    sa.Column("seq", Seq, primary_key=True, autoincrement=False),
    sa.Column("desk_id", Id, nullable=False),
    sa.Column("case_id", Id, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    # An `erased` notice's proof, made by the erasing device with the case key (stored, forwarded, never opened).
    sa.Column("proof_key_id", sa.String(64)),
    sa.Column("proof", sa.Text),
    sa.Index("ix_notices_desk_seq", "desk_id", "seq"),
)

blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("case_id", Id, nullable=False, index=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("received", sa.BigInteger, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("device_id", Id, nullable=False),
    sa.Column("created_ms", sa.BigInteger, nullable=False),
)

blob_chunks = sa.Table(
    "blob_chunks",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("offset", sa.BigInteger, primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)
