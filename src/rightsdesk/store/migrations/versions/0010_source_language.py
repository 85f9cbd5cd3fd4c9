"""Source language: each source keeps the language it was identified as.

English and Russian sources are extracted; a source in another language is stored
with its text and language but no facts, and the desk lists its language. Rows
stored before this revision were all read as English.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(
            sa.Column("language", sa.String(8), nullable=False, server_default="en")
        )


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("language")
