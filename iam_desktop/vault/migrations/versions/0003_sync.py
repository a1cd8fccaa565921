"""sync: outbox, sync state, per-field stamps, tombstones, applied changes, conflicts, quarantine, grants

Revision ID: 0003_sync
Revises: 0002_cases
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_sync"
down_revision = "0002_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("change_id", sa.String, primary_key=True),
        sa.Column("device_seq", sa.Integer, nullable=False, unique=True),
        sa.Column("device_id", sa.String, nullable=False),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("record_id", sa.String, nullable=False),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("base", sa.Text, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("ciphertext", sa.Text, nullable=False),
        sa.Column("deleted", sa.Integer, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("errno", sa.Integer, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_outbox_state_seq", "outbox", ["state", "device_seq"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "field_stamps",
        sa.Column("record_id", sa.String, nullable=False),
        sa.Column("field", sa.String, nullable=False),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("device_id", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("record_id", "field"),
    )
    op.create_table(
        "tombstones",
        sa.Column("record_id", sa.String, primary_key=True),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("device_id", sa.String, nullable=False),
    )
    op.create_table(
        "applied_changes",
        sa.Column("change_id", sa.String, primary_key=True),
    )
    op.create_table(
        "conflicts",
        sa.Column("conflict_id", sa.String, primary_key=True),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("record_id", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("resolved_at", sa.String, nullable=True),
        sa.Column("resolution", sa.String, nullable=True),
    )
    op.create_index("ix_conflicts_record", "conflicts", ["record_id"])
    op.create_table(
        "quarantine",
        sa.Column("item_id", sa.String, primary_key=True),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("what", sa.String, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("envelope", sa.Text, nullable=False),
        sa.Column("received_at", sa.String, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
    )
    op.create_table(
        "grants_in",
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("desk_id", sa.String, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("wrapped", sa.Text, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("received_at", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("case_id", "desk_id", "key_id"),
    )
    op.create_table(
        "grants_sent",
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("desk_id", sa.String, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("case_id", "desk_id", "key_id"),
    )


def downgrade() -> None:
    for table in (
        "grants_sent", "grants_in", "quarantine", "conflicts", "applied_changes", "tombstones", "field_stamps",
        "sync_state", "outbox",
    ):  # fmt: skip
        op.drop_table(table)
