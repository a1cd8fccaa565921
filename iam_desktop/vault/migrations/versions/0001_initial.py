"""initial vault: meta, operators, key store, case keys, encrypted records, drafts, audit chain

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vault_meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "operators",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("username", sa.String, nullable=False, unique=True),
        sa.Column("display_name", sa.String, nullable=False),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("salt", sa.LargeBinary, nullable=False),
        sa.Column("kdf", sa.Text, nullable=False),
        sa.Column("wrapped_store_key", sa.LargeBinary, nullable=False),
        sa.Column("active", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_table(
        "keystore",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("recovery_wrapped_store_key", sa.LargeBinary, nullable=False),
        sa.CheckConstraint("id = 1", name="single_keystore"),
    )
    op.create_table(
        "login_attempts",
        sa.Column("username", sa.String, primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure", sa.Float, nullable=False),
    )
    op.create_table(
        "case_keys",
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("holder", sa.String, nullable=False),
        sa.Column("wrapped", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("case_id", "key_id", "holder"),
    )
    op.create_table(
        "records",
        sa.Column("record_id", sa.String, primary_key=True),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("ix_records_case_id", "records", ["case_id"])
    op.create_table(
        "drafts",
        sa.Column("operator_id", sa.String, sa.ForeignKey("operators.id", ondelete="CASCADE"), nullable=False),
        sa.Column("form_id", sa.String, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("operator_id", "form_id"),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("operator_id", sa.String, nullable=True),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("case_id", sa.String, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String, nullable=False),
        sa.Column("hash", sa.String, nullable=False),
    )
    # The audit log is append-only at the storage level too, not only by convention in the code.
    op.execute(
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )


def downgrade() -> None:
    for table in ("audit_events", "drafts", "records", "case_keys", "login_attempts", "keystore", "operators"):
        op.drop_table(table)
    op.drop_table("vault_meta")
