"""The watchlist: people and countries a user follows, and what is new since a moment.

A digest (on the web desk or from `rightsdesk digest --since`) lists events and
occasions whose source was stored after the user's last visit, plus facts added
by hand since then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from rightsdesk.errors import StoreError
from rightsdesk.store import schema
from rightsdesk.store.transactions import writing

watchlist = sa.Table(
    "watchlist",
    schema.metadata,
    sa.Column("user_id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(10), primary_key=True),  # person | country
    sa.Column("ref", sa.String(200), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

watch_visits = sa.Table(
    "watch_visits",
    schema.metadata,
    sa.Column("user_id", sa.Integer, primary_key=True),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)


def follow(engine: sa.Engine, *, user_id: int, kind: str, ref: str) -> None:
    if kind not in ("person", "country"):
        raise StoreError(f"cannot follow a {kind!r}")
    with writing(engine) as conn:
        key = sa.and_(
            watchlist.c.user_id == user_id, watchlist.c.kind == kind, watchlist.c.ref == ref
        )
        if not conn.scalar(sa.select(sa.func.count()).select_from(watchlist).where(key)):
            conn.execute(
                sa.insert(watchlist).values(
                    user_id=user_id, kind=kind, ref=ref, created_at=datetime.now(UTC)
                )
            )


def unfollow(engine: sa.Engine, *, user_id: int, kind: str, ref: str) -> None:
    with writing(engine) as conn:
        conn.execute(
            sa.delete(watchlist).where(
                watchlist.c.user_id == user_id, watchlist.c.kind == kind, watchlist.c.ref == ref
            )
        )


def followed(engine: sa.Engine, *, user_id: int) -> dict[str, list[str]]:
    """{"person": [...ids], "country": [...codes]} followed by the user."""
    query = sa.select(watchlist.c.kind, watchlist.c.ref).where(watchlist.c.user_id == user_id)
    result: dict[str, list[str]] = {"person": [], "country": []}
    with engine.connect() as conn:
        for kind, ref in conn.execute(query.order_by(watchlist.c.kind, watchlist.c.ref)):
            result[kind].append(ref)
    return result


def last_visit(engine: sa.Engine, *, user_id: int) -> datetime | None:
    with engine.connect() as conn:
        seen = conn.scalar(
            sa.select(watch_visits.c.seen_at).where(watch_visits.c.user_id == user_id)
        )
    return None if seen is None else (seen if seen.tzinfo else seen.replace(tzinfo=UTC))


def mark_visit(engine: sa.Engine, *, user_id: int, at: datetime) -> None:
    with writing(engine) as conn:
        conn.execute(sa.delete(watch_visits).where(watch_visits.c.user_id == user_id))
        conn.execute(sa.insert(watch_visits).values(user_id=user_id, seen_at=at))


@dataclass(frozen=True, slots=True)
class NewFact:
    """An event or occasion stored after a moment, with what a digest line needs."""

    kind: str  # event | occasion
    id: int
    type: str
    date: str | None
    person_id: str | None
    country: str | None
    source_id: int
    stored_at: datetime


def facts_since(engine: sa.Engine, since: datetime) -> list[NewFact]:
    """Events and occasions whose source was stored after `since`, oldest first."""
    events, occasions, links, sources = (
        schema.events,
        schema.occasions,
        schema.occasion_persons,
        schema.sources,
    )
    event_query = (
        sa.select(
            events.c.id,
            events.c.type,
            events.c.date,
            events.c.person_id,
            sources.c.country,
            events.c.source_id,
            sources.c.ingested_at,
            events.c.reviewed_at,
            events.c.review,
        )
        .select_from(events.join(sources, sources.c.id == events.c.source_id))
        .where(
            sa.or_(
                sources.c.ingested_at > since,
                sa.and_(events.c.review == "manual", events.c.reviewed_at > since),
            )
        )
    )
    occasion_query = (
        sa.select(
            occasions.c.id,
            occasions.c.type,
            occasions.c.date,
            links.c.person_id,
            sources.c.country,
            occasions.c.source_id,
            sources.c.ingested_at,
        )
        .select_from(
            occasions.join(sources, sources.c.id == occasions.c.source_id).outerjoin(
                links, links.c.occasion_id == occasions.c.id
            )
        )
        .where(sources.c.ingested_at > since)
    )
    with engine.connect() as conn:
        found = [
            NewFact(
                "event",
                r.id,
                r.type,
                r.date,
                r.person_id,
                r.country,
                r.source_id,
                _utc(r.reviewed_at if r.review == "manual" else r.ingested_at),
            )
            for r in conn.execute(event_query)
        ]
        found += [
            NewFact(
                "occasion",
                r.id,
                r.type,
                r.date,
                r.person_id,
                r.country,
                r.source_id,
                _utc(r.ingested_at),
            )
            for r in conn.execute(occasion_query)
        ]
    return sorted(found, key=lambda f: (f.stored_at, f.kind, f.id))


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
