"""Revoked holdings are kept: `holdings.until_seq` is the log position of the desk's `revoked` notice (NULL while
the desk holds the case), so a device of the desk that had not pulled yet still receives what was written before
the revocation. Holdings revoked before this revision were deleted and stay so: their desks' devices receive only
the notice, as before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("holdings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("until_seq", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM holdings WHERE until_seq IS NOT NULL")
    with op.batch_alter_table("holdings", schema=None) as batch_op:
        batch_op.drop_column("until_seq")
