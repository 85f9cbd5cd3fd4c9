"""Case tables: sources, persons, events, statements, occasions, with review columns.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _review() -> list[sa.Column]:
    return [
        sa.Column("review", sa.String(16), nullable=False, server_default="machine"),
        sa.Column("reviewed_by", sa.String(200)),
        sa.Column("reviewed_at", sa.DateTime(timezone=True)),
    ]


def _evidence() -> list[sa.Column]:
    return [
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_sentence", sa.Text, nullable=False),
    ]


def _dated() -> list[sa.Column]:
    return [sa.Column("date", sa.String(10)), sa.Column("date_start", sa.Date)]


def _ref(name: str, target: str, *, cascade: bool = True, **column: bool) -> sa.Column:
    """A foreign key column typed like its target (alembic cannot infer across tables)."""
    type_ = sa.String(200) if target == "persons.id" else sa.Integer
    ondelete = "CASCADE" if cascade else None
    return sa.Column(name, type_, sa.ForeignKey(target, ondelete=ondelete), **column)


def _source_fk() -> sa.Column:
    return _ref("source_id", "sources.id", nullable=False)


def upgrade() -> None:
    _create_sources()
    _create_persons()
    _create_facts()


def _create_sources() -> None:
    op.create_table(
        "sources",
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
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor", sa.String(100), nullable=False),
    )
    op.create_index("ix_sources_country", "sources", ["country"])


def _create_persons() -> None:
    op.create_table(
        "persons",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_persons_name_key", "persons", ["name_key"])
    op.create_table(
        "person_aliases",
        _ref("person_id", "persons.id", primary_key=True),
        sa.Column("alias", sa.Text, primary_key=True),
        sa.Column("alias_key", sa.Text, nullable=False),
    )
    op.create_index("ix_person_aliases_alias_key", "person_aliases", ["alias_key"])
    op.create_table(
        "person_roles",
        _ref("person_id", "persons.id", primary_key=True),
        sa.Column("role", sa.Text, primary_key=True),
    )
    op.create_table(
        "person_mentions",
        _ref("person_id", "persons.id", primary_key=True),
        _ref("source_id", "sources.id", primary_key=True),
        sa.Column("person_key", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_person_mentions_source", "person_mentions", ["source_id"])


def _create_facts() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _ref("person_id", "persons.id", cascade=False, nullable=False),
        _source_fk(),
        sa.Column("type", sa.String(20), nullable=False),
        *_dated(),
        sa.Column("place", sa.Text),
        sa.Column("sentence_months", sa.Float),
        sa.Column("also", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        *_evidence(),
        *_review(),
        sa.Column("extractor", sa.String(100), nullable=False),
    )
    op.create_index("ix_events_person", "events", ["person_id", "date_start"])
    op.create_index("ix_events_source", "events", ["source_id"])
    op.create_table(
        "event_charges",
        _ref("event_id", "events.id", primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("charge", sa.Text, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True),
        _source_fk(),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("names", sa.JSON, nullable=False),
        *_dated(),
        sa.Column("confidence", sa.Float, nullable=False),
        *_evidence(),
        *_review(),
        sa.Column("extractor", sa.String(100), nullable=False),
    )
    op.create_index("ix_statements_source", "statements", ["source_id"])
    _create_occasions()


def _create_occasions() -> None:
    op.create_table(
        "occasions",
        sa.Column("id", sa.Integer, primary_key=True),
        _source_fk(),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        *_dated(),
        *_evidence(),
        *_review(),
        sa.Column("extractor", sa.String(100), nullable=False),
    )
    op.create_index("ix_occasions_source", "occasions", ["source_id"])
    op.create_table(
        "occasion_persons",
        _ref("occasion_id", "occasions.id", primary_key=True),
        _ref("person_id", "persons.id", cascade=False, primary_key=True),
    )


def downgrade() -> None:
    for table in (
        "occasion_persons",
        "occasions",
        "statements",
        "event_charges",
        "events",
        "person_mentions",
        "person_roles",
        "person_aliases",
        "persons",
        "sources",
    ):
        op.drop_table(table)
