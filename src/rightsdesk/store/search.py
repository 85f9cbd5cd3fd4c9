"""Full-text search on each backend's own engine: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends keep a `search_index` table with the same columns, so indexing is
one insert; each backend registers its own query function in `SEARCHERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from rightsdesk.store import schema

SNIPPET_WORDS = 16  # enough words around a hit to judge it without opening the source


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: what kind of row, which row, in which source, and the words around it."""

    kind: str  # source | event | statement | occasion
    ref_id: int  # id of the source, event, statement or occasion
    source_id: int
    snippet: str  # matched terms between [ and ]
    score: float  # higher is better; comparable within one result list only


def index(conn: sa.Connection, *, kind: str, ref_id: int, source_id: int, body: str) -> None:
    """Make a stored row findable; called by the writer inside its transaction."""
    conn.execute(
        sa.insert(schema.search_index).values(
            kind=kind, ref_id=ref_id, source_id=source_id, body=body
        )
    )


def search(conn: sa.Connection, query: str, limit: int = 20) -> list[SearchHit]:
    """Best hits first; an empty or punctuation-only query finds nothing."""
    if not re.search(r"\w", query) or limit < 1:
        return []
    return SEARCHERS[conn.dialect.name](conn, query, limit)


def fts5_query(query: str) -> str:
    """Quote every word so user input is never read as FTS5 syntax (AND of all words)."""
    return " ".join(f'"{word}"' for word in re.findall(r"\w+", query))


SQLITE_SEARCH = sa.text(
    "SELECT kind, ref_id, source_id, "
    f"snippet(search_index, 3, '[', ']', '…', {SNIPPET_WORDS}) AS snippet, "
    "-bm25(search_index) AS score "
    "FROM search_index WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
)

POSTGRES_SEARCH = sa.text(
    "SELECT kind, ref_id, source_id, "
    "ts_headline('english', body, query, "
    f"'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords=5') AS snippet, score "
    "FROM (SELECT kind, ref_id, source_id, body, query, ts_rank(tsv, query) AS score "
    "      FROM search_index, websearch_to_tsquery('english', :query) AS query "
    "      WHERE tsv @@ query ORDER BY score DESC LIMIT :limit) AS best "
    "ORDER BY score DESC"
)


def _search_sqlite(conn: sa.Connection, query: str, limit: int) -> list[SearchHit]:
    rows = conn.execute(SQLITE_SEARCH, {"query": fts5_query(query), "limit": limit})
    return [_hit(row) for row in rows]


def _search_postgres(conn: sa.Connection, query: str, limit: int) -> list[SearchHit]:
    rows = conn.execute(POSTGRES_SEARCH, {"query": query, "limit": limit})
    return [_hit(row) for row in rows]


def _hit(row: sa.Row) -> SearchHit:
    return SearchHit(
        kind=row.kind,
        ref_id=int(row.ref_id),
        source_id=int(row.source_id),
        snippet=row.snippet,
        score=float(row.score),
    )


SEARCHERS: dict[str, Callable[[sa.Connection, str, int], list[SearchHit]]] = {
    "sqlite": _search_sqlite,
    "postgresql": _search_postgres,
}
