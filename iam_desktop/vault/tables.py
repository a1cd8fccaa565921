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
