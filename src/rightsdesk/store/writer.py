"""Write one document's source and facts; the caller supplies the transaction.

Each function writes one kind of row. `write_extraction` runs them in order on a
connection already inside a transaction, so a failure at any step leaves
nothing of the document behind.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa

from rightsdesk.errors import StoreError, UnknownPerson
from rightsdesk.model import Evidence, Extraction, PageSpan, Person, PersonRef, Resolution
from rightsdesk.store import name_index, schema, search
from rightsdesk.store.names import name_key


@dataclass(slots=True)
class PersonUpdate:
    """What one document says about one global person: names and roles to add."""

    name: str
    names: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


def write_extraction(
    conn: sa.Connection, extraction: Extraction, resolution: Resolution, *, now: datetime
) -> int:
    """Store the source and every fact of `extraction`; returns the new source id."""
    source_id = insert_source(conn, extraction, now=now)
    person_ids = local_person_ids(extraction, resolution)
    upsert_persons(conn, extraction, resolution, person_ids, now=now)
    insert_mentions(conn, extraction, person_ids, source_id)
    insert_events(conn, extraction, person_ids, source_id)
    insert_statements(conn, extraction, source_id)
    insert_occasions(conn, extraction, person_ids, source_id)
    return source_id


def insert_source(conn: sa.Connection, extraction: Extraction, *, now: datetime) -> int:
    doc = extraction.doc
    source = doc.source
    row = {
        "content_hash": source.content_hash,
        "doc_id": source.doc_id,
        "path": source.path,
        "url": doc.url or source.url,
        "title": doc.title or source.title,
        "published": doc.published or source.published,
        "country": extraction.country,
        "kind": source.kind,
        "encoding": source.encoding,
        "text": doc.text,
        "pages": page_map(doc.pages),
        "language": doc.language,
        "ingested_at": now,
        "extractor": extraction.provenance.extractor,
    }
    source_id = conn.execute(sa.insert(schema.sources).values(row)).inserted_primary_key[0]
    body = f"{row['title'] or ''} {doc.text}"
    search.index(conn, kind="source", ref_id=source_id, source_id=source_id, body=body)
    return source_id


def set_confidential(conn: sa.Connection, person_id: str, confidential: bool) -> None:
    persons = schema.persons
    updated = conn.execute(
        sa.update(persons).where(persons.c.id == person_id).values(confidential=confidential)
    )
    if updated.rowcount == 0:
        raise UnknownPerson(f"no person with id {person_id!r}")


def local_person_ids(extraction: Extraction, resolution: Resolution) -> dict[str, str]:
    """Document person key -> global id; an unresolved person is a pipeline bug, so refuse."""
    content_hash = extraction.doc.source.content_hash
    ids = {}
    for person in extraction.persons:
        ref = PersonRef(content_hash, person.key)
        if ref not in resolution.person_ids:
            raise StoreError(
                f"{extraction.doc.source.doc_id}: person {person.key} ({person.name}) "
                "has no global id in the resolution"
            )
        ids[person.key] = resolution.person_ids[ref]
    return ids


def person_updates(
    persons: Iterable[Person], person_ids: dict[str, str], resolution: Resolution
) -> dict[str, PersonUpdate]:
    """Group a document's persons by global id (one person may appear under two keys)."""
    updates: dict[str, PersonUpdate] = {}
    for person in persons:
        person_id = person_ids[person.key]
        canonical = resolution.names.get(person_id, person.name)
        update = updates.setdefault(person_id, PersonUpdate(name=canonical))
        update.names.update([person.name, *person.aliases])
        update.roles.update(person.roles)
    return updates


def upsert_persons(
    conn: sa.Connection,
    extraction: Extraction,
    resolution: Resolution,
    person_ids: dict[str, str],
    *,
    now: datetime,
) -> None:
    """New persons are inserted; known ones keep their name and gain aliases and roles;
    all are filed under the keys of their names."""
    updates = person_updates(extraction.persons, person_ids, resolution)
    stored = _stored_names(conn, updates)
    for person_id, update in updates.items():
        if person_id not in stored:
            conn.execute(
                sa.insert(schema.persons).values(
                    id=person_id,
                    name=update.name,
                    name_key=name_key(update.name),
                    country=extraction.country,
                    confidential=False,
                    created_at=now,
                )
            )
            stored[person_id] = update.name
        elif extraction.country:
            _fill_country(conn, person_id, extraction.country)
        _add_aliases(conn, person_id, update.names - {stored[person_id]})
        _add_roles(conn, person_id, update.roles)
    name_index.refile(conn, list(updates))


def _stored_names(conn: sa.Connection, updates: dict[str, PersonUpdate]) -> dict[str, str]:
    persons = schema.persons
    query = sa.select(persons.c.id, persons.c.name).where(persons.c.id.in_(list(updates)))
    return {row.id: row.name for row in conn.execute(query)}


def _fill_country(conn: sa.Connection, person_id: str, country: str) -> None:
    persons = schema.persons
    conn.execute(
        sa.update(persons)
        .where(persons.c.id == person_id, persons.c.country.is_(None))
        .values(country=country)
    )


def _add_aliases(conn: sa.Connection, person_id: str, aliases: set[str]) -> None:
    table = schema.person_aliases
    known = set(conn.scalars(sa.select(table.c.alias).where(table.c.person_id == person_id)))
    rows = [
        {"person_id": person_id, "alias": alias, "alias_key": name_key(alias)}
        for alias in sorted(aliases - known)
    ]
    if rows:
        conn.execute(sa.insert(table), rows)


def _add_roles(conn: sa.Connection, person_id: str, roles: set[str]) -> None:
    table = schema.person_roles
    known = set(conn.scalars(sa.select(table.c.role).where(table.c.person_id == person_id)))
    rows = [{"person_id": person_id, "role": role} for role in sorted(roles - known)]
    if rows:
        conn.execute(sa.insert(table), rows)


def insert_mentions(
    conn: sa.Connection, extraction: Extraction, person_ids: dict[str, str], source_id: int
) -> None:
    """Which persons a source names, so a case file can list them with no event yet."""
    rows = [
        {
            "person_id": person_ids[p.key],
            "source_id": source_id,
            "person_key": p.key,
            "name": p.name,
        }
        for p in extraction.persons
    ]
    if rows:
        conn.execute(sa.insert(schema.person_mentions), rows)


def insert_events(
    conn: sa.Connection, extraction: Extraction, person_ids: dict[str, str], source_id: int
) -> None:
    names = {p.key: p.name for p in extraction.persons}
    for event in extraction.events:
        person_id = _person_id(extraction, person_ids, event.person)
        row = {
            "person_id": person_id,
            "source_id": source_id,
            "type": event.type,
            **dated(event.date),
            "place": event.place,
            "sentence_months": event.sentence_months,
            "also": list(event.also),
            "confidence": event.confidence,
            **evidence_columns(event.evidence),
            "extractor": extraction.provenance.extractor,
        }
        event_id = conn.execute(sa.insert(schema.events).values(row)).inserted_primary_key[0]
        _insert_charges(conn, event_id, event.charges)
        body = " ".join(
            [
                names[event.person],
                event.type,
                event.place or "",
                *event.charges,
                event.evidence.sentence,
            ]
        )
        search.index(conn, kind="event", ref_id=event_id, source_id=source_id, body=body)


def _person_id(extraction: Extraction, person_ids: dict[str, str], key: str) -> str:
    if key not in person_ids:
        raise StoreError(f"{extraction.doc.source.doc_id}: a fact names unknown person {key}")
    return person_ids[key]


def _insert_charges(conn: sa.Connection, event_id: int, charges: list[str]) -> None:
    rows = [
        {"event_id": event_id, "position": position, "charge": charge}
        for position, charge in enumerate(charges)
    ]
    if rows:
        conn.execute(sa.insert(schema.event_charges), rows)


def insert_statements(conn: sa.Connection, extraction: Extraction, source_id: int) -> None:
    for statement in extraction.statements:
        row = {
            "source_id": source_id,
            "actor": statement.actor,
            "names": list(statement.names),
            **dated(statement.date),
            "confidence": statement.confidence,
            **evidence_columns(statement.evidence),
            "extractor": extraction.provenance.extractor,
        }
        statement_id = conn.execute(sa.insert(schema.statements).values(row)).inserted_primary_key[
            0
        ]
        body = f"{statement.actor} {statement.evidence.sentence}"
        search.index(conn, kind="statement", ref_id=statement_id, source_id=source_id, body=body)


def insert_occasions(
    conn: sa.Connection, extraction: Extraction, person_ids: dict[str, str], source_id: int
) -> None:
    for occasion in extraction.occasions:
        row = {
            "source_id": source_id,
            "type": occasion.type,
            "description": occasion.description,
            **dated(occasion.date),
            **evidence_columns(occasion.evidence),
            "confidence": occasion.confidence,
            "extractor": extraction.provenance.extractor,
        }
        occasion_id = conn.execute(sa.insert(schema.occasions).values(row)).inserted_primary_key[0]
        linked = sorted({_person_id(extraction, person_ids, key) for key in occasion.persons})
        if linked:
            conn.execute(
                sa.insert(schema.occasion_persons),
                [{"occasion_id": occasion_id, "person_id": pid} for pid in linked],
            )
        body = f"{occasion.description} {occasion.evidence.sentence}"
        search.index(conn, kind="occasion", ref_id=occasion_id, source_id=source_id, body=body)


def evidence_columns(evidence: Evidence) -> dict[str, object]:
    return {
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_sentence": evidence.sentence,
        "evidence_page": evidence.page,
    }


def page_map(pages: tuple[PageSpan, ...]) -> list[list[int]] | None:
    """The page map as stored: `[[start, page], ...]`, null for an unpaged source."""
    return [[span.start, span.page] for span in pages] or None


def dated(partial: str | None) -> dict[str, object]:
    """The date as read plus its first day, so "2012-10" sorts and filters as 1 Oct 2012."""
    return {"date": partial, "date_start": first_day(partial)}


def first_day(partial: str | None) -> date | None:
    """First day of a YYYY / YYYY-MM / YYYY-MM-DD date; None when it is not one."""
    if not partial:
        return None
    parts = partial.split("-")
    try:
        numbers = [int(part) for part in parts]
        year, month, day = (numbers + [1, 1])[:3]
        if len(parts) > 3 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        return None
