"""Full-text search index over source texts and facts, filled from stored rows.

SQLite gets an FTS5 virtual table; PostgreSQL a table with a generated tsvector
and a GIN index. Both take the same inserts, so the writer does not care which.
Rows stored at revision 1 are indexed here, so an upgraded store searches
everything it already holds.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "kind UNINDEXED, ref_id UNINDEXED, source_id UNINDEXED, body, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)
POSTGRES_TABLE = (
    "CREATE TABLE search_index ("
    "kind VARCHAR(10) NOT NULL, ref_id INTEGER NOT NULL, "
    "source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, "
    "body TEXT NOT NULL, "
    "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"
)
BACKFILL = {
    "source": "SELECT id, id, coalesce(title, '') || ' ' || text FROM sources",
    "event": (
        "SELECT e.id, e.source_id, p.name || ' ' || e.type || ' ' || coalesce(e.place, '')"
        " || ' ' || e.evidence_sentence FROM events e JOIN persons p ON p.id = e.person_id"
    ),
    "statement": "SELECT id, source_id, actor || ' ' || evidence_sentence FROM statements",
    "occasion": ("SELECT id, source_id, description || ' ' || evidence_sentence FROM occasions"),
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(POSTGRES_TABLE)
        op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)")
    else:
        op.execute(SQLITE_FTS)
    _backfill(bind)


def _backfill(bind: sa.Connection) -> None:
    """Index what revision 1 stored; charges are left out as they need a join per row."""
    insert = sa.text(
        "INSERT INTO search_index (kind, ref_id, source_id, body) VALUES (:k, :r, :s, :b)"
    )
    for kind, query in BACKFILL.items():
        rows = bind.execute(sa.text(query)).all()
        if rows:
            bind.execute(insert, [{"k": kind, "r": r, "s": s, "b": b} for r, s, b in rows])


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
