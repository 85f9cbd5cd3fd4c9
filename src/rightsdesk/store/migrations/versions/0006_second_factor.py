"""A second factor: TOTP secrets, one-time recovery codes, sessions waiting for a code,
and the desk's policy of which roles must have one.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("totp_secret", sa.String(64)))
        batch.add_column(
            sa.Column("totp_enabled", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("totp_last_step", sa.BigInteger))
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(
            sa.Column("stage", sa.String(8), nullable=False, server_default="full"))
    op.create_table(
        "recovery_codes",
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("code_hash", sa.String(64), primary_key=True),
    )
    op.create_table(
        "desk_policy",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("desk_policy")
    op.drop_table("recovery_codes")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("stage")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_enabled")
        batch.drop_column("totp_secret")
