"""What analysts do to the machine's output: review, edit, merge, split, add, protect.

Review decisions live on the fact rows themselves (`review`, `reviewed_by`,
`reviewed_at`). The writer only ever inserts rows for content it has not stored,
so re-ingesting a document never touches a reviewed row, and an edit is never
overwritten. Every function here changes the store in one write transaction that
also writes its audit row.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa

from rightsdesk.errors import StoreError, UnknownPerson
from rightsdesk.model import EVENT_TYPES, PageSpan, page_at
from rightsdesk.store import name_index, schema, search
from rightsdesk.store.audit import record_change
from rightsdesk.store.names import name_key
from rightsdesk.store.transactions import writing
from rightsdesk.store.writer import first_day

FactKind = Literal["event", "statement", "occasion"]
FACT_TABLES: dict[str, sa.Table] = {
    "event": schema.events,
    "statement": schema.statements,
    "occasion": schema.occasions,
}
Decision = Literal["accepted", "rejected"]
MANUAL_EXTRACTOR = "manual"
UPCOMING_DAYS = 30  # occasions this close make their people's facts worth reviewing first

confidential_facts = sa.Table(
    "confidential_facts",
    schema.metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("fact_id", sa.Integer, primary_key=True),
)

case_codes = sa.Table(
    "case_codes",
    schema.metadata,
    sa.Column("person_id", sa.String(200), primary_key=True),
    sa.Column("code", sa.String(20), nullable=False, unique=True),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _jsonable(row: sa.Row | dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    data = dict(row._mapping) if isinstance(row, sa.Row) else dict(row)
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in data.items()}


# --- facts: accept, reject, edit ---


def _fact_row(conn: sa.Connection, kind: str, fact_id: int) -> sa.Row:
    if kind not in FACT_TABLES:
        raise StoreError(f"unknown fact kind {kind!r}")
    table = FACT_TABLES[kind]
    row = conn.execute(sa.select(table).where(table.c.id == fact_id)).first()
    if row is None:
        raise StoreError(f"no {kind} with id {fact_id}")
    return row


def _fact_state(conn: sa.Connection, kind: str, fact_id: int) -> dict[str, Any]:
    state = _jsonable(_fact_row(conn, kind, fact_id)) or {}
    if kind == "event":
        state["charges"] = _charges(conn, fact_id)
    return state


def _charges(conn: sa.Connection, event_id: int) -> list[str]:
    table = schema.event_charges
    query = sa.select(table.c.charge).where(table.c.event_id == event_id).order_by(table.c.position)
    return list(conn.scalars(query))


def review_fact(
    engine: sa.Engine, *, actor: str, kind: str, fact_id: int, decision: Decision
) -> None:
    """Accept or reject a fact as read; a rejected fact stays stored but counts for nothing."""
    if decision not in ("accepted", "rejected"):
        raise StoreError(f"unknown decision {decision!r}")
    with writing(engine) as conn:
        before = _fact_state(conn, kind, fact_id)
        _set_review(conn, kind, fact_id, decision, actor)
        after = _fact_state(conn, kind, fact_id)
        record_change(
            conn, actor=actor, action=decision, kind=kind, ref=fact_id, before=before, after=after
        )


def _set_review(conn: sa.Connection, kind: str, fact_id: int, review: str, actor: str) -> None:
    table = FACT_TABLES[kind]
    conn.execute(
        sa.update(table)
        .where(table.c.id == fact_id)
        .values(review=review, reviewed_by=actor, reviewed_at=_now())
    )


@dataclass(slots=True, kw_only=True)
class EventEdit:
    """New values for an event; None leaves a field as it is (charges: [] clears them)."""

    type: str | None = None
    date: str | None = None
    place: str | None = None
    sentence_months: float | None = None
    charges: list[str] | None = None


PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _checked_date(value: str) -> dict[str, Any]:
    value = value.strip()
    if not value:
        return {"date": None, "date_start": None}
    if not PARTIAL_DATE.fullmatch(value) or first_day(value) is None:
        raise StoreError(f"not a date: {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return {"date": value, "date_start": first_day(value)}


def _event_values(edit: EventEdit) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if edit.type is not None:
        if edit.type not in EVENT_TYPES:
            raise StoreError(f"unknown event type {edit.type!r}")
        values["type"] = edit.type
    if edit.date is not None:
        values.update(_checked_date(edit.date))
    if edit.place is not None:
        values["place"] = edit.place.strip() or None
    if edit.sentence_months is not None:
        if not 0 <= edit.sentence_months < 1200:  # also refuses NaN and infinity
            raise StoreError(f"not a sentence length in months: {edit.sentence_months}")
        values["sentence_months"] = edit.sentence_months
    return values


def edit_event(engine: sa.Engine, *, actor: str, event_id: int, edit: EventEdit) -> None:
    """Correct an event; it becomes `edited`, which no later ingest overwrites."""
    values = _event_values(edit)
    with writing(engine) as conn:
        before = _fact_state(conn, "event", event_id)
        events = schema.events
        if values:
            conn.execute(sa.update(events).where(events.c.id == event_id).values(values))
        if edit.charges is not None:
            _replace_charges(conn, event_id, edit.charges)
        _set_review(conn, "event", event_id, "edited", actor)
        _reindex_event(conn, event_id)
        after = _fact_state(conn, "event", event_id)
        record_change(
            conn,
            actor=actor,
            action="edited",
            kind="event",
            ref=event_id,
            before=before,
            after=after,
        )


def _replace_charges(conn: sa.Connection, event_id: int, charges: list[str]) -> None:
    table = schema.event_charges
    conn.execute(sa.delete(table).where(table.c.event_id == event_id))
    rows = [
        {"event_id": event_id, "position": i, "charge": c.strip()}
        for i, c in enumerate(charges)
        if c.strip()
    ]
    if rows:
        conn.execute(sa.insert(table), rows)


def _reindex_event(conn: sa.Connection, event_id: int) -> None:
    """Keep full-text search in step with an edited or moved event."""
    row = _fact_row(conn, "event", event_id)
    name = conn.scalar(sa.select(schema.persons.c.name).where(schema.persons.c.id == row.person_id))
    index = schema.search_index
    conn.execute(sa.delete(index).where(index.c.kind == "event", index.c.ref_id == event_id))
    parts = [
        name or "",
        row.type,
        row.place or "",
        *_charges(conn, event_id),
        row.evidence_sentence,
    ]
    search.index(conn, kind="event", ref_id=event_id, source_id=row.source_id, body=" ".join(parts))


# --- persons: merge and split ---


def _person_state(conn: sa.Connection, person_id: str) -> dict[str, Any]:
    persons = schema.persons
    row = conn.execute(sa.select(persons).where(persons.c.id == person_id)).first()
    if row is None:
        raise UnknownPerson(f"no person with id {person_id!r}")
    state = _jsonable(row) or {}
    aliases = schema.person_aliases
    state["aliases"] = sorted(
        conn.scalars(sa.select(aliases.c.alias).where(aliases.c.person_id == person_id))
    )
    events = schema.events
    state["event_ids"] = sorted(
        conn.scalars(sa.select(events.c.id).where(events.c.person_id == person_id))
    )
    return state


def merge_persons(engine: sa.Engine, *, actor: str, keep: str, absorb: str) -> None:
    """Two records of one person: `absorb`'s facts, names and mentions move to `keep`."""
    if keep == absorb:
        raise StoreError("cannot merge a person with itself")
    with writing(engine) as conn:
        kept, absorbed = _person_state(conn, keep), _person_state(conn, absorb)
        _move_person_rows(conn, absorb, keep)
        _add_names(conn, keep, [absorbed["name"], *absorbed["aliases"]])
        conn.execute(sa.delete(schema.persons).where(schema.persons.c.id == absorb))
        for event_id in absorbed["event_ids"]:
            _reindex_event(conn, event_id)
        after = _person_state(conn, keep)
        record_change(
            conn,
            actor=actor,
            action="merged",
            kind="person",
            ref=keep,
            before={"kept": kept, "absorbed": absorbed},
            after=after,
        )
        record_change(
            conn,
            actor=actor,
            action="merged into " + keep,
            kind="person",
            ref=absorb,
            before=absorbed,
            after=None,
        )


def _move_person_rows(conn: sa.Connection, source: str, target: str) -> None:
    conn.execute(
        sa.update(schema.events).where(schema.events.c.person_id == source).values(person_id=target)
    )
    conn.execute(
        sa.update(schema.person_mentions)
        .where(schema.person_mentions.c.person_id == source)
        .values(person_id=target)
    )
    links = schema.occasion_persons
    already = sa.select(links.c.occasion_id).where(links.c.person_id == target)
    conn.execute(
        sa.update(links)
        .where(links.c.person_id == source, links.c.occasion_id.not_in(already))
        .values(person_id=target)
    )
    conn.execute(sa.delete(links).where(links.c.person_id == source))
    codes = case_codes
    conn.execute(sa.delete(codes).where(codes.c.person_id == source))


def _add_names(conn: sa.Connection, person_id: str, names: list[str]) -> None:
    aliases = schema.person_aliases
    current = conn.scalar(sa.select(schema.persons.c.name).where(schema.persons.c.id == person_id))
    known = set(conn.scalars(sa.select(aliases.c.alias).where(aliases.c.person_id == person_id)))
    for name in sorted(set(names) - known - {current}):
        conn.execute(
            sa.insert(aliases).values(person_id=person_id, alias=name, alias_key=name_key(name))
        )
    name_index.refile(conn, [person_id])


def _new_person_id(conn: sa.Connection, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-") or "person"
    persons = schema.persons
    taken = set(conn.scalars(sa.select(persons.c.id).where(persons.c.id.like(base + "%"))))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def split_person(
    engine: sa.Engine, *, actor: str, person_id: str, event_ids: list[int], name: str
) -> str:
    """Undo a wrong merge: move the chosen events to a new person called `name`."""
    if not event_ids or not name.strip():
        raise StoreError("a split needs a name and at least one event")
    with writing(engine) as conn:
        before = _person_state(conn, person_id)
        if not set(event_ids) <= set(before["event_ids"]):
            raise StoreError(
                f"events {sorted(set(event_ids) - set(before['event_ids']))} are not {person_id}'s"
            )
        new_id = _insert_person(conn, name=name.strip(), country=before["country"])
        events = schema.events
        conn.execute(sa.update(events).where(events.c.id.in_(event_ids)).values(person_id=new_id))
        _split_mentions(conn, person_id, new_id, event_ids, name.strip())
        for event_id in event_ids:
            _reindex_event(conn, event_id)
        record_change(
            conn,
            actor=actor,
            action="split",
            kind="person",
            ref=person_id,
            before=before,
            after=_person_state(conn, person_id),
        )
        record_change(
            conn,
            actor=actor,
            action="split from " + person_id,
            kind="person",
            ref=new_id,
            before=None,
            after=_person_state(conn, new_id),
        )
    return new_id


def _split_mentions(
    conn: sa.Connection, old: str, new: str, event_ids: list[int], name: str
) -> None:
    """The new person is mentioned in the sources of the moved events."""
    events = schema.events
    source_ids = set(conn.scalars(sa.select(events.c.source_id).where(events.c.id.in_(event_ids))))
    for source_id in sorted(source_ids):
        _mention(conn, new, source_id, name)


def _mention(conn: sa.Connection, person_id: str, source_id: int, name: str) -> None:
    mentions = schema.person_mentions
    key = "m-" + hashlib.sha1(person_id.encode()).hexdigest()[:10]
    exists = conn.scalar(
        sa.select(sa.func.count())
        .select_from(mentions)
        .where(mentions.c.person_id == person_id, mentions.c.source_id == source_id)
    )
    if not exists:
        conn.execute(
            sa.insert(mentions).values(
                person_id=person_id, source_id=source_id, person_key=key, name=name
            )
        )


def _insert_person(conn: sa.Connection, *, name: str, country: str | None) -> str:
    person_id = _new_person_id(conn, name)
    conn.execute(
        sa.insert(schema.persons).values(
            id=person_id,
            name=name,
            name_key=name_key(name),
            country=country,
            confidential=False,
            created_at=_now(),
        )
    )
    name_index.refile(conn, [person_id])
    return person_id


# --- facts and persons added by hand ---


@dataclass(slots=True, kw_only=True)
class ManualSource:
    """What an analyst learned outside the corpus (a call, a visit), written as a source."""

    title: str
    text: str
    url: str | None = None
    country: str | None = None
    published: date | None = None


def add_manual_source(engine: sa.Engine, *, actor: str, source: ManualSource) -> int:
    """Store an analyst's note as a source, so facts from it have evidence like any other."""
    if not source.text.strip() or not source.title.strip():
        raise StoreError("a source needs a title and a text")
    now = _now()
    digest = hashlib.sha256(f"manual\0{actor}\0{now.isoformat()}\0{source.text}".encode())
    row = {
        "content_hash": digest.hexdigest(),
        "doc_id": f"manual-{now:%Y%m%d%H%M%S}",
        "path": f"manual:{actor}",
        "url": source.url or None,
        "title": source.title.strip(),
        "published": source.published or now.date(),
        "country": (source.country or "").upper() or None,
        "kind": "text",
        "encoding": "utf-8",
        "text": source.text.strip(),
        "ingested_at": now,
        "extractor": MANUAL_EXTRACTOR,
    }
    with writing(engine) as conn:
        source_id = conn.execute(sa.insert(schema.sources).values(row)).inserted_primary_key[0]
        body = f"{row['title']} {row['text']}"
        search.index(conn, kind="source", ref_id=source_id, source_id=source_id, body=body)
        record_change(
            conn,
            actor=actor,
            action="added",
            kind="source",
            ref=source_id,
            before=None,
            after=_jsonable(row),
        )
    return source_id


def add_manual_person(
    engine: sa.Engine, *, actor: str, name: str, source_id: int, country: str | None = None
) -> str:
    """A person the machine missed, named in a stored source."""
    if not name.strip():
        raise StoreError("a person needs a name")
    with writing(engine) as conn:
        _source_text(conn, source_id)
        person_id = _insert_person(conn, name=name.strip(), country=(country or "").upper() or None)
        _mention(conn, person_id, source_id, name.strip())
        record_change(
            conn,
            actor=actor,
            action="added",
            kind="person",
            ref=person_id,
            before=None,
            after=_person_state(conn, person_id),
        )
    return person_id


def _source_text(conn: sa.Connection, source_id: int) -> str:
    text = conn.scalar(sa.select(schema.sources.c.text).where(schema.sources.c.id == source_id))
    if text is None:
        raise StoreError(f"no source with id {source_id}")
    return text


def _page_of(conn: sa.Connection, source_id: int, offset: int) -> int | None:
    """The page of a PDF source that `offset` of its clean text was read from."""
    stored = conn.scalar(sa.select(schema.sources.c.pages).where(schema.sources.c.id == source_id))
    return page_at([PageSpan(start, page) for start, page in stored or ()], offset)


@dataclass(slots=True, kw_only=True)
class ManualEvent:
    person_id: str
    source_id: int
    type: str
    sentence: str  # the evidence: quoted from the source, or the analyst's own words
    date: str = ""
    place: str = ""
    sentence_months: float | None = None
    charges: list[str] = field(default_factory=list)


def add_manual_event(engine: sa.Engine, *, actor: str, event: ManualEvent) -> int:
    """An event added by hand; its evidence points into the source when quoted from it."""
    values = _event_values(
        EventEdit(
            type=event.type,
            date=event.date,
            place=event.place,
            sentence_months=event.sentence_months,
        )
    )
    if not event.sentence.strip():
        raise StoreError("an event needs the sentence it rests on")
    with writing(engine) as conn:
        text = _source_text(conn, event.source_id)
        _person_state(conn, event.person_id)
        sentence = event.sentence.strip()
        start = max(text.find(sentence), 0)
        row = {
            "person_id": event.person_id,
            "source_id": event.source_id,
            "date": None,
            "date_start": None,
            "also": [],
            "confidence": 1.0,
            "evidence_start": start,
            "evidence_end": start + len(sentence) if sentence in text else 0,
            "evidence_sentence": sentence,
            "evidence_page": _page_of(conn, event.source_id, start) if sentence in text else None,
            "review": "manual",
            "reviewed_by": actor,
            "reviewed_at": _now(),
            "extractor": MANUAL_EXTRACTOR,
            **values,
        }
        event_id = conn.execute(sa.insert(schema.events).values(row)).inserted_primary_key[0]
        _replace_charges(conn, event_id, event.charges)
        _mention(
            conn, event.person_id, event.source_id, _person_state(conn, event.person_id)["name"]
        )
        _reindex_event(conn, event_id)
        record_change(
            conn,
            actor=actor,
            action="added",
            kind="event",
            ref=event_id,
            before=None,
            after=_fact_state(conn, "event", event_id),
        )
    return event_id


@dataclass(slots=True, kw_only=True)
class ManualOccasion:
    source_id: int
    type: str  # visit | hearing | trial | review | summit | election
    description: str
    date: str
    person_ids: list[str] = field(default_factory=list)


def add_manual_occasion(engine: sa.Engine, *, actor: str, occasion: ManualOccasion) -> int:
    """A hearing or visit an analyst knows of; its evidence is the source's own text."""
    if not occasion.description.strip() or not occasion.type.strip():
        raise StoreError("an occasion needs a type and a description")
    with writing(engine) as conn:
        text = _source_text(conn, occasion.source_id)
        for person_id in occasion.person_ids:
            _person_state(conn, person_id)
        row = {
            "source_id": occasion.source_id,
            "type": occasion.type.strip().lower(),
            "description": occasion.description.strip(),
            "evidence_start": 0,
            "evidence_end": len(text),
            "evidence_sentence": text,
            "review": "manual",
            "reviewed_by": actor,
            "reviewed_at": _now(),
            "extractor": MANUAL_EXTRACTOR,
            **_checked_date(occasion.date),
        }
        occasion_id = conn.execute(sa.insert(schema.occasions).values(row)).inserted_primary_key[0]
        for person_id in occasion.person_ids:
            conn.execute(
                sa.insert(schema.occasion_persons).values(
                    occasion_id=occasion_id, person_id=person_id
                )
            )
        record_change(
            conn,
            actor=actor,
            action="added",
            kind="occasion",
            ref=occasion_id,
            before=None,
            after=_jsonable(row),
        )
    return occasion_id


# --- confidentiality ---


def set_person_confidential(
    engine: sa.Engine, *, actor: str, person_id: str, confidential: bool
) -> None:
    """Protect a person: viewers and exports see a case code instead of the name."""
    with writing(engine) as conn:
        before = _person_state(conn, person_id)
        persons = schema.persons
        conn.execute(
            sa.update(persons).where(persons.c.id == person_id).values(confidential=confidential)
        )
        if confidential:
            _ensure_case_code(conn, person_id)
        record_change(
            conn,
            actor=actor,
            action="confidential" if confidential else "public",
            kind="person",
            ref=person_id,
            before=before,
            after=_person_state(conn, person_id),
        )


def _ensure_case_code(conn: sa.Connection, person_id: str) -> str:
    """A random code, so it cannot be traced back to the name it hides."""
    existing = conn.scalar(sa.select(case_codes.c.code).where(case_codes.c.person_id == person_id))
    if existing:
        return existing
    code = "CASE-" + secrets.token_hex(3).upper()
    conn.execute(sa.insert(case_codes).values(person_id=person_id, code=code))
    return code


def set_fact_confidential(
    engine: sa.Engine, *, actor: str, kind: str, fact_id: int, confidential: bool
) -> None:
    with writing(engine) as conn:
        before = _fact_state(conn, kind, fact_id)
        table = confidential_facts
        key = sa.and_(table.c.kind == kind, table.c.fact_id == fact_id)
        conn.execute(sa.delete(table).where(key))
        if confidential:
            conn.execute(sa.insert(table).values(kind=kind, fact_id=fact_id))
        record_change(
            conn,
            actor=actor,
            action="confidential" if confidential else "public",
            kind=kind,
            ref=fact_id,
            before=before,
            after={**before, "confidential": confidential},
        )


@dataclass(frozen=True, slots=True)
class Protected:
    """What a viewer must not see: persons (with their codes and names) and facts."""

    codes: dict[str, str]  # person id -> case code
    names: dict[str, list[str]]  # person id -> every name and alias to hide
    facts: frozenset[tuple[str, int]]  # (kind, fact id)
    hidden_sentences: tuple[str, ...] = ()  # the evidence of those facts


def protected(engine: sa.Engine) -> Protected:
    """Everything confidential, in one read; a person without a code yet gets one by id."""
    persons, aliases, mentions = schema.persons, schema.person_aliases, schema.person_mentions
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(persons.c.id, persons.c.name, case_codes.c.code)
            .select_from(persons.outerjoin(case_codes, case_codes.c.person_id == persons.c.id))
            .where(persons.c.confidential.is_(True))
            .order_by(persons.c.created_at, persons.c.id)
        ).all()
        ids = [r.id for r in rows]
        names: dict[str, list[str]] = {r.id: [r.name] for r in rows}
        for table, column in ((aliases, aliases.c.alias), (mentions, mentions.c.name)):
            for pid, name in conn.execute(
                sa.select(table.c.person_id, column).where(table.c.person_id.in_(ids))
            ):
                names[pid].append(name)
        facts = frozenset((r.kind, r.fact_id) for r in conn.execute(sa.select(confidential_facts)))
        sentences = _hidden_sentences(conn, facts)
    # A person protected outside the desk may have no code yet: a neutral numbered one,
    # never anything derived from the id, which is derived from the name.
    codes = {r.id: r.code or f"CASE-UNCODED-{n}" for n, r in enumerate(rows, start=1)}
    return Protected(
        codes=codes,
        names={k: sorted(set(v)) for k, v in names.items()},
        facts=facts,
        hidden_sentences=sentences,
    )


def _hidden_sentences(conn: sa.Connection, facts: frozenset[tuple[str, int]]) -> tuple[str, ...]:
    sentences: list[str] = []
    for kind, table in FACT_TABLES.items():
        ids = [fact_id for k, fact_id in facts if k == kind]
        if ids:
            query = sa.select(table.c.evidence_sentence).where(table.c.id.in_(ids))
            sentences += conn.scalars(query)
    return tuple(sorted(sentences))


# --- the review queue ---


@dataclass(frozen=True, slots=True)
class QueueItem:
    kind: FactKind
    id: int
    confidence: float
    person_id: str | None
    upcoming: bool  # the person is linked to an occasion in the next UPCOMING_DAYS days


def review_queue(
    engine: sa.Engine, *, today: date, limit: int = 50, skip: frozenset[str] = frozenset()
) -> list[QueueItem]:
    """Unreviewed facts, most useful first: people with an occasion ahead, then low confidence.

    Facts read from sources of the countries in `skip` (walled off to the reader) are
    left out here, so that a queue of `limit` items is still full of ones they may see.
    """
    events, occasions, links = schema.events, schema.occasions, schema.occasion_persons
    walled = sa.select(schema.sources.c.id).where(schema.sources.c.country.in_(skip))
    soon = (
        sa.select(links.c.person_id)
        .select_from(links.join(occasions, occasions.c.id == links.c.occasion_id))
        .where(occasions.c.date_start.between(today, today + timedelta(days=UPCOMING_DAYS)))
    )
    # Two index-ordered reads (facts of people with an occasion ahead; all facts),
    # merged below, instead of sorting every machine fact by a computed key.
    columns = (events.c.id, events.c.confidence, events.c.person_id)
    machine = sa.and_(events.c.review == "machine", events.c.source_id.not_in(walled))
    by_confidence = (events.c.confidence, events.c.id)
    upcoming_query = (
        sa.select(*columns).where(machine, events.c.person_id.in_(soon)).order_by(*by_confidence)
    )
    event_query = sa.select(*columns).where(machine).order_by(*by_confidence)
    statements = schema.statements
    statement_query = (
        sa.select(statements.c.id, statements.c.confidence)
        .where(statements.c.review == "machine", statements.c.source_id.not_in(walled))
        .order_by(statements.c.confidence, statements.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        ahead = {r.id: r for r in conn.execute(upcoming_query.limit(limit))}
        rest = [r for r in conn.execute(event_query.limit(limit)) if r.id not in ahead]
        items = [
            QueueItem("event", r.id, r.confidence, r.person_id, r.id in ahead)
            for r in [*ahead.values(), *rest]
        ]
        items += [
            QueueItem("statement", r.id, r.confidence, None, False)
            for r in conn.execute(statement_query)
        ]
    items.sort(key=lambda item: (not item.upcoming, item.confidence, item.kind, item.id))
    return items[:limit]
