"""The case file as pages need it: read once, redacted once, statuses computed once.

Reading and redacting a whole country's record is the expensive part of a page,
so the result is kept until the store changes. A change is noticed cheaply: every
ingest adds a source row and every desk change adds an audit row, so the highest
id of each is the store's version.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from rightsdesk.model import (
    CaseFile,
    EventRecord,
    OccasionRecord,
    PersonRecord,
    SourceRecord,
    StatementRecord,
)
from rightsdesk.status import CaseStatus, case_status
from rightsdesk.store import Store, reader, schema
from rightsdesk.store.audit import audit_log
from rightsdesk.store.review import protected
from rightsdesk.web.lens import Lens, Span

MAX_CACHED = 32  # countries x {full, redacted} views kept at once


@dataclass(slots=True)
class Overview:
    """One reader's view of a country (or everything) on one day."""

    case_file: CaseFile
    today: date
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    sources: dict[int, SourceRecord] = field(default_factory=dict)
    events_of: dict[str, list[EventRecord]] = field(default_factory=dict)
    statuses: dict[str, CaseStatus] = field(default_factory=dict)

    @classmethod
    def of(cls, case_file: CaseFile, today: date) -> Overview:
        """Statuses rest on every fact except the rejected ones."""
        events_of: dict[str, list[EventRecord]] = defaultdict(list)
        for event in case_file.events:
            if event.review != "rejected":
                events_of[event.person_id].append(event)
        return cls(
            case_file=case_file,
            today=today,
            persons={p.id: p for p in case_file.persons},
            sources={s.id: s for s in case_file.sources},
            events_of=dict(events_of),
            statuses={pid: case_status(evs, as_of=today) for pid, evs in events_of.items()},
        )


def store_engine(store: Store) -> sa.Engine:
    """The store's engine, for the desk's own tables (accounts, audit, review)."""
    engine = getattr(store, "engine", None)  # asked of the store's owner: a public property
    return engine if isinstance(engine, sa.Engine) else store._engine


class Casebook:
    """Cached overviews and lenses over one store."""

    def __init__(self, store: Store, engine: sa.Engine) -> None:
        self.store = store
        self.engine = engine
        self._lock = threading.Lock()
        self._version: tuple[int, int] | None = None
        self._cached: dict[tuple[object, ...], object] = {}

    def version(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            newest_source = conn.scalar(sa.select(sa.func.max(schema.sources.c.id))) or 0
            newest_change = conn.scalar(sa.select(sa.func.max(audit_log.c.id))) or 0
        return newest_source, newest_change

    def _remember(self, key: tuple[object, ...], build):
        version = self.version()
        with self._lock:
            if version != self._version:
                self._cached.clear()
                self._version = version
            if key in self._cached:
                return self._cached[key]
        value = build()
        with self._lock:
            if len(self._cached) >= MAX_CACHED:
                self._cached.clear()
            self._cached[key] = value
        return value

    def lens(self, *, full: bool) -> Lens:
        return self._remember(("lens", full), lambda: Lens(protected(self.engine), full=full))

    def overview(self, lens: Lens, country: str | None, today: date) -> Overview:
        def build() -> Overview:
            return Overview.of(lens.case_file(self.store.case_file(country)), today)

        return self._remember(("overview", lens.full, country, today), build)

    def countries(self) -> list[str]:
        def build() -> list[str]:
            column = schema.sources.c.country
            query = sa.select(column).where(column.is_not(None)).distinct().order_by(column)
            with self.engine.connect() as conn:
                return list(conn.scalars(query))

        return self._remember(("countries",), build)


@dataclass(slots=True)
class SourceFacts:
    """A source's facts, for the source page and the review queue."""

    events: list[EventRecord]
    statements: list[StatementRecord]
    occasions: list[OccasionRecord]


def facts_where(
    engine: sa.Engine,
    *,
    source_id: int | None = None,
    event_ids: list[int] | None = None,
    statement_ids: list[int] | None = None,
) -> SourceFacts:
    """Facts of one source, or facts by id; read in one snapshot."""
    events, statements, occasions = schema.events, schema.statements, schema.occasions
    with engine.connect() as conn:
        if source_id is not None:
            return SourceFacts(
                events=reader.event_records(conn, events.c.source_id == source_id),
                statements=reader.statement_records(conn, statements.c.source_id == source_id),
                occasions=reader.occasion_records(conn, occasions.c.source_id == source_id),
            )
        return SourceFacts(
            events=reader.event_records(conn, events.c.id.in_(event_ids or [])),
            statements=reader.statement_records(conn, statements.c.id.in_(statement_ids or [])),
            occasions=[],
        )


@dataclass(slots=True)
class Reading:
    """A source as one reader may read it: record, text pieces, and its facts."""

    source: SourceRecord
    spans: list[Span]
    facts: SourceFacts


def read_source(store: Store, engine: sa.Engine, lens: Lens, source_id: int) -> Reading:
    """The clean text cut at every fact's evidence, through the lens; raises StoreError."""
    source = store.source(source_id)
    text = store.source_text(source_id)
    facts = facts_where(engine, source_id=source_id)
    cuts = [("event", e.id, e.evidence.start, e.evidence.end) for e in facts.events]
    cuts += [("statement", s.id, s.evidence.start, s.evidence.end) for s in facts.statements]
    cuts += [("occasion", o.id, o.evidence.start, o.evidence.end) for o in facts.occasions]
    source.title = lens.text(source.title)
    source.url = lens.url(source.url)
    return Reading(source=source, spans=lens.spans(text, cuts), facts=facts)
