"""The vault's tables (SQLAlchemy Core). Columns in clear hold only routing data: random ids, kinds, versions,
timestamps, operator accounts. Personal data lives only inside the ``sealed`` columns."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

vault_meta = Table(
    "vault_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

operators = Table(
    "operators",
    metadata,
    Column("id", String, primary_key=True),
    Column("username", String, nullable=False, unique=True),
    Column("display_name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("salt", LargeBinary, nullable=False),
    Column("kdf", Text, nullable=False),
    Column("wrapped_store_key", LargeBinary, nullable=False),
    Column("active", Integer, nullable=False, server_default="1"),
    Column("created_at", String, nullable=False),
)

keystore = Table(
    "keystore",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sealed", LargeBinary, nullable=False),
    Column("recovery_wrapped_store_key", LargeBinary, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("username", String, primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", Float, nullable=False),
)

case_keys = Table(
    "case_keys",
    metadata,
    Column("case_id", String, nullable=False),
    Column("key_id", String, nullable=False),
    Column("holder", String, nullable=False),
    Column("wrapped", LargeBinary, nullable=False),
    Column("created_at", String, nullable=False),
    PrimaryKeyConstraint("case_id", "key_id", "holder"),
)

records = Table(
    "records",
    metadata,
    Column("record_id", String, primary_key=True),
    Column("case_id", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("key_id", String, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)

drafts = Table(
    "drafts",
    metadata,
    Column("operator_id", String, ForeignKey("operators.id", ondelete="CASCADE"), nullable=False),
    Column("form_id", String, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Column("updated_at", String, nullable=False),
    PrimaryKeyConstraint("operator_id", "form_id"),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String, nullable=False),
    Column("operator_id", String, nullable=True),
    Column("action", String, nullable=False),
    Column("case_id", String, nullable=True),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
)

# Keyed blind indexes (HMAC-SHA256 with the network key) for exact-match look-ups: duplicates at intake (codice
# fiscale, document numbers, name + birth year) and import fingerprints. The digest reveals nothing by itself.
lookup_index = Table(
    "lookup_index",
    metadata,
    Column("digest", String, nullable=False),
    Column("case_id", String, nullable=False),
    PrimaryKeyConstraint("digest", "case_id"),
)

attachments = Table(
    "attachments",
    metadata,
    Column("attachment_id", String, primary_key=True),
    Column("case_id", String, nullable=False, index=True),
    Column("key_id", String, nullable=False),
    Column("sealed_meta", LargeBinary, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("created_at", String, nullable=False),
)

# -- sync (DESIGN.md §6; migration 0003) ---------------------------------------------------------------------
# Changes ready to push, sealed with their case key; ``state`` is pending, acked or rejected (with ``errno``).
outbox = Table(
    "outbox",
    metadata,
    Column("change_id", String, primary_key=True),
    Column("device_seq", Integer, nullable=False, unique=True),
    Column("device_id", String, nullable=False),
    Column("case_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("record_id", String, nullable=False),
    Column("hlc", String, nullable=False),
    Column("base", Text, nullable=False),
    Column("key_id", String, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("ciphertext", Text, nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("state", String, nullable=False),
    Column("errno", Integer, nullable=True),
    Column("created_at", String, nullable=False),
)

# Small named values: the device sequence counter, the clock, the pull cursor, the enrolment, last success/error.
sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

# The (HLC, device) each field of a record was last written with: the last-writer-wins register's stamp.
field_stamps = Table(
    "field_stamps",
    metadata,
    Column("record_id", String, nullable=False),
    Column("field", String, nullable=False),
    Column("hlc", String, nullable=False),
    Column("device_id", String, nullable=False),
    PrimaryKeyConstraint("record_id", "field"),
)

tombstones = Table(
    "tombstones",
    metadata,
    Column("record_id", String, primary_key=True),
    Column("case_id", String, nullable=False),
    Column("hlc", String, nullable=False),
    Column("device_id", String, nullable=False),
)

applied_changes = Table("applied_changes", metadata, Column("change_id", String, primary_key=True))

# Losing values of concurrent edits, sealed with the case key; an operator keeps or restores them.
conflicts = Table(
    "conflicts",
    metadata,
    Column("conflict_id", String, primary_key=True),
    Column("case_id", String, nullable=False),
    Column("record_id", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("key_id", String, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Column("created_at", String, nullable=False),
    Column("resolved_at", String, nullable=True),
    Column("resolution", String, nullable=True),
)

# Incoming changes or grants that could not be applied (no key yet, tampered, unreadable): kept, retried, shown.
quarantine = Table(
    "quarantine",
    metadata,
    Column("item_id", String, primary_key=True),
    Column("case_id", String, nullable=False),
    Column("what", String, nullable=False),
    Column("reason", String, nullable=False),
    Column("envelope", Text, nullable=False),
    Column("received_at", String, nullable=False),
    Column("attempts", Integer, nullable=False),
)

grants_in = Table(
    "grants_in",
    metadata,
    Column("case_id", String, nullable=False),
    Column("desk_id", String, nullable=False),
    Column("key_id", String, nullable=False),
    Column("wrapped", Text, nullable=False),
    Column("state", String, nullable=False),
    Column("received_at", String, nullable=False),
    PrimaryKeyConstraint("case_id", "desk_id", "key_id"),
)

grants_sent = Table(
    "grants_sent",
    metadata,
    Column("case_id", String, nullable=False),
    Column("desk_id", String, nullable=False),
    Column("key_id", String, nullable=False),
    PrimaryKeyConstraint("case_id", "desk_id", "key_id"),
)

# -- attachments' contents on the move (migration 0004) -----------------------------------------------------------
# One row per attachment whose sealed content still has to be uploaded (``up``: its outbox change waits for it) or
# downloaded (``down``: its record arrived, the content not yet). ``state`` is waiting, failed or tampered, with a
# ``reason`` and the time (epoch seconds) of the next try; a row leaves the queue once its blob is done.
blob_queue = Table(
    "blob_queue",
    metadata,
    Column("attachment_id", String, primary_key=True),
    Column("case_id", String, nullable=False, index=True),
    Column("direction", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("size", Integer, nullable=False),
    Column("state", String, nullable=False),
    Column("reason", String, nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("next_try", Float, nullable=False),
    Column("updated_at", String, nullable=False),
)
