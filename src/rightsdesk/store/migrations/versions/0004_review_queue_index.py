"""Indexes for the review queue: unreviewed facts, lowest confidence first.

Without them the desk's review queue scans and sorts every machine-read fact
on each request, which is what kept its p95 over 300 ms under load.

Revision ID: 0004
Revises: 0003_web_desk
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003_web_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_review", "events", ["review", "confidence", "id"])
    op.create_index("ix_statements_review", "statements", ["review", "confidence", "id"])


def downgrade() -> None:
    op.drop_index("ix_statements_review", table_name="statements")
    op.drop_index("ix_events_review", table_name="events")
