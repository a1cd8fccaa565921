"""case files: blind-index look-ups and encrypted attachments

Revision ID: 0002_cases
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_cases"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lookup_index",
        sa.Column("digest", sa.String, nullable=False),
        sa.Column("case_id", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("digest", "case_id"),
    )
    op.create_table(
        "attachments",
        sa.Column("attachment_id", sa.String, primary_key=True),
        sa.Column("case_id", sa.String, nullable=False),
        sa.Column("key_id", sa.String, nullable=False),
        sa.Column("sealed_meta", sa.LargeBinary, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_attachments_case_id", "attachments", ["case_id"])


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_table("lookup_index")
