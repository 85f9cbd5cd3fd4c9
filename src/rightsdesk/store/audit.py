"""The audit trail: who changed what, when, and the record before and after.

Every change made on the web desk writes one row in the same transaction as the
change itself, so there is never a change without its audit row or the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from rightsdesk.store import schema

audit_log = sa.Table(
    "audit_log",
    schema.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(80), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # person | event | statement | ...
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("before", sa.JSON),
    sa.Column("after", sa.JSON),
    sa.Index("ix_audit_log_ref", "kind", "ref", "at"),
    sa.Index("ix_audit_log_at", "at"),
)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    kind: str
    ref: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def record_change(
    conn: sa.Connection,
    *,
    actor: str,
    action: str,
    kind: str,
    ref: str | int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Write one audit row on the caller's connection, inside its transaction."""
    conn.execute(
        sa.insert(audit_log).values(
            at=datetime.now(UTC),
            actor=actor,
            action=action,
            kind=kind,
            ref=str(ref),
            before=before,
            after=after,
        )
    )


def _entry(row: sa.Row) -> AuditEntry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return AuditEntry(
        id=row.id,
        at=at,
        actor=row.actor,
        action=row.action,
        kind=row.kind,
        ref=row.ref,
        before=row.before,
        after=row.after,
    )


def history(engine: sa.Engine, *, kind: str, ref: str | int) -> list[AuditEntry]:
    """Changes to one record, oldest first."""
    query = (
        sa.select(audit_log)
        .where(audit_log.c.kind == kind, audit_log.c.ref == str(ref))
        .order_by(audit_log.c.at, audit_log.c.id)
    )
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(query)]


def changes(
    engine: sa.Engine, *, since: datetime | None = None, limit: int = 200
) -> list[AuditEntry]:
    """The latest changes, newest first (the admin's activity view)."""
    query = sa.select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(query.limit(limit))]
