"""The case file as pages need it: read once, redacted once, statuses computed once.

Reading and redacting a whole country's record is the expensive part of a page,
so the result is kept until the store changes. A change is noticed cheaply: every
ingest adds a source row and every desk change adds an audit row, so the highest
id of each is the store's version. The same two ids say what changed, so a
refresh reads only the new sources and the facts analysts decided on, and
computes statuses only for the persons whose facts changed.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from rightsdesk.errors import StoreError
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
from rightsdesk.store.review import Protected, protected
from rightsdesk.store.teams import Outside, Teams, Walls, outside
from rightsdesk.web.lens import Lens, Span

MAX_CACHED = 32  # lenses, countries and {full, redacted} x day overviews kept at once
mention = schema.person_mentions


@dataclass(slots=True)
class Overview:
    """One reader's view of a country (or everything) on one day."""

    case_file: CaseFile
    today: date
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    sources: dict[int, SourceRecord] = field(default_factory=dict)
    events_of: dict[str, list[EventRecord]] = field(default_factory=dict)
    statuses: dict[str, CaseStatus] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)  # page figures, computed once
    named_in: dict[int, frozenset[str]] = field(default_factory=dict)  # source -> person ids
    cuts: dict[str, Overview] = field(default_factory=dict)  # by country, cut once

    def remember(self, name: str, compute: Callable[[Overview], Any]) -> Any:
        """A figure derived from this overview (a chart, a sorted list), computed once."""
        if name not in self.derived:
            self.derived[name] = compute(self)
        return self.derived[name]

    @classmethod
    def of(
        cls,
        case_file: CaseFile,
        today: date,
        *,
        named_in: dict[int, frozenset[str]] | None = None,
        within: Overview | None = None,
    ) -> Overview:
        """Statuses rest on every fact except the rejected ones.

        A person whose facts are the very ones they have `within` another overview
        (the wider one this is cut from, or the one this replaces) keeps the status
        computed there: a status follows from the facts alone.
        """
        events_of: dict[str, list[EventRecord]] = defaultdict(list)
        for event in case_file.events:
            if event.review != "rejected":
                events_of[event.person_id].append(event)
        statuses = {}
        for person_id, events in events_of.items():
            wider = within.events_of.get(person_id) if within is not None else None
            if wider is not None and _same(wider, events) and within.today == today:
                statuses[person_id] = within.statuses[person_id]
            else:
                statuses[person_id] = case_status(events, as_of=today)
        return cls(
            case_file=case_file,
            today=today,
            persons={p.id: p for p in case_file.persons},
            sources={s.id: s for s in case_file.sources},
            events_of=dict(events_of),
            statuses=statuses,
            named_in=named_in or {},
        )

    def cut(self, country: str) -> Overview:
        """This overview of everything cut to one country: what reading that country gives.

        A country's record is its sources, the persons named in them and the facts
        read from them; cutting it from the whole spares a read of the store per country.
        """
        if country not in self.cuts:
            whole = self.case_file
            kept = {s.id for s in whole.sources if s.country == country}
            named = set().union(*(self.named_in.get(i, ()) for i in kept))
            case_file = CaseFile(
                country=country,
                sources=[s for s in whole.sources if s.id in kept],
                persons=[p for p in whole.persons if p.id in named],
                events=[e for e in whole.events if e.source_id in kept],
                statements=[s for s in whole.statements if s.source_id in kept],
                occasions=[o for o in whole.occasions if o.source_id in kept],
            )
            named_in = {i: self.named_in[i] for i in kept if i in self.named_in}
            self.cuts[country] = Overview.of(case_file, self.today, named_in=named_in, within=self)
        return self.cuts[country]


def _same(these: list[EventRecord], those: list[EventRecord]) -> bool:
    return len(these) == len(those) and all(a is b for a, b in zip(these, those, strict=True))


# What an analyst's decision changes in place: the one fact named in its audit row.
IN_PLACE = frozenset({"accepted", "rejected", "edited"})
FACT_KINDS = ("event", "statement", "occasion")
VERSION = sa.select(
    sa.select(sa.func.max(schema.sources.c.id)).scalar_subquery(),
    sa.select(sa.func.max(audit_log.c.id)).scalar_subquery(),
)


@dataclass(frozen=True, slots=True)
class Record:
    """The whole store, unredacted, at one version: what every overview is built from."""

    version: tuple[int, int]
    case_file: CaseFile
    mentions: list[tuple[int, str]]  # (source id, person id): who is named where


def store_version(conn: sa.Connection) -> tuple[int, int]:
    """The newest source id and the newest audit row id: both only ever grow."""
    newest_source, newest_change = conn.execute(VERSION).one()
    return newest_source or 0, newest_change or 0


def read_record(conn: sa.Connection, since: Record | None = None) -> Record:
    """The store as it stands; from `since`, only what changed is read, where that is known.

    A new source brings its facts and may add names, roles or a country to the
    persons it names; an accepted, rejected or edited fact changes that fact alone.
    Anything else (a merge, a split, protection, facts added by hand), or a record
    that came or went with no version to account for it, means reading it all.
    """
    version = store_version(conn)
    if since is not None and since.version == version:
        return since
    touched = _touched_facts(conn, since.version[1]) if since is not None else None
    if since is not None and touched is not None:
        advanced = _advanced(conn, since, version, touched)
        if advanced is not None:
            return advanced
    return Record(version, reader.case_file(conn), _mentions(conn))


def _mentions(conn: sa.Connection) -> list[tuple[int, str]]:
    query = sa.select(mention.c.source_id, mention.c.person_id)
    return [(source_id, person_id) for source_id, person_id in conn.execute(query)]


def _touched_facts(conn: sa.Connection, after: int) -> dict[str, list[int]] | None:
    """Facts decided on since audit row `after`, by kind; None after any other change."""
    touched: dict[str, list[int]] = {kind: [] for kind in FACT_KINDS}
    query = sa.select(audit_log.c.action, audit_log.c.kind, audit_log.c.ref)
    for action, kind, ref in conn.execute(query.where(audit_log.c.id > after)):
        if action not in IN_PLACE or kind not in touched:
            return None
        touched[kind].append(int(ref))
    return touched


def _advanced(
    conn: sa.Connection, since: Record, version: tuple[int, int], touched: dict[str, list[int]]
) -> Record | None:
    """`since` with the new sources and the touched facts read again; None if it won't do."""
    newer = since.version[0]
    mentions = _mentions(conn)
    order = reader.case_file_order(conn)
    events, statements, occasions = schema.events, schema.statements, schema.occasions

    def changed(table: sa.Table, kind: str) -> sa.ColumnElement[bool]:
        return sa.or_(table.c.source_id > newer, table.c.id.in_(touched[kind]))

    named = sorted({person_id for source_id, person_id in mentions if source_id > newer})
    kept = since.case_file
    parts = {
        "sources": (kept.sources, reader.source_records(conn, schema.sources.c.id > newer)),
        "persons": (kept.persons, reader.person_records(conn, schema.persons.c.id.in_(named))),
        "events": (kept.events, reader.event_records(conn, changed(events, "event"))),
        "statements": (
            kept.statements,
            reader.statement_records(conn, changed(statements, "statement")),
        ),
        "occasions": (
            kept.occasions,
            reader.occasion_records(conn, changed(occasions, "occasion")),
        ),
    }
    merged = {name: _merged(getattr(order, name), *lists) for name, lists in parts.items()}
    if any(records is None for records in merged.values()):
        return None
    return Record(version, CaseFile(country=None, **merged), mentions)


def _merged(order: list, kept: list, fresh: list) -> list | None:
    """`kept` records, `fresh` ones in or over them, in `order`; None if one is unaccounted for."""
    by_id = {record.id: record for record in kept}
    if not set(order).issuperset(by_id):
        return None  # a record went with no version to say so
    by_id.update((record.id, record) for record in fresh)
    try:
        return [by_id[i] for i in order]
    except KeyError:
        return None  # a record came with no version to say so


# The store version a page read is answered at, asked once (lens, list, menu all need it).
_read_version: ContextVar[list[tuple[int, int]] | None] = ContextVar("read_version", default=None)


def one_version_per_read() -> None:
    """The rest of this request reads the store's version once and keeps it.

    Only for reads: a request that writes and then reads must see its own change.
    """
    _read_version.set([])


@dataclass(slots=True)
class _Built:
    """A cached value, the store version it was read at and the protection it honours."""

    value: Any
    version: tuple[int, int]
    protected: tuple[Protected, Outside] | None
    at: float = field(default_factory=time.monotonic)


class Casebook:
    """Cached overviews and lenses over one store.

    While an ingest keeps adding sources, rebuilding the whole record at every
    new source would make every list page slow, so a list may lag the store by
    up to `max_stale` seconds: the stale copy is served while a fresh one is
    built in the background, at most once every `refresh_every` seconds per view
    (under a steady ingest or a busy review queue the store changes every
    second; rebuilding at each change kept a core busy and doubled page times).
    Never across a change of protection: an overview built before a person or
    fact was protected is rebuilt before it is shown.
    """

    def __init__(
        self,
        store: Store,
        engine: sa.Engine,
        *,
        max_stale: float = 30.0,
        refresh_every: float = 0.0,
    ) -> None:
        self.store = store
        self.engine = engine
        self.max_stale = max_stale
        self.refresh_every = refresh_every
        self._lock = threading.Lock()
        self._built: dict[tuple[object, ...], _Built] = {}
        self._refreshing: set[tuple[object, ...]] = set()
        self._record_lock = threading.Lock()  # one reader advances the record at a time
        self._record: tuple[Record, frozenset[str]] | None = None  # and who was confidential

    def warm(self, today: date) -> None:
        """Build the all-countries views in the background (a server just started)."""

        def run() -> None:
            for full in (True, False):
                self.overview(self.lens(full=full), None, today)

        threading.Thread(target=run, name="casebook-warm", daemon=True).start()

    def upcoming(self, today: date, days: int, limit: int | None = None) -> list[OccasionRecord]:
        """The first `limit` occasions dated in the next `days` days (full view: analysts)."""
        occasions = schema.occasions
        window = occasions.c.date_start.between(today, today + timedelta(days=days))
        with self.engine.connect() as conn:
            if limit is not None:
                first = sa.select(occasions.c.id).where(window)
                first = first.order_by(occasions.c.date_start, occasions.c.id).limit(limit)
                window = occasions.c.id.in_(list(conn.scalars(first)))
            return reader.occasion_records(conn, window)

    def person_file(
        self, person_id: str
    ) -> tuple[PersonRecord, list[EventRecord], dict[int, SourceRecord]]:
        """A person, their timeline and its sources, in one read; raises UnknownPerson."""
        with self.engine.connect() as conn:
            person = reader.person(conn, person_id)
            events = reader.event_records(conn, schema.events.c.person_id == person_id)
            sources = schema.sources.c.id.in_(sorted({e.source_id for e in events}))
            return person, events, {s.id: s for s in reader.source_records(conn, sources)}

    def persons(self, person_ids: list[str]) -> dict[str, PersonRecord]:
        """Several persons in one read (a page listing facts of many people)."""
        with self.engine.connect() as conn:
            found = reader.person_records(conn, schema.persons.c.id.in_(sorted(set(person_ids))))
        return {p.id: p for p in found}

    def version(self) -> tuple[int, int]:
        """Asked by every list page, so one round trip for both figures."""
        kept = _read_version.get()
        if kept:
            return kept[0]
        with self.engine.connect() as conn:
            version = store_version(conn)
        if kept is not None:
            kept.append(version)
        return version

    def _store(self, key: tuple[object, ...], built: _Built) -> None:
        with self._lock:
            if len(self._built) >= MAX_CACHED:
                self._built.clear()
            self._built[key] = built

    def _exact(self, key: tuple[object, ...], build: Callable[[], Any]) -> Any:
        """Cached only while the store has not changed at all."""
        version = self.version()
        found = self._built.get(key)
        if found is not None and found.version == version:
            return found.value
        value = build()
        self._store(key, _Built(value, version, None))
        return value

    def lens(self, *, full: bool, shut: frozenset[str] = frozenset()) -> Lens:
        """The lens of readers who see confidential cases or not (`full`) and may not see
        the countries in `shut` (walled off to teams they are not in)."""
        return self._exact(("lens", full, shut), lambda: Lens(
            protected(self.engine), full=full, outside=outside(self.engine, shut)))

    def walls(self) -> Walls:
        """Which countries teams wall off, and to whom they are open."""
        return self._exact(("walls",), Teams(self.engine).walls)

    def countries(self) -> list[str]:
        def build() -> list[str]:
            column = schema.sources.c.country
            query = sa.select(column).where(column.is_not(None)).distinct().order_by(column)
            with self.engine.connect() as conn:
                return list(conn.scalars(query))

        return self._exact(("countries",), build)

    def overview(self, lens: Lens, country: str | None, today: date) -> Overview:
        """Every country's overview is cut from the one of everything, read once."""
        whole = self._whole(lens, today)
        return whole if country is None else whole.cut(country)

    def _whole(self, lens: Lens, today: date) -> Overview:
        key = ("overview", lens.key, today)
        version = self.version()
        found = self._built.get(key)
        if found is not None and found.protected == _guard(lens):
            if found.version == version:
                return found.value
            age = time.monotonic() - found.at
            if age < self.max_stale:
                if age >= self.refresh_every:
                    self._refresh(key, lambda: self._build(lens, today, found))
                return found.value
        built = self._build(lens, today, found)
        self._store(key, built)
        return built.value

    def _build(self, lens: Lens, today: date, found: _Built | None) -> _Built:
        """The overview of everything through `lens`, from the store as it stands.

        Statuses are kept from the overview it replaces where a person's facts are
        the same objects (unchanged records are kept by the record), and the
        countries being read stay cut.
        """
        record = self._current_record(lens.protected)
        named_in: dict[int, set[str]] = defaultdict(set)
        for source_id, person_id in record.mentions:
            named_in[source_id].add(lens.person_id(person_id))
        previous = found.value if found is not None and found.protected == _guard(lens) else None
        fresh = Overview.of(
            lens.case_file(record.case_file),
            today,
            named_in={i: frozenset(ids) for i, ids in named_in.items()},
            within=previous,
        )
        for country in list(previous.cuts) if previous is not None else ():
            fresh.cut(country)
        return _Built(fresh, record.version, _guard(lens))

    def _current_record(self, protection: Protected) -> Record:
        """The record advanced to the store as it stands, read in full if who is protected changed.

        The record says which persons are confidential, so a person protected by any
        means (even with no audit row) is never carried over unprotected.
        """
        confidential = frozenset(protection.codes)
        with self._record_lock:
            kept = self._record
            since = kept[0] if kept is not None and kept[1] == confidential else None
            with self.engine.connect() as conn:  # one snapshot: the version and what it covers
                record = read_record(conn, since)
            self._record = record, confidential
            return record

    def _refresh(self, key: tuple[object, ...], build: Callable[[], _Built]) -> None:
        """Build a fresh overview in a background thread, one per key at a time."""
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)

        def run() -> None:
            try:
                self._store(key, build())
            finally:
                with self._lock:
                    self._refreshing.discard(key)

        threading.Thread(target=run, name="casebook-refresh", daemon=True).start()


def _guard(lens: Lens) -> tuple[Protected, Outside]:
    """What an overview honours: rebuilt before it is shown once either has changed."""
    return lens.protected, lens.outside


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
    occasion_ids: list[int] | None = None,
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
            occasions=(
                reader.occasion_records(conn, occasions.c.id.in_(occasion_ids))
                if occasion_ids
                else []
            ),
        )


@dataclass(slots=True)
class Reading:
    """A source as one reader may read it: record, text pieces, and its facts."""

    source: SourceRecord
    spans: list[Span]
    facts: SourceFacts


def read_source(store: Store, engine: sa.Engine, lens: Lens, source_id: int) -> Reading:
    """The clean text cut at every fact's evidence, through the lens; raises StoreError,
    also for a source this reader may not see."""
    if lens.hides_fact("source", source_id):
        raise StoreError(f"no source {source_id}")
    source = lens.source(store.source(source_id))
    text = store.source_text(source_id)
    facts = facts_where(engine, source_id=source_id)
    return Reading(source=source, spans=_spans(lens, text, facts), facts=facts)


def _spans(lens: Lens, text: str, facts: SourceFacts) -> list[Span]:
    cuts = [("event", e.id, e.evidence.start, e.evidence.end) for e in facts.events]
    cuts += [("statement", s.id, s.evidence.start, s.evidence.end) for s in facts.statements]
    cuts += [("occasion", o.id, o.evidence.start, o.evidence.end) for o in facts.occasions]
    return lens.spans(text, cuts)


def source_records(engine: sa.Engine, source_ids: list[int]) -> dict[int, SourceRecord]:
    """Several sources in one read (titles of a hit list)."""
    with engine.connect() as conn:
        found = reader.source_records(conn, schema.sources.c.id.in_(sorted(set(source_ids))))
    return {s.id: s for s in found}


def redacted_texts(engine: sa.Engine, lens: Lens, source_ids: list[int]) -> dict[int, str]:
    """Source texts as this reader may read them (what `read_source` shows), in one read."""
    ids = sorted(set(source_ids))
    if not ids:
        return {}
    sources, events = schema.sources, schema.events
    statements, occasions = schema.statements, schema.occasions
    with engine.connect() as conn:
        query = sa.select(sources.c.id, sources.c.text).where(sources.c.id.in_(ids))
        texts = {source_id: text for source_id, text in conn.execute(query)}
        facts = {i: SourceFacts([], [], []) for i in ids}
        for event in reader.event_records(conn, events.c.source_id.in_(ids)):
            facts[event.source_id].events.append(event)
        for statement in reader.statement_records(conn, statements.c.source_id.in_(ids)):
            facts[statement.source_id].statements.append(statement)
        for occasion in reader.occasion_records(conn, occasions.c.source_id.in_(ids)):
            facts[occasion.source_id].occasions.append(occasion)
    return {
        i: "".join(span.text for span in _spans(lens, text, facts[i])) for i, text in texts.items()
    }


def public_case_file(
    store: Store, country: str | None = None, as_of: date | None = None
) -> CaseFile:
    """The record as it may leave the desk (exports, briefs from the CLI): redacted."""
    lens = Lens(protected(store.engine), full=False)
    return lens.case_file(store.case_file(country, as_of))
