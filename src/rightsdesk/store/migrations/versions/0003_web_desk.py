"""Web desk tables: users, sessions, login failures, audit trail, confidentiality, watchlist.

Revision ID: 0003_web_desk
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_web_desk"
down_revision = "0002"
branch_labels = None
depends_on = None


def _moment(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    _create_accounts()
    _create_audit()
    _create_review()


def _create_accounts() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(80), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        _moment("created_at"),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        _moment("created_at"),
        _moment("last_seen"),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        _moment("at"),
    )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def _create_audit() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        _moment("at"),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_audit_log_ref", "audit_log", ["kind", "ref", "at"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def _create_review() -> None:
    op.create_table(
        "confidential_facts",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("fact_id", sa.Integer, primary_key=True),
    )
    op.create_table(
        "case_codes",
        sa.Column("person_id", sa.String(200), primary_key=True),
        sa.Column("code", sa.String(20), nullable=False, unique=True),
    )
    op.create_table(
        "watchlist",
        sa.Column("user_id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("ref", sa.String(200), primary_key=True),
        _moment("created_at"),
    )
    op.create_table(
        "watch_visits",
        sa.Column("user_id", sa.Integer, primary_key=True),
        _moment("seen_at"),
    )


def downgrade() -> None:
    for table in (
        "watch_visits",
        "watchlist",
        "case_codes",
        "confidential_facts",
        "audit_log",
        "login_failures",
        "sessions",
        "users",
    ):
        op.drop_table(table)
