"""Erasure proofs: an `erased` notice keeps the proof the erasing device made with the case key, so every device
that receives the notice can check it before shredding its copy (a notice from before this revision has none and
is refused by the clients, which keep the case).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proof_key_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("proof", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_column("proof")
        batch_op.drop_column("proof_key_id")
