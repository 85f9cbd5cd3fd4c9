"""Read the store back as model records; every function takes an open connection.

A case file is read inside one transaction, so on SQLite (WAL) it is one
consistent snapshot even while an ingest is writing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from rightsdesk.errors import StoreError, UnknownPerson
from rightsdesk.model import (
    CaseFile,
    EventRecord,
    Evidence,
    OccasionRecord,
    PersonRecord,
    SourceRecord,
    StatementRecord,
)
from rightsdesk.store import schema
from rightsdesk.store.names import name_key

S = schema.sources
# What a SourceRecord holds: never the text, which is read only where it is shown.
RECORD_COLUMNS = (
    S.c.id,
    S.c.doc_id,
    S.c.content_hash,
    S.c.url,
    S.c.title,
    S.c.published,
    S.c.country,
    S.c.language,
)

P = schema.persons
PERSON_COLUMNS = (P.c.id, P.c.name, P.c.country, P.c.confidential)  # what a PersonRecord holds
BY_ID_CHUNK = 10_000  # ids in one IN list: SQLite takes 32,766 variables a statement


# The orders `case_file` returns its records in, shared with `case_file_order`.
SOURCE_ORDER = (S.c.published, S.c.id)
PERSON_ORDER = (schema.persons.c.name, schema.persons.c.id)
_EVENT_DAY = sa.func.coalesce(schema.events.c.date_start, S.c.published)
EVENT_ORDER = (_EVENT_DAY.is_(None), _EVENT_DAY, schema.events.c.id)
STATEMENT_ORDER = (schema.statements.c.date_start, schema.statements.c.id)
OCCASION_ORDER = (schema.occasions.c.date_start, schema.occasions.c.id)


def has_source(conn: sa.Connection, content_hash: str) -> bool:
    query = sa.select(S.c.id).where(S.c.content_hash == content_hash)
    return conn.execute(query).first() is not None


# --- persons ---


def person_records(
    conn: sa.Connection, where: sa.ColumnElement[bool] | None = None
) -> list[PersonRecord]:
    """Persons (all, or those matching `where`) with aliases and roles, ordered by name."""
    query = sa.select(*PERSON_COLUMNS).order_by(*PERSON_ORDER)
    if where is not None:
        query = query.where(where)
    rows = conn.execute(query).all()
    aliases = _grouped(conn, schema.person_aliases.c.alias, [r.id for r in rows])
    roles = _grouped(conn, schema.person_roles.c.role, [r.id for r in rows])
    return _records(rows, aliases, roles)


def _records(
    rows: Sequence[sa.Row], aliases: dict[str, list[str]], roles: dict[str, list[str]]
) -> list[PersonRecord]:
    return [
        PersonRecord(
            id=r.id,
            name=r.name,
            aliases=aliases[r.id],
            roles=roles[r.id],
            country=r.country,
            confidential=bool(r.confidential),
        )
        for r in rows
    ]


def persons_by_id(conn: sa.Connection, person_ids: Collection[str]) -> list[PersonRecord]:
    """These persons; their aliases and roles are looked up by id, however many there are
    (a full scan of a large store costs more), in chunks SQLite takes as one statement."""
    ids = sorted(person_ids)
    records = []
    for chunk in (ids[i : i + BY_ID_CHUNK] for i in range(0, len(ids), BY_ID_CHUNK)):
        query = sa.select(*PERSON_COLUMNS).where(_in(conn, schema.persons.c.id, chunk))
        rows = conn.execute(query)
        aliases = _grouped(conn, schema.person_aliases.c.alias, chunk, scan_many=False)
        roles = _grouped(conn, schema.person_roles.c.role, chunk, scan_many=False)
        records += _records(rows.all(), aliases, roles)
    return records


def has_person(conn: sa.Connection, person_id: str) -> bool:
    query = sa.select(schema.persons.c.id).where(schema.persons.c.id == person_id)
    return conn.execute(query).first() is not None


def _grouped(
    conn: sa.Connection, column: sa.Column, person_ids: list[str], *, scan_many: bool = True
) -> dict[str, list[str]]:
    """Values of an alias/role column by person, in a stable order."""
    person_column = column.table.c.person_id
    query = sa.select(person_column, column).order_by(person_column, column)
    if not scan_many or len(person_ids) < 500:  # a full scan beats a huge IN list
        query = query.where(_in(conn, person_column, person_ids))
    grouped: dict[str, list[str]] = defaultdict(list)
    for person_id, value in conn.execute(query):
        grouped[person_id].append(value)
    return grouped


def _in(conn: sa.Connection, column: sa.Column, values: list[str]) -> sa.ColumnElement[bool]:
    """`column IN values`; on PostgreSQL one array parameter, which binds thousands of ids
    in a fraction of the time one parameter each takes."""
    if conn.dialect.name == "postgresql":
        return column == sa.any_(sa.bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def person(conn: sa.Connection, person_id: str) -> PersonRecord:
    found = person_records(conn, schema.persons.c.id == person_id)
    if not found:
        raise UnknownPerson(f"no person with id {person_id!r}")
    return found[0]


def find_persons(conn: sa.Connection, query: str) -> list[PersonRecord]:
    """Persons whose name or an alias contains `query`, ignoring case and accents."""
    key = name_key(query)
    if not key:
        return []
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    aliases = schema.person_aliases
    by_alias = sa.select(aliases.c.person_id).where(aliases.c.alias_key.like(pattern, "\\"))
    persons = schema.persons
    return person_records(
        conn, sa.or_(persons.c.name_key.like(pattern, "\\"), persons.c.id.in_(by_alias))
    )


# --- sources ---


def _source_record(row: sa.Row) -> SourceRecord:
    return SourceRecord(
        id=row.id,
        doc_id=row.doc_id,
        content_hash=row.content_hash,
        url=row.url,
        title=row.title,
        published=row.published,
        country=row.country,
        language=row.language,
    )


def source(conn: sa.Connection, source_id: int) -> SourceRecord:
    row = conn.execute(sa.select(*RECORD_COLUMNS).where(S.c.id == source_id)).first()
    if row is None:
        raise StoreError(f"no source with id {source_id}")
    return _source_record(row)


def source_records(conn: sa.Connection, where: sa.ColumnElement[bool]) -> list[SourceRecord]:
    """Sources matching `where`, by id."""
    query = sa.select(*RECORD_COLUMNS).where(where).order_by(S.c.id)
    return [_source_record(row) for row in conn.execute(query)]


def source_text(conn: sa.Connection, source_id: int) -> str:
    """The clean text that every evidence span of this source points into."""
    text = conn.scalar(sa.select(S.c.text).where(S.c.id == source_id))
    if text is None:
        raise StoreError(f"no source with id {source_id}")
    return text


# --- facts ---


def source_filter(country: str | None, as_of: date | None) -> sa.ColumnElement[bool]:
    """Sources of a country, and only those already published on `as_of`."""
    conditions = []
    if country is not None:
        conditions.append(S.c.country == country)
    if as_of is not None:
        conditions.append(sa.or_(S.c.published.is_(None), S.c.published <= as_of))
    return sa.and_(sa.true(), *conditions)


def fact_filter(table: sa.Table, country: str | None, as_of: date | None) -> sa.ColumnElement[bool]:
    """Facts from kept sources, dated on or before `as_of` (undated: the source's date)."""
    condition = source_filter(country, as_of)
    if as_of is None:
        return condition
    when = sa.func.coalesce(table.c.date_start, S.c.published)
    return sa.and_(condition, sa.or_(when.is_(None), when <= as_of))


def _evidence(row: sa.Row) -> Evidence:
    return Evidence(
        content_hash=row.content_hash,
        start=row.evidence_start,
        end=row.evidence_end,
        sentence=row.evidence_sentence,
        page=row.evidence_page,
        language=row.language,
    )


def event_records(conn: sa.Connection, where: sa.ColumnElement[bool]) -> list[EventRecord]:
    """Events matching `where` (which may refer to sources), by date then id."""
    events = schema.events
    joined = events.join(S, S.c.id == events.c.source_id)
    query = sa.select(events, S.c.content_hash, S.c.language).select_from(joined).where(where)
    query = query.order_by(*EVENT_ORDER)
    rows = conn.execute(query).all()
    charges = _charges(conn, joined, where)
    return [_event_record(row, charges[row.id]) for row in rows]


def _event_record(row: sa.Row, charges: list[str]) -> EventRecord:
    return EventRecord(
        id=row.id,
        person_id=row.person_id,
        source_id=row.source_id,
        type=row.type,
        evidence=_evidence(row),
        date=row.date,
        place=row.place,
        charges=charges,
        sentence_months=row.sentence_months,
        also=list(row.also),
        confidence=row.confidence,
        review=row.review,
    )


def _charges(
    conn: sa.Connection, joined: sa.Join, where: sa.ColumnElement[bool]
) -> dict[int, list[str]]:
    charges = schema.event_charges
    query = (
        sa.select(charges.c.event_id, charges.c.charge)
        .select_from(joined.join(charges, charges.c.event_id == schema.events.c.id))
        .where(where)
        .order_by(charges.c.event_id, charges.c.position)
    )
    return _rows_by_key(conn, query)


def _rows_by_key(conn: sa.Connection, query: sa.Select) -> dict[int, list[str]]:
    """(key, value) rows as key -> values, in the query's order."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for key, value in conn.execute(query):
        grouped[key].append(value)
    return grouped


def timeline(conn: sa.Connection, person_id: str) -> list[EventRecord]:
    """A person's events in date order (undated ones by their source's date, then last)."""
    person(conn, person_id)  # raises UnknownPerson
    return event_records(conn, schema.events.c.person_id == person_id)


def statement_records(conn: sa.Connection, where: sa.ColumnElement[bool]) -> list[StatementRecord]:
    statements = schema.statements
    query = (
        sa.select(statements, S.c.content_hash, S.c.language)
        .select_from(statements.join(S, S.c.id == statements.c.source_id))
        .where(where)
        .order_by(*STATEMENT_ORDER)
    )
    return [
        StatementRecord(
            id=row.id,
            source_id=row.source_id,
            actor=row.actor,
            evidence=_evidence(row),
            date=row.date,
            review=row.review,
            confidence=row.confidence,
        )
        for row in conn.execute(query)
    ]


def occasion_records(conn: sa.Connection, where: sa.ColumnElement[bool]) -> list[OccasionRecord]:
    occasions = schema.occasions
    joined = occasions.join(S, S.c.id == occasions.c.source_id)
    query = (
        sa.select(occasions, S.c.content_hash, S.c.language)
        .select_from(joined)
        .where(where)
        .order_by(*OCCASION_ORDER)
    )
    rows = conn.execute(query).all()
    linked = _occasion_persons(conn, joined, where)
    return [
        OccasionRecord(
            id=row.id,
            source_id=row.source_id,
            type=row.type,
            description=row.description,
            evidence=_evidence(row),
            date=row.date,
            person_ids=linked[row.id],
            confidence=row.confidence,
        )
        for row in rows
    ]


def _occasion_persons(
    conn: sa.Connection, joined: sa.Join, where: sa.ColumnElement[bool]
) -> dict[int, list[str]]:
    table = schema.occasion_persons
    query = (
        sa.select(table.c.occasion_id, table.c.person_id)
        .select_from(joined.join(table, table.c.occasion_id == schema.occasions.c.id))
        .where(where)
        .order_by(table.c.occasion_id, table.c.person_id)
    )
    return _rows_by_key(conn, query)


def case_file(
    conn: sa.Connection, country: str | None = None, as_of: date | None = None
) -> CaseFile:
    """Everything known about a country (or all) as it stood on `as_of`.

    Sources published after `as_of` are left out with all their facts: a briefing
    "as of" a day must not use what was only reported later. Occasions are kept by
    their source alone: a hearing announced before `as_of` is what lies ahead.
    """
    kept = source_filter(country, as_of)
    sources = [
        _source_record(row)
        for row in conn.execute(sa.select(*RECORD_COLUMNS).where(kept).order_by(*SOURCE_ORDER))
    ]
    return CaseFile(
        country=country,
        sources=sources,
        persons=person_records(conn, schema.persons.c.id.in_(_mentioned(kept))),
        events=event_records(conn, fact_filter(schema.events, country, as_of)),
        statements=statement_records(conn, fact_filter(schema.statements, country, as_of)),
        occasions=occasion_records(conn, kept),
    )


@dataclass(frozen=True, slots=True)
class CaseFileOrder:
    """The ids `case_file` returns, in its order: a cheap read to check a kept copy against."""

    sources: list[int]
    persons: list[str]
    events: list[int]
    statements: list[int]
    occasions: list[int]


def case_file_order(
    conn: sa.Connection, country: str | None = None, as_of: date | None = None
) -> CaseFileOrder:
    """What `case_file` would read, as ids only (no rows become records)."""
    kept = source_filter(country, as_of)
    persons, events = schema.persons, schema.events
    statements, occasions = schema.statements, schema.occasions

    def ids(table: sa.Table, where: sa.ColumnElement[bool], order: tuple) -> list:
        joined = table.join(S, S.c.id == table.c.source_id) if "source_id" in table.c else table
        query = sa.select(table.c.id).select_from(joined).where(where).order_by(*order)
        return list(conn.scalars(query))

    return CaseFileOrder(
        sources=ids(S, kept, SOURCE_ORDER),
        persons=ids(persons, persons.c.id.in_(_mentioned(kept)), PERSON_ORDER),
        events=ids(events, fact_filter(events, country, as_of), EVENT_ORDER),
        statements=ids(statements, fact_filter(statements, country, as_of), STATEMENT_ORDER),
        occasions=ids(occasions, kept, OCCASION_ORDER),
    )


def _mentioned(kept: sa.ColumnElement[bool]) -> sa.Select:
    """Ids of persons named in the kept sources."""
    mentions = schema.person_mentions
    return (
        sa.select(mentions.c.person_id)
        .select_from(mentions.join(S, S.c.id == mentions.c.source_id))
        .where(kept)
    )


# --- housekeeping ---

COUNTED: tuple[sa.Table, ...] = (
    schema.sources,
    schema.persons,
    schema.events,
    schema.statements,
    schema.occasions,
)


def counts(conn: sa.Connection) -> dict[str, int]:
    """Rows per main table, e.g. {"sources": 33, "persons": 41, ...}."""
    return {
        table.name: conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0
        for table in COUNTED
    }


OP = schema.occasion_persons
# (what is wrong, the referring column, the column it must find); the table is the column's.
ORPHAN_CHECKS: tuple[tuple[str, sa.Column, sa.Column], ...] = (
    ("event without source", schema.events.c.source_id, S.c.id),
    ("event without person", schema.events.c.person_id, schema.persons.c.id),
    ("charge without event", schema.event_charges.c.event_id, schema.events.c.id),
    ("statement without source", schema.statements.c.source_id, S.c.id),
    ("occasion without source", schema.occasions.c.source_id, S.c.id),
    ("occasion link without occasion", OP.c.occasion_id, schema.occasions.c.id),
    ("occasion link without person", OP.c.person_id, schema.persons.c.id),
    ("mention without source", schema.person_mentions.c.source_id, S.c.id),
    ("mention without person", schema.person_mentions.c.person_id, schema.persons.c.id),
    ("alias without person", schema.person_aliases.c.person_id, schema.persons.c.id),
    ("role without person", schema.person_roles.c.person_id, schema.persons.c.id),
    ("name key without person", schema.person_name_keys.c.person_id, schema.persons.c.id),
)


def orphan_problems(conn: sa.Connection) -> list[str]:
    """Facts pointing at nothing: what a killed or buggy writer would leave behind."""
    problems = []
    for label, child, parent in ORPHAN_CHECKS:
        missing = ~sa.exists().where(parent == child)
        count = conn.scalar(sa.select(sa.func.count()).select_from(child.table).where(missing))
        if count:
            problems.append(f"{count} {label}")
    return problems
