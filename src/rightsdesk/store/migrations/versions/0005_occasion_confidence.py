"""Occasions carry a confidence, as events and statements do.

Occasions stored before this revision were read by rules alone; they keep 1.0.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("occasions") as batch:
        batch.add_column(
            sa.Column("confidence", sa.Float, nullable=False, server_default="1.0"))


def downgrade() -> None:
    with op.batch_alter_table("occasions") as batch:
        batch.drop_column("confidence")
