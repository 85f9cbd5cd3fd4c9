"""Re-extraction: replace a stored source's machine facts, keep every analyst decision.

When the extractor improves, stored sources are read again from their clean
text. Facts still in review state "machine" are replaced; a fact an analyst
accepted, edited, rejected or added stays as it is, and a new machine fact of
the same kind for the same person (or actor, or occasion type) is not added
beside it: the analyst's word on that fact stands.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from rightsdesk.errors import StoreError
from rightsdesk.model import CleanDoc, Extraction, PageSpan, Resolution, Source
from rightsdesk.store import schema, writer

MANUAL_PREFIX = "m-"  # person_key of mentions added by hand (store.review)


def stale_source_ids(conn: sa.Connection, extractor: str) -> list[int]:
    """Machine-read sources stored by another extractor version."""
    sources = schema.sources
    query = sa.select(sources.c.id).where(
        sources.c.extractor != extractor, sources.c.extractor != "manual"
    )
    return list(conn.scalars(query.order_by(sources.c.id)))


def clean_doc(conn: sa.Connection, source_id: int) -> CleanDoc:
    """The stored clean text as the extractor reads it (the raw page is not kept)."""
    row = conn.execute(sa.select(schema.sources).where(schema.sources.c.id == source_id)).first()
    if row is None:
        raise StoreError(f"no source with id {source_id}")
    source = Source(
        doc_id=row.doc_id,
        path=row.path,
        kind=row.kind,
        raw=b"",
        content_hash=row.content_hash,
        url=row.url,
        published=row.published,
        title=row.title,
        encoding=row.encoding,
    )
    pages = tuple(PageSpan(start, page) for start, page in row.pages or ())
    return CleanDoc(source, row.text, title=row.title, published=row.published, url=row.url,
                    pages=pages, language=row.language)


def replace_machine_facts(
    conn: sa.Connection, extraction: Extraction, resolution: Resolution, *, now: datetime
) -> None:
    """Inside the caller's transaction: swap this source's machine facts for new ones."""
    source_id = _source_id(conn, extraction.doc.source.content_hash)
    reviewed = _reviewed_keys(conn, source_id)
    _delete_machine_facts(conn, source_id)
    person_ids = writer.local_person_ids(extraction, resolution)
    writer.upsert_persons(conn, extraction, resolution, person_ids, now=now)
    writer.insert_mentions(conn, extraction, person_ids, source_id)
    kept = _without_reviewed(extraction, person_ids, reviewed)
    writer.insert_events(conn, kept, person_ids, source_id)
    writer.insert_statements(conn, kept, source_id)
    writer.insert_occasions(conn, kept, person_ids, source_id)
    conn.execute(
        sa.update(schema.sources)
        .where(schema.sources.c.id == source_id)
        .values(extractor=extraction.provenance.extractor, country=extraction.country)
    )


def _source_id(conn: sa.Connection, content_hash: str) -> int:
    found = conn.scalar(
        sa.select(schema.sources.c.id).where(schema.sources.c.content_hash == content_hash)
    )
    if found is None:
        raise StoreError(f"source {content_hash[:12]} is not stored; ingest it first")
    return found


def _reviewed_keys(conn: sa.Connection, source_id: int) -> set[tuple[str, str, str]]:
    """(kind, subject, type) of every fact of the source an analyst has decided on."""
    keys: set[tuple[str, str, str]] = set()
    e, s, o = schema.events, schema.statements, schema.occasions
    decided = sa.and_(e.c.source_id == source_id, e.c.review != "machine")
    for row in conn.execute(sa.select(e.c.person_id, e.c.type).where(decided)):
        keys.add(("event", row.person_id, row.type))
    for row in conn.execute(
        sa.select(s.c.actor).where(s.c.source_id == source_id, s.c.review != "machine")
    ):
        keys.add(("statement", row.actor, ""))
    for row in conn.execute(
        sa.select(o.c.type).where(o.c.source_id == source_id, o.c.review != "machine")
    ):
        keys.add(("occasion", "", row.type))
    return keys


def _delete_machine_facts(conn: sa.Connection, source_id: int) -> None:
    tables = {"event": schema.events, "statement": schema.statements, "occasion": schema.occasions}
    for kind, table in tables.items():
        machine = sa.select(table.c.id).where(
            table.c.source_id == source_id, table.c.review == "machine"
        )
        ids = list(conn.scalars(machine))
        if not ids:
            continue
        index = schema.search_index
        conn.execute(sa.delete(index).where(index.c.kind == kind, index.c.ref_id.in_(ids)))
        if kind == "event":
            charges = schema.event_charges
            conn.execute(sa.delete(charges).where(charges.c.event_id.in_(ids)))
        if kind == "occasion":
            linked = schema.occasion_persons
            conn.execute(sa.delete(linked).where(linked.c.occasion_id.in_(ids)))
        conn.execute(sa.delete(table).where(table.c.id.in_(ids)))
    mentions = schema.person_mentions
    conn.execute(
        sa.delete(mentions).where(
            mentions.c.source_id == source_id, ~mentions.c.person_key.startswith(MANUAL_PREFIX)
        )
    )


def _without_reviewed(
    extraction: Extraction, person_ids: dict[str, str], reviewed: set[tuple[str, str, str]]
) -> Extraction:
    """The extraction less the facts an analyst already decided on."""
    return Extraction(
        doc=extraction.doc,
        provenance=extraction.provenance,
        country=extraction.country,
        persons=extraction.persons,
        events=[
            e for e in extraction.events
            if ("event", person_ids[e.person], e.type) not in reviewed
        ],
        statements=[s for s in extraction.statements if ("statement", s.actor, "") not in reviewed],
        occasions=[o for o in extraction.occasions if ("occasion", "", o.type) not in reviewed],
    )
