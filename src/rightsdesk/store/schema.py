"""The case store's tables, as SQLAlchemy Core objects for queries.

The migrations in `migrations/versions/` create these tables; this module only
describes the head revision so readers and writers can build statements. A test
checks that the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

REVIEW_DEFAULT = "machine"


def _review_columns() -> list[sa.Column]:
    """Review state plus who set it: edits on the web desk must be traceable."""
    return [
        sa.Column("review", sa.String(16), nullable=False, server_default=REVIEW_DEFAULT),
        sa.Column("reviewed_by", sa.String(200)),
        sa.Column("reviewed_at", sa.DateTime(timezone=True)),
    ]


def _evidence_columns() -> list[sa.Column]:
    """Every fact keeps the sentence it was read from and its span in the clean text
    (and, from a PDF, the page the sentence starts on)."""
    return [
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_sentence", sa.Text, nullable=False),
        sa.Column("evidence_page", sa.Integer),
    ]


def _fact_date_columns() -> list[sa.Column]:
    """The partial date as read, and its first day for sorting and as-of filters."""
    return [
        sa.Column("date", sa.String(10)),
        sa.Column("date_start", sa.Date),
    ]


sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("doc_id", sa.String(300), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("country", sa.String(2)),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("encoding", sa.String(40)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("pages", sa.JSON),  # a PDF's page map: [[start, page], ...]
    sa.Column("language", sa.String(8), nullable=False, server_default="en"),  # ISO 639-1
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("extractor", sa.String(100), nullable=False),
    sa.Index("ix_sources_country", "country"),
)

persons = sa.Table(
    "persons",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_persons_name_key", "name_key"),
)

person_aliases = sa.Table(
    "person_aliases",
    metadata,
    sa.Column("person_id", sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("alias", sa.Text, primary_key=True),
    sa.Column("alias_key", sa.Text, nullable=False),
    sa.Index("ix_person_aliases_alias_key", "alias_key"),
)

# The name index (store/name_index.py): every person under the keys of its names,
# and each filed surname once, by band, for the fuzzy surname match.
person_name_keys = sa.Table(
    "person_name_keys",
    metadata,
    sa.Column("surname", sa.Text, primary_key=True),
    sa.Column("initial", sa.String(1), primary_key=True),
    sa.Column("given", sa.Text, primary_key=True),
    sa.Column("person_id", sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_person_name_keys_person", "person_id"),
)

surname_keys = sa.Table(
    "surname_keys",
    metadata,
    sa.Column("surname", sa.Text, primary_key=True),
    sa.Column("band", sa.String(12), nullable=False),
    sa.Index("ix_surname_keys_band", "band", "surname"),
)

person_roles = sa.Table(
    "person_roles",
    metadata,
    sa.Column("person_id", sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),
)

person_mentions = sa.Table(
    "person_mentions",
    metadata,
    sa.Column("person_id", sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_key", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Index("ix_person_mentions_source", "source_id"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("person_id", sa.ForeignKey("persons.id"), nullable=False),
    sa.Column("source_id", sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    *_fact_date_columns(),
    sa.Column("place", sa.Text),
    sa.Column("sentence_months", sa.Float),
    sa.Column("also", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    *_evidence_columns(),
    *_review_columns(),
    sa.Column("extractor", sa.String(100), nullable=False),
    sa.Index("ix_events_person", "person_id", "date_start"),
    sa.Index("ix_events_source", "source_id"),
    sa.Index("ix_events_review", "review", "confidence", "id"),  # the review queue
)

event_charges = sa.Table(
    "event_charges",
    metadata,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("charge", sa.Text, nullable=False),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("names", sa.JSON, nullable=False),
    *_fact_date_columns(),
    sa.Column("confidence", sa.Float, nullable=False),
    *_evidence_columns(),
    *_review_columns(),
    sa.Column("extractor", sa.String(100), nullable=False),
    sa.Index("ix_statements_source", "source_id"),
    sa.Index("ix_statements_review", "review", "confidence", "id"),
)

occasions = sa.Table(
    "occasions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    *_fact_date_columns(),
    *_evidence_columns(),
    sa.Column("confidence", sa.Float, nullable=False, server_default="1.0"),
    *_review_columns(),
    sa.Column("extractor", sa.String(100), nullable=False),
    sa.Index("ix_occasions_source", "source_id"),
)

occasion_persons = sa.Table(
    "occasion_persons",
    metadata,
    sa.Column("occasion_id", sa.ForeignKey("occasions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", sa.ForeignKey("persons.id"), primary_key=True),
)

search_index = sa.Table(
    "search_index",
    metadata,
    sa.Column("kind", sa.String(10)),
    sa.Column("ref_id", sa.Integer),
    sa.Column("source_id", sa.Integer),
    sa.Column("body", sa.Text),
)
"""Revision 2: an FTS5 virtual table on SQLite, a tsvector-indexed table on PostgreSQL.

Both take the same inserts; only the query differs (see search.py).
"""
