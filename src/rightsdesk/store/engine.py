"""From what the user typed (a path, ":memory:" or a URL) to a configured engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from rightsdesk.errors import StoreError
from rightsdesk.store.postgres import create_postgres_engine
from rightsdesk.store.sqlite import create_sqlite_engine

BACKENDS: dict[str, Callable[[sa.URL], sa.Engine]] = {
    "sqlite": create_sqlite_engine,
    "postgresql": create_postgres_engine,
    "postgres": create_postgres_engine,
}


def store_url(url_or_path: str) -> sa.URL:
    """A plain path means an SQLite file, so `--db cases.db` just works."""
    if url_or_path == ":memory:":
        return sa.make_url("sqlite://")
    if "://" in url_or_path:
        return sa.make_url(url_or_path)
    return sa.make_url(f"sqlite:///{Path(url_or_path).expanduser().resolve()}")


def create_engine(url_or_path: str) -> sa.Engine:
    """An engine for the store's backend; unknown backends are refused by name."""
    url = store_url(url_or_path)
    backend = url.get_backend_name()
    if backend not in BACKENDS:
        raise StoreError(
            f"{url_or_path}: unsupported database {backend!r}; use sqlite or postgresql"
        )
    return BACKENDS[backend](url)
